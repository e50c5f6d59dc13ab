// End-to-end tests of sharing and keeping scenarios: links in the URL fragment, saved
// scenarios in localStorage (namespaced per embed, corruption and full quota reported),
// JSON export/import and Markdown export checked against dpucheck, the print stylesheet,
// the embed loader on a mock blog page, and the offline single file opened from disk.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const DPUCHECK = process.env.DPUCHECK ?? join(HERE, "../../target/debug/dpucheck");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const STORAGE_KEY = "dpu-reality-check/v1/main";

mkdirSync(ARTIFACTS, { recursive: true });

/** dpucheck with a scenario on standard input. */
function dpucheck(args, input) {
  return execFileSync(DPUCHECK, args, { input, encoding: "utf8" });
}

let server;
let browser;
const problems = [];

/** A fresh page that records console errors and requests leaving the origin. */
async function newPage(context = browser.context) {
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(server.origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request left the origin: ${url}`);
    }
  });
  return page;
}

async function open(page, query = "") {
  await page.goto(`${server.origin}/${query}`);
  await page.waitForSelector("html[data-live] #verdict[data-verdict]");
}
const waitVerdictLive = (page, wire) => page.waitForSelector(`html[data-live] #verdict[data-verdict="${wire}"]`);

const verdictOf = (page) => page.getAttribute("#verdict", "data-verdict");
const waitVerdict = (page, wire) => page.waitForSelector(`html[data-live] #verdict[data-verdict="${wire}"]`);

async function setField(page, path, value) {
  const input = page.locator(`[name="${path}"]`).first();
  await input.fill(String(value));
  await input.press("Tab");
}

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("links", () => {
  test("a copied link reproduces the scenario in another browser profile", async () => {
    const page = await newPage();
    await open(page);
    await setField(page, "traffic.gbps_per_host", EXPECTED.traffic_edit.value);
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    await page.waitForFunction(() => location.hash.startsWith("#s=1."));
    const before = new URL(page.url()).hash;
    await page.locator('[name="goals"][value="cut_licensing"]').check();
    await page.waitForFunction((h) => location.hash.startsWith("#s=1.") && location.hash !== h, before);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await page.click('[data-action="copy-link"]');
    await page.waitForSelector('[data-notice="link-copied"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url(), "the copied link is the page's address");
    const want = await verdictOf(page);
    await page.close();

    const other = await launch();
    try {
      const fresh = await other.context.newPage();
      await fresh.goto(copied);
      await fresh.waitForSelector("html[data-live] #verdict[data-verdict]");
      assert.equal(await verdictOf(fresh), want);
      assert.equal(await fresh.inputValue('[name="traffic.gbps_per_host"]'), String(EXPECTED.traffic_edit.value));
      assert.ok(await fresh.isChecked('[name="goals"][value="cut_licensing"]'));
      assert.ok(await fresh.isChecked('[name="goals"][value="free_host_cpu"]'), "the default goal stays");
    } finally {
      await other.close();
    }
  });

  test("on a path that starts with // an edit still puts #s= in the address", async () => {
    // Issue 18: the new address was pasted together from the path, and `//#s=…` names
    // another host, which pushState refuses.
    const page = await newPage();
    await page.goto(`${server.origin}//`);
    await waitVerdict(page, EXPECTED.default);
    await setField(page, "traffic.gbps_per_host", EXPECTED.traffic_edit.value);
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    await page.waitForFunction(() => location.hash.startsWith("#s=1."));
    assert.equal(new URL(page.url()).pathname, "//");
    await page.close();
  });

  test("a link without a schema number (written by hand or by an older page) still loads", async () => {
    const page = await newPage();
    const json = JSON.stringify({ traffic: { gbps_per_host: Number(EXPECTED.traffic_edit.value) } });
    const data = Buffer.from(json).toString("base64url");
    await page.goto(`${server.origin}/#s=1.${data}`);
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), String(EXPECTED.traffic_edit.value));
    assert.equal(await page.locator("[data-notice]").count(), 0);
    await page.close();
  });

  for (const [label, fragment] of [
    ["garbage", "#s=garbage"],
    ["an unknown link format", "#s=9.eyJ9"],
    ["damaged base64", "#s=1.%%%***"],
    ["an invalid scenario", `#s=1.${Buffer.from('{"fleet":{"hosts":0}}').toString("base64url")}`],
    ["a huge fragment", `#s=1.${"A".repeat(40000)}`],
  ]) {
    test(`a link with ${label} shows a notice and the defaults`, async () => {
      const page = await newPage();
      await page.goto(`${server.origin}/${fragment}`);
      await page.waitForSelector('[data-notice="link-invalid"]');
      assert.equal(await verdictOf(page), EXPECTED.default);
      assert.equal(await page.isVisible("#panic"), false, "no panic banner");
      await page.close();
    });
  }
});

/** A new page with an empty list, the traffic edited, saved as "lab". */
async function savedLab() {
  const page = await newPage();
  await open(page);
  await page.evaluate(() => localStorage.clear());
  await setField(page, "traffic.gbps_per_host", EXPECTED.traffic_edit.value);
  await waitVerdict(page, EXPECTED.traffic_edit.verdict);
  await page.fill('[name="name"]', "lab");
  await page.click('[data-action="save"]');
  await page.waitForSelector('[data-saved="lab"]');
  return page;
}

describe("saved scenarios", () => {
  test("save, reload, load, rename and delete", async () => {
    const page = await savedLab();

    await page.goto(`${server.origin}/`);
    await waitVerdict(page, EXPECTED.default);
    await page.waitForSelector('[data-saved="lab"]');
    await page.click('[data-saved="lab"] [data-action="load"]');
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    assert.equal(await page.inputValue('[name="traffic.gbps_per_host"]'), String(EXPECTED.traffic_edit.value));

    await page.click('[data-saved="lab"] [data-action="rename"]');
    await page.fill('[data-saved="lab"] [data-field="rename"]', "lab two");
    await page.click('[data-saved="lab"] [data-action="rename-confirm"]');
    await page.waitForSelector('[data-saved="lab two"]');
    await page.reload();
    await page.waitForSelector('[data-saved="lab two"]');
    // Delete, then Undo: it is back, in storage too; delete again and it is gone.
    await page.click('[data-saved="lab two"] [data-action="delete"]');
    await page.waitForSelector('[data-saved="lab two"]', { state: "detached" });
    let stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved, []);
    await page.click('[data-action="undo-delete"]');
    await page.waitForSelector('[data-saved="lab two"]');
    stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved.map((e) => e.name), ["lab two"]);
    await page.click('[data-saved="lab two"] [data-action="delete"]');
    await page.waitForSelector('[data-saved="lab two"]', { state: "detached" });
    stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved, []);
    await page.close();
  });

  test("saving under a taken name offers to bring the earlier one back; Delete is not a primary button", async () => {
    const page = await savedLab();
    assert.equal(await page.locator('[data-undo="replace"]').count(), 0, "a new name replaces nothing");
    await setField(page, "traffic.gbps_per_host", "10");
    await waitVerdict(page, EXPECTED.default);
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-undo="replace"]');
    assert.match(await page.textContent('[data-undo="replace"]'), /bring back the earlier “lab”/);
    await page.click('[data-undo="replace"] [data-action="undo-delete"]');
    await page.waitForSelector('[data-undo="replace"]', { state: "detached" });
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved.map((e) => e.name), ["lab"]);
    await page.click('[data-saved="lab"] [data-action="load"]');
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    const look = await page.$eval('[data-saved="lab"] [data-action="delete"]', (b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b.parentElement.querySelector('[data-action="load"]')).backgroundColor]);
    assert.notEqual(look[0], look[1], "Delete does not look like Load, the primary action");
    await page.close();
  });

  test("corrupted storage is reported and left untouched", async () => {
    const page = await newPage();
    await open(page);
    await page.evaluate((k) => localStorage.setItem(k, "{not json"), STORAGE_KEY);
    await page.reload();
    await page.waitForSelector('[data-notice="storage-corrupt"]');
    await page.fill('[name="name"]', "would overwrite");
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-notice="storage-corrupt"]');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), "{not json");
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test("a huge saved list from elsewhere on the origin is refused unread; Export and Clear", async () => {
    // Issue 18: 4.8 MB of one object's keys froze the page on every load. Now it is refused
    // by its size before it is parsed (the engine's tests bound the reader itself).
    const page = await newPage();
    await open(page);
    await page.evaluate((k) => {
      const keys = [];
      for (let i = 0; i < 400000; i++) keys.push(`"k${i}":0`);
      localStorage.setItem(k, `{"version":1,"saved":[{"name":"x","scenario":{${keys.join(",")}}}]}`);
    }, STORAGE_KEY);
    const size = await page.evaluate((k) => localStorage.getItem(k).length, STORAGE_KEY);
    assert.ok(size > 4_000_000, `${size}`);
    await page.reload();
    const notice = await page.waitForSelector('[data-notice="storage-corrupt"]');
    assert.match(await notice.textContent(), /at most 1,048,576 are read/);
    // Export gives the stored text exactly; Clear removes it and saving works again.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="storage-export"]')]);
    const path = await download.path();
    assert.equal(statSync(path).size, size);
    await page.click('[data-action="storage-clear"]');
    await page.waitForSelector('[data-notice="storage-corrupt"]', { state: "detached" });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null);
    await page.fill('[name="name"]', "after clearing");
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-saved="after clearing"]');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test("of two saved entries with one name, Delete removes the one pressed", async () => {
    const page = await newPage();
    await open(page);
    const entry = (hosts) => ({ name: "twin", scenario: { schema: 1, fleet: { hosts } } });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({ version: 1, saved: [entry(3), entry(4)] })]);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-saved="twin"]').length === 2);
    await page.locator('[data-saved="twin"] [data-action="delete"]').nth(1).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-saved="twin"]').length === 1);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved.map((e) => e.scenario.fleet.hosts), [3]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test("a damaged saved entry is reported and the others stay usable", async () => {
    const page = await newPage();
    await open(page);
    const good = { name: "good", scenario: { schema: 1, traffic: { gbps_per_host: Number(EXPECTED.traffic_edit.value) } } };
    const bad = { name: "bad", scenario: { schema: 1, fleet: { hosts: -3 } } };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({ version: 1, saved: [bad, good] })]);
    await page.reload();
    await page.waitForSelector("html[data-live]");
    await page.waitForSelector('[data-saved="bad"] [data-damaged]');
    assert.match(await page.textContent('[data-saved="bad"] [data-damaged]'), /fleet\.hosts|Hosts/);
    assert.equal(await page.locator('[data-saved="bad"] [data-action="load"]').count(), 0, "a damaged entry cannot be loaded");
    await page.click('[data-saved="good"] [data-action="load"]');
    await waitVerdict(page, EXPECTED.traffic_edit.verdict);
    // Deleting the damaged one leaves the good one as it was.
    await page.click('[data-saved="bad"] [data-action="delete"]');
    await page.waitForSelector('[data-saved="bad"]', { state: "detached" });
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
    assert.deepEqual(stored.saved.map((e) => e.name), ["good"]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test("a full quota is reported and the scenario stays on screen", async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await open(page);
    await page.fill('[name="name"]', "big");
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-notice="storage-full"]');
    assert.equal(await verdictOf(page), EXPECTED.default);
    await page.close();
  });
});

