//! The analysis panels in headless Chromium against the release build: rank uncertainty (progress,
//! 83 rows, the same numbers as the CLI for the same seed, cancel while the page keeps answering input; long tasks are printed, not asserted), AHP (an inconsistent
//! matrix warns and keeps the weights, a consistent one applies), what it takes to move (Apply gives
//! the reported rank), and the comparison of chosen counties.
//
// The CLI reference is produced here with `cargo run --bin fjindex -- uncertainty ... --format csv`;
// nothing expected is written into this file. The harness serves dist/, or $FJINDEX_DIST when set.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, STRICT_CSP, PHONE } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ROW = '[data-testid="rank-row"]';
const UNC_ROW = '[data-testid="uncertainty-row"]';
const DIMENSIONS = ["industry", "innovation", "cluster", "quality", "smart"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Opens the page and brings the analysis panels (the on-demand module) into view. */
async function openAnalysis(options) {
  const page = await app.open(options);
  await openOnDemand(page, "analysis");
  return page;
}

/** Runs the native CLI and returns its standard output. */
function cli(args) {
  return execFileSync("cargo", ["run", "--offline", "--quiet", "--bin", "fjindex", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
}

/** Starts recording long tasks (> 50 ms) in the page from now on, until the result table is complete. */
function watchLongTasks(page) {
  return page.evaluate(() => {
    window.__longTasks = [];
    window.__resultAt = Infinity;
    window.__watchFrom = performance.now();
    if (!window.__longTaskObserver) {
      window.__longTaskObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.startTime >= window.__watchFrom && e.startTime < window.__resultAt) {
            window.__longTasks.push(Math.round(e.duration));
          }
        }
      });
      window.__longTaskObserver.observe({ type: "longtask" });
    }
    new MutationObserver((_, obs) => {
      const r = document.querySelector('[data-testid="uncertainty-result"]');
      if (r && r.querySelectorAll('[data-testid="uncertainty-row"]').length === Number(r.dataset.rows)) {
        window.__resultAt = performance.now();
        obs.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
}

/** Lets the page finish the work of bringing the analysis panels into view (layout, chart redraws). */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(500);
}

/** Records every value the progress bar shows. */
function watchProgress(page) {
  return page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="uncertainty-progress"]');
      if (p) window.__progress.push(Number(p.getAttribute("value")));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
  });
}

/** Waits until the result of a run with this many samples is in the table, every row of it. */
function waitForTable(page, samples) {
  return page.waitForFunction(
    (n) => {
      const r = document.querySelector(`[data-testid="uncertainty-result"][data-samples="${n}"]`);
      return r && r.querySelectorAll('[data-testid="uncertainty-row"]').length === Number(r.dataset.rows);
    },
    samples,
    { timeout: 60_000 },
  );
}

function readUncertainty(page) {
  return page.$$eval(UNC_ROW, (trs) =>
    trs.map((tr) => {
      const col = (c) => tr.querySelector(`[data-col="${c}"]`).textContent.trim();
      return {
        adcode: tr.dataset.adcode,
        nominal: Number(col("nominal")),
        median: Number(col("median")),
        p05: Number(col("p05")),
        p95: Number(col("p95")),
        aboveNext: col("above-next"),
        flagged: col("separation") !== "",
      };
    }),
  );
}

async function readRanking(page) {
  await rowsSettled(page);
  return page.$$eval(ROW, (trs) =>
    trs.map((tr) => ({
      adcode: tr.dataset.adcode,
      rank: tr.querySelector(".c-rank span").textContent.trim(),
      score: Number(tr.querySelector('[data-testid="score"]').textContent),
      dims: [...tr.querySelectorAll("td.c-dim")].map((e) => Number(e.textContent)),
    })),
  );
}

/** The advice table's rows: indicator, current and needed value, best county's value, rank it gives,
 * and the step as a share of the indicator's range, computed here from the ranking's data columns. */
async function readAdvice(scope) {
  return scope.locator('[data-testid="advice-row"]').evaluateAll((trs) =>
    trs.map((tr) => ({
      indicator: tr.dataset.indicator,
      current: Number(tr.dataset.current),
      required: Number(tr.dataset.required),
      best: Number(tr.dataset.best),
      rank: Number(tr.dataset.rank),
      share: Number(tr.dataset.share),
    })),
  );
}

