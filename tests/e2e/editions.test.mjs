//! Editions in the page, in headless Chromium against the release build: importing the synthetic
//! two-year sample shows the year-over-year column, whose values are `fjindex change` on the same file
//! (pooled, then each year on its own scale), and the county's trend table, whose ranks are
//! `fjindex rank --edition YEAR`; the fixture workbook with sheets named by year becomes two editions;
//! a one-year file can be added as another year, and a year already held is refused; the column shows
//! the two ranks it compares (`fjindex change`'s rank_from and rank_to) with a note naming their scale,
//! and a share link reopens the year shown, the two years compared and the scaling.
//
// Everything expected comes from the native CLI on the same files; nothing expected is written here.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CARGO = ["run", "--offline", "--quiet", "--bin", "fjindex", "--"];
const SAMPLE = path.join(ROOT, "www", "samples", "sample-editions-synthetic.csv");
const WORKBOOK = path.join(ROOT, "tests", "fixtures", "data.xlsx");
const GBK = path.join(ROOT, "tests", "fixtures", "gbk.csv");
const ROW = '[data-testid="rank-row"]';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

function cli(args) {
  return execFileSync("cargo", [...CARGO, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function csvRows(text) {
  const [head, ...rows] = text.trim().split("\n").map((line) => line.split(","));
  return rows.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

/** `fjindex change`'s rows from edition `from` to edition `to`. */
function cliChangeRows(file, from, to, flags = []) {
  return csvRows(cli(["change", "--data", file, "--from-year", String(from), "--to-year", String(to), ...flags, "--format", "csv"]));
}

/** adcode -> places gained (a string), or "new" for a county only in the later edition, from `fjindex change`. */
function cliChange(file, flags = [], [from, to] = [2023, 2024]) {
  const rows = cliChangeRows(file, from, to, flags);
  const out = new Map();
  for (const r of rows) {
    if (r.rank_change !== "") out.set(r.adcode, r.rank_change);
    else if (r.rank_from === "" && r.rank_to !== "") out.set(r.adcode, "new");
  }
  return out;
}

/** adcode -> [composite rank, dimension ranks...] in one edition, from `fjindex rank --edition`. */
function cliRanks(file, year) {
  const rows = csvRows(cli(["rank", "--data", file, "--edition", String(year), "--format", "csv"]));
  const dims = Object.keys(rows[0]).slice(5);
  const rankOf = (dim, r) =>
    r[dim] === "" ? "—" : String(1 + rows.filter((o) => o[dim] !== "" && Number(o[dim]) > Number(r[dim])).length);
  return new Map(rows.map((r) => [r.adcode, [r.rank || "—", ...dims.map((d) => rankOf(d, r))]]));
}

async function yoyColumn(page) {
  await rowsSettled(page);
  return page.$$eval(ROW, (trs) =>
    trs.map((tr) => [tr.dataset.adcode, tr.querySelector('[data-testid="yoy"]')?.dataset.change ?? null]),
  );
}

/** Waits until every row's year-over-year cell reads as `expected` (adcode -> value) says. */
async function yoyIs(page, expected) {
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-testid="rank-row"]')];
      return rows.length > 0 && rows.every((tr) => {
        const cell = tr.querySelector('[data-testid="yoy"]');
        return cell && (want[tr.dataset.adcode] ?? "") === cell.dataset.change;
      });
    },
    Object.fromEntries(expected),
    { timeout: 20_000 },
  );
}

async function importFile(page, file) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]');
  assert.ok(await page.isVisible('[data-testid="import-status"]'), `${file} imported`);
}

