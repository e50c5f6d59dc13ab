// End-to-end tests of the release build in headless Chromium: verdicts, editing, bad input,
// presets, no requests leaving the origin, no console errors, accessibility (axe-core),
// screenshots, and the size and speed figures scripts/e2e.sh prints.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const BUDGET_KB = 250;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

mkdirSync(ARTIFACTS, { recursive: true });

let server;
let browser;
let page;
const consoleErrors = [];
const foreignRequests = [];
const metrics = {};

/** Records when #verdict first carries a verdict, relative to navigation start. */
function markFirstVerdict() {
  const seen = () => {
    const v = document.getElementById("verdict");
    if (v && v.dataset.verdict && window.__firstVerdictMs === undefined) {
      window.__firstVerdictMs = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, mo) => seen() && mo.disconnect()).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

async function open(query = "") {
  await page.goto(`${server.origin}/${query}`);
  await page.waitForSelector("#verdict[data-verdict]");
}

const verdict = () => page.getAttribute("#verdict", "data-verdict");
const waitVerdict = (wire) => page.waitForSelector(`#verdict[data-verdict="${wire}"]`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  await browser.context.addInitScript(markFirstVerdict);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.origin + "/")) foreignRequests.push(r.url());
  });
});

after(async () => {
  writeFileSync(join(ARTIFACTS, "metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
  await browser?.close();
  await server?.close();
});

describe("the page", () => {
  test("opens on the default scenario's verdict", async () => {
    await open();
    assert.equal(await verdict(), EXPECTED.default);
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), "10");
    assert.ok(await page.locator("[data-finding-id]").count() > 0);
  });

  test("a strict Content-Security-Policy, and nothing on the page needs a looser one", async () => {
    await open("?preset=nfv-heavy");
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
    assert.equal(await page.locator("[style]").count(), 0, "no inline style attributes");
  });

  test("every cost figure carries its raw number", async () => {
    await open();
    const figures = await page.$$eval("[data-cost]", (els) =>
      els.map((e) => [e.dataset.cost, e.dataset.value]),
    );
    const fields = Object.fromEntries(figures);
    for (const f of ["networking_cores_per_host", "net_saving", "break_even_gbps_per_host", "servers_avoided"]) {
      assert.ok(f in fields, `missing data-cost="${f}"`);
    }
    assert.ok(Number.isFinite(Number(fields.net_saving)));
  });

  test("changing the traffic updates the verdict", async () => {
    await open();
    const requestsBefore = server.requests.length;
    await page.fill('[name="traffic.gbps_per_host"]', EXPECTED.traffic_edit.value);
    await waitVerdict(EXPECTED.traffic_edit.verdict);
    assert.notEqual(EXPECTED.traffic_edit.verdict, EXPECTED.default);
    assert.equal(server.requests.length, requestsBefore, "no request after load");
  });

  test("a bad value is marked and the last verdict stays", async () => {
    await open();
    await page.fill('[name="traffic.gbps_per_host"]', EXPECTED.traffic_edit.value);
    await waitVerdict(EXPECTED.traffic_edit.verdict);
    const field = '[name="traffic.gbps_per_host"]';
    await page.fill(field, "-5");
    await page.waitForSelector(`${field}[aria-invalid="true"]`);
    const describedBy = await page.getAttribute(field, "aria-describedby");
    assert.ok(describedBy, "aria-describedby is set");
    const message = await page.textContent(`#${describedBy}`);
    assert.match(message, /traffic\.gbps_per_host/);
    assert.equal(await page.inputValue(field), "-5", "what was typed stays");
    assert.equal(await verdict(), EXPECTED.traffic_edit.verdict, "last valid verdict stays");
    await page.fill(field, "10");
    await page.waitForSelector(`${field}:not([aria-invalid])`);
    await waitVerdict(EXPECTED.default);
  });

  test("every preset renders the verdict and findings dpucheck gives", async () => {
    const names = Object.keys(EXPECTED.presets);
    assert.ok(names.includes("hype-case"));
    assert.equal(EXPECTED.presets["hype-case"].verdict, "wrong_problem");
    for (const name of names) {
      await open(`?preset=${name}`);
      assert.equal(await verdict(), EXPECTED.presets[name].verdict, `preset ${name}`);
      const ids = await page.$$eval("[data-finding-id]", (els) => els.map((e) => e.dataset.findingId));
      assert.deepEqual([...ids].sort(), [...EXPECTED.presets[name].findings].sort(), `findings of ${name}`);
      assert.equal(await page.inputValue("#preset"), name);
    }
  });

  test("the preset picker and reset", async () => {
    await open();
    await page.selectOption("#preset", "hype-case");
    await waitVerdict("wrong_problem");
    assert.match(page.url(), /\?preset=hype-case$/);
    assert.equal(await page.isChecked('[name="goals"][value="run_bare_metal"]'), true);
    assert.equal(await page.inputValue('[name="dpu.model"]'), "pensando_dsc2_100");
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), "4");
    await page.selectOption('[name="platform.kind"]', "kvm_ovs");
    await page.waitForFunction(() => document.getElementById("verdict").dataset.verdict !== "wrong_problem" ||
      !document.querySelector('[data-finding-id="hypervisor-stays-on-host"]'));
    await page.click("#reset");
    await waitVerdict(EXPECTED.default);
    assert.equal(await page.inputValue("#preset"), "");
    assert.equal(await page.isChecked('[name="goals"][value="run_bare_metal"]'), false);
    assert.equal(await page.inputValue('[name="dpu.model"]'), "bluefield3");
    assert.equal(await page.inputValue('[name="platform.kind"]'), "vsphere");
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), "10");
  });

  test("the address bar follows the preset and keeps other parameters", async () => {
    await open("?other=1&preset=hype-case#frag");
    await page.click("#reset");
    await waitVerdict(EXPECTED.default);
    await page.waitForFunction(() => !location.search.includes("preset="));
    assert.equal(new URL(page.url()).search, "?other=1");
    assert.equal(new URL(page.url()).hash, "#frag");
    await page.selectOption("#preset", "nfv-heavy");
    await page.waitForFunction(() => location.search.includes("preset=nfv-heavy"));
    assert.equal(new URL(page.url()).searchParams.get("other"), "1");
  });

  test("keyboard order: presets, reset, share and export, then the scenario from the top", async () => {
    await open();
    await page.focus("#preset");
    const order = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el.getAttribute("name") ?? el.dataset.action ?? el.id;
      }));
    }
    assert.deepEqual(order, [
      "reset", "copy-link", "copy-markdown", "export-json", "import-json", "print", "name", "goals",
    ]);
  });

  test("has no serious or critical accessibility violation (light and dark)", async () => {
    for (const [colorScheme, query] of [["light", "?preset=hype-case"], ["dark", "?preset=hype-case"],
      ["light", "?preset=nfv-heavy"], ["dark", ""]]) {
      await page.emulateMedia({ colorScheme });
      await open(query);
      // Injected over the DevTools protocol, so the page's CSP stays as it is.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `${colorScheme} ${query}: ${violations.join("\n")}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("screenshots at desktop and phone width, light and dark", async () => {
    for (const [device, width] of [["desktop", 1280], ["phone", 360]]) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        await open("?preset=hype-case");
        await page.screenshot({ path: join(ARTIFACTS, `${device}-${colorScheme}.png`), fullPage: true });
        await page.screenshot({ path: join(ARTIFACTS, `${device}-${colorScheme}-top.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${device} ${colorScheme}: page scrolls sideways by ${overflow}px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("measures time to the first verdict and from an input to the new verdict", async () => {
    const loads = [];
    for (let i = 0; i < 5; i++) {
      await open();
      loads.push(await page.evaluate(() => window.__firstVerdictMs));
    }
    metrics.first_verdict_ms = median(loads);
    const values = [];
    for (let i = 0; i < 9; i++) values.push(i % 2 ? "10" : EXPECTED.traffic_edit.value);
    const times = await page.evaluate(async (values) => {
      const input = document.querySelector('[name="traffic.gbps_per_host"]');
      const out = [];
      for (const value of values) {
        const el = document.getElementById("verdict");
        const before = el.dataset.verdict;
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            const now = document.getElementById("verdict");
            if (now && now.dataset.verdict !== before) {
              mo.disconnect();
              resolve(performance.now());
            }
          });
          mo.observe(document.body, { subtree: true, attributes: true, childList: true });
        });
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        out.push((await changed) - t0);
      }
      return out;
    }, values);
    metrics.input_to_verdict_ms = median(times);
    assert.ok(metrics.first_verdict_ms > 0 && metrics.input_to_verdict_ms > 0);
  });

  test(`release bundle is under ${BUDGET_KB} KB gzipped`, () => {
    // What the page loads: index.html and the files it names (not the offline file, the
    // embed loader or its demo, which are published beside it).
    const sizes = { html: 0, js: 0, wasm: 0, css: 0 };
    const index = readFileSync(join(DIST, "index.html"), "utf8");
    const named = new Set(["index.html", ...[...index.matchAll(/\/([\w.-]+\.(?:js|wasm|css))\b/g)].map((m) => m[1])]);
    for (const f of readdirSync(DIST).filter((f) => named.has(f))) {
      const ext = f.split(".").pop();
      if (ext in sizes) sizes[ext] += gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
    }
    metrics.gzip_bytes = sizes;
    metrics.gzip_total_bytes = Object.values(sizes).reduce((a, b) => a + b, 0);
    assert.ok(sizes.wasm > 0 && sizes.js > 0 && sizes.html > 0 && sizes.css > 0, JSON.stringify(sizes));
    assert.ok(metrics.gzip_total_bytes <= BUDGET_KB * 1024, `${metrics.gzip_total_bytes} bytes`);
  });

  test("no request left the origin and nothing was logged as an error", () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(consoleErrors, []);
    const unexpected = server.requests.filter((r) => !/^\/(\?.*)?$|\.(js|wasm|css|svg)$/.test(r));
    assert.deepEqual(unexpected, [], "only the page and its own files were requested");
  });
});
