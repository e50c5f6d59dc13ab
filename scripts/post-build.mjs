// The build after Trunk, in one program: Trunk.toml runs it as the post_build hook, on the page
// and files Trunk staged ($TRUNK_STAGING_DIR), in every build (TRUNK_PROFILE "release" or
// "debug"). Every step is a pure function of strings and bytes, exported for its tests
// (e2e/tests/post-build.test.mjs); `postBuild` runs them in order; the end of this file does
// the hook's I/O. In order:
//
//   early-wasm    the wasm compiled from the start of the page, not after it is parsed
//   embed-loader  the embed loader published again as embed-<sha256>.js, named with its SRI
//                 hash in a <meta name="dpu-embed-loader">
//   prerender     release: one page per scenario and mode, the app's HTML already in #app,
//                 from the native pre-renderer (src/bin/prerender.rs)
//   csp           each page's inline scripts allowed by hash in its Content-Security-Policy
//   offline       release: dpu-reality-check-offline.html, the whole app in one file
//   glue          release: wasm-bindgen's JS glue minified, its integrity hash on every page
//
// A development build (`trunk serve`, `trunk build`) stops after the CSP of index.html: no
// nested `cargo run` of the pre-renderer on every rebuild, and no offline file. Its page then
// holds no pre-rendered answer (the head script and the app read an empty dpu-page as "nothing
// pre-rendered") and no dpu-root (the app keeps a preset in ?preset=).
//
// Each step finds what it changes by one exact marker, and throws naming the step and the
// marker when it finds none or more than one: a build never ships a page a step missed.
//
//   node scripts/post-build.mjs    (as the hook: needs TRUNK_STAGING_DIR and TRUNK_PROFILE)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** The name of the single-file offline build, beside index.html. */
export const OFFLINE = "dpu-reality-check-offline.html";

const fail = (step, message) => {
  throw new Error(`${step}: ${message}`);
};

/**
 * The one match of global regex `re` in `text`; throws naming `step` and `what` when there is
 * none or more than one.
 */
function one(step, text, re, what) {
  const all = [...text.matchAll(re)];
  if (all.length !== 1) fail(step, `expected one ${what}, found ${all.length}`);
  return all[0];
}

/** `text` with `match` (a match of it, with its index) replaced by `by`, taken literally. */
const splice = (text, match, by) => text.slice(0, match.index) + by + text.slice(match.index + match[0].length);

/** The value of attribute `name` in a start tag (quoted or not: Trunk minifies release HTML). */
export function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The Subresource Integrity value of `content` (text as UTF-8, or bytes). */
export const sri = (content) => `sha384-${createHash("sha384").update(content).digest("base64")}`;

/** The CSP source that allows inline content `text` by its hash: 'sha256-<base64>'. */
export const cspHash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The CSP sources of a page's inline scripts (those without `src`), in document order: the one
 * place scripts are hashed, for the pages and the offline file alike.
 */
export function scriptHashes(html) {
  return [...html.matchAll(SCRIPT)].filter((m) => !/\bsrc\s*=/.test(m[1])).map((m) => cspHash(m[2]));
}