async function setUncertaintyForm(page, { samples, noise, seed }) {
  if (samples != null) await page.fill("#unc-samples", String(samples));
  if (noise != null) await page.fill("#unc-noise", String(noise));
  if (seed != null) await page.fill("#unc-seed", String(seed));
}

test("uncertainty: 10,000 samples run in chunks with progress, 83 rows equal to the CLI's", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await page.locator("#unc-h").scrollIntoViewIfNeeded();
  assert.equal(await page.inputValue("#unc-samples"), "10000");
  assert.equal(await page.inputValue("#unc-noise"), "0.2");
  const seed = await page.inputValue("#unc-seed");
  // Long tasks are a timing figure, so they are printed here (and by benches/browser-analysis.mjs), never
  // asserted: on a shared machine any task can be stretched. Chunking itself is asserted below.
  await settle(page);
  await watchLongTasks(page);
  await watchProgress(page);
  await page.click('[data-testid="uncertainty-run"]');
  await waitForTable(page, 10000);
  console.log(`# long tasks over 50 ms during the 10,000-sample run: ${JSON.stringify(await page.evaluate(() => window.__longTasks))}`);
  await page.locator(".chart-intervals canvas").waitFor();
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((v) => v > 0 && v < 10000), `progress shown part-way: ${progress.join(",")}`);
  const result = page.locator('[data-testid="uncertainty-result"]');
  assert.equal(await result.getAttribute("data-samples"), "10000");
  assert.ok(Number(await result.getAttribute("data-chunks")) > 1, "ran in more than one chunk");

  const rows = await readUncertainty(page);
  assert.equal(rows.length, 83);
  const csv = cli(["uncertainty", "--samples", "10000", "--noise", "0.2", "--seed", seed, "--format", "csv"]);
  const [header, ...lines] = csv.trim().split("\n");
  assert.equal(header, "adcode,nominal_rank,median_rank,p05,p95");
  const expected = lines.map((l) => {
    const [adcode, nominal, median, p05, p95] = l.split(",");
    return { adcode, nominal: +nominal, median: +median, p05: +p05, p95: +p95 };
  });
  assert.deepEqual(
    rows.map(({ flagged, aboveNext, ...r }) => r),
    expected,
  );
  // "先后不稳" exactly where the county swaps places with a neighbour in more than one sample in ten,
  // read from the shown shares of staying ahead of the next county (a shown 90% could be either).
  const swapsOften = (r) => {
    if (!r || r.aboveNext === "" || r.aboveNext === "90%") return null;
    if (/^(>99%|100%)$/.test(r.aboveNext)) return false;
    return r.aboveNext.startsWith("<") || parseInt(r.aboveNext, 10) < 90;
  };
  let checked = 0;
  rows.forEach((r, k) => {
    const pairs = [swapsOften(rows[k - 1]), swapsOften(r)].filter((p, i) => (i === 0 ? k > 0 : k < rows.length - 1));
    if (pairs.some((p) => p === true)) assert.equal(r.flagged, true, r.adcode);
    else if (pairs.every((p) => p === false)) (assert.equal(r.flagged, false, r.adcode), checked++);
  });
  assert.ok(checked > 0 && rows.some((r) => r.flagged), `settled rows checked: ${checked}`);
  assert.match(await page.locator('[data-testid="uncertainty-table"]').innerText(), /先后不稳/);
  // The interval chart is drawn after the table, in a task of its own.
  await page.locator(".chart-intervals canvas").waitFor();
  await page.locator(".chart-intervals").scrollIntoViewIfNeeded();
  await app.screenshot(page, "analysis-uncertainty");
  app.assertClean(page);
});

test("uncertainty: another seed gives the CLI's result for that seed too", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await setUncertaintyForm(page, { samples: 3000, noise: 0.35, seed: 99 });
  await page.click('[data-testid="uncertainty-run"]');
  await waitForTable(page, 3000);
  const rows = (await readUncertainty(page)).map((r) => [r.adcode, r.nominal, r.median, r.p05, r.p95].join(","));
  const csv = cli(["uncertainty", "--samples", "3000", "--noise", "0.35", "--seed", "99", "--format", "csv"]);
  assert.deepEqual(rows, csv.trim().split("\n").slice(1));
  app.assertClean(page);
});

