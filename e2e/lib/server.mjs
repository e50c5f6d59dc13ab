// A tiny static file server for dist/ on a loopback port, with the right MIME types
// (application/wasm for streaming compilation). It records every request it serves.
//
// Like an ordinary static host it answers `Cache-Control: no-cache` with an ETag, so the
// browser revalidates (If-None-Match → 304) every time it asks for a file again: a request
// the page makes after load shows up here instead of hiding in the browser's cache.
//
// Options:
//   prefix        serve `root` under this path ("/tools/dpu/"); anything outside it is a 404,
//                 as on a GitHub Pages project site
//   cacheControl  the Cache-Control header (default "no-cache"; "no-store" to skip the cache)
//   cors          send `Access-Control-Allow-Origin: *` (GitHub Pages does; a cross-origin
//                 <script integrity crossorigin> needs it)
//   pages         { "/blog/post/": "<!doctype html>…" }: extra HTML pages at exact paths (mock
//                 blog posts); `root` may be null to serve only these
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { origin, base, requests, log, close }:
 * `base` is origin + prefix, `requests` the path and query of every request, `log` every
 * request as { path, status }.
 */
export async function serve(root, { prefix = "/", cacheControl = "no-cache", cors = false, pages = {} } = {}) {
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error(`prefix ${prefix}: /…/`);
  const requests = [];
  const log = [];
  const server = createServer(async (req, res) => {
    // Appended, not resolved: a request for `//x` is the path `//x` of this host (resolving
    // it would read `x` as a host name).
    const url = new URL(`http://localhost${req.url}`);
    requests.push(url.pathname + url.search);
    const entry = { path: url.pathname + url.search, status: 0 };
    log.push(entry);
    const send = (status, headers = {}, body = undefined) => {
      entry.status = status;
      res.writeHead(status, { ...(cors ? { "access-control-allow-origin": "*" } : {}), ...headers });
      res.end(body);
    };
    let body;
    let type;
    if (Object.hasOwn(pages, url.pathname)) {
      body = Buffer.from(pages[url.pathname]);
      type = TYPES[".html"];
    } else {
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        send(400);
        return;
      }
      if (!root || !path.startsWith(prefix)) {
        send(404, { "content-type": "text/plain" }, "not found");
        return;
      }
      path = "/" + path.slice(prefix.length);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root) + sep)) {
        send(403);
        return;
      }
      try {
        body = await readFile(file);
        type = TYPES[extname(file)] ?? "application/octet-stream";
      } catch {
        send(404, { "content-type": "text/plain" }, "not found");
        return;
      }
    }
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers = { "cache-control": cacheControl, etag };
    if (req.headers["if-none-match"] === etag) {
      send(304, headers);
      return;
    }
    send(200, { ...headers, "content-type": type }, body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: origin + prefix,
    requests,
    log,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

// `node lib/server.mjs DIR [PREFIX]`: serve a build by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "../dist";
  const s = await serve(root, { prefix: process.argv[3] ?? "/" });
  console.log(`serving ${root} on ${s.base}`);
}
