// Trunk post_build step: compile the wasm while the pre-rendered page is parsed, laid out and
// painted, not after. Trunk's loader is a module script, which runs only once the document
// is parsed; it then fetches the wasm and compiles it, after the first paint. A small inline
// script at the end of <head> starts `WebAssembly.compileStreaming` on the preloaded file at
// once (the browser compiles off the main thread), and the loader instantiates that module.
//
// The loader waits for the first paint before it instantiates (the app's first render is
// tens of milliseconds of script that must not delay the pre-rendered verdict): the frame
// after the next animation frame, or 100 ms if no frame comes (a page in a background tab or
// an iframe out of view gets none). If the early compile failed (a host that serves the wasm
// without `application/wasm`), the loader fetches the file as before and wasm-bindgen falls
// back to compiling it from bytes.
//
// Runs from scripts/post-build.mjs first: the CSP hashes (csp-hash.mjs, prerender.mjs) then
// include the new script, the pre-rendered pages rewrite its "./" address like the others, and
// the offline file (offline.mjs) drops it (that file makes no request).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("early-wasm: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const fail = (msg) => {
  console.error(`early-wasm: ${msg}`);
  process.exit(1);
};
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const loader = html.match(/(<script\b[^>]*\btype=["']?module["']?[^>]*>)([\s\S]*?)(<\/script>)/i);
if (!loader) fail("no module loader script in index.html");
const call = /module_or_path:\s*(['"])(\.\/[\w.-]+_bg\.wasm)\1/;
const wasm = loader[2].match(call);
if (!wasm) fail(`the loader does not pass module_or_path: './…_bg.wasm': ${loader[2]}`);
const href = wasm[2];
// The id marks it for offline.mjs. A rejection is handled here (the loader falls back), so the
// console stays clean.
// Both are short: every pre-rendered page carries them.
const early = `<script id="early-wasm">(self.__w=WebAssembly.compileStreaming(fetch("${href}"))).catch(()=>0)</script>`;
const body = loader[2].replace(call, () =>
  `module_or_path: await new Promise(r=>{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,100)})` +
  `.then(()=>self.__w||fetch('${href}')).catch(()=>fetch('${href}'))`);
html = html.replace(loader[0], () => loader[1] + body + loader[3]);
if (!/<\/head>/i.test(html)) fail("no </head> in index.html");
html = html.replace(/<\/head>/i, () => `${early}</head>`);
writeFileSync(file, html);
console.log(`early-wasm: ${href} compiles from the start of the page`);