test("uncertainty: Cancel stops a long run and the page stays responsive; bad input is refused", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await setUncertaintyForm(page, { samples: 0, noise: 1.5 });
  await page.click('[data-testid="uncertainty-run"]');
  await page.waitForSelector('.uncertainty [role="alert"]');
  assert.equal(await page.locator('.uncertainty [role="alert"] li').count(), 2, "both problems are named");
  assert.equal(await page.inputValue("#unc-samples"), "0", "the typed text is kept");
  assert.equal(await page.locator('[data-testid="uncertainty-progress"]').count(), 0);

  await setUncertaintyForm(page, { samples: 1000000, noise: 0.2 });
  await settle(page);
  await watchLongTasks(page);
  await page.click('[data-testid="uncertainty-run"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="uncertainty-progress"]')?.getAttribute("value")) > 0);
  await page.waitForTimeout(500);
  console.log(`# long tasks over 50 ms in the first 500 ms of a long run: ${JSON.stringify(await page.evaluate(() => window.__longTasks))}`);
  // The page answers input while the run goes on: a weight change re-ranks the table.
  const before = await readRanking(page);
  await page.fill('[data-testid="weight-innovation"]', "90");
  await page.waitForFunction((s) => document.querySelector('[data-testid="score"]').textContent.trim() !== s, before[0].score.toFixed(2));
  assert.equal(await page.locator('[data-testid="uncertainty-progress"]').count(), 1, "still running");
  await page.click('[data-testid="uncertainty-cancel"]');
  await page.waitForSelector('[data-testid="uncertainty-cancelled"]');
  const stopped = await page.textContent('[data-testid="uncertainty-cancelled"]');
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('[data-testid="uncertainty-cancelled"]'), stopped, "no progress after cancel");
  assert.equal(await page.locator('[data-testid="uncertainty-progress"]').count(), 0);
  assert.equal(await page.locator('[data-testid="uncertainty-result"]').count(), 0, "a cancelled run shows no result");
  assert.ok(await page.isEnabled('[data-testid="uncertainty-run"]'));
  app.assertClean(page);
});

/** Chooses Saaty steps for the upper triangle: { "r-c": "3", ... }; unlisted pairs are set to 1. */
async function setAhp(page, entries) {
  for (let r = 0; r < 5; r++) {
    for (let c = r + 1; c < 5; c++) {
      await page.selectOption(`[data-testid="ahp-${r}-${c}"]`, entries[`${r}-${c}`] || "1");
    }
  }
}

