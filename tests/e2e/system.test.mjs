//! The indicator system editor in headless Chromium against the release build: moving an indicator to
//! another dimension, flipping a direction and adding a dimension ranks every county as
//! `fjindex rank --system` does with the system file the page downloads; an invalid id is refused with
//! a message and the system stays; the reset restores the white paper's ranking; a share link with the
//! edited system reopens it; the exact rank bounds are computed in that system (the tools module);
//! axe finds no violation in the editor at desktop and phone width.
//
// The expected ranks and scores come from the native CLI (`cargo run --bin fjindex`) on the file the
// page wrote; the dimension to move to is looked up in seeds/indicators.json by its id.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CARGO = ["run", "--offline", "--quiet", "--bin", "fjindex", "--"];
const WHITE_PAPER = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8"));
const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** adcode -> [rank, score with two decimals] from `fjindex rank --system FILE --format csv`. */
function cliRanking(systemFile) {
  const args = [...CARGO, "rank", "--format", "csv"];
  if (systemFile) args.push("--system", systemFile);
  const csv = execFileSync("cargo", args, { cwd: ROOT, encoding: "utf8" });
  const rows = csv.trim().split("\n").slice(1).map((line) => line.split(","));
  return new Map(rows.map((r) => [r[1], [r[0], Number(r[4]).toFixed(2)]]));
}

/** adcode -> [rank, score] as the page's table shows them. */
async function pageRanking(page) {
  await rowsSettled(page);
  const rows = await page.$$eval('[data-testid="rank-row"]', (trs) =>
    trs.map((tr) => [
      tr.dataset.adcode,
      [tr.querySelector(".c-rank span").textContent.trim(), tr.querySelector('[data-testid="score"]').textContent.trim()],
    ]),
  );
  return new Map(rows);
}

function assertSameRanking(page, expected, what) {
  assert.equal(page.size, expected.size, `${what}: number of counties`);
  for (const [adcode, [rank, score]] of expected) {
    assert.deepEqual(page.get(adcode), [rank, score], `${what}: ${adcode}`);
  }
}

async function openEditor(page) {
  await openOnDemand(page, "analysis");
  await page.waitForSelector('[data-testid="system-editor"]');
}

async function openIndicator(page, id) {
  const details = page.locator(`[data-testid="system-indicator-${id}"]`);
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

/** Moves rd_intensity to "quality", reads profit_margin as lower-is-better, adds a sixth dimension and
 * moves new_patents into it, then applies. */
async function editSystem(page) {
  const quality = WHITE_PAPER.dimensions.findIndex((d) => d.id === "quality");
  assert.ok(quality >= 0);
  await openIndicator(page, "rd_intensity");
  await page.selectOption('[data-testid="system-indicator-dimension-rd_intensity"]', String(quality));
  await openIndicator(page, "profit_margin");
  await page.selectOption('[data-testid="system-indicator-direction-profit_margin"]', "lower");
  await page.click('[data-testid="system-add-dimension"]');
  const added = WHITE_PAPER.dimensions.length;
  await page.waitForSelector(`[data-testid="system-dimension-${added}"]`);
  await openIndicator(page, "new_patents");
  await page.selectOption('[data-testid="system-indicator-dimension-new_patents"]', String(added));
  await page.waitForSelector('[data-testid="system-pending"]');
  await page.click('[data-testid="system-apply"]');
  await page.waitForSelector('[data-testid="system-status"][data-white-paper="false"]');
  await page.waitForFunction(
    (n) => document.querySelectorAll("table.rank-table thead th.c-dim").length === n,
    added + 1,
  );
  // The panels are made anew for the new system; the focus is back on the button that applied it.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "system-apply");
}

async function downloadSystem(page) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="system-download"]')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fjindex-system-")), d.suggestedFilename());
  fs.copyFileSync(await d.path(), file);
  return file;
}

test("an edited system ranks as fjindex rank --system does with the downloaded file; reset restores the white paper's", async () => {
  const page = await app.open({ wait: "ready" });
  const initial = await pageRanking(page);
  assertSameRanking(initial, cliRanking(null), "white paper");
  await openEditor(page);
  await editSystem(page);

  const file = await downloadSystem(page);
  assert.match(path.basename(file), /\.json$/);
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(saved.dimensions.length, WHITE_PAPER.dimensions.length + 1);
  const profit = saved.indicators.find((i) => i.id === "profit_margin");
  assert.equal(profit.higher_is_better, false);
  const rd = saved.indicators.find((i) => i.id === "rd_intensity");
  assert.equal(rd.dimension, "quality");

  const edited = await pageRanking(page);
  assert.notDeepEqual([...edited], [...initial]);
  assertSameRanking(edited, cliRanking(file), "edited system");

  await page.click('[data-testid="system-reset"]');
  await page.waitForSelector('[data-testid="system-status"][data-white-paper="true"]');
  assertSameRanking(await pageRanking(page), initial, "after the reset");
  app.assertClean(page);
  await page.close();
});

