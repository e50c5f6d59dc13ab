// Trunk post_build hook. Trunk runs the hooks of one stage at the same time, so the steps that
// edit the staged page run here, one after the other: the wasm compiled from the start of the
// page (early-wasm.mjs), the page's CSP hash (csp-hash.mjs), the
// content-hashed embed loader and its <meta> (embed-hash.mjs), the pre-rendered pages
// (prerender.mjs), the offline single file built from the finished page (offline.mjs), then,
// in release builds, the JS glue minified (minify-js.mjs).
await import("./early-wasm.mjs");
await import("./csp-hash.mjs");
await import("./embed-hash.mjs");
await import("./prerender.mjs");
await import("./offline.mjs");
await import("./minify-js.mjs");
