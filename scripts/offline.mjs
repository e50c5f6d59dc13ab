// Trunk post_build hook: writes dpu-reality-check-offline.html, the whole app in one file
// (wasm, JS, CSS and icon inlined) that works when opened from disk (file://), presets and
// links included. The wasm travels gzip-compressed (base64) and is unpacked in the browser
// with DecompressionStream, which keeps the file at about half the size of plain base64.
// Its Content-Security-Policy allows exactly its own inline script and style (by hash) and
// wasm compilation, requires Trusted Types (with no policy allowed), and allows no request at
// all (no connect-src, no 'self').
//
// Runs from scripts/post-build.mjs after csp-hash.mjs and embed-hash.mjs. Reads and writes
// $TRUNK_STAGING_DIR.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("offline: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const fail = (msg) => {
  console.error(`offline: ${msg}`);
  process.exit(1);
};
const local = (href) => join(dir, href.replace(/^\//, "").split(/[?#]/)[0]);
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

let html = readFileSync(join(dir, "index.html"), "utf8");

/** The value of attribute `name` in a start tag (quoted or not: Trunk minifies release HTML). */
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

// The loader: <script type=module>import init, * as bindings from '/x.js'; … '/x_bg.wasm' …</script>
const loader = html.match(/<script\b[^>]*\btype=["']?module["']?[^>]*>([\s\S]*?)<\/script>/i);
if (!loader) fail("no module loader script in index.html");
const jsHref = loader[1].match(/from\s*['"]([^'"]+\.js)['"]/)?.[1];
const wasmHref = loader[1].match(/['"]([^'"]+_bg\.wasm)['"]/)?.[1];
if (!jsHref || !wasmHref) fail("cannot find the JS glue or the wasm file in the loader");

// The wasm-bindgen glue as part of one inline module: drop its exports.
let glue = readFileSync(local(jsHref), "utf8");
glue = glue
  .replace(/^export\s+(function|class|const|let|async function)\s/gm, "$1 ")
  .replace(/^export\s*\{[^}]*\};?\s*$/gm, "");
if (!/function __wbg_init\b/.test(glue)) fail("the glue has no __wbg_init");
const wasm = gzipSync(readFileSync(local(wasmHref)), { level: 9 }).toString("base64");
const script = `${glue}
const __offlineGzip = new Blob([Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0))]);
const __offlineBytes = await new Response(
  __offlineGzip.stream().pipeThrough(new DecompressionStream("gzip")),
).arrayBuffer();
const __offlineWasm = await __wbg_init({ module_or_path: __offlineBytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __offlineWasm } }));
`;

// Styles inline, preloads gone; the icon is a data: URL already (index.html).
let css = "";
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, "rel") ?? "").toLowerCase();
  const href = attr(tag, "href");
  if (rel === "stylesheet" && href) {
    css += readFileSync(local(href), "utf8");
    return "";
  }
  if (rel === "modulepreload" || rel === "preload") return "";
  if (rel === "icon" && href && !href.startsWith("data:")) fail(`the icon ${href} is not a data: URL`);
  return tag;
});
html = html.replace(loader[0], () => `<script type="module">${script}</script>`);
// The early compile (early-wasm.mjs) would fetch the wasm: here it is inside the file.
html = html.replace(/<script id="?early-wasm"?>[\s\S]*?<\/script>/i, "");
// The hashed embed loader and the pre-rendered pages are published beside index.html, not
// beside this file: without dpu-root the page keeps presets in the query (?preset=).
html = html.replace(/<meta\b[^>]*\bname=["']?dpu-embed-loader["']?[^>]*>/i, "");
html = html.replace(/<meta\b[^>]*\bname=["']?dpu-root["']?[^>]*>/i, "");
html = html.replace(/<\/head>/i, () => `<style>${css}</style></head>`);

// Every inline script by its hash: the loader above and the page's early script in <head>.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter((m) => !/\bsrc\s*=/.test(m[1]))
  .map((m) => sha256(m[2]));
const csp = [
  "default-src 'none'",
  `script-src ${inline.join(" ")} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");
const meta = html.match(/<meta\b[^>]*Content-Security-Policy[^>]*>/i);
if (!meta) fail("no Content-Security-Policy meta tag to rewrite");
html = html.replace(meta[0], () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (/<script\b[^>]*\ssrc=/i.test(html) || /<link\b[^>]*rel=["']?stylesheet/i.test(html)) {
  fail("an external script or style is left");
}

const out = join(dir, "dpu-reality-check-offline.html");
writeFileSync(out, html);
const size = Buffer.byteLength(html, "utf8");
console.log(`offline: wrote dpu-reality-check-offline.html (${(size / 1024).toFixed(1)} KB)`);
