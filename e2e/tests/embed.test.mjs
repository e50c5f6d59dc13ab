// The embed loader (assets/embed.js) on mock blog posts: embeds of a copied link, hostile
// attribute values, pages that try to clobber the loader's idea of its own address, separate
// saved lists per post, and the content-hashed loader with Subresource Integrity from another
// origin. dist/ is published under /tools/dpu/; the posts live elsewhere on the same host
// (/blog/…) or on a second host.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";
import { linkValue, watch } from "../lib/watch.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const PREFIX = "/tools/dpu/";
const ATTACKER = "https://attacker.invalid";
const LOADER = readFileSync(join(DIST, "embed.js"), "utf8");
const NS = /^[A-Za-z0-9_.-]{1,100}$/;

const esc = (v) => String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A parameter of an iframe address's fragment (`#ns=…&s=…`). */
const fragment = (src, name) => new URLSearchParams(new URL(src).hash.slice(1)).get(name);
/** `<div data-dpu-reality-check …>` with the given attributes (values escaped). */
const embed = (attrs = {}) =>
  `<div data-dpu-reality-check${Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join("")}></div>`;

/** A mock blog post: its own CSP (Trusted Types required, like the demo), the body, the loader. */
function post({ body, loader = `<script src="${PREFIX}embed.js"></script>`, scriptSrc = "'self'", frameSrc = "'self'", imgSrc = "data:", styleSrc = "'self'" }) {
  const csp = `default-src 'none'; script-src ${scriptSrc}; frame-src ${frameSrc}; img-src ${imgSrc}; ` +
    `style-src ${styleSrc}; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,"><title>A post</title></head>
<body><main><h1>A post</h1>${body}</main>${loader}</body></html>`;
}

// A link to a scenario whose verdict differs from the defaults'.
const EDIT = Number(EXPECTED.traffic_edit.value);
const LINK = linkValue({ schema: 1, traffic: { gbps_per_host: EDIT } });
assert.notEqual(EXPECTED.traffic_edit.verdict, EXPECTED.default);

const HOSTILE = [
  // [attributes, what the embed must show]
  [{ "data-link": "javascript:alert(document.domain)" }, { verdict: "default" }],
  [{ "data-link": `"><img src=x onerror=alert(1)>` }, { verdict: "default" }],
  [{ "data-link": `#s=1.abc'onload='alert(1)` }, { verdict: "default" }],
  [{ "data-link": `${ATTACKER}${PREFIX}#s=${LINK}` }, { verdict: "default" }],
  [{ "data-link": `#s=${LINK.slice(0, 2)}${"A".repeat(20000)}` }, { verdict: "default" }],
  [{ "data-link": `s=1.${"A".repeat(200000)}` }, { verdict: "default" }],
  [{ "data-link": `#s=2.${LINK.slice(2)}` }, { verdict: "default" }],
  [{ "data-link": `#s=1.%22${LINK.slice(2)}` }, { verdict: "default" }],
  [{ "data-link": "data:text/html,<script>alert(1)</script>#s=1.abc" }, { verdict: "default" }],
  [{ "data-link": "javascript:alert(1)", "data-preset": "hype-case" }, { verdict: "hype-case", preset: "hype-case" }],
  [{ "data-preset": `"><script>alert(1)</script>` }, { verdict: "default" }],
  [{ "data-preset": "__proto__" }, { verdict: "default" }],
  [{ "data-preset": "constructor" }, { verdict: "default", preset: "constructor" }],
  [{ "data-preset": "../../index" }, { verdict: "default" }],
  [{ "data-theme": "constructor" }, { verdict: "default", theme: "auto" }],
  [{ "data-theme": "__proto__" }, { verdict: "default", theme: "auto" }],
  [{ "data-theme": `dark" onload="alert(1)` }, { verdict: "default", theme: "auto" }],
  [{ "data-theme": "toString", "data-preset": "nfv-heavy" }, { verdict: "nfv-heavy", theme: "auto", preset: "nfv-heavy" }],
];

let server;
let plain; // a host that sends no CORS header, like a default nginx or an S3 bucket
let blog;
const blogPages = {};
let browser;
const problems = [];