describe("export and import", () => {
  test("JSON export reads in dpucheck, and importing it gives the same scenario", async () => {
    const page = await newPage();
    await open(page, "?preset=nfv-heavy");
    await setField(page, "fleet.hosts", 12);
    await page.waitForFunction(() => location.hash.length > 4);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-json"]')]);
    assert.match(download.suggestedFilename(), /\.json$/);
    const file = join(ARTIFACTS, "exported-scenario.json");
    await download.saveAs(file);
    const exported = readFileSync(file, "utf8");
    assert.equal(JSON.parse(exported).fleet.hosts, 12);
    const cli = JSON.parse(dpucheck(["evaluate", "-", "--format", "json"], exported));
    assert.equal(cli.verdict, await verdictOf(page), "dpucheck agrees with the page");

    const fresh = await newPage();
    await open(fresh);
    await fresh.setInputFiles('[data-action="import-json"]', file);
    await waitVerdict(fresh, cli.verdict);
    assert.equal(await fresh.inputValue('[name="fleet.hosts"]'), "12");
    assert.equal(await fresh.inputValue('[name="traffic.gbps_per_host"]'), await page.inputValue('[name="traffic.gbps_per_host"]'));
    await page.close();
    await fresh.close();
  });

  test("importing a bad file names the problem and keeps the scenario", async () => {
    const page = await newPage();
    await open(page, "?preset=hype-case");
    await page.setInputFiles('[data-action="import-json"]', {
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"fleet": {"hosts": -1}}'),
    });
    const notice = await page.waitForSelector('[data-notice="import-invalid"]');
    assert.match(await notice.textContent(), /fleet\.hosts/);
    assert.equal(await verdictOf(page), EXPECTED.presets["hype-case"].verdict);
    await page.close();
  });

  test("copy as Markdown gives exactly dpucheck's Markdown report, then a link back and the date", async () => {
    const page = await newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await open(page, "?preset=hype-case");
    await setField(page, "traffic.gbps_per_host", 7);
    await page.waitForFunction(() => location.hash.length > 4);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-json"]')]);
    const scenario = readFileSync(await download.path(), "utf8");
    await page.click('[data-action="copy-markdown"]');
    await page.waitForSelector('[data-notice="markdown-copied"]');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const report = dpucheck(["evaluate", "-", "--format", "markdown"], scenario);
    assert.equal(markdown.slice(0, report.length), report);
    const address = await page.evaluate(() => location.href);
    const day = new Date().toISOString().slice(0, 10);
    assert.equal(markdown.slice(report.length), `\n[Open this scenario in DPU Reality Check](${address}), copied on ${day}.\n`);
    assert.match(address, /#s=1\./);
    await page.close();
  });

  test("the print stylesheet keeps the report and drops the controls", async () => {
    const page = await newPage();
    await open(page, "?preset=hype-case");
    assert.equal(await page.isVisible(".summary"), false, "the input summary is for paper only");
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.isVisible("#verdict"));
    assert.match(await page.textContent(".summary"), /24 hosts in clusters of 16/);
    assert.match(await page.textContent(".summary"), /48 cores at 2\.8 GHz/);
    assert.ok(await page.isVisible('[data-finding-id="hypervisor-stays-on-host"]'));
    assert.equal(await page.isVisible('[name="traffic.gbps_per_host"]'), false, "inputs are not printed");
    assert.equal(await page.isVisible('[data-action="copy-link"]'), false, "buttons are not printed");
    await page.pdf({ path: join(ARTIFACTS, "print.pdf"), format: "A4" });
    await page.close();
  });
});

