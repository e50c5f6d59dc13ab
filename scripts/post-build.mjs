// Trunk post_build hook. Trunk runs the hooks of one stage at the same time, so the two steps
// that edit the staged page run here, one after the other: first the page's CSP hash
// (csp-hash.mjs), then the offline single file built from the finished page (offline.mjs).
await import("./csp-hash.mjs");
await import("./offline.mjs");