test("an invalid id is refused with a message and the system in use stays", async () => {
  const page = await app.open({ wait: "ready", path: "?lang=en" });
  const initial = await pageRanking(page);
  await openEditor(page);
  await openIndicator(page, "revenue");
  const id = page.locator('[data-testid="system-indicator-id-0"]');
  await id.fill("Bad Id");
  await id.dispatchEvent("change");
  await page.click('[data-testid="system-apply"]');
  const problems = page.locator('[data-testid="system-problems"]');
  await problems.waitFor();
  const text = await problems.textContent();
  assert.match(text, /"Bad Id" cannot be used/);
  assert.equal(await page.getAttribute('[data-testid="system-status"]', "data-white-paper"), "true");
  assertSameRanking(await pageRanking(page), initial, "after the refusal");
  app.assertClean(page);
  await page.close();
});

test("a share link with an edited system reopens it in this browser", async () => {
  const page = await app.open({ wait: "ready" });
  await openEditor(page);
  await editSystem(page);
  const edited = await pageRanking(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).has("sys"));
  const link = await page.evaluate(() => location.href);
  const again = await page.context().newPage();
  await again.goto(link);
  await again.waitForSelector('[data-ready="1"]', { state: "attached" });
  await again.waitForFunction(
    (n) => document.querySelectorAll("table.rank-table thead th.c-dim").length === n,
    WHITE_PAPER.dimensions.length + 1,
  );
  assertSameRanking(await pageRanking(again), edited, "reopened link");
  const notices = again.locator('[data-testid="link-notices"]');
  assert.equal(await notices.count(), 0, `the link opens without a notice: ${await notices.allTextContents()}`);
  app.assertClean(page);
  await again.close();
  await page.close();
});

test("with an edited system the exact rank bounds are computed in the browser in that system", async () => {
  const page = await app.open({ wait: "ready" });
  await openEditor(page);
  await editSystem(page);
  await rowsSettled(page);
  const row = page.locator('[data-testid="rank-row"]').nth(30);
  const adcode = await row.getAttribute("data-adcode");
  await row.locator(".county-link").click();
  await page.locator("#reach-h").scrollIntoViewIfNeeded();
  await page.uncheck('[data-testid="limits-on"]');
  await page.click('[data-testid="bounds-compute"]');
  const bounds = page.locator('[data-testid="rank-bounds"]');
  await bounds.waitFor();
  const best = Number(await bounds.getAttribute("data-best"));
  const worst = Number(await bounds.getAttribute("data-worst"));
  const rank = Number(await page.locator(`[data-testid="rank-row"][data-adcode="${adcode}"] .c-rank span`).first().textContent());
  assert.ok(best <= rank && rank <= worst && best < worst, `best ${best}, rank ${rank}, worst ${worst}`);
  assert.match(await bounds.textContent(), /在浏览器内计算/);
  await page.click('[data-testid="bounds-apply-best"]');
  await page.waitForFunction(
    ([a, b]) => document.querySelector(`[data-testid="rank-row"][data-adcode="${a}"] .c-rank span`)?.textContent.trim() === String(b),
    [adcode, best],
  );
  app.assertClean(page);
  await page.close();
});

/** Runs axe-core's WCAG 2.1 A/AA rules on the editor; returns one line per violating element. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run('[data-testid="system-editor"]', { runOnly: { type: "tag", values: tags } })
        .then((r) => r.violations),
    WCAG_TAGS,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n").slice(0, 2).join(" ")}`),
  );
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`axe finds no violation in the editor at ${viewport.width} px, every indicator open and a refusal shown`, async () => {
    const page = await app.open({ wait: "ready", viewport });
    await openEditor(page);
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid="system-editor"] details').forEach((d) => (d.open = true)),
    );
    await page.click('[data-testid="system-add-dimension"]');
    await page.click('[data-testid="system-apply"]');
    await page.waitForSelector('[data-testid="system-problems"]');
    const found = await axeViolations(page);
    assert.deepEqual(found, [], found.join("\n"));
    const overflow = await page.$eval('[data-testid="system-editor"]', (e) => e.scrollWidth - e.clientWidth);
    assert.ok(overflow <= 1, `the editor is ${overflow} px wider than its box`);
    app.assertClean(page);
    await page.close();
  });
}
