// DPU Reality Check embed loader. A blog includes this one script; it turns every
//   <div data-dpu-reality-check data-preset="hype-case" data-theme="auto"></div>
//   <div data-dpu-reality-check data-link="https://host/path/#s=1.eyJ…"></div>
// into a lazily loaded iframe of the calculator (compact embed mode) that resizes itself to
// its content.
//
// Where the calculator lives: beside this script. Its address comes only from a real
// <script src=…> element that is running right now (Document.prototype's currentScript
// getter, so an <img name="currentScript"> on the page cannot fake it); loaded any other way
// (as a module, inline, from a clobbered page) the loader mounts nothing and says so once.
//
// Attributes (anything invalid is ignored and the embed shows the defaults, or the preset):
//   data-preset  a preset name, [a-z0-9-]{1,40}
//   data-link    a link a reader copied from the calculator (https://host/path/#s=1.…, #s=1.…
//                or s=1.…); it must point to the same site as this script. The scenario goes
//                into the iframe's fragment, which browsers never send to a server.
//   data-theme   light | dark | auto
//   data-title   the card's heading and the iframe's title; data-height the height before the content reports it
//                (100 to 2400 pixels: more than a card needs in any column)
// Whatever the div holds (the snippet's link for readers without JavaScript or in a feed
// reader) is replaced by the iframe.
//   id / data-id names the embed's saved-scenario list (see namespace() below)
//
// Which embeds are the author's: on the loader's own <script> tag,
//   data-embeds="calc-1 calc-2"   only the elements with these ids mount (the first element
//                                 of each id in the page, so a planted copy later in the page,
//                                 in a comment, is never mounted); any other div is ignored
//                                 with a warning. Use it on any page that shows other people's
//                                 HTML (comments, guest posts): sanitizers keep data-*
//                                 attributes, so a comment could otherwise plant a calculator.
// Without data-embeds (the default, as before) every div[data-dpu-reality-check] mounts.
//
// The iframe reports its height with postMessage; only messages from our own origin and
// from an iframe this loader made are believed. Nothing here tracks or calls out: the only
// request is the iframe's page, from the same place this script came from.
(function () {
  "use strict";
  var MESSAGE = "dpu-reality-check:height";
  var PRESET = /^[a-z0-9-]{1,40}$/;
  var LINK_VALUE = /^1\.[A-Za-z0-9_-]+$/;
  var MAX_LINK = 16384; // the longest #s= value the calculator reads
  var MAX_HEIGHT = 2400; // data-height above this is ignored: no card is that tall
  // What the card may do in its iframe, and no more: run its scripts on its own origin (its
  // storage, its wasm), submit its Save form (handled by the page, sent nowhere), open the
  // full analysis in a new tab that is not sandboxed, and download an export. src/components/embed_panel.rs gives pasted iframes the same list
  // (a test keeps the two equal).
  var SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads";
  var SAFE = /^[A-Za-z0-9_-]$/;
  // The presets with a pre-rendered card (embed/<name>/); a test in src/prerender.rs keeps
  // this list equal to the calculator's. Any other well-formed name goes to embed/?preset=,
  // where the calculator says it does not know it and shows the defaults.
  var CARDS = ["hype-case", "nfv-heavy", "enterprise-typical", "bare-metal-cloud", "kubernetes-ovn", "vcf9-measured", "vsphere8-try-edp-first", "vcf9-dpu-pays"];

  function warn(text) {
    if (typeof console !== "undefined" && console.warn) console.warn("DPU Reality Check embed: " + text);
  }
  function quote(value) {
    return JSON.stringify(value.length > 60 ? value.slice(0, 60) + "…" : value);
  }

  // The page's own methods, taken from the prototypes: named elements (<img name="…">,
  // <form name="…">) shadow document properties of the same name, never these.
  var docProto = Document.prototype;
  function docCall(name) {
    return docProto[name].apply(document, Array.prototype.slice.call(arguments, 1));
  }
  function docGet(name) {
    var d = Object.getOwnPropertyDescriptor(docProto, name);
    return d && d.get ? d.get.call(document) : undefined;
  }
  var listen = EventTarget.prototype.addEventListener;

  var ownScript = docGet("currentScript");

  /** Our own script element's absolute src, or "" when this is not a classic <script src>. */
  function ownSource() {
    var script = ownScript;
    if (!(script instanceof HTMLScriptElement)) return "";
    var d = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src");
    var src = d && d.get ? d.get.call(script) : "";
    if (typeof src !== "string" || !src) return "";
    try {
      var url = new URL(src);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
    } catch (e) {
      return "";
    }
  }

  var source = ownSource();
  if (!source) {
    warn("not mounted: load this file with a classic <script src=\"…/embed.js\"> tag (not as a " +
      "module, not inline); it finds the calculator beside its own address.");
    return;
  }
  var base = new URL(".", source);
  var frames = [];

  /** The `#s=` value of a copied link, "" when there is none, null when it is not usable. */
  function linkValue(text) {
    if (!text) return "";
    if (text.length > MAX_LINK + 4096) return null;
    text = text.trim();
    var fragment;
    if (text.slice(0, 2) === "s=") {
      fragment = text;
    } else if (text.charAt(0) === "#") {
      fragment = text.slice(1);
    } else {
      var url;
      try {
        url = new URL(text, base); // a relative link (/tools/dpu/#s=…) is relative to us
      } catch (e) {
        return null;
      }
      if (url.origin !== base.origin) return null;
      fragment = url.hash.slice(1);
    }
    var parts = fragment.split("&");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].slice(0, 2) !== "s=") continue;
      var value = parts[i].slice(2);
      return value.length <= MAX_LINK && LINK_VALUE.test(value) ? value : null;
    }
    return null;
  }

  /** A short, stable hash (hex) of a string: two FNV-1a lanes over its UTF-16 code units. */
  function hash(text, digits) {
    var a = 0x811c9dc5;
    var b = 0x9e3779b9;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    var hex = ("0000000" + (a >>> 0).toString(16)).slice(-8) + ("0000000" + (b >>> 0).toString(16)).slice(-8);
    return hex.slice(0, digits);
  }

  /** `id` in [A-Za-z0-9_.-]: ASCII letters, digits, _ and - stay; every other character
   *  (letters of any script included) becomes its UTF-8 bytes as .HH. Injective. */
  function encodeId(id) {
    var bytes = new TextEncoder().encode(id);
    var out = "";
    for (var i = 0; i < bytes.length; i++) {
      var ch = String.fromCharCode(bytes[i]);
      out += bytes[i] < 0x80 && SAFE.test(ch) ? ch : "." + ("0" + bytes[i].toString(16).toUpperCase()).slice(-2);
    }
    if (out.length <= 87) return out;
    // Too long for the 100-character namespace: a prefix and a hash of the whole id. ".."
    // never occurs in an encoding, so a shortened id cannot equal a full one.
    var cut = 70;
    if (out.charAt(cut - 1) === ".") cut -= 1;
    else if (out.charAt(cut - 2) === ".") cut -= 2;
    return out.slice(0, cut) + ".." + hash(id, 8);
  }

  // The embedding page (origin and path, not the query or fragment, so tracking parameters
  // do not split a post's list): its hash keeps the same id, or the same position, on two
  // posts apart.
  var page = location.protocol + "//" + location.host + location.pathname.replace(/\/index\.html?$/, "/");
  var pageHash = hash(page, 12);

  /** Where the embed keeps its saved scenarios (?ns=): `<page hash>-<encoded id>` for a div
   *  with an id, `<page hash>.embed-<N>` for the N-th embed without one. */
  function namespace(div, index) {
    var id = div.id || div.getAttribute("data-id") || "";
    return id ? pageHash + "-" + encodeId(id) : pageHash + ".embed-" + (index + 1);
  }

  function mount(div, index) {
    if (div.getAttribute("data-dpu-mounted")) return;
    div.setAttribute("data-dpu-mounted", "1");
    var params = new URLSearchParams();

    var link = linkValue(div.getAttribute("data-link") || "");
    if (link === null) {
      warn("ignored data-link " + quote(div.getAttribute("data-link")) + ": copy the link from the " +
        "calculator at " + base.href + " (it ends in #s=1.…)");
      link = "";
    }
    var preset = div.getAttribute("data-preset") || "";
    if (preset && !PRESET.test(preset)) {
      warn("ignored data-preset " + quote(preset));
      preset = "";
    }

    var theme = div.getAttribute("data-theme") || "auto";
    if (theme !== "light" && theme !== "dark" && theme !== "auto") {
      warn("ignored data-theme " + quote(theme) + " (light, dark or auto)");
      theme = "auto";
    }
    params.set("theme", theme);

    // The pre-rendered card of the preset (or of the default scenario): its verdict is in the
    // HTML, so the reader sees it before the calculator's code has loaded.
    var card = false;
    for (var i = 0; i < CARDS.length; i++) if (CARDS[i] === preset) card = true;
    if (link) preset = "";
    if (preset && !card) params.set("preset", preset);
    var url = new URL("embed/" + (card && preset ? preset + "/" : ""), base);
    url.search = params.toString();
    // The list's name rides in the fragment with the link: browsers send neither to the
    // calculator's host, which so never learns which post embeds it.
    // So does the card's heading, data-title (at most 100 characters).
    var title = div.getAttribute("data-title") || "";
    url.hash = "ns=" + namespace(div, index) + (title ? "&t=" + encodeURIComponent(title.slice(0, 100)) : "") +
      (link ? "&s=" + link : "");

    var iframe = docCall("createElement", "iframe");
    iframe.src = url.href;
    iframe.title = div.getAttribute("data-title") || ("DPU Reality Check" +
      (link ? ": a shared scenario" : preset ? ": " + preset.replace(/-/g, " ") : " calculator"));
    iframe.loading = "lazy";
    iframe.referrerPolicy = "no-referrer";
    iframe.setAttribute("allow", "clipboard-write");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    var asked = div.getAttribute("data-height");
    var height = parseInt(asked, 10);
    if (asked && !(height >= 100 && height <= MAX_HEIGHT)) {
      warn("ignored data-height " + quote(asked) + " (100 to " + MAX_HEIGHT + ")");
    }
    iframe.style.height = (height >= 100 && height <= MAX_HEIGHT ? height : 640) + "px";
    // The card replaces what the div held for readers without JavaScript (a link to the
    // scenario, in the pasted snippet).
    div.textContent = "";
    div.appendChild(iframe);
    frames.push(iframe);
  }

  listen.call(window, "message", function (event) {
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.type !== MESSAGE || typeof data.height !== "number") return;
    if (!(data.height > 0 && data.height < 20000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + "px";
      }
    }
  });

  /** The ids the author listed in data-embeds on the loader's tag; null when none is set. */
  function authorsEmbeds() {
    var list = Element.prototype.getAttribute.call(ownScript, "data-embeds");
    if (list === null) return null;
    return list.split(/\s+/).filter(function (id) { return id; });
  }

  function mountAll() {
    var named = authorsEmbeds();
    var divs = docCall("querySelectorAll", "div[data-dpu-reality-check]");
    if (named === null) {
      for (var i = 0; i < divs.length; i++) mount(divs[i], i);
      return;
    }
    // Only the first element of each listed id: the author's, placed before any comment.
    var mine = [];
    for (var j = 0; j < named.length; j++) {
      var el = docCall("getElementById", named[j]);
      if (el && el.tagName === "DIV" && el.hasAttribute("data-dpu-reality-check")) {
        mine.push(el);
        mount(el, j);
      } else {
        warn("data-embeds names " + quote(named[j]) + ", but no div[data-dpu-reality-check] has that id");
      }
    }
    // Not marked: another copy of the loader (a second pasted snippet) may name it.
    for (var k = 0; k < divs.length; k++) {
      if (mine.indexOf(divs[k]) < 0 && !divs[k].getAttribute("data-dpu-mounted")) {
        warn("not mounted: this page's data-embeds does not name " +
          (divs[k].id ? "the id " + quote(divs[k].id) : "an embed without an id"));
      }
    }
  }
  if (docGet("readyState") === "loading") {
    listen.call(document, "DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
