// "Plans compared" (SPEC §5.1, §8) against dpucheck as the oracle: for every preset, the
// page's plans table (#plans: one row per plan in the report's order, data-applies, exactly
// one data-best, every data-plan-field's raw number) and its chart equal what
// `dpucheck evaluate --format json` says (scripts/e2e.sh writes it to expected.json); the
// embed card's best-plan line and its folded table; the alternative_wins verdict's own
// colour and words in light and dark; and the table on a phone.
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { serve } from "../lib/server.mjs";
import { launch } from "../lib/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST ?? join(HERE, "../../dist");
const ARTIFACTS = process.env.ARTIFACTS ?? join(HERE, "../artifacts");
const EXPECTED = JSON.parse(readFileSync(process.env.EXPECTED ?? join(ARTIFACTS, "expected.json"), "utf8"));
const PRESETS = Object.keys(EXPECTED.presets);
const ORDER = ["do_nothing", "fast_path", "smartnic", "dpu"];

mkdirSync(ARTIFACTS, { recursive: true });

let server;
let browser;
const problems = [];

async function newPage() {
  const page = await browser.context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.origin + "/") && !r.url().startsWith("data:")) problems.push(`request: ${r.url()}`);
  });
  return page;
}

/** Opens a page and waits until the app is live. */
async function open(page, path) {
  await page.goto(`${server.origin}/${path}`);
  await page.waitForSelector("html[data-live] #verdict[data-verdict]");
}

/** What the plans table says: per row its plan, applies, best, and every hooked figure. */
const readTable = (page) => page.$$eval("#plans tbody tr", (rows) => rows.map((tr) => ({
  plan: tr.dataset.plan,
  applies: tr.dataset.applies,
  best: tr.hasAttribute("data-best"),
  fields: Object.fromEntries([...tr.querySelectorAll("[data-plan-field][data-value]")]
    .map((e) => [e.dataset.planField, e.dataset.value])),
  whyNot: tr.querySelector('[data-plan-field="why_not"]')?.textContent ?? null,
})));

