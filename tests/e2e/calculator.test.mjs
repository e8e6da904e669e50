//! The calculator page in headless Chromium against the release build in dist/: the ranking, weights,
//! county profile, language switch and layout at desktop and phone width.
//
// Expected figures are read from seeds/published.json (the white paper's Tables 3-2 and 3-3), never
// written here. The harness serves dist/, or $FJINDEX_DIST when set.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, STRICT_CSP, DESKTOP, PHONE } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const published = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "published.json"), "utf8"));
const DIMENSIONS = ["industry", "innovation", "cluster", "quality", "smart"];
const ROW = '[data-testid="rank-row"]';

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Every ranking row in display order: adcode, composite score text and the five dimension scores. */
async function readRows(page) {
  await rowsSettled(page);
  return page.$$eval(ROW, (trs) =>
    trs.map((tr) => ({
      adcode: tr.dataset.adcode,
      score: tr.querySelector('[data-testid="score"]').textContent.trim(),
      dims: [...tr.querySelectorAll("td.c-dim")].map((e) => Number(e.textContent)),
    })),
  );
}

async function setWeights(page, weights) {
  for (const [id, value] of Object.entries(weights)) {
    await page.fill(`[data-testid="weight-${id}"]`, String(value));
  }
}

test("83 rows load cleanly and the default top 10 is Table 3-2 with its scores", async () => {
  const page = await app.open({ wait: "ready" });
  const rows = await readRows(page);
  assert.equal(rows.length, 83);
  const table = published.composite_top10.entries;
  assert.deepEqual(
    rows.slice(0, 10).map((r) => [r.adcode, r.score]),
    table.map((e) => [e.adcode, e.score.toFixed(2)]),
  );
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  app.assertClean(page);
});

test("innovation at 100 and the others at 0 puts the innovation leader first", async () => {
  const page = await app.open({ wait: "ready" });
  await setWeights(page, { industry: 0, innovation: 100, cluster: 0, quality: 0, smart: 0 });
  await page.waitForFunction(
    (share) => document.querySelector("#ws-d-innovation")?.textContent.includes(share),
    "100.0%",
  );
  const rows = await readRows(page);
  const k = DIMENSIONS.indexOf("innovation");
  const best = Math.max(...rows.map((r) => r.dims[k]));
  assert.equal(rows[0].dims[k], best, "the first row has the page's own highest innovation score");
  // With one dimension weighted, every composite equals that dimension's score (shown to 1 decimal).
  for (const r of rows) assert.ok(Math.abs(Number(r.score) - r.dims[k]) <= 0.051, JSON.stringify(r));
  assert.equal(rows[0].adcode, published.dimension_top10.innovation[0], "Table 3-3's innovation leader");
  app.assertClean(page);
});

test("a bad weight is refused with a message and all-zero weights keep the last ranking", async () => {
  const page = await app.open({ wait: "ready" });
  const before = await readRows(page);
  await page.fill('[data-testid="weight-industry"]', "abc");
  await page.waitForSelector(".problem");
  assert.match(await page.textContent(".problem"), /不是数字/);
  assert.deepEqual(await readRows(page), before, "the ranking did not change");
  assert.equal(await page.getAttribute('[data-testid="weight-industry"]', "aria-invalid"), "true");

  await setWeights(page, { industry: 0, innovation: 0, cluster: 0, quality: 0 });
  await page.waitForFunction(() => document.querySelector("#ws-d-smart")?.textContent.includes("100.0%"));
  const smartOnly = await readRows(page);
  assert.notDeepEqual(smartOnly, before);
  await setWeights(page, { smart: 0 });
  await page.waitForFunction(() => /全部为零/.test(document.querySelector(".problem")?.textContent ?? ""));
  assert.deepEqual(await readRows(page), smartOnly, "the last good ranking stays");
  app.assertClean(page);
});

