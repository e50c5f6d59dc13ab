// The release build published under a sub-path, as on a GitHub Pages project site or a blog's
// /tools/dpu/: dist/ is served unchanged at /tools/dpu/ (nothing at the root), and the page,
// a preset, a #s= link, the embed demo and the offline file all work from there, every request
// staying under /tools/dpu/ and none failing.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";
import { linkValue, recordViolations, violations, watch } from "../lib/watch.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const PREFIX = "/tools/dpu/";

let server;
let browser;
/** What went wrong on each page (see watch.mjs); checked by the last test. */
const problems = [];

async function newPage() {
  const page = await browser.context.newPage();
  problems.push(watch(page, { allowed: [server.base] }));
  return page;
}

const verdictOf = (frame) => frame.getAttribute("#verdict", "data-verdict");

before(async () => {
  server = await serve(DIST, { prefix: PREFIX });
  browser = await launch();
  await browser.context.addInitScript(recordViolations);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("published under a sub-path", () => {
  test("the built pages name every file and every page of ours by a relative address", () => {
    const absolute = [];
    const htmlFiles = (dir, rel = "") => readdirSync(join(dir, rel)).flatMap((f) => {
      const path = join(rel, f);
      if (statSync(join(dir, path)).isDirectory()) return htmlFiles(dir, path);
      return f.endsWith(".html") ? [path] : [];
    });
    const files = htmlFiles(DIST);
    assert.ok(files.includes(join("presets", "hype-case", "index.html")), "the pre-rendered pages are there");
    for (const file of files) {
      const html = readFileSync(join(DIST, file), "utf8");
      const attr = String.raw`\s(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))`;
      const refs = [
        // What the page loads: scripts, styles, frames, images.
        ...[...html.matchAll(new RegExp(`<(?:script|link|iframe|img|source)\\b[^>]*?${attr}`, "gi"))].map((m) => m[1] ?? m[2] ?? m[3]),
        ...[...html.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]),
        ...[...html.matchAll(/module_or_path:\s*['"]([^'"]+)['"]/g)].map((m) => m[1]),
      ];
      for (const ref of refs) {
        if (ref.startsWith("data:")) continue;
        if (/^(\/|[a-z][a-z0-9+.-]*:)/i.test(ref)) absolute.push(`${file}: ${ref}`);
      }
      // Links: to the sources (absolute, on purpose) or to our own pages (relative).
      for (const m of html.matchAll(new RegExp(`<a\\b[^>]*?${attr}`, "gi"))) {
        const ref = m[1] ?? m[2] ?? m[3];
        if (ref.startsWith("/")) absolute.push(`${file}: link ${ref}`);
      }
    }
    assert.deepEqual(absolute, []);
  });

  test("the page opens on the default verdict, at the folder and at index.html", async () => {
    const page = await newPage();
    for (const path of ["", "index.html"]) {
      await page.goto(server.base + path);
      await page.waitForSelector("html[data-live] #verdict[data-verdict]");
      assert.equal(await verdictOf(page), EXPECTED.default, path || "(folder)");
      assert.ok(await page.locator("[data-finding-id]").count() > 0);
      // The stylesheet applied (a broken relative address would leave the page unstyled).
      const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
      assert.ok(styled, "app.css is loaded");
    }
    assert.deepEqual(await violations(page), []);
    await page.close();
  });

  test("?preset=hype-case and the preset's own page, two folders down", async () => {
    const page = await newPage();
    await page.goto(`${server.base}?preset=hype-case`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["hype-case"].verdict}"]`);
    assert.equal(await page.inputValue("#preset"), "hype-case");
    await page.waitForFunction((p) => location.pathname === `${p}presets/hype-case/`, PREFIX);
    await page.goto(`${server.base}presets/nfv-heavy/`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["nfv-heavy"].verdict}"]`);
    const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    assert.ok(styled, "app.css is loaded from two folders down");
    // Back to the default from a preset's page: the address goes back to the root.
    await page.click("#reset");
    await page.waitForFunction((p) => location.pathname === p, PREFIX);
    await page.close();
  });

  test("a #s= link, and an edit keeps the address under the sub-path", async () => {
    const page = await newPage();
    const value = linkValue({ schema: 1, traffic: { gbps_per_host: Number(EXPECTED.traffic_edit.value) } });
    await page.goto(`${server.base}#s=${value}`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.traffic_edit.verdict}"]`);
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), String(EXPECTED.traffic_edit.value));
    await page.fill('[name="traffic.gbps_per_host"]', "10");
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.default}"]`);
    await page.waitForFunction(() => !location.hash.includes("s="));
    assert.equal(new URL(page.url()).pathname, PREFIX, "the page stays where it was published");
    assert.ok(!server.requests.some((r) => r.includes(value)), "the scenario never reached the server");
    await page.close();
  });

  test("the embed demo: every embed loads from the sub-path and shows its scenario", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${server.base}embed-demo.html`);
    const frames = page.locator("iframe");
    await page.waitForFunction(() => document.querySelectorAll("iframe").length === 4);
    const srcs = await frames.evaluateAll((fs) => fs.map((f) => f.src));
    for (const src of srcs) assert.ok(src.startsWith(`${server.base}embed/`), src);
    const wanted = ["hype-case", "nfv-heavy", "vcf9-dpu-pays"].map((p) => EXPECTED.presets[p].verdict);
    // The fourth embed is a copied link: it shows what the full page shows for that link.
    const link = `#s=${new URLSearchParams(new URL(srcs[3]).hash.slice(1)).get("s")}`;
    assert.match(link, /^#s=1\.[A-Za-z0-9_-]+$/);
    assert.match(new URL(srcs[3]).hash, /^#ns=[A-Za-z0-9_.-]+&s=1\./, "the list's name rides in the fragment");
    // The demo's comment plants a fifth calculator; data-embeds keeps it out.
    assert.equal(await page.locator(".comment [data-dpu-reality-check] iframe").count(), 0);
    const full = await newPage();
    await full.goto(server.base + link);
    await full.waitForSelector("html[data-live] #verdict[data-verdict]");
    wanted.push(await verdictOf(full));
    await full.close();
    for (let i = 0; i < 4; i++) {
      await frames.nth(i).scrollIntoViewIfNeeded();
      const frame = await (await frames.nth(i).elementHandle()).contentFrame();
      await frame.waitForSelector(`html[data-live] #verdict[data-verdict="${wanted[i]}"]`);
      assert.deepEqual(await violations(frame), [], `embed ${i + 1}`);
    }
    assert.deepEqual(await violations(page), [], "the demo post (Trusted Types required) has no violation");
    // Each iframe took its content's height (the resize messages come from the sub-path too).
    await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => {
      const content = f.contentDocument?.documentElement.getBoundingClientRect().height;
      return content > 300 && Math.abs(f.getBoundingClientRect().height - content) <= 2;
    }));
    await page.screenshot({ path: join(ARTIFACTS, "embed-demo-subpath.png"), fullPage: true });
    await page.close();
  });

  test("the offline file works from there too, and asks for nothing else", async () => {
    const size = statSync(join(DIST, "dpu-reality-check-offline.html")).size;
    assert.ok(size <= 600 * 1024, `the offline file is ${(size / 1024).toFixed(1)} KB; at most 600 KB`);
    const page = await newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.base}dpu-reality-check-offline.html?preset=hype-case`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["hype-case"].verdict}"]`);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith("data:")),
      [`${server.base}dpu-reality-check-offline.html?preset=hype-case`],
    );
    assert.deepEqual(await violations(page), []);
    await page.close();
  });

  test("nothing failed, nothing left the sub-path", () => {
    assert.deepEqual(problems.flat(), []);
    assert.deepEqual(server.log.filter((r) => r.status >= 400), []);
    assert.deepEqual(server.log.filter((r) => !r.path.startsWith(PREFIX)), []);
  });
});