test("AHP: an inconsistent matrix warns and keeps the weights; a consistent one applies", async () => {
  const page = await openAnalysis({ wait: "ready" });
  const before = await readRanking(page);
  // Industry over innovation and innovation over clustering, yet clustering far over industry.
  await setAhp(page, { "0-1": "9", "1-2": "9", "0-2": "1/9" });
  const status = page.locator('[data-testid="ahp-status"]');
  await status.locator('[role="alert"]').waitFor();
  const cr = Number((await page.textContent('[data-testid="ahp-cr"]')).replace(/[^0-9.]/g, ""));
  assert.ok(cr >= 0.1, `CR ${cr}`);
  assert.equal(await page.locator('[data-testid="ahp-apply"]').count(), 0, "no plain Apply when inconsistent");
  assert.equal(await page.textContent('.ahp-matrix tbody tr:nth-child(2) [data-testid="ahp-reciprocal"]'), "1/9");
  await page.waitForTimeout(100);
  assert.deepEqual(await readRanking(page), before, "the ranking keeps the previous weights");
  await app.screenshot(page, "analysis-ahp-inconsistent");

  // Weights 4:2:1:1:1 as exact ratios: perfectly consistent.
  await setAhp(page, { "0-1": "2", "0-2": "4", "0-3": "4", "0-4": "4", "1-2": "2", "1-3": "2", "1-4": "2" });
  assert.equal(await page.textContent('[data-testid="ahp-cr"]'), "CR = 0.000");
  const shown = await page.$$eval('[data-testid="ahp-weight"]', (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(shown, ["44.4%", "22.2%", "11.1%", "11.1%", "11.1%"]);
  assert.deepEqual(await readRanking(page), before, "nothing changes before Apply");
  await page.click('[data-testid="ahp-apply"]');
  await page.waitForFunction(() => document.querySelector("#ws-d-industry")?.textContent.includes("44.4%"));
  assert.equal(await page.inputValue("#weighting-scheme"), "ahp");
  const after = await readRanking(page);
  assert.notDeepEqual(after, before);
  // Each composite is the AHP-weighted mean of its dimension scores (shown to one decimal).
  const w = [4, 2, 1, 1, 1].map((x) => x / 9);
  for (const r of after.slice(0, 20)) {
    const expect = r.dims.reduce((s, d, k) => s + w[k] * d, 0);
    assert.ok(Math.abs(expect - r.score) < 0.06, `${r.adcode}: ${r.score} vs ${expect}`);
  }
  app.assertClean(page);
});

test("AHP: an inconsistent matrix changes the ranking only once accepted", async () => {
  const page = await openAnalysis({ wait: "ready" });
  const before = await readRanking(page);
  await setAhp(page, { "0-1": "9", "1-2": "9", "0-2": "1/9", "3-4": "5" });
  await page.waitForSelector('[data-testid="ahp-accept"]');
  assert.deepEqual(await readRanking(page), before);
  await page.click('[data-testid="ahp-accept"]');
  await page.waitForFunction(() => document.querySelector("#weighting-scheme").value === "ahp");
  assert.notDeepEqual(await readRanking(page), before);
  app.assertClean(page);
});

/** Selects the county on the given row of the ranking table and returns its adcode. */
async function selectRow(page, index) {
  // The index-th row as shown: once the order is still, document order is display order.
  await rowsSettled(page);
  const row = page.locator(ROW).nth(index);
  const adcode = await row.getAttribute("data-adcode");
  await row.locator(".county-link").click();
  return adcode;
}

test("reach: Apply gives exactly the reported rank; best-rank witness gives the best rank", async () => {
  const page = await openAnalysis({ wait: "ready" });
  const adcode = await selectRow(page, 24);
  await page.locator("#reach-h").scrollIntoViewIfNeeded();
  // Any weighting, as before the panel opened with limits (tests/e2e/limits.test.mjs covers those).
  await page.uncheck('[data-testid="limits-on"]');
  assert.equal(await page.inputValue('[data-testid="reach-target"]'), "24");
  await page.fill('[data-testid="reach-target"]', "10");
  await page.click('[data-testid="reach-compute"]');
  const reach = page.locator('[data-testid="weight-reach"]');
  await reach.waitFor();
  const reported = Number(await reach.getAttribute("data-rank"));
  assert.ok(reported >= 1 && reported <= 10, `reported rank ${reported}`);
  // Each indicator is either advice (within the best county's value) or said to be out of reach alone.
  const advice = await readAdvice(page.locator(".reach"));
  const out = await page.locator('.reach [data-testid="indicator-out-of-reach"] li').count();
  assert.equal(advice.length + out, 16);
  for (const a of advice) assert.ok(a.rank <= 10 && a.required > a.current && a.required <= a.best, JSON.stringify(a));
  assert.match(await page.textContent(".reach"), /基于估算数据/);
  await app.screenshot(page, "analysis-reach");
  await page.click('[data-testid="reach-apply"]');
  await page.waitForSelector('[data-testid="reach-applied"]');
  const row = page.locator(`${ROW}[data-adcode="${adcode}"] .c-rank span`).first();
  assert.equal(Number(await row.textContent()), reported);

  // Best possible rank, with the weights that give it.
  const bounds = page.locator('[data-testid="rank-bounds"]');
  const best = Number(await bounds.getAttribute("data-best"));
  const worst = Number(await bounds.getAttribute("data-worst"));
  assert.ok(best <= reported && worst >= 25, `best ${best}, worst ${worst}`);
  await page.click('[data-testid="bounds-apply-best"]');
  await page.waitForFunction(
    ([a, b]) => document.querySelector(`[data-testid="rank-row"][data-adcode="${a}"] .c-rank span`)?.textContent.trim() === String(b),
    [adcode, best],
  );
  await page.click('[data-testid="bounds-apply-worst"]');
  await page.waitForFunction(
    ([a, b]) => document.querySelector(`[data-testid="rank-row"][data-adcode="${a}"] .c-rank span`)?.textContent.trim() === String(b),
    [adcode, worst],
  );
  app.assertClean(page);
});

test("reach: a target no weighting reaches gets a plain statement", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await selectRow(page, 82);
  await page.uncheck('[data-testid="limits-on"]');
  await page.waitForSelector('[data-testid="rank-bounds"]');
  const best = Number(await page.getAttribute('[data-testid="rank-bounds"]', "data-best"));
  assert.ok(best > 1, `the last county's best rank is ${best}`);
  await page.fill('[data-testid="reach-target"]', String(best - 1));
  await page.click('[data-testid="reach-compute"]');
  const text = await page.textContent('[data-testid="weight-reach"]');
  assert.match(text, new RegExp(`无法升至第 ${best - 1} 位；最好可达第 ${best} 位`));
  assert.equal(await page.locator('[data-testid="reach-apply"]').count(), 0);
  app.assertClean(page);
});

test("reach: bounds for a method without precomputed ones are computed on demand", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await page.selectOption("#sel-agg", "geometric");
  const adcode = await selectRow(page, 30);
  await page.locator("#reach-h").scrollIntoViewIfNeeded();
  await page.uncheck('[data-testid="limits-on"]');
  await page.click('[data-testid="bounds-compute"]');
  const bounds = page.locator('[data-testid="rank-bounds"]');
  await bounds.waitFor();
  const best = Number(await bounds.getAttribute("data-best"));
  const worst = Number(await bounds.getAttribute("data-worst"));
  const rank = Number(await page.locator(`${ROW}[data-adcode="${adcode}"] .c-rank span`).first().textContent());
  assert.ok(best <= rank && rank <= worst && best < worst, `best ${best}, rank ${rank}, worst ${worst}`);
  assert.match(await bounds.textContent(), /在浏览器内计算/);
  await page.click('[data-testid="bounds-apply-best"]');
  await page.waitForFunction(
    ([a, b]) => document.querySelector(`[data-testid="rank-row"][data-adcode="${a}"] .c-rank span`)?.textContent.trim() === String(b),
    [adcode, best],
  );
  app.assertClean(page);
});