/** A page watched for problems; `also` lists more address prefixes it may ask for. */
async function newPage({ ignoreConsole = null, also = [] } = {}) {
  const page = await browser.context.newPage();
  problems.push(watch(page, { allowed: [server.base, `${server.origin}/blog/`, `${blog.origin}/`, ...also], ignoreConsole }));
  return page;
}

/** The iframes of the page, found with the prototype's method: the clobbering posts break
 *  `document.querySelectorAll` for everyone (Playwright's own selectors included). */
const iframes = (page) => page.evaluateHandle(() => Array.from(Document.prototype.querySelectorAll.call(document, "iframe")));
/** The address of each iframe on the page. */
const frameSources = (page) => page.evaluate(() =>
  Array.from(Document.prototype.querySelectorAll.call(document, "iframe"), (f) => f.src));
/** How many elements match `selector` (clobbering-proof). */
const count = (page, selector) => page.evaluate((s) => Document.prototype.querySelectorAll.call(document, s).length, selector);

/** The frame of the page's `index`-th iframe, scrolled into view (they load lazily). */
async function embedFrame(page, index) {
  const handle = await (await iframes(page)).evaluateHandle((list, i) => list[i], index);
  await handle.evaluate((f) => f.scrollIntoView({ block: "center" }));
  return handle.asElement().contentFrame();
}

/** The verdict an embed shows, once it has one. */
async function embedVerdict(page, index) {
  const frame = await embedFrame(page, index);
  await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
  return frame.getAttribute("#verdict", "data-verdict");
}

const wire = (name) => (name === "default" ? EXPECTED.default : EXPECTED.presets[name].verdict);

// The mock posts. Clobbering pages allow the attacker's origin for images and frames, so a
// loader fooled into framing it would succeed and be seen.
const CLOBBER = {
  "img-currentScript": `<img name="currentScript" src="${ATTACKER}/evil.html" alt="">`,
  "form-currentScript": `<form name="currentScript" action="${ATTACKER}/"><input name="src" value="${ATTACKER}/evil.html"></form>`,
  "everything": `<img name="currentScript" src="${ATTACKER}/evil.html" alt="">` +
    ["querySelectorAll", "createElement", "readyState", "addEventListener", "getElementsByTagName", "defaultView", "scripts"]
      .map((n) => `<img name="${n}" src="${ATTACKER}/${n}.png" alt="">`).join("") +
    ["HTMLScriptElement", "Document", "EventTarget", "URL", "location"].map((n) => `<a id="${n}" href="${ATTACKER}/"></a>`).join(""),
};
const CLOBBER_CSP = { imgSrc: `data: ${ATTACKER}`, frameSrc: `'self' ${ATTACKER}` };
const INLINE_HASH = `'sha256-${createHash("sha256").update(LOADER).digest("base64")}'`;

