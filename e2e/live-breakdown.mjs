// Where the time to live goes: loads the default page N times (default 9) at 1× and at 4× CPU
// slowdown and prints the medians of each step, from the navigation's start:
//
//   js, wasm  the JS glue's and the wasm's response end (resource timing)
//   fcp       first contentful paint (the pre-rendered page)
//   compile_  WebAssembly.compileStreaming called and resolved (scripts/post-build.mjs, earlyWasm)
//   instantiate_  WebAssembly.instantiate(Streaming) called and resolved (compiles too when
//             given bytes or a response)
//   start     the app's entry: the wasm's first look at #app (web::app_root)
//   rendered  the first render done: web::take_over begins
//   live      <html data-live> set
//
// Not a test: a tool for finding what to cut. Reads the same build the e2e suite does.
//
//   cd e2e && node live-breakdown.mjs [DIST…] [N]   (several builds: their loads alternate)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/server.mjs";
import { launch } from "./lib/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const N = /^\d+$/.test(args.at(-1) ?? "") ? Number(args.pop()) : 9;
const DISTS = args.length ? args : [process.env.DIST ?? join(HERE, "../dist")];
/** Runs before the page's first byte: wraps what the loader and the wasm call. */
function instrument() {
  const t = (window.__t = {});
  const now = () => performance.now();
  // Compiling (the early compile, scripts/post-build.mjs), and instantiating (compiling too
  // when given bytes or a response).
  for (const [name, key] of [["compileStreaming", "compile"], ["instantiateStreaming", "instantiate"], ["instantiate", "instantiate"]]) {
    const orig = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      t[`${key}_call`] ??= now();
      const p = orig.apply(this, args);
      p.then(() => (t[`${key}_done`] ??= now()), () => {});
      return p;
    };
  }
  const byId = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) {
    if (id === "app") t.start ??= now();
    if (id === "app-live" && t.start !== undefined) t.rendered ??= now();
    return byId.call(this, id);
  };
  const setAttr = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (k, v) {
    if (k === "data-live" && this === document.documentElement) t.live ??= now();
    return setAttr.call(this, k, v);
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = await Promise.all(DISTS.map((d) => serve(d)));
const browser = await launch();
const KEYS = ["html", "dcl", "js", "wasm", "fcp", "compile_call", "compile_done", "instantiate_call", "instantiate_done", "start", "rendered", "live"];
try {
  for (const rate of [1, 4]) {
    const page = await browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.addInitScript(instrument);
    const rows = DISTS.map(() => []);
    // The builds alternate, load by load, so that a busy machine slows them alike.
    for (let i = 0; i < N; i++) {
      for (const [j, server] of servers.entries()) {
        await page.goto(`${server.origin}/`);
        await page.waitForSelector("html[data-live]");
        rows[j].push(
          await page.evaluate(() => {
            const r = performance.getEntriesByType("resource");
            const end = (ext) => r.find((e) => e.name.endsWith(ext))?.responseEnd;
            const nav = performance.getEntriesByType("navigation")[0];
            const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime;
            return { html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, js: end(".js"), wasm: end(".wasm"), fcp, ...window.__t };
          }),
        );
      }
    }
    console.log(`\n${rate}× CPU, medians of ${N} loads (ms from navigation start)`);
    console.log("".padEnd(44) + DISTS.map((d) => d.slice(-14).padStart(15)).join(""));
    const meds = rows.map((r) => Object.fromEntries(KEYS.map((k) => [k, median(r.map((x) => x[k]))])));
    for (const k of KEYS) console.log(`  ${k.padEnd(42)}` + meds.map((m) => m[k]?.toFixed(1).padStart(15)).join(""));
    const steps = {
      "compile (early, beside parse and paint)": (m) => m.compile_done - m.compile_call,
      "to the loader's instantiate": (m) => m.instantiate_call,
      "instantiate (and compile, if not early)": (m) => m.instantiate_done - m.instantiate_call,
      "to the app's entry": (m) => m.start - m.instantiate_done,
      "first render": (m) => m.rendered - m.start,
      "take-over": (m) => m.live - m.rendered,
    };
    for (const [k, f] of Object.entries(steps)) console.log(`  ${k.padEnd(42)}` + meds.map((m) => f(m)?.toFixed(1).padStart(15)).join(""));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await page.close();
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
