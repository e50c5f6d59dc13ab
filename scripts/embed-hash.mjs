// Trunk post_build hook: publish the embed loader a second time under a content-hashed name,
// embed-<first 10 hex of its sha256>.js, so a blog can include it with Subresource Integrity
// (a hashed name never changes content, so its integrity never breaks). embed.js stays for the
// posts that already use it. The page learns the name and the integrity from
//
//   <meta name="dpu-embed-loader" content="embed-0123456789.js" data-integrity="sha384-…">
//
// written into index.html right after its Content-Security-Policy: `content` is the file name
// relative to the page (the loader sits beside index.html), `data-integrity` the SRI value for
// <script src=… integrity=… crossorigin="anonymous">.
//
// Runs from scripts/post-build.mjs after csp-hash.mjs. Reads and writes $TRUNK_STAGING_DIR.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("embed-hash: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const fail = (msg) => {
  console.error(`embed-hash: ${msg}`);
  process.exit(1);
};

const loader = readFileSync(join(dir, "embed.js"));
const name = `embed-${createHash("sha256").update(loader).digest("hex").slice(0, 10)}.js`;
const integrity = `sha384-${createHash("sha384").update(loader).digest("base64")}`;
writeFileSync(join(dir, name), loader);

const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
if (/<meta\b[^>]*\bname=["']?dpu-embed-loader/i.test(html)) fail("index.html already names a loader");
const csp = html.match(/<meta\b[^>]*Content-Security-Policy[^>]*>/i);
if (!csp) fail("no Content-Security-Policy meta tag in index.html to put the loader's meta after");
const meta = `<meta name="dpu-embed-loader" content="${name}" data-integrity="${integrity}">`;
writeFileSync(file, html.replace(csp[0], () => csp[0] + meta));
console.log(`embed-hash: published ${name} (${integrity})`);