const PAGES = {
  "/blog/2024/first-post/": post({ body: `<p>First.</p>${embed()}` }),
  "/blog/2024/second-post.html": post({ body: `<p>Second.</p>${embed()}` }),
  "/blog/links/": post({
    body: [
      embed({ "data-link": `${"http://127.0.0.1:PORT"}${PREFIX}#s=${LINK}` }),
      embed({ "data-link": `#s=${LINK}` }),
      embed({ "data-link": `s=${LINK}` }),
      embed({ "data-link": `${PREFIX}#s=${LINK}` }),
      embed({ "data-link": `  ${"http://127.0.0.1:PORT"}${PREFIX}index.html?x=1#s=${LINK}  `, "data-preset": "hype-case" }),
    ].join("\n"),
  }),
  "/blog/hostile/": post({ body: HOSTILE.map(([attrs]) => embed(attrs)).join("\n") }),
  "/blog/ids/": post({
    body: ["événement", "日本語", "main", "a b", "a.b", "x".repeat(300), "", "😀"]
      .map((id) => (id ? embed({ id, "data-preset": "hype-case" }) : embed({ "data-preset": "hype-case" }))).join("\n"),
  }),
  "/blog/resize/": post({
    body: `${embed({ "data-preset": "hype-case" })}<iframe src="/blog/sender.html" title="same origin"></iframe>` +
      `<iframe src="http://127.0.0.1:BLOGPORT/sender.html" title="other origin"></iframe>`,
    frameSrc: "'self' http://127.0.0.1:*",
  }),
  "/blog/sender.html": "<!doctype html><title>sender</title><p>not the calculator</p>",
  // A post whose author names its embeds, and a comment below that plants two more (one
  // with the author's id, one with a title and a scenario of its own), as sanitizers that
  // keep data-* attributes let through.
  "/blog/commented/": post({
    body: `${embed({ id: "calc", "data-preset": "hype-case" })}` +
      `<section class="comments"><div class="comment">` +
      `${embed({ id: "calc", "data-preset": "nfv-heavy", "data-title": "The author's calculator" })}` +
      `${embed({ "data-id": "calc", "data-link": `#s=${LINK}`, "data-title": "Official verdict" })}` +
      `</div></section>`,
    loader: `<script src="${PREFIX}embed.js" data-embeds="calc"></script>`,
  }),
  // The same post without data-embeds: the documented default mounts every div, and
  // heights past a card's are ignored.
  "/blog/heights/": post({
    body: [embed({ "data-height": "900" }), embed({ "data-height": "20000" }), embed({ "data-height": "2401" })].join(""),
  }),
  "/blog/module/": post({ body: embed({ "data-preset": "hype-case" }), loader: `<script type="module" src="${PREFIX}embed.js"></script>` }),
  "/blog/inline/": post({ body: embed({ "data-preset": "hype-case" }), loader: `<script>${LOADER}</script>`, scriptSrc: `'self' ${INLINE_HASH}` }),
};
for (const [name, html] of Object.entries(CLOBBER)) {
  const body = `${html}${embed({ "data-preset": "hype-case" })}`;
  PAGES[`/blog/clobber/${name}/classic/`] = post({ body, ...CLOBBER_CSP });
  PAGES[`/blog/clobber/${name}/module/`] = post({
    body, ...CLOBBER_CSP, loader: `<script type="module" src="${PREFIX}embed.js"></script>`,
  });
}