const CSP_META = /<meta\b[^>]*Content-Security-Policy[^>]*>/gi;
// Trunk's loader: <script type=module>import init, * as bindings from './x.js'; … </script>.
const LOADER = /(<script\b[^>]*\btype=["']?module["']?[^>]*>)([\s\S]*?)(<\/script>)/gi;
const HEAD_END = /<\/head>/gi;

/**
 * Step early-wasm: compile the wasm while the pre-rendered page is parsed, laid out and painted,
 * not after. Trunk's loader is a module script, which runs only once the document is parsed;
 * it then fetches the wasm and compiles it, after the first paint. A small inline script at the
 * end of <head> starts `WebAssembly.compileStreaming` on the preloaded file at once (the
 * browser compiles off the main thread), and the loader instantiates that module.
 *
 * The loader waits for the first paint before it instantiates (the app's first render is tens
 * of milliseconds of script that must not delay the pre-rendered verdict): the frame after the
 * next animation frame, or 100 ms if no frame comes (a page in a background tab or an iframe
 * out of view gets none). If the early compile failed (a host that serves the wasm without
 * `application/wasm`), the loader fetches the file as before and wasm-bindgen falls back to
 * compiling it from bytes. Both scripts are short: every pre-rendered page carries them.
 *
 * Returns the page and the wasm's address.
 */
export function earlyWasm(html) {
  const step = "early-wasm";
  const loader = one(step, html, LOADER, "module loader <script type=module>");
  const call = one(step, loader[2], /module_or_path:\s*(['"])(\.\/[\w.-]+_bg\.wasm)\1/g, "module_or_path: './…_bg.wasm' in the loader");
  const wasm = call[2];
  const body = splice(
    loader[2],
    call,
    `module_or_path: await new Promise(r=>{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,100)})` +
      `.then(()=>self.__w||fetch('${wasm}')).catch(()=>fetch('${wasm}'))`,
  );
  html = splice(html, loader, loader[1] + body + loader[3]);
  // The id marks it for the offline file, which drops it. A rejection is handled here (the
  // loader falls back), so the console stays clean.
  const early = `<script id="early-wasm">(self.__w=WebAssembly.compileStreaming(fetch("${wasm}"))).catch(()=>0)</script>`;
  return { html: splice(html, one(step, html, HEAD_END, "</head>"), `${early}</head>`), wasm };
}

/**
 * Step embed-loader, the name: the embed loader is published a second time as
 * embed-<first 10 hex of its sha256>.js, so a blog can include it with Subresource Integrity (a
 * hashed name never changes content, so its integrity never breaks); embed.js stays for the
 * posts that already use it.
 */
export function embedLoader(bytes) {
  return {
    name: `embed-${createHash("sha256").update(bytes).digest("hex").slice(0, 10)}.js`,
    integrity: sri(bytes),
  };
}

/**
 * Step embed-loader, the page: the page learns the loader's name and integrity from
 * `<meta name="dpu-embed-loader" content="embed-0123456789.js" data-integrity="sha384-…">` right
 * after its Content-Security-Policy: `content` is the file name relative to the page (the loader
 * sits beside index.html), `data-integrity` the SRI value for
 * <script src=… integrity=… crossorigin="anonymous">.
 */
export function withEmbedLoader(html, { name, integrity }) {
  const step = "embed-loader";
  if (/<meta\b[^>]*\bname=["']?dpu-embed-loader/i.test(html)) fail(step, "the page already names a loader");
  const csp = one(step, html, CSP_META, "Content-Security-Policy <meta>");
  return splice(html, csp, `${csp[0]}<meta name="dpu-embed-loader" content="${name}" data-integrity="${integrity}">`);
}

/**
 * Step csp: the page's inline scripts allowed by their hashes in its Content-Security-Policy,
 * in place of index.html's CSP_SCRIPT_HASH, so the policy needs neither 'unsafe-inline' nor a
 * nonce. Runs on each finished page: a pre-rendered page's scripts differ with its depth.
 */
export function withScriptHashes(html) {
  const step = "csp";
  const csp = one(step, html, CSP_META, "Content-Security-Policy <meta>");
  const at = one(step, csp[0], /CSP_SCRIPT_HASH/g, "CSP_SCRIPT_HASH placeholder in the Content-Security-Policy");
  return splice(html, csp, splice(csp[0], at, scriptHashes(html).join(" ")));
}

/**
 * Step prerender: one pre-rendered page from the page Trunk built (`template`) and one entry of
 * the native pre-renderer's output (src/bin/prerender.rs: `{path, preset, embed, verdict,
 * html}`, the same engine and components the wasm runs):
 *
 *   index.html                 the default scenario, full page
 *   presets/<name>/index.html  each preset, full page
 *   embed/index.html           the default scenario, the embed's card
 *   embed/<name>/index.html    each preset, the embed's card
 *
 * Every address stays relative (a page two folders down loads ../../x.js), the page says what
 * it shows in <meta name="dpu-page"> and where the build's root is in <meta name="dpu-root">,
 * and the embed's pages mark <body class="embed">. The wasm then takes over the same markup.
 * Fails if the page does not hold the verdict the pre-renderer computed.
 */
export function prerenderPage(template, page) {
  const step = "prerender";
  const where = page.path || "index";
  const depth = page.path.split("/").filter(Boolean).length;
  const up = depth ? "../".repeat(depth) : "./";
  let html = template;
  // "./file" in attributes (quoted or, after the minifier, bare) and in the loader's import
  // and fetches become "../../file". The app's HTML comes after: its links are its own.
  if (depth) html = html.replace(/([="'(])\.\/(?=[\w.-])/g, `$1${up}`);
  const what = new URLSearchParams({ r: "1" });
  if (page.preset) what.set("preset", page.preset);
  if (page.embed) what.set("embed", "1");
  // The minifier may drop the empty content attribute.
  const meta = one(step, html, /<meta name="?dpu-page"?(?: content=(?:""|))?>/g, "empty <meta name=dpu-page>");
  html = splice(html, meta, `<meta name="dpu-page" content="${what}"><meta name="dpu-root" content="${up}">`);
  if (page.embed) html = splice(html, one(step, html, /<body>/g, "<body>"), '<body class="embed">');
  html = splice(html, one(step, html, /<div id="?app"?><\/div>/g, "empty <div id=app>"), `<div id="app">${page.html}</div>`);
  if (!html.includes(`data-verdict="${page.verdict}"`)) fail(step, `${where}: the verdict ${page.verdict} is not in the page`);
  return html;
}

/**
 * Step offline: dpu-reality-check-offline.html from the finished index.html: the whole app in
 * one file (wasm, JS, CSS and icon inlined) that works when opened from disk (file://), presets
 * and links included. The wasm travels gzip-compressed (base64) and is unpacked in the browser
 * with DecompressionStream, which keeps the file at about half the size of plain base64. Its
 * Content-Security-Policy allows exactly its own inline script and style (by hash) and wasm
 * compilation, requires Trusted Types (with no policy allowed), and allows no request at all
 * (no connect-src, no 'self').
 *
 * `file(href)` gives the bytes of a file the page names (the glue as wasm-bindgen wrote it: its
 * exports are taken off by line).
 */
export function offlinePage(html, file) {
  const step = "offline";
  const loader = one(step, html, LOADER, "module loader <script type=module>");
  const jsHref = loader[2].match(/from\s*['"]([^'"]+\.js)['"]/)?.[1];
  const wasmHref = loader[2].match(/['"]([^'"]+_bg\.wasm)['"]/)?.[1];
  if (!jsHref || !wasmHref) fail(step, "the loader names no JS glue (from '….js') or no wasm ('…_bg.wasm')");

  // The wasm-bindgen glue as part of one inline module: its exports dropped.
  const glue = file(jsHref)
    .toString("utf8")
    .replace(/^export\s+(function|class|const|let|async function)\s/gm, "$1 ")
    .replace(/^export\s*\{[^}]*\};?\s*$/gm, "");
  if (!/function __wbg_init\b/.test(glue)) fail(step, `the glue ${jsHref} has no __wbg_init`);
  const wasm = gzipSync(file(wasmHref), { level: 9 }).toString("base64");
  const script = `${glue}
const __offlineGzip = new Blob([Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0))]);
const __offlineBytes = await new Response(
  __offlineGzip.stream().pipeThrough(new DecompressionStream("gzip")),
).arrayBuffer();
const __offlineWasm = await __wbg_init({ module_or_path: __offlineBytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __offlineWasm } }));
`;

  // Styles inline, preloads gone; the icon must be a data: URL already (index.html).
  let css = "";
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (rel === "stylesheet" && href) {
      css += file(href).toString("utf8");
      return "";
    }
    if (rel === "modulepreload" || rel === "preload") return "";
    if (rel === "icon" && href && !href.startsWith("data:")) fail(step, `the icon ${href} is not a data: URL`);
    return tag;
  });
  html = splice(html, one(step, html, LOADER, "module loader <script type=module>"), `<script type="module">${script}</script>`);
  // The early compile would fetch the wasm: here it is inside the file.
  html = splice(html, one(step, html, /<script id="?early-wasm"?>[\s\S]*?<\/script>/gi, "early-wasm <script>"), "");
  // The hashed embed loader and the pre-rendered pages are published beside index.html, not
  // beside this file: without dpu-root the page keeps presets in the query (?preset=).
  html = splice(html, one(step, html, /<meta\b[^>]*\bname=["']?dpu-embed-loader["']?[^>]*>/gi, "<meta name=dpu-embed-loader>"), "");
  html = splice(html, one(step, html, /<meta\b[^>]*\bname=["']?dpu-root["']?[^>]*>/gi, "<meta name=dpu-root>"), "");
  html = splice(html, one(step, html, HEAD_END, "</head>"), `<style>${css}</style></head>`);

  // Every inline script by its hash: the one above and the page's head script.
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHashes(html).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${cspHash(css)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join("; ");
  html = splice(html, one(step, html, CSP_META, "Content-Security-Policy <meta>"), `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  if (/<script\b[^>]*\ssrc=/i.test(html) || /<link\b[^>]*rel=["']?(stylesheet|modulepreload|preload)/i.test(html)) {
    fail(step, "an external script, style or preload is left");
  }
  return html;
}

/**
 * Step glue, where: the JS glue's file and integrity hash, from the page's one
 * <link rel=modulepreload href="./….js" integrity="sha384-…">.
 */
export function glueLink(html) {
  const step = "glue";
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].filter((m) => (attr(m[0], "rel") ?? "").toLowerCase() === "modulepreload");
  if (links.length !== 1) fail(step, `expected one <link rel=modulepreload>, found ${links.length}`);
  const href = attr(links[0][0], "href") ?? "";
  const integrity = attr(links[0][0], "integrity") ?? "";
  if (!/^\.\/[\w.-]+\.js$/.test(href)) fail(step, `the modulepreload link's href is not "./….js": ${links[0][0]}`);
  if (!/^sha384-[A-Za-z0-9+/=]+$/.test(integrity)) fail(step, `the modulepreload link has no sha384 integrity: ${links[0][0]}`);
  return { file: href.slice(2), integrity };
}

/** Step glue, the pages: the glue's old integrity hash, once on every page, replaced by the new. */
export function withIntegrity(html, from, to) {
  const at = one("glue", html, new RegExp(from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "g"), `integrity ${from}`);
  return splice(html, at, to);
}

/**
 * The build after Trunk: every step in order, on the staged files. `read(name)` gives the bytes
 * of a staged file (a name beside index.html); `profile` is Trunk's ("release" or "debug");
 * `prerender()` returns the pre-renderer's pages and `minify(js)` the minified glue (both
 * async, both called in release builds only). Resolves to what to write, { files: Map(path →
 * string or bytes), log: [lines] }.
 *
 * Trunk's minifier cannot read wasm-bindgen's glue (it stops at `export default` and ships the
 * file as it is, 49 KB), and what the page loads must stay under its gzip budget (SPEC §9):
 * the release build minifies it; the offline file inlines it as wasm-bindgen wrote it.
 */
export async function postBuild({ read, profile, prerender, minify }) {
  if (profile !== "release" && profile !== "debug") fail("post-build", `TRUNK_PROFILE is ${profile}, not release or debug`);
  const files = new Map();
  const log = [];

  const early = earlyWasm(read("index.html").toString("utf8"));
  log.push(`early-wasm: ${early.wasm} compiles from the start of the page`);

  const loader = read("embed.js");
  const embed = embedLoader(loader);
  files.set(embed.name, loader);
  const template = withEmbedLoader(early.html, embed);
  log.push(`embed-loader: published ${embed.name} (${embed.integrity})`);

  if (profile === "debug") {
    files.set("index.html", withScriptHashes(template));
    log.push("development build: index.html only, not pre-rendered; no offline file, glue not minified");
    return { files, log };
  }

  const glue = glueLink(template);
  const pages = await prerender();
  if (!Array.isArray(pages) || !pages.some((p) => p.path === "")) fail("prerender", "no page at the root (path \"\") from the pre-renderer");
  const html = new Map();
  for (const page of pages) {
    const path = `${page.path}index.html`;
    if (html.has(path)) fail("prerender", `two pages at ${path}`);
    html.set(path, withScriptHashes(prerenderPage(template, page)));
  }
  log.push(`prerender: ${pages.length} pages`);

  const offline = offlinePage(html.get("index.html"), (href) => read(href.replace(/^\.?\//, "").split(/[?#]/)[0]));
  files.set(OFFLINE, offline);
  log.push(`offline: ${OFFLINE} (${(Buffer.byteLength(offline, "utf8") / 1024).toFixed(1)} KB)`);

  const source = read(glue.file).toString("utf8");
  const code = await minify(source);
  if (!code) fail("glue", "the minifier gave no code");
  const integrity = sri(code);
  files.set(glue.file, code);
  for (const [path, page] of html) files.set(path, withIntegrity(page, glue.integrity, integrity));
  log.push(`glue: ${glue.file} ${source.length} → ${code.length} bytes, integrity updated on ${html.size} pages`);
  return { files, log };
}

// The hook: the staged files in, the changed and new files out.

/** The native pre-renderer's pages (`cargo run --bin prerender`, JSON on stdout). */
function runPrerenderer() {
  // An ordinary native build: not the page's release-only std build (scripts/tools.sh,
  // release_env), whose options need a wasm target.
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
    fail("prerender", `the pre-renderer failed: ${e.message}`);
  }
  return JSON.parse(json);
}

/** terser, installed with the build tools (scripts/tools/package.json, scripts/tools.sh). */
async function minifyWithTerser(source) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const tools = join(process.env.CARGO_TARGET_DIR || join(root, "target"), "tools", "node_modules");
  let minify;
  try {
    ({ minify } = createRequire(join(tools, "index.js"))("terser"));
  } catch (e) {
    fail("glue", `terser is not installed in ${tools} (scripts/tools.sh): ${e.message}`);
  }
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.env.TRUNK_STAGING_DIR;
  try {
    if (!dir) fail("post-build", "TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
    const started = performance.now();
    const { files, log } = await postBuild({
      read: (name) => readFileSync(join(dir, name)),
      profile: process.env.TRUNK_PROFILE,
      prerender: async () => runPrerenderer(),
      minify: minifyWithTerser,
    });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const line of log) console.log(`post-build: ${line}`);
    console.log(`post-build: ${process.env.TRUNK_PROFILE} build, ${files.size} files written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (e) {
    console.error(`post-build: ${e.message}`);
    process.exit(1);
  }
}
