// The build after Trunk (scripts/post-build.mjs), without a build: each step on pages shaped
// like Trunk's (the release build's minified one and the development build's), and the whole
// program on staged files held in memory, with a stand-in pre-renderer and minifier.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import {
  OFFLINE,
  cspHash,
  earlyWasm,
  embedLoader,
  glueLink,
  offlinePage,
  postBuild,
  prerenderPage,
  scriptHashes,
  withEmbedLoader,
  withIntegrity,
  withScriptHashes,
} from "../../scripts/post-build.mjs";

const sha256 = (text) => `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;
const sha384 = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

const HEAD_SCRIPT = `(()=>{var p=new URLSearchParams(document.querySelector('meta[name="dpu-page"]').content);if(p.get("r")==="1")document.documentElement.classList.add("pre")})()`;
const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' CSP_SCRIPT_HASH; style-src 'self'; img-src data:; connect-src 'self'";
const ICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";
const GLUE_SRI = "sha384-Zdjxax0NMKY5TkTw0SUO2SLEZ9+FmfTJZWM6//3Esa85E1az1qYYK/my1+8eIj0J";

/** index.html as Trunk stages it in a release build: minified, attributes unquoted. */
const RELEASE = `<!doctype html><html lang=en><meta charset=utf-8><meta content="${POLICY}" http-equiv=Content-Security-Policy><meta name=dpu-page><script>${HEAD_SCRIPT}</script><title>DPU Reality Check</title><link href="${ICON}" rel=icon><link href=./app-1.css integrity=sha384-abc rel=stylesheet><script type=module>import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));</script><link crossorigin href=./app-2.js integrity=${GLUE_SRI} rel=modulepreload><link as=fetch crossorigin href=./app-2_bg.wasm integrity=sha384-xyz rel=preload type=application/wasm></head><body><div class=panic hidden id=panic role=alert></div><div id=app></div></body></html>`;

/** index.html as Trunk stages it in a development build: as written, attributes quoted. */
const DEBUG = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <!-- The policy: see scripts/post-build.mjs. -->
  <meta http-equiv="Content-Security-Policy" content="${POLICY}">
  <meta name="dpu-page" content="">
  <script>${HEAD_SCRIPT}</script>
  <link rel="icon" href="${ICON}">
  <link rel="stylesheet" href="./app-1.css" integrity="sha384-abc"/>
<script type="module">
import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="./app-2.js" crossorigin="anonymous" integrity="${GLUE_SRI}"><link rel="preload" href="./app-2_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body>
  <div id="app"></div>
</body>
</html>`;

const GLUE = `let wasm;
export function evaluate(x) { return wasm.evaluate(x); }
export class Report { free() {} }
async function __wbg_init(module_or_path) { return module_or_path; }
function initSync(module) { return module; }
export { initSync, __wbg_init as default };
`;
const WASM = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...Array(300).fill(7)]);
const CSS = "body{color:red}.embed{margin:0}";
const EMBED_JS = Buffer.from("(function(){/* the embed loader */})();\n");

/** The text of every inline script (no src) in `html`, parsed here on its own. */
function inlineBodies(html) {
  const out = [];
  for (let at = html.indexOf("<script"); at >= 0; at = html.indexOf("<script", at + 1)) {
    const open = html.indexOf(">", at);
    if (/\ssrc=/.test(html.slice(at, open))) continue;
    out.push(html.slice(open + 1, html.indexOf("</script>", open)));
  }
  return out;
}

/** The sources of `directive` in the page's Content-Security-Policy <meta>. */
function policy(html, directive) {
  const content = html.match(/<meta[^>]*Content-Security-Policy[^>]*>/)[0].match(/content="([^"]*)"/)[1];
  const part = content.split("; ").find((d) => d.startsWith(`${directive} `));
  return part ? part.split(" ").slice(1) : undefined;
}