test("while a weight keeps changing rows are shifted into rank order, and the document order follows", async () => {
  const page = await app.open({ wait: "ready" });
  // Three changes a frame apart, as a dragged slider sends them.
  const during = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="weight-innovation"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    for (const v of [45, 75, 100]) {
      setValue.call(input, String(v));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    const rows = [...document.querySelectorAll('[data-testid="rank-row"]')];
    const onScreen = rows
      .map((tr) => ({
        adcode: tr.dataset.adcode,
        top: tr.getBoundingClientRect().top,
        rank: Number(tr.querySelector(".c-rank span").textContent),
      }))
      .sort((a, b) => a.top - b.top);
    return {
      busy: document.querySelector("table.rank-table").getAttribute("aria-busy"),
      documentOrder: rows.map((tr) => tr.dataset.adcode),
      onScreen,
    };
  });
  assert.equal(during.busy, "true");
  const shown = during.onScreen.map((r) => r.adcode);
  assert.notDeepEqual(during.documentOrder, shown, "the rows should be shifted, not yet moved");
  // On screen the rows already read in rank order, one row per place.
  const ranks = during.onScreen.map((r) => r.rank);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  const tops = during.onScreen.map((r) => Math.round(r.top));
  assert.equal(new Set(tops).size, tops.length, "two rows share a place");
  // Once the weight is still, the document holds the rows in that order and no row is shifted.
  await rowsSettled(page);
  const after = await page.$$eval(ROW, (trs) => trs.map((tr) => [tr.dataset.adcode, tr.style.transform]));
  assert.deepEqual(after.map(([a]) => a), shown);
  assert.deepEqual(after.filter(([, t]) => t !== ""), []);
  assert.equal((await readRows(page))[0].adcode, shown[0]);

  // A filter while rows are shifted: the rows it keeps are in place at once, none left shifted.
  const drag = page.evaluate(async () => {
    const input = document.querySelector('[data-testid="weight-innovation"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    for (const v of [10, 60]) {
      setValue.call(input, String(v));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return document.querySelector("table.rank-table").getAttribute("aria-busy");
  });
  assert.equal(await drag, "true");
  await page.selectOption("#rank-filter", "厦门市");
  const kept = await page.$$eval(ROW, (trs) =>
    trs.map((tr) => ({ t: tr.style.transform, rank: Number(tr.querySelector(".c-rank span").textContent) })),
  );
  assert.ok(kept.length > 0 && kept.length < 83);
  assert.deepEqual(kept.filter((r) => r.t !== ""), []);
  assert.deepEqual(kept.map((r) => r.rank), [...kept.map((r) => r.rank)].sort((a, b) => a - b));
  app.assertClean(page);
});

test("sorting by a column reorders the rows and sets aria-sort", async () => {
  const page = await app.open({ wait: "ready" });
  const th = page.locator("th.c-score");
  await th.locator("button").click();
  assert.equal(await th.getAttribute("aria-sort"), "descending");
  await th.locator("button").click();
  assert.equal(await th.getAttribute("aria-sort"), "ascending");
  const scores = (await readRows(page)).map((r) => Number(r.score));
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  await page.fill("#rank-search", "晋江");
  assert.equal(await page.locator(ROW).count(), 1);
  app.assertClean(page);
});

test("selecting a county by click or keyboard shows its profile", async () => {
  const page = await app.open({ wait: "ready" });
  const row = page.locator(ROW).nth(4);
  const adcode = await row.getAttribute("data-adcode");
  const name = (await row.locator(".county-link").textContent()).trim();
  await row.locator(".county-link").click();
  const profile = page.locator(`[data-testid="profile"][data-adcode="${adcode}"]`);
  await profile.waitFor();
  assert.match(await profile.textContent(), new RegExp(name));
  // Where the county stands is the page's own; the summary and indicators come with the panels module.
  assert.match(await profile.locator(".kpis").textContent(), /\b5 \/ 83\b/);
  await profile.locator(".ind-table").waitFor();
  assert.equal(await profile.locator(".ind-table tbody tr:not(.dim-head)").count(), 16);
  assert.match(await profile.locator(".summary").textContent(), /全省第 \d+ 位/);

  const other = page.locator(ROW).nth(0);
  await other.locator(".county-link").focus();
  await page.keyboard.press("Enter");
  await page.locator(`[data-testid="profile"][data-adcode="${await other.getAttribute("data-adcode")}"]`).waitFor();
  await app.screenshot(page, "calculator-desktop-zh");
  app.assertClean(page);
});

test("English mode shows no Han character outside county names and data values", async () => {
  const page = await app.open({ wait: "ready" });
  await page.locator(ROW).nth(1).locator(".county-link").click();
  await page.locator('[data-testid="profile"] .ind-table').waitFor();
  await page.click('[data-testid="lang-en"]');
  await page.waitForSelector('html[lang="en"]');
  // Open the weights' and the profile's disclosures so their text is checked too.
  await page.$$eval(".dim-indicators, .prov-details", (ds) => ds.forEach((d) => (d.open = true)));
  const offending = await page.evaluate(() => {
    const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!han.test(n.textContent) || !el) continue;
      // County names, prefectures and data values are marked translate="no"; <noscript> is not shown.
      if (el.closest('[translate="no"], noscript')) continue;
      if (el.getClientRects().length === 0) continue;
      out.push(n.textContent.trim().slice(0, 80));
    }
    for (const el of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ["title", "aria-label", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v && han.test(v)) out.push(`${a}: ${v.slice(0, 80)}`);
      }
    }
    return out;
  });
  assert.deepEqual(offending, []);
  assert.match(await page.title(), /Fujian/);
  await page.$$eval(".prov-details", (ds) => ds.forEach((d) => (d.open = false)));
  await app.screenshot(page, "calculator-desktop-en");
  app.assertClean(page);
});

test("the page fits a 375 px phone and a 1920 px desktop", async () => {
  for (const [viewport, name] of [
    [PHONE, "calculator-phone"],
    [DESKTOP, "calculator-desktop"],
  ]) {
    const page = await app.open({ viewport, wait: "ready" });
    await page.locator(ROW).nth(2).locator(".county-link").click();
    await page.locator('[data-testid="profile"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the viewport`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot(page, name);
    app.assertClean(page);
  }
});