test("the two-year sample: the YoY column is fjindex change, the trend table is fjindex rank --edition", async () => {
  const page = await app.open({ wait: "ready" });
  // The bundled data is one edition: no pickers, no column.
  assert.equal(await page.locator('[data-testid="edition-bar"]').count(), 0);
  assert.equal(await page.locator('[data-testid="yoy-head"]').count(), 0);
  // The sample is offered for download, marked synthetic.
  await openOnDemand(page, "data");
  const link = page.locator('[data-testid="sample-download"]');
  assert.match(await link.textContent(), /合成数据/);
  assert.match(await link.getAttribute("href"), /sample-editions-synthetic\.csv$/);

  await importFile(page, SAMPLE);
  await page.waitForSelector('[data-testid="yoy-head"]');
  assert.equal((await page.textContent('[data-testid="yoy-head"]')).trim(), "较2023");
  assert.equal(await page.inputValue('[data-testid="edition-shown"]'), "2024");
  assert.equal(await page.inputValue('[data-testid="edition-from"]'), "2023");
  assert.equal(await page.inputValue('[data-testid="edition-to"]'), "2024");

  const pooled = cliChange(SAMPLE);
  const shown = await yoyColumn(page);
  assert.ok(shown.length >= 80, `${shown.length} rows`);
  for (const [adcode, change] of shown) assert.equal(change, pooled.get(adcode) ?? "", adcode);
  assert.ok(shown.some(([, c]) => Number(c) > 0) && shown.some(([, c]) => Number(c) < 0));
  // Never colour alone: the cell carries the arrow and the number as text.
  const up = shown.find(([, c]) => Number(c) > 0);
  assert.match(await page.textContent(`${ROW}[data-adcode="${up[0]}"] [data-testid="yoy"]`), new RegExp(`▲${up[1]}`));

  // The scaling is chosen in the methods panel; each year on its own scale gives the CLI's `--scaling each`.
  await page.locator('[data-testid="scaling"]').scrollIntoViewIfNeeded();
  await page.check("#scaling-each");
  await yoyIs(page, cliChange(SAMPLE, ["--scaling", "each"]));

  // The trend table of a county: its ranks in each edition, each scored on its own as `rank --edition` does.
  const ranks = { 2023: cliRanks(SAMPLE, 2023), 2024: cliRanks(SAMPLE, 2024) };
  await rowsSettled(page);
  const row = page.locator(ROW).nth(12);
  const adcode = await row.getAttribute("data-adcode");
  await row.locator(".county-link").click();
  await openOnDemand(page, "profile");
  const table = page.locator('[data-testid="trend-table"]');
  await table.waitFor({ timeout: 20_000 });
  const cells = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
  assert.deepEqual(cells.map((r) => r[0]), ["2023", "2024"]);
  for (const r of cells) assert.deepEqual(r.slice(1), ranks[r[0]].get(adcode) ?? r.slice(1).map(() => "—"), `${adcode} ${r[0]}`);
  // The profile says how its rank changed, as the ranking's column does.
  const each = cliChange(SAMPLE, ["--scaling", "each"]);
  if (/^-?\d+$/.test(each.get(adcode) ?? "")) {
    assert.equal(await page.getAttribute('[data-testid="year-rank"]', "data-change"), each.get(adcode));
    assert.match(await page.textContent('[data-testid="year-no-contributions"]'), /逐年标尺/);
    // Why it moved, computed in the profile for this county alone, is the CLI's split of the full change.
    const split = csvRows(cli(["change", "--data", SAMPLE, "--from-year", "2023", "--to-year", "2024", "--scaling", "each", "--format", "csv"]))
      .find((r) => r.adcode === adcode);
    const why = await page.textContent('[data-testid="year-why-rank"]');
    assert.ok(why.includes(`自身数据的变化带来 ${split.rank_own} 位，其他县域的变化带来 ${split.rank_others} 位`), `${why} ${split.rank_own} ${split.rank_others}`);
  }

  // The biggest movers, as the CLI's changes order them, and the counties new and gone.
  await openOnDemand(page, "charts");
  await page.waitForSelector('[data-testid="year-movers"]');
  const changes = [...each.values()].filter((c) => /^-?\d+$/.test(c)).map(Number);
  const listed = async (id) =>
    page.$$eval(`[data-testid="${id}"] li[data-change]`, (lis) => lis.map((li) => Number(li.dataset.change)));
  assert.deepEqual(await listed("movers-up"), changes.filter((c) => c > 0).sort((a, b) => b - a).slice(0, 5));
  assert.deepEqual(await listed("movers-down"), changes.filter((c) => c < 0).sort((a, b) => a - b).slice(0, 5));
  const newNames = csvRows(cli(["change", "--data", SAMPLE, "--scaling", "each", "--format", "csv"]))
    .filter((r) => each.get(r.adcode) === "new")
    .map((r) => r.name_zh);
  assert.ok(newNames.length > 0);
  for (const name of newNames) assert.match(await page.textContent('[data-testid="movers-new"]'), new RegExp(name));

  // axe-core finds nothing with the editions shown: pickers, column, scaling choice, profile and movers.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations),
    WCAG_TAGS,
  );
  assert.deepEqual(
    violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
    [],
  );
  await app.screenshot(page, "editions-sample");
  app.assertClean(page);
});

