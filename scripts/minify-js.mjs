// Trunk post_build hook, release builds only: minify wasm-bindgen's JS glue with terser.
// Trunk's own minifier cannot read the glue (it stops at `export default` and ships the file
// as it is, 49 KB), and what the page loads must stay under its gzip budget (SPEC §9). The file
// keeps its name; its Subresource Integrity hash on the page's modulepreload link is replaced
// by the new content's on every page that names it (the pre-rendered pages too). It runs last:
// the offline file (offline.mjs) inlines the glue as wasm-bindgen wrote it. terser is
// installed with the build tools (scripts/tools/package.json).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-js: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tools = join(process.env.CARGO_TARGET_DIR || join(root, "target"), "tools", "node_modules");
let minify;
try {
  ({ minify } = createRequire(join(tools, "index.js"))("terser"));
} catch (e) {
  console.error(`minify-js: terser is not installed in ${tools} (scripts/tools.sh): ${e.message}`);
  process.exit(1);
}
const html = readFileSync(join(dir, "index.html"), "utf8");
const link = /<link\b[^>]*\bhref="?\.\/([\w.-]+\.js)"?[^>]*\bintegrity="?(sha384-[A-Za-z0-9+/=]+)"?[^>]*>/.exec(html);
if (!link) {
  console.error("minify-js: no modulepreload link with an integrity hash in index.html");
  process.exit(1);
}
const [, name, oldIntegrity] = link;
const file = join(dir, name);
const source = readFileSync(file, "utf8");
const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
if (!out.code) {
  console.error("minify-js: terser gave no code");
  process.exit(1);
}
writeFileSync(file, out.code);
const integrity = `sha384-${createHash("sha384").update(out.code, "utf8").digest("base64")}`;
let pages = 0;
for (const entry of readdirSync(dir, { recursive: true })) {
  if (!String(entry).endsWith(".html")) continue;
  const path = join(dir, String(entry));
  const text = readFileSync(path, "utf8");
  if (!text.includes(oldIntegrity)) continue;
  writeFileSync(path, text.replaceAll(oldIntegrity, integrity));
  pages += 1;
}
if (pages === 0) {
  console.error("minify-js: no page names the glue's integrity hash");
  process.exit(1);
}
console.log(`minify-js: ${name} ${source.length} → ${out.code.length} bytes, integrity updated on ${pages} pages`);