describe("embeds", () => {
  test("the demo blog page gets correctly sized iframes with their own presets", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${server.origin}/embed-demo.html`);
    const frames = page.locator("iframe");
    await frames.nth(1).scrollIntoViewIfNeeded();
    assert.equal(await frames.count(), 4, "three presets and a copied link (e2e/tests/publish.test.mjs)");
    // The article's case, a plan without a DPU winning and the DPU winning.
    const presets = ["hype-case", "nfv-heavy", "vcf9-dpu-pays"];
    assert.equal(EXPECTED.presets["nfv-heavy"].verdict, "alternative_wins");
    assert.equal(EXPECTED.presets["vcf9-dpu-pays"].verdict, "worth_it");
    for (let i = 0; i < presets.length; i++) {
      await frames.nth(i).scrollIntoViewIfNeeded();
      const handle = await frames.nth(i).elementHandle();
      assert.ok(await handle.getAttribute("title"), "each iframe has a title");
      const frame = await handle.contentFrame();
      await frame.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets[presets[i]].verdict}"]`);
      // The loader sizes each iframe to its content (within a few pixels).
      await page.waitForFunction(
        ([idx]) => {
          const f = document.querySelectorAll("iframe")[idx];
          const doc = f.contentDocument;
          const content = doc && doc.documentElement.getBoundingClientRect().height;
          return content > 300 && Math.abs(f.getBoundingClientRect().height - content) <= 2;
        },
        [i],
      );
    }
    const heights = await frames.evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h > 300), `heights ${heights}`);
    await page.screenshot({ path: join(ARTIFACTS, "embed-demo.png"), fullPage: true });
    await page.close();
  });

  test("two embeds on one page keep their saved scenarios apart", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/embed-demo.html`);
    const frames = page.locator("iframe");
    await frames.nth(1).scrollIntoViewIfNeeded();
    const first = await (await frames.nth(0).elementHandle()).contentFrame();
    const second = await (await frames.nth(1).elementHandle()).contentFrame();
    await first.waitForSelector("html[data-live] #verdict[data-verdict]");
    await second.waitForSelector("html[data-live] #verdict[data-verdict]");
    // In an embed the inputs (and saving) fold away under "Change the scenario".
    await first.click("details.edit > summary");
    await second.click("details.edit > summary");
    await first.fill('[name="name"]', "from the first");
    await first.click('[data-action="save"]');
    await second.fill('[name="name"]', "from the second");
    await second.click('[data-action="save"]');
    await first.waitForSelector('[data-saved="from the first"]');
    await second.waitForSelector('[data-saved="from the second"]');
    await page.reload();
    const again = await (await page.locator("iframe").nth(0).elementHandle()).contentFrame();
    await again.click("details.edit > summary");
    await again.waitForSelector('[data-saved="from the first"]');
    assert.equal(await again.locator('[data-saved="from the second"]').count(), 0);
    await page.close();
  });

  test("embed mode follows the theme parameter and carries no page chrome", async () => {
    const page = await newPage();
    await open(page, "?embed=1&preset=hype-case&theme=dark");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.ok(await page.evaluate(() => document.body.classList.contains("embed")));
    assert.equal(await page.locator("header.top, .skip-link, #preset").count(), 0, "no page chrome");
    assert.equal(await page.isVisible(".foot"), false);
    // The answer first, then a few key inputs; the figures, sources and saving folded.
    assert.ok(await page.isVisible('[name="traffic.gbps_per_host"]'));
    const order = await page.evaluate(() => {
      const v = document.getElementById("verdict");
      const f = document.querySelector('[name="traffic.gbps_per_host"]');
      return v.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, "the verdict comes before the inputs");
    assert.equal(await page.isVisible('[data-action="save"]'), false);
    await page.click("details.edit > summary");
    assert.ok(await page.isVisible('[data-action="save"]'));
    await page.screenshot({ path: join(ARTIFACTS, "embed-dark.png") });
    await page.close();
  });

  test("a source link in an embed opens a new page and leaves the embed as it was", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 760, height: 900 });
    await page.goto(`${server.origin}/embed-demo.html`);
    const handle = await page.locator("iframe").first().elementHandle();
    const frame = await handle.contentFrame();
    await frame.waitForSelector("html[data-live] #verdict[data-verdict]");
    const before = frame.url();
    await frame.click("details.edit > summary");
    const link = frame.locator(".sources a[href^='https://']").first();
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    // The source's site is not reached from the test machine: answer it locally.
    await page.context().route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>source</title>" }));
    const [opened] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await opened.waitForLoadState();
    assert.match(opened.url(), /^https:\/\//);
    await opened.close();
    await page.context().unroute(/^https:\/\//);
    assert.equal(frame.url(), before, "the embed did not navigate");
    assert.ok(await frame.isVisible("#verdict"));
    // "Copy link" in an embed copies the full page's address, not the card's.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await frame.click('[data-action="copy-link"]');
    await frame.waitForSelector('[data-notice="link-copied"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await frame.getAttribute('[data-action="open-full"]', "href"));
    assert.equal(new URL(copied).pathname, "/presets/hype-case/");
    await page.close();
  });
});

describe("offline file", () => {
  test("opens from disk, renders the preset's verdict and makes no request", async () => {
    const file = join(DIST, "dpu-reality-check-offline.html");
    assert.ok(existsSync(file), "the release build writes the offline file");
    console.log(`offline file: ${(statSync(file).size / 1024).toFixed(1)} KB`);
    const page = await browser.context.newPage();
    const requests = [];
    const errors = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const url = pathToFileURL(file).toString();
    await page.goto(`${url}?preset=hype-case`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["hype-case"].verdict}"]`);
    assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("from disk, Copy link copies only the scenario and Embed is not offered", async () => {
    const file = join(DIST, "dpu-reality-check-offline.html");
    const url = pathToFileURL(file).toString();
    const page = await browser.context.newPage();
    await page.goto(`${url}?preset=hype-case`);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    assert.equal(await page.locator('[data-action="embed"], #embed-iframe').count(), 0, "no Embed");
    assert.ok(await page.isVisible("[data-disk-share]"), "it says why");
    // The clipboard may be refused on file://: then the notice shows the text to copy.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]).catch(() => {});
    await page.click('[data-action="copy-link"]');
    const notice = await page.waitForSelector('[data-notice="link-copied"], [data-notice="copy-by-hand"]');
    const kind = await notice.getAttribute("data-notice");
    const copied = kind === "link-copied"
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await notice.textContent();
    assert.match(copied, /#s=1\.[A-Za-z0-9_-]+/);
    assert.ok(!copied.includes("file:") && !copied.includes(DIST), `no local path: ${copied}`);
    await page.close();
  });
});

describe("after all", () => {
  test("no request left the origin and nothing was logged as an error", () => {
    assert.deepEqual(problems, []);
  });
});
