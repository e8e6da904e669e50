//! Import, export, saved data sets, and share links, in headless Chromium against the
//! release build (served with the strict CSP). Fixture files are in tests/fixtures/ (see its README for
//! how each was made and which county each puts first).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, STRICT_CSP, DIST_DIR, openOnDemand } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const DIST = process.env.FJINDEX_DIST || DIST_DIR;
const published = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "published.json"), "utf8"));
const ROW = '[data-testid="rank-row"]';

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, root: DIST });
});
after(() => app?.close());

const adcodes = async (page) => {
  await rowsSettled(page);
  return page.$$eval(ROW, (trs) => trs.map((tr) => tr.dataset.adcode));
};

async function importFile(page, name) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, name));
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]');
}

/** Waits until the first ranking row is `adcode`. */
async function firstIs(page, adcode) {
  await page.waitForFunction(
    (a) => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === a,
    adcode,
    { timeout: 10_000 },
  );
}

test("GBK CSV, BOM CSV and XLSX imports replace the data and the ranking follows", async () => {
  const page = await app.open({ wait: "ready" });
  assert.equal((await adcodes(page))[0], published.composite_top10.entries[0].adcode);
  for (const [file, top] of [
    ["gbk.csv", "350125"],
    ["bom.csv", "350923"],
    ["data.xlsx", "350926"],
  ]) {
    await importFile(page, file);
    assert.ok(await page.isVisible('[data-testid="import-status"]'), `${file} imported`);
    await firstIs(page, top);
    assert.equal((await adcodes(page)).length, 83);
  }
  // The workbook has several sheets: choosing another re-reads the file.
  await page.selectOption('[data-testid="import-sheet"]', "2023");
  await firstIs(page, "350421");
  // The percent-formatted column was converted and the conversion is reported.
  assert.match(await page.textContent('[data-testid="import-warnings"]'), /乘以 100/);
  // Imported data sets persist: after a reload the link restores the data set and it is listed.
  // The address follows the view 150 ms after changes pause, so let it settle before reloading.
  await page.waitForTimeout(400);
  assert.match(page.url(), /ds=[0-9a-f]{16}/);
  await page.reload();
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  await firstIs(page, "350421");
  await openOnDemand(page, "data");
  assert.equal(await page.locator('[data-testid="saved-datasets"] li').count(), 4);
  // The bundled data is one click away.
  await page.click('[data-testid="use-bundled"]');
  await firstIs(page, published.composite_top10.entries[0].adcode);
  await page.waitForFunction(() => !/ds=/.test(location.search));
  app.assertClean(page);
});

test("a file with bad rows lists each problem and leaves the data and the scenario as they were", async () => {
  const page = await app.open({ wait: "ready" });
  await page.fill('[data-testid="weight-innovation"]', "100");
  await page.waitForFunction(() => /w=/.test(location.search));
  const before = await adcodes(page);
  await importFile(page, "bad_rows.csv");
  const rows = await page.$$eval('[data-testid="import-errors"] tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.row, tr.children[1].textContent]),
  );
  assert.deepEqual(rows, [
    ["4", "new_patents"],
    ["6", "hightech_firms"],
    ["7", "hightech_firms"],
    ["12", "name_zh"],
    ["14", "adcode"],
    ["15", "name_zh"],
  ]);
  assert.match(await page.textContent('[data-testid="import-failed"]'), /6 个问题/);
  assert.deepEqual(await adcodes(page), before);
  assert.equal(await page.inputValue('[data-testid="weight-innovation"]'), "100");
  app.assertClean(page);
});

test("a share link restores weights, county and language; bad parameters give notices", async () => {
  const page = await app.open({ wait: "ready" });
  await page.fill('[data-testid="weight-industry"]', "0");
  await page.fill('[data-testid="weight-smart"]', "70");
  // The fifth row as shown: once the new order is still, document order is display order.
  await rowsSettled(page);
  await page.locator(ROW).nth(4).click();
  await page.waitForSelector('[data-testid="profile"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  const order = await adcodes(page);
  const selected = order[4];
  assert.match(link, new RegExp(`county=${selected}`));

  const again = await app.open({ path: new URL(link).search.replace(/^/, "./") + "&lang=en", wait: "ready" });
  await again.waitForSelector('html[lang="en"]', { state: "attached" });
  assert.deepEqual(await adcodes(again), order);
  assert.equal(await again.inputValue('[data-testid="weight-industry"]'), "0");
  assert.equal(await again.inputValue('[data-testid="weight-smart"]'), "70");
  assert.equal(await again.getAttribute("html", "lang"), "en");
  assert.ok(await again.isVisible('[data-testid="profile"]'));
  assert.match(await again.getAttribute(`${ROW}[data-adcode="${selected}"]`, "class"), /\bselected\b/);

  const bad = await app.open({ path: "./?w=1,2&foo=bar&ds=0123456789abcdef&dn=lost", wait: "ready" });
  const notes = await bad.$$eval('[data-testid="link-notices"] li', (lis) => lis.map((li) => li.textContent));
  assert.equal(notes.length, 3, notes.join("\n"));
  assert.ok(notes.some((n) => n.includes("foo")));
  assert.ok(notes.some((n) => n.includes("lost") && n.includes("内置数据")));
  assert.equal((await adcodes(bad))[0], published.composite_top10.entries[0].adcode);
  app.assertClean(bad);
});

test("without storage the page says so and still imports", async () => {
  const page = await app.open({ wait: false });
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("storage is disabled", "SecurityError");
      },
    });
  });
  await page.reload();
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  await openOnDemand(page, "data");
  assert.ok(await page.isVisible('[data-testid="storage-unavailable"]'));
  await importFile(page, "gbk.csv");
  await firstIs(page, "350125");
});

