// DPU Reality Check embed loader. A blog includes this one script; it turns every
//   <div data-dpu-reality-check data-preset="hype-case" data-theme="auto"></div>
// into a lazily loaded iframe of the calculator (compact embed mode) that resizes itself to
// its content. The iframe reports its height with postMessage; only messages from our own
// origin and from that very iframe are believed. Nothing here tracks or calls out: the only
// request is the iframe's page, from the same place this script came from.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(".", script && script.src ? script.src : window.location.href);
  var MESSAGE = "dpu-reality-check:height";
  var frames = [];
  var PRESET = /^[a-z0-9-]{1,40}$/;
  var THEMES = { light: 1, dark: 1, auto: 1 };

  function mount(div, index) {
    if (div.getAttribute("data-dpu-mounted")) return;
    div.setAttribute("data-dpu-mounted", "1");
    var params = new URLSearchParams();
    params.set("embed", "1");
    var preset = div.getAttribute("data-preset") || "";
    if (PRESET.test(preset)) params.set("preset", preset);
    var theme = div.getAttribute("data-theme") || "auto";
    params.set("theme", THEMES[theme] ? theme : "auto");
    // Each embed saves scenarios under its own name, so two embeds never overwrite each other.
    var ns = (div.id || div.getAttribute("data-id") || "embed-" + (index + 1)).replace(/[^A-Za-z0-9_.-]/g, "");
    params.set("ns", ns);
    var iframe = document.createElement("iframe");
    iframe.src = new URL("index.html?" + params.toString(), base).toString();
    iframe.title = div.getAttribute("data-title") ||
      ("DPU Reality Check" + (preset ? ": " + preset.replace(/-/g, " ") : " calculator"));
    iframe.loading = "lazy";
    iframe.referrerPolicy = "no-referrer";
    iframe.setAttribute("allow", "clipboard-write");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = (parseInt(div.getAttribute("data-height"), 10) || 640) + "px";
    div.appendChild(iframe);
    frames.push(iframe);
  }

  window.addEventListener("message", function (event) {
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

  function mountAll() {
    var divs = document.querySelectorAll("div[data-dpu-reality-check]");
    for (var i = 0; i < divs.length; i++) mount(divs[i], i);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
