// Zero requests after load, on a host that answers `Cache-Control: no-cache` (the browser then
// revalidates anything it asks for again, so a repeated request cannot hide in its cache), and
// Trusted Types: the page and the offline file require them and run without a violation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";
import { recordViolations, violations, watch } from "../lib/watch.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const FIELD = '[name="traffic.gbps_per_host"]';

let server;
let browser;
const problems = [];

async function newPage({ ignoreConsole = null } = {}) {
  const page = await browser.context.newPage();
  problems.push(watch(page, { allowed: [server.base, "file:"], ignoreConsole }));
  return page;
}

/** Types `value` into the traffic field and waits until the page has taken it (the address
 *  carries the new scenario). */
async function edit(page, value) {
  const before = await page.evaluate(() => location.hash);
  await page.fill(FIELD, value);
  await page.waitForFunction((h) => location.hash !== h, before);
}

/** A sink Trusted Types guards, fed a plain string: "TypeError" when they are enforced. */
const probe = (page) => page.evaluate(() => {
  try {
    document.body.insertAdjacentHTML("beforeend", "<b>plain string</b>");
    return "allowed";
  } catch (e) {
    return e.name;
  }
});

before(async () => {
  server = await serve(DIST, { cacheControl: "no-cache" });
  browser = await launch();
  await browser.context.addInitScript(recordViolations);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("no request after load", () => {
  test("the icon is part of the page (a data: URL), so the browser never fetches one", async () => {
    const page = await newPage();
    await page.goto(server.base);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    const icons = await page.$$eval('link[rel~="icon"]', (ls) => ls.map((l) => l.getAttribute("href")));
    assert.ok(icons.length > 0, "an icon is declared (otherwise the browser asks for /favicon.ico)");
    for (const href of icons) assert.match(href, /^data:image\//);
    await page.close();
  });

  test("30 edits of the traffic make no request at all", async () => {
    const page = await newPage();
    await page.goto(server.base);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    const seen = [];
    page.on("request", (r) => seen.push(r.url().slice(0, 120)));
    const served = server.log.length;
    for (let i = 1; i <= 30; i++) await edit(page, String(10 + i));
    // An edit that changed the answer as well as the address: the page really worked.
    await page.fill(FIELD, EXPECTED.traffic_edit.value);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.traffic_edit.verdict}"]`);
    assert.deepEqual(seen, [], "requests the browser made after load");
    assert.deepEqual(server.log.slice(served), [], "requests the host saw after load");
    await page.close();
  });
});

describe("Trusted Types", () => {
  test("the page requires them, and renders, edits and switches presets without a violation", async () => {
    const page = await newPage();
    await page.goto(`${server.base}?preset=hype-case`);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /(^|; )require-trusted-types-for 'script'(;|$)/);
    assert.match(csp, /(^|; )trusted-types 'none'(;|$)/, "no policy may be made");
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'trusted-types-eval'/);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["hype-case"].verdict}"]`);
    await page.click("#reset");
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.default}"]`);
    await page.fill(FIELD, EXPECTED.traffic_edit.value);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.traffic_edit.verdict}"]`);
    await page.fill(FIELD, "-5");
    await page.waitForSelector(`${FIELD}[aria-invalid="true"]`);
    await page.selectOption("#preset", "nfv-heavy");
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["nfv-heavy"].verdict}"]`);
    assert.deepEqual(await violations(page), []);
    await page.close();
  });

  test("they are enforced on the page (a plain string into a script sink is refused)", async () => {
    const page = await newPage({ ignoreConsole: /TrustedHTML/ });
    await page.goto(server.base);
    await page.waitForSelector("html[data-live] #verdict[data-verdict]");
    assert.equal(await probe(page), "TypeError");
    assert.equal((await violations(page)).length, 1, "the probe's own violation is reported");
    await page.close();
  });

  test("the offline file requires and obeys them too", async () => {
    const page = await newPage({ ignoreConsole: /TrustedHTML/ });
    const url = pathToFileURL(join(DIST, "dpu-reality-check-offline.html")).toString();
    await page.goto(`${url}?preset=hype-case`);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.presets["hype-case"].verdict}"]`);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /(^|; )require-trusted-types-for 'script'(;|$)/);
    assert.match(csp, /(^|; )trusted-types 'none'(;|$)/, "no policy may be made");
    assert.doesNotMatch(csp, /'self'|https?:|connect-src|unsafe-inline/, "no network source");
    await page.click("#reset");
    await page.fill(FIELD, EXPECTED.traffic_edit.value);
    await page.waitForSelector(`html[data-live] #verdict[data-verdict="${EXPECTED.traffic_edit.verdict}"]`);
    assert.deepEqual(await violations(page), []);
    assert.equal(await probe(page), "TypeError");
    await page.close();
  });

  test("nothing was logged as an error and nothing failed", () => {
    assert.deepEqual(problems.flat(), []);
  });
});