test("a workbook with sheets named by year becomes two editions; a one-year file is added as another year", async () => {
  const page = await app.open({ wait: "ready" });
  await importFile(page, WORKBOOK);
  await page.waitForSelector('[data-testid="yoy-head"]');
  assert.deepEqual(
    await page.$$eval('[data-testid="edition-shown"] option', (os) => os.map((o) => o.value)),
    ["2023", "2024"],
  );
  await yoyIs(page, cliChange(WORKBOOK));
  // Showing 2023 shows that edition's own ranking, without the column (it is the earlier year).
  await page.selectOption('[data-testid="edition-shown"]', "2023");
  await page.waitForFunction(() => !document.querySelector('[data-testid="yoy-head"]'));
  const first2023 = [...cliRanks(WORKBOOK, 2023).entries()].find(([, r]) => r[0] === "1")[0];
  await page.waitForFunction((a) => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === a, first2023);

  // A one-year file replaces the data and offers to become another edition instead.
  await importFile(page, GBK);
  await page.waitForSelector('[data-testid="edition-offer"]');
  await page.fill('[data-testid="edition-year"]', "2024");
  await page.click('[data-testid="edition-add"]');
  await page.waitForFunction(() => /2024/.test(document.querySelector('[data-testid="edition-problem"]')?.textContent ?? ""));
  assert.match(await page.textContent('[data-testid="edition-problem"]'), /已有 2024 年/);
  await page.fill('[data-testid="edition-year"]', "2025");
  await page.click('[data-testid="edition-add"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="edition-shown"] option').length === 3);
  assert.equal(await page.inputValue('[data-testid="edition-from"]'), "2024");
  assert.equal(await page.inputValue('[data-testid="edition-to"]'), "2025");
  await page.waitForSelector('[data-testid="yoy-head"]');
  assert.equal((await page.textContent('[data-testid="yoy-head"]')).trim(), "较2024");
  app.assertClean(page);
});