test("profile: what it takes reads as advice, for the next place and for a chosen rank", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await selectRow(page, 19);
  const reach = page.locator('[data-testid="profile"] [data-testid="profile-reach"]');
  // The 20th county: the next place to begin with.
  assert.equal(await reach.locator('[data-testid="profile-reach-target"]').inputValue(), "19");
  await page.click('[data-testid="profile-reach-compute"]');
  await reach.locator('[data-testid="advice-row"]').first().waitFor();
  const next = await readAdvice(reach);
  assert.ok(next.length > 0, "at least one indicator can do it");
  for (const a of next) {
    // Current -> needed, never beyond the best county's value, and the rank it gives is the target or better.
    assert.ok(a.rank <= 19 && a.current < a.required && a.required <= a.best, JSON.stringify(a));
  }
  // Listed by the step relative to the indicator's range among counties: smallest first.
  const shares = next.map((a) => a.share);
  assert.deepEqual([...shares].sort((x, y) => x - y), shares, "sorted by share of the range");
  assert.match(await reach.textContent(), /基于估算数据/);

  // A higher target: some indicators are now out of reach alone, and say why rather than listing a sum.
  await reach.locator('[data-testid="profile-reach-target"]').fill("3");
  await reach.locator('[data-testid="profile-reach-target"]').press("Enter");
  await page.waitForFunction(() => document.querySelector("#profile-reach-h")?.textContent.includes("第 3 位"));
  await reach.locator('[data-testid="indicator-out-of-reach"] li').first().waitFor({ state: "attached" });
  const out = await reach.locator('[data-testid="indicator-out-of-reach"] li').allTextContents();
  assert.ok(out.some((t) => /超过全省最高值|合理上限/.test(t)), out.join("\n"));
  for (const a of await readAdvice(reach)) assert.ok(a.rank <= 3 && a.required <= a.best, JSON.stringify(a));
  app.assertClean(page);
});

