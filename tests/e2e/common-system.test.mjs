//! A one-year workbook whose 指标体系 sheet differs from the system of the editions held, added as another
//! edition in headless Chromium against the release build: the offer names the indicators the file has
//! no values for, those only the file has and those turned the other way; adding it returns the page to
//! the editions' system with three editions and the year-over-year column, and nothing goes wrong.
//
// The workbook is written by `tests/change_systems.rs` (the crate's template and XLSX writer, as the
// command-line tests use them); the indicator names expected come from seeds/indicators.json by id.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, STRICT_CSP, openOnDemand } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = path.join(ROOT, "www", "samples", "sample-editions-synthetic.csv");
const WHITE_PAPER = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8"));
const nameOf = (id) => WHITE_PAPER.indicators.find((i) => i.id === id).name_zh;

let app;
let workbook;
before(async () => {
  workbook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fjindex-common-")), "other-system-2025.xlsx");
  execFileSync(
    "cargo",
    ["test", "--offline", "--quiet", "--test", "change_systems", "the_page_workbook_brings_its_own_system"],
    { cwd: ROOT, env: { ...process.env, FJINDEX_COMMON_WORKBOOK: workbook }, stdio: "ignore" },
  );
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

async function importFile(page, file) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]');
  assert.ok(await page.isVisible('[data-testid="import-status"]'), `${file} imported`);
}

test("a workbook under another system joins the editions in their system, and the offer says what that does", async () => {
  const page = await app.open({ wait: "ready" });
  await importFile(page, SAMPLE);
  await page.waitForSelector('[data-testid="yoy-head"]');

  await importFile(page, workbook);
  await page.waitForSelector('[data-testid="edition-offer"]');
  // The workbook's system replaced the one in use, as every import with a 指标体系 sheet does.
  await page.waitForSelector('[data-testid="import-system"]');
  const notes = await page.$$eval('[data-testid="edition-offer-system"]', (ps) => ps.map((p) => p.textContent));
  assert.equal(notes.length, 3, JSON.stringify(notes));
  assert.match(notes[0], /没有数值/);
  assert.ok(notes[0].endsWith(`${nameOf("green_factories")}。`), notes[0]);
  assert.match(notes[1], /不参与计算/);
  assert.ok(!notes[1].includes(nameOf("green_factories")), notes[1]);
  assert.match(notes[2], /方向相反/);
  assert.ok(notes[2].endsWith(`${nameOf("profit_margin")}。`), notes[2]);

  await page.fill('[data-testid="edition-year"]', "2025");
  await page.click('[data-testid="edition-add"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="edition-shown"] option').length === 3);
  await page.waitForSelector('[data-testid="yoy-head"]');
  assert.equal((await page.textContent('[data-testid="yoy-head"]')).trim(), "较2024");
  assert.equal(await page.locator('[data-testid="import-system"]').count(), 0);
  assert.equal(await page.locator('[data-testid="edition-offer"]').count(), 0);
  const ranked = await page.$$eval('[data-testid="rank-row"]', (trs) => trs.filter((tr) => /^\d+$/.test(tr.querySelector(".c-rank span")?.textContent.trim() ?? "")).length);
  assert.ok(ranked >= 80, `${ranked} counties ranked in 2025`);
  app.assertClean(page);
});
