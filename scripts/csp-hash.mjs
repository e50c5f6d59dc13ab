// Trunk post_build hook: allow Trunk's one inline loader script by its hash in the page's
// Content-Security-Policy (replacing the CSP_SCRIPT_HASH placeholder of index.html), so the
// policy needs neither 'unsafe-inline' nor a nonce. Fails the build if the page has no CSP
// placeholder or an inline script it cannot hash.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hash: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
}
if (!html.includes("CSP_SCRIPT_HASH")) {
  console.error("csp-hash: no CSP_SCRIPT_HASH placeholder in index.html");
  process.exit(1);
}
writeFileSync(file, html.replaceAll("CSP_SCRIPT_HASH", hashes.join(" ")));
console.log(`csp-hash: allowed ${hashes.length} inline script(s) by hash`);
