// Trunk post_build step: the pre-rendered pages. Runs the native pre-renderer
// (src/bin/prerender.rs: the same engine and components the wasm runs) and writes, from the
// staged index.html, one page per scenario and mode with the app's HTML already in #app:
//
//   index.html                 the default scenario, full page
//   presets/<name>/index.html  each preset, full page
//   embed/index.html           the default scenario, the embed's card
//   embed/<name>/index.html    each preset, the embed's card
//
// Every address stays relative (a page two folders down loads ../../x.js), each page says
// what it shows in <meta name="dpu-page"> and where the build's root is in
// <meta name="dpu-root">, and its Content-Security-Policy allows its own inline scripts by
// hash (their text differs with the depth). The wasm then takes over the same markup.
//
// Runs from scripts/post-build.mjs after csp-hash.mjs and embed-hash.mjs, before offline.mjs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("prerender: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const fail = (msg) => {
  console.error(`prerender: ${msg}`);
  process.exit(1);
};
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// The native pre-renderer is an ordinary build: not the page's release-only std build
// (scripts/tools.sh, release_env), whose options need a wasm target.
const env = { ...process.env };
for (const key of [
  "RUSTC_BOOTSTRAP",
  "CARGO_UNSTABLE_BUILD_STD",
  "CARGO_UNSTABLE_BUILD_STD_FEATURES",
  "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
]) delete env[key];
let json;
try {
  json = execFileSync("cargo", ["run", "-q", "--locked", "--bin", "prerender"], {
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch (e) {
  fail(`the pre-renderer failed: ${e.message}`);
}
const pages = JSON.parse(json);
// The minifier may drop the empty content attribute.
const META = /<meta name="?dpu-page"?(?: content=(?:""|))?>/;
const template = readFileSync(join(dir, "index.html"), "utf8");
if (!/<div id="?app"?><\/div>/.test(template)) fail("no empty <div id=app> in index.html");
if (!META.test(template)) fail(`no <meta name=dpu-page> in index.html: ${(template.match(/<meta[^>]*dpu-page[^>]*>/) || ["none"])[0]}`);

for (const page of pages) {
  const depth = page.path.split("/").filter(Boolean).length;
  const up = depth ? "../".repeat(depth) : "./";
  let html = template;
  if (depth) {
    // "./file" in attributes (quoted or, after the minifier, bare) and in the loader's
    // import become "../../file".
    html = html.replace(/([="'(])\.\/(?=[\w.-])/g, `$1${up}`);
  }
  const what = new URLSearchParams({ r: "1" });
  if (page.preset) what.set("preset", page.preset);
  if (page.embed) what.set("embed", "1");
  html = html.replace(META, () =>
    `<meta name="dpu-page" content="${what.toString()}"><meta name="dpu-root" content="${up}">`);
  html = html.replace(/<div id="?app"?><\/div>/, () => `<div id="app">${page.html}</div>`);
  if (page.embed) html = html.replace(/<body>/, '<body class="embed">');
  // The page's own inline scripts by hash.
  const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1]))
    .map((m) => sha256(m[2]));
  html = html.replace(/script-src 'self' 'wasm-unsafe-eval'(?: 'sha256-[A-Za-z0-9+/=]+')*/, () =>
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`);
  if (!html.includes(`data-verdict="${page.verdict}"`)) fail(`${page.path || "index"}: the verdict is not in the page`);
  mkdirSync(join(dir, page.path), { recursive: true });
  writeFileSync(join(dir, page.path, "index.html"), html);
}
console.log(`prerender: wrote ${pages.length} pages`);