test("a CSP hash is the base64 sha256 of the UTF-8 text, quoted", () => {
  // The empty string's sha256, as published (e.g. in the CSP spec's examples of hashes).
  assert.equal(cspHash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  assert.equal(cspHash("alert('€')"), sha256("alert('€')"));
});

test("the inline scripts are hashed in page order, and a script with src is not", () => {
  const html = `<script>a()</script><script src=./x.js></script><SCRIPT type=module>b()</SCRIPT><script async src="y.js"></script><script id="early">c()</script>`;
  assert.deepEqual(scriptHashes(html), [sha256("a()"), sha256("b()"), sha256("c()")]);
});

test("csp: each page's policy allows exactly its inline scripts, by hash, in place of the placeholder", () => {
  for (const page of [RELEASE, DEBUG]) {
    const html = withScriptHashes(earlyWasm(page).html);
    const bodies = inlineBodies(html);
    assert.equal(bodies.length, 3, "the head script, the early compile, the loader");
    assert.deepEqual(policy(html, "script-src"), ["'self'", "'wasm-unsafe-eval'", ...bodies.map(sha256)]);
    assert.ok(!html.includes("CSP_SCRIPT_HASH"));
    assert.equal(html.replace(/ 'sha256-[^']+'/g, ""), earlyWasm(page).html.replace(" CSP_SCRIPT_HASH", ""), "nothing else changes");
  }
});

test("csp: no placeholder, two placeholders or two policies throw, naming the step", () => {
  const filled = withScriptHashes(RELEASE);
  assert.throws(() => withScriptHashes(filled), /^Error: csp: expected one CSP_SCRIPT_HASH placeholder in the Content-Security-Policy, found 0$/);
  assert.throws(() => withScriptHashes(RELEASE.replace("CSP_SCRIPT_HASH", "CSP_SCRIPT_HASH CSP_SCRIPT_HASH")), /^Error: csp: .*found 2$/);
  const twice = RELEASE.replace("<meta name=dpu-page>", `<meta http-equiv=Content-Security-Policy content="default-src 'none'"><meta name=dpu-page>`);
  assert.throws(() => withScriptHashes(twice), /^Error: csp: expected one Content-Security-Policy <meta>, found 2$/);
});

test("early-wasm: the wasm is compiled from the end of <head>, and the loader takes that module after the first paint", () => {
  for (const page of [RELEASE, DEBUG]) {
    const { html, wasm } = earlyWasm(page);
    assert.equal(wasm, "./app-2_bg.wasm");
    assert.ok(
      html.includes(`<script id="early-wasm">(self.__w=WebAssembly.compileStreaming(fetch("./app-2_bg.wasm"))).catch(()=>0)</script></head>`),
      "the early compile closes <head>",
    );
    assert.ok(
      html.includes(
        "module_or_path: await new Promise(r=>{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,100)})" +
          ".then(()=>self.__w||fetch('./app-2_bg.wasm')).catch(()=>fetch('./app-2_bg.wasm')) })",
      ),
      "the loader falls back to fetching the file",
    );
    assert.ok(!html.includes("module_or_path: './app-2_bg.wasm'"));
  }
});

test("early-wasm: a page without the loader, its wasm or </head> throws naming the step; so does a second run", () => {
  assert.throws(() => earlyWasm(RELEASE.replace("<script type=module>", "<script>")), /^Error: early-wasm: expected one module loader <script type=module>, found 0$/);
  assert.throws(() => earlyWasm(RELEASE.replace("module_or_path: './app-2_bg.wasm'", "module_or_path: 'app.wasm'")), /^Error: early-wasm: expected one module_or_path: '\.\/…_bg\.wasm' in the loader, found 0$/);
  assert.throws(() => earlyWasm(RELEASE.replace("</head>", "")), /^Error: early-wasm: expected one <\/head>, found 0$/);
  assert.throws(() => earlyWasm(earlyWasm(RELEASE).html), /^Error: early-wasm: expected one module_or_path/);
});

test("embed-loader: a content-hashed name and its SRI hash, announced right after the policy", () => {
  const embed = embedLoader(EMBED_JS);
  assert.equal(embed.name, `embed-${createHash("sha256").update(EMBED_JS).digest("hex").slice(0, 10)}.js`);
  assert.match(embed.name, /^embed-[0-9a-f]{10}\.js$/);
  assert.equal(embed.integrity, sha384(EMBED_JS));
  assert.notEqual(embedLoader(Buffer.from("other")).name, embed.name);
  const html = withEmbedLoader(DEBUG, embed);
  assert.ok(html.includes(`content="${POLICY}"><meta name="dpu-embed-loader" content="${embed.name}" data-integrity="${embed.integrity}">`));
  assert.throws(() => withEmbedLoader(html, embed), /^Error: embed-loader: the page already names a loader$/);
  assert.throws(() => withEmbedLoader("<html><head></head></html>", embed), /^Error: embed-loader: expected one Content-Security-Policy <meta>, found 0$/);
});

const page = (path, preset, embed, verdict = "worth_it") => ({
  path,
  preset,
  embed,
  verdict,
  html: `<main data-verdict="${verdict}"><a href="./own-link">Own</a></main>`,
});

test("prerender: a page two folders down loads every file from ../../, says what it shows and where the root is", () => {
  const template = earlyWasm(RELEASE).html;
  const html = prerenderPage(template, page("embed/hype-case/", "hype-case", true));
  const addresses = (text, prefix) => text.match(new RegExp(`[="'(]${prefix.replace(/\./g, "\\.")}(?=[\\w.-])`, "g")) ?? [];
  // The stylesheet, the glue's import and link, the wasm's link and its three fetches.
  assert.equal(addresses(template, "./").length, 7);
  assert.equal(addresses(html, "../../").length, 7, "each one moved");
  assert.equal(addresses(html, "./").length, 1, "only the app's own link is left");
  assert.ok(html.includes(`import init, * as bindings from '../../app-2.js'`));
  assert.ok(html.includes(`fetch("../../app-2_bg.wasm")`));
  assert.ok(html.includes(`<meta name="dpu-page" content="r=1&preset=hype-case&embed=1"><meta name="dpu-root" content="../../">`));
  assert.ok(html.includes(`<body class="embed">`));
  assert.ok(html.includes(`<div id="app"><main data-verdict="worth_it"><a href="./own-link">Own</a></main></div>`), "the app's own links stay");
});

test("prerender: the root page keeps its addresses; a full page has no embed class", () => {
  for (const template of [RELEASE, DEBUG]) {
    const html = prerenderPage(template, page("", undefined, false));
    assert.ok(html.includes(`<meta name="dpu-page" content="r=1"><meta name="dpu-root" content="./">`));
    assert.ok(!html.includes("../"));
    assert.ok(!html.includes("class=\"embed\""));
    assert.equal(html.replace(/<meta name="dpu-page"[^]*?<meta name="dpu-root" content=".\/">/, "").replace(/<div id="app">.*<\/div>/, ""), template.replace(/<meta name="?dpu-page"?(?: content="")?>/, "").replace(/<div id="?app"?><\/div>/, ""));
  }
});

test("prerender: a missing marker or a page without its verdict throws naming the step", () => {
  assert.throws(() => prerenderPage(RELEASE.replace("<meta name=dpu-page>", ""), page("", undefined, false)), /^Error: prerender: expected one empty <meta name=dpu-page>, found 0$/);
  assert.throws(() => prerenderPage(RELEASE.replace("<div id=app></div>", "<div id=app>x</div>"), page("", undefined, false)), /^Error: prerender: expected one empty <div id=app>, found 0$/);
  assert.throws(() => prerenderPage(RELEASE.replace("<body>", "<body class=x>"), page("embed/", undefined, true)), /^Error: prerender: expected one <body>, found 0$/);
  const wrong = { ...page("presets/p/", "p", false), verdict: "not_worth_it" };
  assert.throws(() => prerenderPage(RELEASE, wrong), /^Error: prerender: presets\/p\/: the verdict not_worth_it is not in the page$/);
});

/** The files a page names, by address as the page writes it. */
const files = {
  "./app-1.css": Buffer.from(CSS),
  "./app-2.js": Buffer.from(GLUE),
  "./app-2_bg.wasm": WASM,
};
const file = (href) => files[href] ?? assert.fail(`the offline step asked for ${href}`);
const finishedIndex = (template) =>
  withScriptHashes(prerenderPage(withEmbedLoader(earlyWasm(template).html, embedLoader(EMBED_JS)), page("", undefined, false)));

test("offline: one file with the glue, the wasm and the styles inside, and no external reference", () => {
  for (const template of [RELEASE, DEBUG]) {
    const html = offlinePage(finishedIndex(template), file);
    for (const name of Object.keys(files)) assert.ok(!html.includes(name.slice(2)), `${name} is not named`);
    assert.doesNotMatch(html, /\ssrc=|<link\b[^>]*rel="?(stylesheet|modulepreload|preload)|dpu-root|dpu-embed-loader|early-wasm/);
    assert.ok(html.includes(`<style>${CSS}</style></head>`));
    const [, b64] = html.match(/atob\("([A-Za-z0-9+/=]+)"\)/);
    assert.deepEqual(gunzipSync(Buffer.from(b64, "base64")), WASM, "the wasm, gzip-compressed");
    assert.ok(html.includes("function evaluate(x)") && html.includes("class Report"), "the glue is inside");
    assert.doesNotMatch(html, /^export\b/m, "without its exports");
    assert.ok(html.includes(`<meta name="dpu-page" content="r=1">`), "what it shows, as the root page");
  }
});

test("offline: its policy allows its own inline scripts and style by hash, wasm compilation, and no request", () => {
  const html = offlinePage(finishedIndex(RELEASE), file);
  const bodies = inlineBodies(html);
  assert.equal(bodies.length, 2, "the head script and the app");
  assert.deepEqual(policy(html, "script-src"), [...bodies.map(sha256), "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy(html, "style-src"), [sha256(CSS)]);
  assert.deepEqual(policy(html, "default-src"), ["'none'"]);
  assert.equal(policy(html, "connect-src"), undefined);
  assert.ok(!html.includes("'self'"));
});

test("offline: a glue without __wbg_init, an icon from a file or a missing marker throws naming the step", () => {
  const index = finishedIndex(RELEASE);
  assert.throws(() => offlinePage(index, (href) => (href.endsWith(".js") ? Buffer.from("export function x() {}") : file(href))), /^Error: offline: the glue \.\/app-2\.js has no __wbg_init$/);
  assert.throws(() => offlinePage(index.replace(ICON, "./icon.svg"), file), /^Error: offline: the icon \.\/icon\.svg is not a data: URL$/);
  assert.throws(() => offlinePage(index.replace(/<meta name="dpu-root"[^>]*>/, ""), file), /^Error: offline: expected one <meta name=dpu-root>, found 0$/);
  assert.throws(() => offlinePage(index.replace(/<script id="early-wasm">/, "<script>"), file), /^Error: offline: expected one early-wasm <script>, found 0$/);
});

test("glue: the glue's file and integrity from the page's one modulepreload link", () => {
  for (const template of [RELEASE, DEBUG]) assert.deepEqual(glueLink(template), { file: "app-2.js", integrity: GLUE_SRI });
  assert.throws(() => glueLink(RELEASE.replace("rel=modulepreload", "rel=preload")), /^Error: glue: expected one <link rel=modulepreload>, found 0$/);
  const two = RELEASE.replace("</head>", `<link href=./b.js rel=modulepreload></head>`);
  assert.throws(() => glueLink(two), /^Error: glue: expected one <link rel=modulepreload>, found 2$/);
  assert.throws(() => glueLink(RELEASE.replace(` integrity=${GLUE_SRI}`, "")), /^Error: glue: the modulepreload link has no sha384 integrity/);
});

test("glue: the integrity hash is replaced once per page, and a page without it throws", () => {
  const html = withIntegrity(RELEASE, GLUE_SRI, "sha384-new");
  assert.ok(html.includes("integrity=sha384-new rel=modulepreload"));
  assert.equal(html.replace("sha384-new", GLUE_SRI), RELEASE);
  assert.throws(() => withIntegrity(html, GLUE_SRI, "sha384-new"), /^Error: glue: expected one integrity sha384-Zdjx.*, found 0$/);
});

/** The staged files of a build, read by name as the hook reads $TRUNK_STAGING_DIR. */
const staged = (index) => {
  const names = { "index.html": Buffer.from(index), "embed.js": EMBED_JS, "app-1.css": Buffer.from(CSS), "app-2.js": Buffer.from(GLUE), "app-2_bg.wasm": WASM };
  return (name) => names[name] ?? assert.fail(`no staged ${name}`);
};
const PAGES = [page("", undefined, false), page("embed/", undefined, true), page("presets/p/", "p", false), page("embed/p/", "p", true)];
const minified = (js) => `/*min*/${js.replace(/\s+/g, " ")}`;

test("a development build writes index.html and the hashed loader only: no pre-renderer run, no offline file, glue as built", async () => {
  let calls = 0;
  const { files: out } = await postBuild({
    read: staged(DEBUG),
    profile: "debug",
    prerender: async () => (calls += 1, PAGES),
    minify: async (js) => (calls += 1, js),
  });
  assert.equal(calls, 0, "neither the pre-renderer nor the minifier ran");
  const embed = embedLoader(EMBED_JS).name;
  assert.deepEqual([...out.keys()].sort(), [embed, "index.html"]);
  const html = out.get("index.html");
  assert.deepEqual(policy(html, "script-src").slice(2), inlineBodies(html).map(sha256), "the page still runs under its policy");
  assert.ok(html.includes(`<meta name="dpu-page" content="">`) && html.includes(`<div id="app"></div>`), "nothing pre-rendered");
  assert.ok(html.includes(`integrity="${GLUE_SRI}"`), "the glue's own hash");
  assert.ok(html.includes(`<script id="early-wasm">`) && html.includes(`name="dpu-embed-loader"`));
});

test("a release build writes every page, the offline file from the glue as built, and the minified glue's hash on every page", async () => {
  const { files: out } = await postBuild({ read: staged(RELEASE), profile: "release", prerender: async () => PAGES, minify: async (js) => minified(js) });
  const pages = ["index.html", "embed/index.html", "presets/p/index.html", "embed/p/index.html"];
  assert.deepEqual([...out.keys()].sort(), [embedLoader(EMBED_JS).name, "app-2.js", OFFLINE, ...pages].sort());
  assert.equal(out.get("app-2.js"), minified(GLUE));
  for (const path of pages) {
    const html = out.get(path);
    assert.ok(html.includes(`integrity=${sha384(Buffer.from(minified(GLUE)))} rel=modulepreload`), `${path}: the minified glue's hash`);
    assert.ok(!html.includes(GLUE_SRI), `${path}: not the old one`);
    assert.deepEqual(policy(html, "script-src").slice(2), inlineBodies(html).map(sha256), `${path}: its own scripts' hashes`);
    assert.ok(html.includes(`data-verdict="worth_it"`));
  }
  assert.notEqual(policy(out.get("index.html"), "script-src").join(), policy(out.get("embed/p/index.html"), "script-src").join(), "scripts differ with depth");
  const offline = out.get(OFFLINE);
  assert.ok(offline.includes("export class Report".replace("export ", "")) && !offline.includes("/*min*/"), "the offline file inlines the glue as built");
});

test("a release build fails without a root page or with two pages at one path; an unknown profile fails", async () => {
  const run = (pages, profile = "release") => postBuild({ read: staged(RELEASE), profile, prerender: async () => pages, minify: async (js) => js });
  await assert.rejects(run(PAGES.slice(1)), /^Error: prerender: no page at the root/);
  await assert.rejects(run([...PAGES, page("embed/", undefined, true)]), /^Error: prerender: two pages at embed\/index\.html$/);
  await assert.rejects(run(PAGES, "dev"), /^Error: post-build: TRUNK_PROFILE is dev, not release or debug$/);
});
