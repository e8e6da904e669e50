//! The charts and the table never disagree: with every dimension weight at 0 the page keeps the last
//! valid ranking, and charts opened only then (the panels module loads late) show that ranking too,
//! not the equal-weight one the module would start from.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openOnDemand, rowsSettled, STRICT_CSP } from "./harness.mjs";

const ROW = '[data-testid="rank-row"]';
const DIMENSIONS = ["industry", "innovation", "cluster", "quality", "smart"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

async function tableTop(page, n) {
  await rowsSettled(page);
  return page.$$eval(`${ROW} .county-link`, (links, n) => links.slice(0, n).map((a) => a.textContent.trim()), n);
}

test("all weights at 0 before the charts load: the charts draw the ranking the table shows", async () => {
  const page = await app.open({ wait: "ready" });
  const equalTop = await tableTop(page, 10);
  // Smart manufacturing alone, then nothing at all: the table stays on the smart-only ranking.
  for (const id of DIMENSIONS) await page.fill(`[data-testid="weight-${id}"]`, id === "smart" ? "100" : "0");
  await rowsSettled(page);
  const smartTop = await tableTop(page, 10);
  assert.notDeepEqual(smartTop, equalTop, "the test needs a ranking other than the equal-weight one");
  await page.fill('[data-testid="weight-smart"]', "0");
  await page.locator('[role="alert"]').first().waitFor();
  assert.deepEqual(await tableTop(page, 10), smartTop, "the table keeps the last valid ranking");
  assert.equal(await page.locator('.slot-charts [data-on-demand="open"]').count(), 0, "the charts were not loaded yet");

  await openOnDemand(page, "charts");
  const table = page.locator(".slot-charts details.chart-table").first();
  await table.locator("summary").click();
  await table.locator("tbody tr").nth(9).waitFor();
  // The table of the first chart: rank, then county, then the figures.
  const chartTop = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.children[1].textContent.trim()));
  assert.deepEqual(chartTop, smartTop, "the chart's table lists the table's ranking");
  app.assertClean(page);
});