before(async () => {
  // The port is known only once the server listens; the pages read it from this object.
  const pages = {};
  server = await serve(DIST, { prefix: PREFIX, cors: true, pages });
  plain = await serve(DIST, { prefix: PREFIX });
  blog = await serve(null, { pages: blogPages });
  blogPages["/sender.html"] = PAGES["/blog/sender.html"];
  for (const [path, html] of Object.entries(PAGES)) {
    pages[path] = html.replaceAll("http://127.0.0.1:PORT", server.origin).replaceAll("http://127.0.0.1:BLOGPORT", blog.origin);
  }
  browser = await launch();
  // The attacker's site answers, so framing it would work.
  await browser.context.route(`${ATTACKER}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>attacker</title><h1>attacker</h1>" }));
});

after(async () => {
  await browser?.close();
  await blog?.close();
  await plain?.close();
  await server?.close();
});

describe("the embed loader", () => {
  test("a copied link (full or root-relative address, #s= or s=) embeds that scenario, in the fragment only", async () => {
    const full = await newPage();
    await full.goto(`${server.base}#s=${LINK}`);
    await full.waitForSelector("html[data-live] #verdict[data-verdict]");
    const want = await full.getAttribute("#verdict", "data-verdict");
    assert.equal(want, EXPECTED.traffic_edit.verdict);
    await full.close();

    const page = await newPage();
    await page.goto(`${server.origin}/blog/links/`);
    const srcs = await frameSources(page);
    assert.equal(srcs.length, 5);
    for (const [i, src] of srcs.entries()) {
      const url = new URL(src);
      assert.equal(url.origin + url.pathname, `${server.base}embed/`, "the default card, the link in its fragment");
      assert.equal(fragment(src, "s"), LINK, `embed ${i + 1} carries the link in its fragment`);
      assert.match(url.hash, /^#ns=[A-Za-z0-9_.-]+&s=/, "the list's name rides in the fragment too");
      assert.ok(!url.search.includes(LINK.slice(2, 12)), "never in the query");
      assert.equal(url.searchParams.get("preset"), null, "the link wins over a preset");
      assert.equal(await embedVerdict(page, i), want, `embed ${i + 1}`);
      const frame = await embedFrame(page, i);
      assert.equal(await frame.inputValue('[name="traffic.gbps_per_host"]'), String(EDIT));
    }
    assert.ok(!server.requests.some((r) => r.includes(LINK.slice(2, 12))), "the scenario never reached a server");
    await page.close();
  });

  test("hostile data-link, data-preset and data-theme values give the default page", async () => {
    const page = await newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${server.origin}/blog/hostile/`);
    const srcs = await frameSources(page);
    assert.equal(srcs.length, HOSTILE.length, "every div gets an iframe");
    for (const [i, [attrs, want]] of HOSTILE.entries()) {
      const label = JSON.stringify(attrs).slice(0, 80);
      const url = new URL(srcs[i]);
      // A preset with a pre-rendered card gets that card; another well-formed name goes to
      // the default card with ?preset=, where the calculator says it does not know it.
      const card = want.preset && Object.hasOwn(EXPECTED.presets, want.preset);
      assert.equal(url.origin + url.pathname, `${server.base}embed/${card ? `${want.preset}/` : ""}`, label);
      assert.equal(fragment(srcs[i], "s"), null, `${label}: no link`);
      const unknown = want.preset && !card;
      assert.deepEqual([...url.searchParams.keys()].sort(), unknown ? ["preset", "theme"] : ["theme"], label);
      assert.equal(url.searchParams.get("preset"), unknown ? want.preset : null, label);
      assert.equal(url.searchParams.get("theme"), want.theme ?? "auto", label);
      assert.match(fragment(srcs[i], "ns"), NS, label);
      assert.equal(await embedVerdict(page, i), wire(want.verdict), label);
    }
    // The blog's author learns why: one warning per ignored value (constructor is a
    // well-formed preset name, which the calculator itself reports as unknown).
    assert.equal(warnings.filter((w) => w.startsWith("DPU Reality Check embed: ignored")).length, HOSTILE.length - 1);
    await page.close();
  });

  for (const name of Object.keys(CLOBBER)) {
    test(`a page that clobbers document properties (${name}) gets only our iframe`, async () => {
      const page = await newPage({ also: [`${ATTACKER}/`] }); // the post's own images
      const documents = [];
      page.on("request", (r) => r.resourceType() === "document" && documents.push(r.url()));
      await page.goto(`${server.origin}/blog/clobber/${name}/classic/`);
      // The clobbering is real: the page's document.currentScript is not a script.
      assert.notEqual(await page.evaluate(() => String(document.currentScript)), "null");
      const srcs = await frameSources(page);
      assert.equal(srcs.length, 1);
      assert.ok(srcs[0].startsWith(`${server.base}embed/hype-case/?`), srcs[0]);
      assert.equal(await embedVerdict(page, 0), EXPECTED.presets["hype-case"].verdict);
      assert.deepEqual(documents.filter((u) => u.startsWith(ATTACKER)), [], "the attacker's page is never framed");
      await page.close();
    });
  }

  for (const path of [
    "/blog/module/",
    "/blog/inline/",
    ...Object.keys(CLOBBER).map((name) => `/blog/clobber/${name}/module/`),
  ]) {
    test(`loaded without a script address (${path}) it mounts nothing and warns once`, async () => {
      const page = await newPage({ also: [`${ATTACKER}/`] }); // the post's own images
      const warnings = [];
      page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
      const documents = [];
      page.on("request", (r) => r.resourceType() === "document" && documents.push(r.url()));
      const warned = page.waitForEvent("console", {
        predicate: (m) => m.type() === "warning" && /not mounted/.test(m.text()),
        timeout: 10000,
      });
      await page.goto(`${server.origin}${path}`);
      // The loader has run by the load event: a mounted embed would be there now.
      assert.equal(await count(page, "iframe"), 0);
      assert.equal(await count(page, "[data-dpu-mounted]"), 0);
      await warned;
      assert.deepEqual(documents, [`${server.origin}${path}`], "no page but the post itself");
      assert.equal(warnings.filter((w) => w.startsWith("DPU Reality Check embed")).length, 1);
      await page.close();
    });
  }

  test("only its own iframes, showing our origin, resize an embed", async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      window.__forged = 0;
      addEventListener("message", (e) => e.data?.height === 123 && (window.__forged += 1));
    });
    await page.goto(`${server.origin}/blog/resize/`);
    const ours = async () => {
      const frame = await embedFrame(page, 0);
      await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
      await page.waitForFunction(() => {
        const f = document.querySelector("iframe[title^='DPU']");
        const content = f.contentDocument?.documentElement.getBoundingClientRect().height;
        return content > 300 && Math.abs(f.getBoundingClientRect().height - content) <= 2;
      });
      return page.evaluate(() => document.querySelector("iframe[title^='DPU']").getBoundingClientRect().height);
    };
    const sized = await ours();
    assert.notEqual(Math.round(sized), 123);
    // The same message from an iframe the loader did not make: same origin, then another one.
    const senders = page.frames().filter((f) => f.url().endsWith("/sender.html"));
    assert.equal(senders.length, 2);
    for (const [i, sender] of senders.entries()) {
      await sender.evaluate(() => parent.postMessage({ type: "dpu-reality-check:height", height: 123 }, "*"));
      await page.waitForFunction((n) => window.__forged === n, i + 1);
    }
    // And from our own iframe once it shows another origin's page (say a link opened in it).
    const embedded = await embedFrame(page, 0);
    await embedded.goto(`${blog.origin}/sender.html`);
    await embedded.evaluate(() => parent.postMessage({ type: "dpu-reality-check:height", height: 123 }, "*"));
    await page.waitForFunction(() => window.__forged === 3);
    const now = await page.evaluate(() => document.querySelector("iframe[title^='DPU']").getBoundingClientRect().height);
    assert.equal(now, sized, "the forged height was not believed");
    await page.close();
  });

  test("two posts' first embeds without an id keep separate saved lists", async () => {
    const page = await newPage();
    const open = async (path) => {
      await page.goto(`${server.origin}${path}`);
      const [src] = await frameSources(page);
      const frame = await embedFrame(page, 0);
      await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
      // Saving sits in the card's folded part.
      await frame.click("details.edit > summary");
      return { frame, ns: fragment(src, "ns") };
    };
    const save = async (frame, name) => {
      await frame.fill('[name="name"]', name);
      await frame.click('[data-action="save"]');
      await frame.waitForSelector(`[data-saved="${name}"]`);
    };
    const first = await open("/blog/2024/first-post/");
    await save(first.frame, "from the first post");
    const second = await open("/blog/2024/second-post.html");
    assert.notEqual(first.ns, second.ns);
    for (const ns of [first.ns, second.ns]) {
      assert.match(ns, NS);
      assert.notEqual(ns, "main");
    }
    await save(second.frame, "from the second post");
    assert.equal(await second.frame.locator('[data-saved="from the first post"]').count(), 0);
    const keys = await second.frame.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, [`dpu-reality-check/v1/${first.ns}`, `dpu-reality-check/v1/${second.ns}`].sort());

    const again = await open("/blog/2024/first-post/");
    assert.equal(again.ns, first.ns, "the same post keeps its namespace");
    await again.frame.waitForSelector('[data-saved="from the first post"]');
    assert.equal(await again.frame.locator('[data-saved="from the second post"]').count(), 0);
    await page.close();
  });

  test("ids of any script name distinct namespaces in [A-Za-z0-9_.-], never main", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/blog/ids/`);
    const ns = (await frameSources(page)).map((s) => fragment(s, "ns"));
    assert.equal(ns.length, 8);
    for (const n of ns) {
      assert.match(n, NS);
      assert.notEqual(n, "main");
    }
    assert.equal(new Set(ns).size, ns.length, `distinct: ${ns.join(" ")}`);
    const [hash] = ns[0].split("-");
    assert.match(hash, /^[0-9a-f]{12}$/);
    assert.ok(ns.every((n) => n.startsWith(hash)), "one page, one page hash");
    assert.equal(ns[0], `${hash}-.C3.A9v.C3.A9nement`, "é is kept (as its UTF-8 bytes), the other letters as they are");
    assert.equal(ns[2], `${hash}-main`);
    assert.equal(ns[6], `${hash}.embed-7`, "an embed without an id is named by its position");
    await page.reload();
    const again = (await frameSources(page)).map((s) => fragment(s, "ns"));
    assert.deepEqual(again, ns, "stable across loads");
    await page.close();
  });

  test("with data-embeds only the author's embeds mount; a planted comment gets nothing", async () => {
    const page = await newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${server.origin}/blog/commented/`);
    await page.waitForFunction(() => document.querySelectorAll("[data-dpu-mounted]").length === 1);
    const srcs = await frameSources(page);
    assert.equal(srcs.length, 1, "one iframe: the author's");
    assert.ok(new URL(srcs[0]).pathname.endsWith("/embed/hype-case/"), srcs[0]);
    const mounted = await page.evaluate(() =>
      Array.from(document.querySelectorAll("[data-dpu-reality-check]"), (d) => [d.closest(".comment") !== null, d.querySelector("iframe") !== null]));
    assert.deepEqual(mounted, [[false, true], [true, false], [true, false]]);
    assert.equal(warnings.filter((w) => /not mounted: this page's data-embeds/.test(w)).length, 2, warnings.join("\n"));
    assert.equal(await embedVerdict(page, 0), wire("hype-case"));
    await page.close();
  });

  test("iframes are sandboxed to what a card needs, and data-height is capped", async () => {
    const page = await newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${server.origin}/blog/heights/`);
    const frames = await page.evaluate(() => Array.from(document.querySelectorAll("iframe"),
      (f) => [f.getAttribute("sandbox"), f.style.height, new URL(f.src).search]));
    assert.equal(frames.length, 3, "without data-embeds every div mounts");
    for (const [sandbox, , search] of frames) {
      assert.equal(sandbox, "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads");
      assert.ok(!search.includes("ns="), `the query tells the host nothing of the post: ${search}`);
    }
    assert.deepEqual(frames.map(([, h]) => h), ["900px", "640px", "640px"]);
    assert.equal(warnings.filter((w) => /ignored data-height/.test(w)).length, 2);
    // The sandboxed card still runs, stores its list and opens the full analysis.
    const frame = await embedFrame(page, 0);
    await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
    await frame.click("details.edit > summary");
    await frame.fill('[name="name"]', "sandboxed");
    await frame.click('[data-action="save"]');
    await frame.waitForSelector('[data-saved="sandboxed"]');
    const [popup] = await Promise.all([browser.context.waitForEvent("page"), frame.click('[data-action="open-full"]')]);
    problems.push(watch(popup, { allowed: [server.base] }));
    await popup.waitForSelector("html[data-live] #verdict[data-verdict]");
    await popup.close();
    await page.close();
  });

  test("data-title is the card's heading and the iframe's title; the verdict is the card's h1; no words meant for the calculator's own page", async () => {
    blogPages["/titled/"] = post({
      body: embed({ "data-link": `${server.base}#s=${LINK}`, "data-title": "Our 48 hosts & a BlueField" }) + embed({ "data-preset": "nfv-heavy" }),
      loader: `<script src="${server.base}embed.js"></script>`, scriptSrc: server.origin, frameSrc: server.origin,
    });
    const page = await newPage();
    await page.goto(`${blog.origin}/titled/`);
    const titles = await page.evaluate(() => Array.from(Document.prototype.querySelectorAll.call(document, "iframe"), (f) => f.title));
    assert.equal(titles[0], "Our 48 hosts & a BlueField");
    for (const i of [0, 1]) {
      const frame = await embedFrame(page, i);
      await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
      const h1 = await frame.$$eval("h1", (hs) => hs.map((h) => h.id));
      assert.deepEqual(h1, ["verdict-label"], "one h1, the verdict");
      const text = await frame.textContent("body");
      assert.doesNotMatch(text, /link you opened|make it yours/, `card ${i}`);
      if (i === 0) assert.equal(await frame.textContent("#verdict [data-origin]"), "Our 48 hosts & a BlueField");
    }
    await page.close();
  });

  test("the content-hashed loader with its integrity mounts embeds on another origin", async () => {
    const index = readFileSync(join(DIST, "index.html"), "utf8");
    const meta = index.match(/<meta name="dpu-embed-loader" content="(embed-[0-9a-f]{10}\.js)" data-integrity="(sha384-[A-Za-z0-9+/=]+)">/);
    assert.ok(meta, "index.html names the hashed loader");
    const [, name, integrity] = meta;
    const bytes = readFileSync(join(DIST, name));
    assert.deepEqual(bytes, readFileSync(join(DIST, "embed.js")), "the same loader as embed.js");
    assert.equal(name, `embed-${createHash("sha256").update(bytes).digest("hex").slice(0, 10)}.js`);
    assert.equal(integrity, `sha384-${createHash("sha384").update(bytes).digest("base64")}`);

    const tag = (sri) => `<script src="${server.base}${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
    const csp = { scriptSrc: server.origin, frameSrc: server.origin };
    const wrong = `sha384-${createHash("sha384").update("something else").digest("base64")}`;
    blogPages["/post/"] = post({ body: embed({ "data-preset": "nfv-heavy" }), loader: tag(integrity), ...csp });
    blogPages["/tampered/"] = post({ body: embed({ "data-preset": "nfv-heavy" }), loader: tag(wrong), ...csp });

    const page = await newPage();
    await page.goto(`${blog.origin}/post/`);
    const [src] = await frameSources(page);
    assert.ok(src.startsWith(`${server.base}embed/nfv-heavy/?`), src);
    assert.equal(await embedVerdict(page, 0), EXPECTED.presets["nfv-heavy"].verdict);
    await page.close();

    // The control: the same tag with a wrong integrity is refused, so the check is real.
    const tampered = await newPage({ ignoreConsole: /integrity/i });
    const refused = tampered.waitForEvent("console", (m) => m.type() === "error" && /integrity/i.test(m.text()));
    await tampered.goto(`${blog.origin}/tampered/`);
    await refused;
    assert.equal(await count(tampered, "iframe"), 0);
    await tampered.close();
  });

  test("the Embed action's snippets, pasted into a blank post elsewhere, show the scenario on screen", async () => {
    const cases = [
      ["an edited scenario", `${server.base}#s=${LINK}`],
      ["a preset", `${server.base}presets/nfv-heavy/`],
      ["the defaults", server.base],
    ];
    for (const [label, address] of cases) {
      const page = await newPage();
      await page.goto(address);
      await page.waitForSelector("html[data-live] #verdict[data-verdict]");
      const want = await page.getAttribute("#verdict", "data-verdict");
      await page.click('[data-action="embed"]');
      await page.waitForSelector("#embed-loader");
      const snippets = {
        loader: await page.inputValue("#embed-loader"),
        pinned: await page.inputValue("#embed-pinned"),
        iframe: await page.inputValue("#embed-iframe"),
      };
      await page.close();
      assert.doesNotMatch(snippets.loader, /integrity|crossorigin/, `${label}: the default loader is not pinned`);
      assert.match(snippets.pinned, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/, `${label}: pinned on request`);
      assert.match(snippets.iframe, /title="DPU Reality Check: (a shared scenario|nfv heavy|calculator)"/, `${label}: the iframe's title names it`);
      const key = label.replace(/\W/g, "-");
      const csp = { scriptSrc: server.origin, frameSrc: server.origin, styleSrc: "'self' 'unsafe-inline'" };
      for (const kind of Object.keys(snippets)) {
        blogPages[`/pasted/${key}/${kind}/`] = post({ body: snippets[kind], loader: "", ...csp });
        const reader = await newPage();
        await reader.goto(`${blog.origin}/pasted/${key}/${kind}/`);
        assert.equal(await embedVerdict(reader, 0), want, `${label}, ${kind} snippet`);
        await reader.close();
      }
    }
  });

  test("the default snippet works from a host that sends no CORS header, with a link for readers without JavaScript", async () => {
    const page = await newPage({ also: [plain.base] });
    await page.goto(`${plain.base}presets/nfv-heavy/`);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    await page.click('[data-action="embed"]');
    const snippet = await page.inputValue("#embed-loader");
    await page.close();
    // A reader without JavaScript, or in a feed reader, gets a link to the scenario; the
    // post keeps the card's height while it loads.
    assert.ok(snippet.includes(`<a href="${plain.base}presets/nfv-heavy/">`), snippet);
    assert.match(snippet, /data-height="\d{3}"/);
    const csp = { scriptSrc: plain.origin, frameSrc: plain.origin, styleSrc: "'self' 'unsafe-inline'" };
    blogPages["/no-cors/"] = post({ body: snippet, loader: "", ...csp });
    const reader = await newPage({ also: [plain.base] });
    await reader.goto(`${blog.origin}/no-cors/`);
    const [src] = await frameSources(reader);
    assert.ok(src?.startsWith(`${plain.base}embed/nfv-heavy/?`), `an iframe of the card: ${src}`);
    assert.equal(await count(reader, "div[data-dpu-reality-check] a"), 0, "the card replaces the link");
    assert.equal(await embedVerdict(reader, 0), EXPECTED.presets["nfv-heavy"].verdict);
    await reader.close();
    // The control: the pinned snippet needs CORS headers, which this host does not send.
    const pinned = snippet.replace(/<script src="[^"]*embed\.js"/, () => {
      const index = readFileSync(join(DIST, "index.html"), "utf8");
      const [, name, integrity] = index.match(/<meta name="dpu-embed-loader" content="(embed-[0-9a-f]{10}\.js)" data-integrity="([^"]+)">/);
      return `<script src="${plain.base}${name}" integrity="${integrity}" crossorigin="anonymous"`;
    });
    blogPages["/no-cors-pinned/"] = post({ body: pinned, loader: "", ...csp });
    // (Not watched: the refused request and its console error are the point.)
    const refused = await browser.context.newPage();
    const failed = refused.waitForEvent("console", (m) => m.type() === "error");
    await refused.goto(`${blog.origin}/no-cors-pinned/`);
    await failed;
    assert.equal(await count(refused, "iframe"), 0);
    await refused.close();
  });

  test("the Embed panel stays on screen at every width, closes with Escape and gives the focus back", async () => {
    const page = await newPage();
    await page.goto(server.base);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    for (const [width, height] of [[1280, 800], [900, 800], [700, 800], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.click('[data-action="embed"]');
      for (const sel of [".embed-body", '[data-action="copy-loader"]', "#embed-loader"]) {
        const box = await page.locator(sel).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width && box.y >= 0 && box.y + box.height <= height,
          `${width} px: ${sel} on screen (${JSON.stringify(box)})`);
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(sideways <= 0, `${width} px: the page scrolls sideways by ${sideways} px`);
      await page.screenshot({ path: join(ARTIFACTS, `embed-panel-${width}.png`) });
      // Escape from inside the panel folds it and puts the focus back on Embed.
      await page.focus("#embed-loader");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator("[data-embed-panel][open]").count(), 0, `${width} px: Escape closes it`);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-action")), "embed");
    }
    // So does its Close button, for a mouse.
    await page.click('[data-action="embed"]');
    await page.click('[data-action="close-embed"]');
    assert.equal(await page.locator("[data-embed-panel][open]").count(), 0, "Close closes it");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-action")), "embed");
    await page.close();
  });

  test("nothing failed and no request left our two hosts", () => {
    assert.deepEqual(problems.flat(), []);
    assert.deepEqual(server.log.filter((r) => r.status >= 400), []);
    assert.deepEqual(plain.log.filter((r) => r.status >= 400), []);
  });
});