/** Equal up to the last bits (the page's engine runs in wasm, dpucheck natively). */
function near(shown, want, what) {
  if (want === null) {
    assert.equal(shown, "null", what);
    return;
  }
  const got = Number(shown);
  assert.ok(Number.isFinite(got), `${what}: ${shown}`);
  assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: page ${shown}, dpucheck ${want}`);
}

/** The plan fields the table shows, each with its hook. */
const FIELDS = ["cores_freed_per_host", "servers_avoided", "premium_per_host", "npv_p10", "npv_p50", "npv_p90", "p_pays"];

function checkTable(rows, want, name) {
  assert.deepEqual(rows.map((r) => r.plan), ORDER, `${name}: one row per plan, in order`);
  assert.deepEqual(rows.map((r) => r.plan), want.plans.map((p) => p.id), `${name}: the report's order`);
  assert.deepEqual(rows.filter((r) => r.best).map((r) => r.plan), [want.best_plan], `${name}: exactly one data-best, the best plan`);
  for (const [row, p] of rows.map((r, i) => [r, want.plans[i]])) {
    const what = `${name} ${p.id}`;
    assert.equal(row.applies, String(p.applies), `${what}: data-applies`);
    if (!p.applies) {
      assert.deepEqual(row.fields, {}, `${what}: no figures for a plan that does not apply`);
      assert.ok(row.whyNot?.includes(p.why_not), `${what}: says why not (${row.whyNot} / ${p.why_not})`);
      continue;
    }
    assert.equal(row.whyNot, null, what);
    for (const f of FIELDS) near(row.fields[f], p[f], `${what} ${f}`);
    if (p.id === "dpu") {
      near(row.fields.p_worth_it, want.p_worth_it, `${what} p_worth_it`);
      near(row.fields.p_best, want.p_best, `${what} p_best`);
    } else if (p.id === "do_nothing") {
      near(row.fields.p_worth_it, want.p_worth_it, `${what}: the DPU beats doing nothing when it pays`);
    } else {
      near(row.fields.p_dpu_beats, p.p_dpu_beats, `${what} p_dpu_beats`);
    }
  }
}

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("plans compared", () => {
  test("every preset's page shows dpucheck's plans, its best plan marked once, and the chart of the ones that apply", async () => {
    const page = await newPage();
    for (const name of PRESETS) {
      const want = EXPECTED.presets[name];
      // The pre-rendered page, then the live app that took it over, say the same.
      await open(page, `presets/${name}/`);
      checkTable(await readTable(page), want, name);
      const order = await page.evaluate(() => {
        const why = document.getElementById("reasoning-title").closest("section");
        const plans = document.getElementById("plans").closest("section");
        return why.nextElementSibling === plans;
      });
      assert.ok(order, `${name}: "Plans compared" right under "Why, step by step"`);
      const chart = await page.$$eval(".chart-plans [data-plan]", (lis) => lis.map((li) => [li.dataset.plan, li.classList.contains("row-best")]));
      assert.deepEqual(chart, want.plans.filter((p) => p.applies).map((p) => [p.id, p.id === want.best_plan]), `${name}: chart rows`);
      assert.ok(await page.getAttribute(".chart-plans svg[role=img]", "aria-label"), `${name}: the chart has a text alternative`);
    }
    // An edit recomputes the table: the oracle's numbers move with it.
    await open(page, "presets/nfv-heavy/");
    const before = await readTable(page);
    await page.fill('[name="traffic.gbps_per_host"]', "1");
    await page.waitForFunction((v) => document.querySelector('#plans [data-plan="dpu"] [data-plan-field="npv_p50"]')?.dataset.value !== v,
      before.find((r) => r.plan === "dpu").fields.npv_p50);
    await page.close();
  });

  test("the embed card says the best plan in one line and folds the table", async () => {
    const page = await newPage();
    for (const name of PRESETS) {
      const want = EXPECTED.presets[name];
      await open(page, `embed/${name}/`);
      const line = await page.textContent(".best-plan");
      assert.equal(await page.getAttribute(".best-plan", "data-best-plan"), want.best_plan, name);
      const best = want.plans.find((p) => p.id === want.best_plan);
      if (want.verdict === "required") {
        // Only the DPUs do what is asked: they are the best plan whatever they pay.
        assert.equal(want.best_plan, "dpu", name);
        assert.equal(line, `Best plan: ${best.name} (the only plan that does what is asked)`, name);
      } else if (want.best_plan === "do_nothing") {
        assert.equal(line, "Best plan: do nothing (no other plan pays in most futures)", name);
      } else {
        const m = /^Best plan: (.+) \(pays in (over |under )?([\d.]+) % of futures\)$/.exec(line);
        assert.ok(m, `${name}: ${line}`);
        assert.equal(m[1], best.name, name);
        const [shown, p] = [Number(m[3]), best.p_pays * 100];
        const fits = m[2] === "over " ? p > shown && p < 100 : m[2] === "under " ? p < shown && p > 0 : Math.abs(shown - p) < 0.051;
        assert.ok(fits, `${name}: ${line} vs dpucheck ${best.p_pays}`);
      }
      assert.ok(await page.isVisible(".best-plan"), `${name}: the line is on the card`);
      assert.equal(await page.isVisible("#plans"), false, `${name}: the table is folded`);
      checkTable(await readTable(page), want, `embed ${name}`);
    }
    await page.click("details.more > summary");
    assert.ok(await page.isVisible("#plans"), "the table unfolds");
    await page.close();
  });

  test("a plan without a DPU winning has its own colour and words, light and dark", async () => {
    const name = PRESETS.find((p) => EXPECTED.presets[p].verdict === "alternative_wins");
    assert.ok(name, "a preset where a plan without a DPU wins (nfv-heavy)");
    const page = await newPage();
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      const looks = {};
      for (const p of PRESETS) {
        await open(page, `presets/${p}/`);
        looks[EXPECTED.presets[p].verdict] = await page.evaluate(() => {
          const v = document.getElementById("verdict");
          const label = v.querySelector(".verdict-label");
          const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = (c) => {
            const [r, g, b] = rgb(c).map((x) => x / 255).map((x) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const s = getComputedStyle(v);
          const fg = getComputedStyle(label).color;
          const [hi, lo] = [lum(fg), lum(s.backgroundColor)].sort((a, b) => b - a);
          return { edge: s.borderLeftColor, background: s.backgroundColor, label: fg, text: label.textContent, contrast: (hi + 0.05) / (lo + 0.05) };
        });
      }
      const alt = looks.alternative_wins;
      assert.equal(alt.text, "A plan without a DPU wins", colorScheme);
      assert.ok(alt.contrast >= 4.5, `${colorScheme}: the label's contrast is ${alt.contrast.toFixed(2)}`);
      for (const [verdict, other] of Object.entries(looks)) {
        if (verdict === "alternative_wins") continue;
        assert.notEqual(alt.edge, other.edge, `${colorScheme}: its edge differs from ${verdict}'s`);
        assert.notEqual(alt.background, other.background, `${colorScheme}: its background differs from ${verdict}'s`);
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.close();
  });

  test("on a phone the table stacks: no sideways scrolling, every figure labelled", async () => {
    const page = await newPage();
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 844 });
      for (const name of ["nfv-heavy", "vsphere8-try-edp-first"]) {
        await open(page, `presets/${name}/`);
        const fit = await page.evaluate(() => {
          const region = document.querySelector(".plans-table");
          return {
            page: document.documentElement.scrollWidth - window.innerWidth,
            table: region.scrollWidth - region.clientWidth,
            head: getComputedStyle(document.querySelector("#plans thead")).display,
            labels: [...document.querySelectorAll("#plans td[data-label]")]
              .every((td) => getComputedStyle(td, "::before").content.includes(td.dataset.label)),
          };
        });
        assert.deepEqual(fit, { page: 0, table: 0, head: "none", labels: true }, `${name} at ${width} px`);
        await page.locator("#plans").screenshot({ path: join(ARTIFACTS, `plans-${name}-${width}.png`) });
      }
    }
    await page.close();
  });

  test("nothing failed and nothing left the origin", () => {
    assert.deepEqual(problems, []);
  });
});