test("at 390 px the pickers and the column fit the page", async () => {
  const page = await app.open({ wait: "ready", viewport: { width: 390, height: 844 } });
  await importFile(page, SAMPLE);
  await page.waitForSelector('[data-testid="yoy-head"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  const bar = await page.locator('[data-testid="edition-bar"]').boundingBox();
  assert.ok(bar.x >= 0 && bar.x + bar.width <= 390, JSON.stringify(bar));
  // On a phone the cell shows only the arrow and the number; its title still names the two ranks.
  const cell = page.locator('[data-testid="yoy"][data-ranks]').first();
  assert.equal(await cell.locator(".yoy-ranks").isVisible(), false);
  assert.match(await cell.getAttribute("title"), /第 \d+ 名 → 第 \d+ 名/);
  assert.ok(await page.isVisible('[data-testid="yoy-note"]'));
  await app.screenshot(page, "editions-phone");
  app.assertClean(page);
});

/** adcode -> "rank_from-rank_to" for every county ranked in both editions, from `fjindex change`. */
function cliRankPairs(file, from, to, flags = []) {
  return new Map(
    cliChangeRows(file, from, to, flags)
      .filter((r) => r.rank_from !== "" && r.rank_to !== "")
      .map((r) => [r.adcode, `${r.rank_from}-${r.rank_to}`]),
  );
}

/** Per row: adcode, the cell's data-ranks, its visible text, its title, and the row's own rank. */
async function yoyCells(page) {
  await rowsSettled(page);
  return page.$$eval(ROW, (trs) =>
    trs.map((tr) => {
      const cell = tr.querySelector('[data-testid="yoy"]');
      return {
        adcode: tr.dataset.adcode,
        ranks: cell?.dataset.ranks ?? "",
        change: cell?.dataset.change ?? "",
        shown: [...(cell?.querySelectorAll('[aria-hidden="true"]') ?? [])].map((s) => s.textContent).join(""),
        title: cell?.title ?? "",
        rank: tr.querySelector(".c-rank span")?.textContent.trim(),
      };
    }),
  );
}

test("the column shows the ranks it compares and says on which scale; a share link reopens the years and the scaling", async () => {
  const page = await app.open({ wait: "ready" });
  await importFile(page, SAMPLE);
  await page.waitForSelector('[data-testid="yoy-head"]');
  await yoyIs(page, cliChange(SAMPLE));
  // Pooled: each cell shows rank_from→rank_to as the CLI ranks them on the pooled scale, then the arrow.
  const note = page.locator('[data-testid="yoy-note"]');
  assert.equal(await note.getAttribute("data-scaling"), "pooled");
  assert.match(await note.textContent(), /合并标尺/);
  const pooled = cliRankPairs(SAMPLE, 2023, 2024);
  const cells = await yoyCells(page);
  assert.ok(cells.filter((c) => c.ranks).length >= 75, `${cells.length} cells`);
  for (const c of cells) {
    assert.equal(c.ranks, pooled.get(c.adcode) ?? "", c.adcode);
    if (!c.ranks) continue;
    const [from, to] = c.ranks.split("-");
    const arrow = Number(c.change) > 0 ? `▲${c.change}` : Number(c.change) < 0 ? `▼${-Number(c.change)}` : "=";
    assert.equal(c.shown, `${from}→${to} ${arrow}`, c.adcode);
    assert.ok(c.title.includes(`第 ${from} 名 → 第 ${to} 名`), c.title);
  }
  // Pooled ranks need not be the table's own: the sample has rows where they differ, which the note explains.
  assert.ok(cells.some((c) => c.ranks && c.ranks.split("-")[1] !== c.rank), "some pooled rank differs from the table's");

  // Show 2023, compare 2024 → 2023, each year on its own scale: the address carries all three.
  await page.selectOption('[data-testid="edition-shown"]', "2023");
  await page.selectOption('[data-testid="edition-from"]', "2024");
  assert.equal(await page.inputValue('[data-testid="edition-to"]'), "2023");
  await page.locator('[data-testid="scaling"]').scrollIntoViewIfNeeded();
  await page.check("#scaling-each");
  await page.waitForFunction(() => {
    const q = new URLSearchParams(location.search);
    return q.get("yr") === "2023" && q.get("vs") === "2024-2023" && q.get("scale") === "each";
  });
  const link = await page.inputValue('[data-testid="share-link"]');
  assert.match(link, /ds=[0-9a-f]{16}/);

  // The link opened again (in this browser, which saved the collection) reopens all three.
  await page.goto("about:blank");
  await page.goto(link);
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  await page.waitForSelector('[data-testid="yoy-head"]');
  assert.equal((await page.textContent('[data-testid="yoy-head"]')).trim(), "较2024");
  assert.equal(await page.inputValue('[data-testid="edition-shown"]'), "2023");
  assert.equal(await page.inputValue('[data-testid="edition-from"]'), "2024");
  assert.equal(await page.inputValue('[data-testid="edition-to"]'), "2023");
  assert.ok(await page.isChecked("#scaling-each"));
  assert.equal(await page.locator('[data-testid="link-notices"] li').count(), 0);
  await yoyIs(page, cliChange(SAMPLE, ["--scaling", "each"], [2024, 2023]));
  await page.waitForSelector('[data-testid="yoy-note"][data-scaling="each"]');
  assert.match(await page.textContent('[data-testid="yoy-note"]'), /各自单独标准化/);
  // Each on its own scale, the later rank is the table's own rank, as the note says.
  const each = cliRankPairs(SAMPLE, 2024, 2023, ["--scaling", "each"]);
  const reopened = await yoyCells(page);
  for (const c of reopened) {
    assert.equal(c.ranks, each.get(c.adcode) ?? "", c.adcode);
    if (c.ranks) assert.equal(c.ranks.split("-")[1], c.rank, c.adcode);
  }

  // Years the collection lacks are ignored, each with a notice; the page keeps its own choices.
  const bad = new URL(link);
  bad.searchParams.set("yr", "2019");
  bad.searchParams.set("vs", "2019-2023");
  await page.goto("about:blank");
  await page.goto(bad.href);
  await page.waitForSelector('[data-testid="link-notices"] li');
  const notes = await page.$$eval('[data-testid="link-notices"] li', (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => /yr/.test(n) && /2019/.test(n)), notes.join(" | "));
  assert.ok(notes.some((n) => /vs/.test(n) && /2019-2023/.test(n)), notes.join(" | "));
  assert.equal(await page.inputValue('[data-testid="edition-shown"]'), "2024");
  assert.ok(await page.isChecked("#scaling-each"));
  app.assertClean(page);
});