test("exports download a BOM CSV and an XLSX", async () => {
  const page = await app.open({ wait: "ready" });
  await openOnDemand(page, "data");
  const download = async (id) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${id}"]`)]);
    return [d.suggestedFilename(), fs.readFileSync(await d.path())];
  };
  const [csvName, csv] = await download("export-csv");
  assert.match(csvName, /^fjindex-排名-.*-\d{4}-\d{2}-\d{2}-zh\.csv$/);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).split(/\r?\n/);
  assert.match(lines[0], /^排名,行政区划代码/);
  assert.equal(lines[1].split(",")[1], published.composite_top10.entries[0].adcode);
  const [xlsxName, xlsx] = await download("export-xlsx");
  assert.match(xlsxName, /^fjindex-排名-.*-\d{4}-\d{2}-\d{2}-zh\.xlsx$/);
  assert.equal(xlsx.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  const [, template] = await download("template-csv");
  assert.equal(template.toString("utf8").split(/\r?\n/).filter((l) => l.trim()).length, 84);
  app.assertClean(page);
});

test("a file with more than 500 units is shown a page at a time, and the pager moves through it", async () => {
  // 83 Fujian counties plus made-up codes, every value inside the indicator's plausible range.
  const indicators = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8")).indicators;
  const counties = fs.readFileSync(path.join(ROOT, "seeds", "counties.csv"), "utf8").trim().split("\n").slice(1)
    .map((l) => l.split(",").slice(0, 2));
  const units = 620;
  const lines = [["adcode", "name", ...indicators.map((i) => i.id)].join(",")];
  for (let n = 0; n < units; n++) {
    const [code, name] = n < counties.length ? counties[n] : [String(110100 + n * 3), `单位${n}`];
    const values = indicators.map((ind, i) => {
      const v = ind.plausible_min + ((Math.min(ind.plausible_max, 1000) - ind.plausible_min) * ((n * 37 + i * 11) % 101)) / 100;
      return ind.integer ? Math.round(v) : v.toFixed(2);
    });
    lines.push([code, name, ...values].join(","));
  }
  const page = await app.open();
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', {
    name: "many-units.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("\n") + "\n", "utf8"),
  });
  await page.waitForSelector('[data-testid="import-status"]');
  const pageSize = await page.locator(ROW).count();
  assert.ok(pageSize > 0 && pageSize < units, `one page of rows, not all ${units} (got ${pageSize})`);
  const ranks = () => page.$$eval(`${ROW} .c-rank span`, (s) => s.map((e) => Number(e.textContent.trim())));
  const first = await ranks();
  assert.equal(first[0], 1);
  assert.match(await page.textContent('[data-testid="page-range"]'), new RegExp(`1.${pageSize}.*${units}`));
  assert.ok(await page.isDisabled('[data-testid="page-prev"]'));
  const firstCodes = await adcodes(page);
  await page.click('[data-testid="page-next"]');
  await page.waitForFunction(
    ([sel, a]) => document.querySelector(sel)?.dataset.adcode !== a,
    [ROW, firstCodes[0]],
  );
  const second = await ranks();
  const secondCodes = await adcodes(page);
  assert.equal(secondCodes.length, pageSize);
  assert.ok(secondCodes.every((a) => !firstCodes.includes(a)), "the second page shows other units");
  // Units with equal values share a rank, so the second page starts at or after the first page's last rank.
  assert.ok(second[0] >= first[first.length - 1], `page 2 starts at rank ${second[0]}`);
  assert.match(await page.textContent('[data-testid="page-range"]'), new RegExp(`${pageSize + 1}.${2 * pageSize}.*${units}`));
  assert.ok(await page.isEnabled('[data-testid="page-prev"]'));
  app.assertClean(page);
});