test("comparison: the chosen counties appear side by side with the better value marked", async () => {
  const page = await openAnalysis({ wait: "ready" });
  await page.locator("#cmp-h").scrollIntoViewIfNeeded();
  const picks = ["350582", "350211", "350128"];
  for (const a of picks) await page.check(`#cmp-${a}`);
  await page.fill("#cmp-filter", "晋江");
  assert.equal(await page.locator('[data-testid="compare-list"] li').count(), 1);
  await page.fill("#cmp-filter", "");
  const heads = await page.$$eval('[data-testid="compare-county"]', (ths) => ths.map((t) => t.dataset.adcode));
  assert.deepEqual(heads, picks);
  const chips = await page.$$eval('[data-testid="compare-chip"]', (cs) => cs.map((c) => c.dataset.adcode));
  assert.deepEqual(chips, picks);
  // Every indicator row with differing values marks exactly one better county, in text too.
  const marks = await page.$$eval(".compare-table tbody tr", (trs) =>
    trs.map((tr) => tr.querySelectorAll("td.best .sr-only").length),
  );
  assert.equal(marks.length, 1 + 5 + 16);
  assert.ok(marks.every((m) => m <= 3) && marks.filter((m) => m >= 1).length >= 18);
  // A fourth county is allowed, a fifth is not.
  await page.check("#cmp-350104");
  assert.ok(await page.isDisabled("#cmp-350105"));
  await page.locator(".chart-compare").scrollIntoViewIfNeeded();
  await app.screenshot(page, "analysis-compare");
  app.assertClean(page);
});

test("methods: weighting scheme, treatment with a refused percentile, geometric contribution note", async () => {
  const page = await openAnalysis({ wait: "ready" });
  const before = await readRanking(page);
  await page.selectOption("#weighting-scheme", "entropy");
  await page.waitForFunction(() => document.querySelector(".derived"));
  assert.notDeepEqual(await readRanking(page), before);
  await page.selectOption("#weighting-scheme", "equal");
  await page.waitForFunction((s) => document.querySelector('[data-testid="score"]').textContent.trim() === s, before[0].score.toFixed(2));
  assert.deepEqual(await readRanking(page), before, "equal weighting ranks as the default");

  await page.click(".treatments summary");
  await page.selectOption('[data-testid="treatment-revenue"]', "log");
  // The county with the most revenue keeps 100 under a log, so look at every score.
  await page.waitForFunction(
    (s) => [...document.querySelectorAll('[data-testid="score"]')].map((e) => e.textContent.trim()).join() !== s,
    before.map((r) => r.score.toFixed(2)).join(),
  );
  await page.selectOption('[data-testid="treatment-revenue"]', "winsorise");
  await page.waitForSelector("#treat-revenue-lo");
  const winsor = await readRanking(page);
  await page.fill("#treat-revenue-lo", "97");
  await page.press("#treat-revenue-lo", "Tab");
  await page.waitForSelector("#treat-revenue-err");
  assert.deepEqual(await readRanking(page), winsor, "a refused percentile keeps the ranking");
  assert.equal(await page.inputValue("#treat-revenue-lo"), "97", "the typed text stays");

  // Under a geometric mean the contribution chart says it shows log contributions.
  await page.selectOption("#sel-agg", "geometric");
  await page.waitForFunction(() => /对数贡献/.test(document.querySelector(".chart-contribution canvas")?.getAttribute("aria-label")));
  await page.locator(".method-choices").scrollIntoViewIfNeeded();
  await app.screenshot(page, "analysis-methods");
  app.assertClean(page);
});

test("phone width: the analysis panels fit without sideways scrolling", async () => {
  const page = await openAnalysis({ wait: "ready", viewport: PHONE });
  await selectRow(page, 5);
  await page.locator("#analysis-h").scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the viewport`);
  await app.screenshot(page, "analysis-phone");
  app.assertClean(page);
});
