//! The data audit panel in headless Chromium against the release build: on the bundled data it flags
//! the indicators `fjindex audit` flags and shows the same Cronbach's alpha; its one-click JRC treatment
//! ranks every county as `fjindex rank --treatment jrc` does, writes the treatments into the share link
//! and counts the counties that moved; undo restores the original ranking and link.
//
// Everything expected comes from the native CLI (`cargo run --bin fjindex`); nothing expected is
// written into this file. The harness serves dist/, or $FJINDEX_DIST when set.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, scrollIntoViewSettled, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const AUDIT_ROW = '[data-testid="audit-row"]';

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Runs the native CLI and returns its standard output. */
function cli(args) {
  return execFileSync("cargo", ["run", "--offline", "--quiet", "--bin", "fjindex", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
}

/** The rows of a CSV without quoted fields, as objects keyed by the header. */
function csvObjects(text) {
  const [header, ...lines] = text.trim().split("\n").map((l) => l.split(","));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

/** adcode -> "rank score" (score with two decimals) from `fjindex rank` with these flags. */
function cliRanking(flags) {
  const rows = csvObjects(cli(["rank", ...flags, "--format", "csv"]));
  return new Map(rows.map((r) => [r.adcode, `${r.rank} ${Number(r.score).toFixed(2)}`]));
}

/** adcode -> "rank score" as the ranking table shows it, over every page of the table. */
async function pageRanking(page) {
  await rowsSettled(page);
  const out = new Map();
  for (;;) {
    const rows = await page.$$eval('[data-testid="rank-row"]', (trs) =>
      trs.map((tr) => [
        tr.dataset.adcode,
        `${tr.querySelector(".c-rank span").textContent.trim()} ${tr.querySelector('[data-testid="score"]').textContent.trim()}`,
      ]),
    );
    for (const [adcode, text] of rows) out.set(adcode, text);
    const next = page.locator('[data-testid="page-next"]');
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const range = await page.textContent('[data-testid="page-range"]');
    await next.click();
    await page.waitForFunction((r) => document.querySelector('[data-testid="page-range"]').textContent !== r, range);
  }
  const prev = page.locator('[data-testid="page-prev"]');
  while ((await prev.count()) > 0 && !(await prev.isDisabled())) {
    const range = await page.textContent('[data-testid="page-range"]');
    await prev.click();
    await page.waitForFunction((r) => document.querySelector('[data-testid="page-range"]').textContent !== r, range);
  }
  return out;
}

/** Waits until the ranking table equals `expected` (adcode -> "rank score") and returns it. */
async function rankingBecomes(page, expected) {
  await page.waitForFunction(
    ([adcode, text]) => {
      const tr = document.querySelector(`[data-testid="rank-row"][data-adcode="${adcode}"]`);
      return tr && `${tr.querySelector(".c-rank span").textContent.trim()} ${tr.querySelector('[data-testid="score"]').textContent.trim()}` === text;
    },
    [...expected][0],
  );
  return pageRanking(page);
}

test("the audit panel flags what the CLI flags, shows its alpha, and its JRC treatment ranks as the CLI", async () => {
  const audit = JSON.parse(cli(["audit", "--format", "json"]));
  const flagged = audit.indicators.filter((r) => r.outlier_flag).map((r) => r.indicator_id);
  assert.ok(flagged.length > 0, "the bundled data has flagged indicators");
  const original = cliRanking([]);
  const treated = cliRanking(["--treatment", "jrc"]);
  const moved = [...original].filter(([adcode, text]) => text.split(" ")[0] !== treated.get(adcode).split(" ")[0]);
  assert.ok(moved.length > 0, "the JRC treatment moves some county");

  const page = await app.open({ wait: "ready" });
  await openOnDemand(page, "analysis");
  await page.waitForSelector(AUDIT_ROW);
  const rows = await page.$$eval(AUDIT_ROW, (trs) =>
    trs.map((tr) => [tr.dataset.indicator, tr.dataset.outlier === "true", tr.querySelector('[data-testid="audit-outlier"]').textContent]),
  );
  assert.deepEqual(
    rows.map(([id, flag]) => [id, flag]),
    audit.indicators.map((r) => [r.indicator_id, r.outlier_flag]),
  );
  for (const [id, flag, text] of rows) {
    assert.equal(text.includes("⚠"), flag, `${id}: a flag is marked with a sign, not colour alone`);
  }

  const alphas = await page.$$eval('[data-testid="audit-alpha-value"]', (tds) => tds.map((td) => td.textContent.trim()));
  assert.deepEqual(alphas, [
    ...audit.coherence.dimensions.map((d) => d.alpha.toFixed(2)),
    audit.coherence.alpha_index.toFixed(2),
  ]);
  const stamp = await page.textContent('[data-testid="audit-stamp"]');
  assert.ok(stamp.includes(audit.dataset), stamp);
  assert.match(stamp, /[0-9a-f]{16}/);

  assert.deepEqual(await pageRanking(page), original);
  await scrollIntoViewSettled(page, '[data-testid="audit-apply"]');
  await page.click('[data-testid="audit-apply"]');
  await page.waitForSelector('[data-testid="audit-changes"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).has("tr"));
  const tr = new URL(page.url()).searchParams.get("tr").split(",");
  assert.deepEqual(tr.sort(), flagged.map((id) => `${id}:jrc`).sort());
  assert.deepEqual(await rankingBecomes(page, treated), treated);
  assert.equal(await page.getAttribute('[data-testid="audit-moved"]', "data-count"), String(moved.length));
  const changed = await page.$$eval('[data-testid="audit-changes"] li[data-indicator]', (lis) => lis.map((li) => li.dataset.indicator));
  assert.deepEqual(changed, flagged);
  const inForce = await page.$$eval('[data-testid="audit-in-force"]', (tds) => tds.map((td) => td.textContent.trim()));
  assert.equal(new Set(flagged.map((id) => inForce[audit.indicators.findIndex((r) => r.indicator_id === id)])).size, 1);
  await app.screenshot(page, "audit-applied");

  await page.click('[data-testid="audit-undo"]');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("tr"));
  assert.deepEqual(await rankingBecomes(page, original), original);
  await page.waitForSelector('[data-testid="audit-undo"]', { state: "detached" });
  assert.equal(await page.isDisabled('[data-testid="audit-apply"]'), false);
  app.assertClean(page);
});

for (const lang of ["zh", "en"]) {
  test(`the audit report (${lang}) prints the checks, the stamp and the CLI's Monte Carlo bands, alone`, async () => {
    const audit = JSON.parse(cli(["audit", "--format", "json"]));
    const bands = csvObjects(cli(["uncertainty", "--samples", "10000", "--noise", "0.2", "--seed", "2024", "--format", "csv"]));

    const page = await app.open({ path: `?lang=${lang}`, wait: "ready" });
    await page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => {
        window.printCalls += 1;
      };
    });
    await openOnDemand(page, "analysis");
    await scrollIntoViewSettled(page, '[data-testid="audit-report-open"]');
    await page.click('[data-testid="audit-report-open"]');
    await page.waitForSelector('html[data-brief="open"] [data-testid="audit-report"]', { timeout: 60_000 });
    await page.waitForFunction(() => window.printCalls === 1);

    const stamp = await page.textContent('[data-testid="audit-report-stamp"]');
    const hash = /[0-9a-f]{16}/.exec(await page.textContent('[data-testid="audit-stamp"]'))[0];
    assert.ok(stamp.includes(hash), stamp);
    const flags = await page.$$eval('[data-testid="audit-report-checks"] tbody tr', (trs) =>
      trs.map((tr) => tr.cells[6].textContent.includes("⚠")),
    );
    assert.deepEqual(flags, audit.indicators.map((r) => r.outlier_flag));
    const robustness = await page.$$eval('[data-testid="audit-report-robustness"] tbody tr', (trs) =>
      trs.map((tr) => [tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[3].textContent]),
    );
    assert.deepEqual(
      robustness,
      bands.map((b) => [b.nominal_rank, b.median_rank, `${b.p05}–${b.p95}`]),
    );
    const sections = await page.$$eval('[data-testid="audit-report-section"]', (ss) => ss.map((s) => s.dataset.section));
    assert.deepEqual(sections, ["checks", "treatments", "coherence", "robustness"]);
    assert.equal(await page.locator('[data-testid="audit-report"] svg').count(), 1, "the heatmap is drawn");
    if (lang === "en") {
      const text = await page.textContent('[data-testid="audit-report"] .brief-head');
      assert.doesNotMatch(text, /[\u4e00-\u9fff]/, "no Chinese in the English report's heading");
    }

    await page.emulateMedia({ media: "print" });
    assert.equal(await page.isVisible(".slot-ranking"), false, "only the report prints");
    assert.equal(await page.isVisible('[data-testid="brief-close"]'), false, "no buttons in print");
    await page.emulateMedia({ media: "screen" });
    await app.screenshot(page, `audit-report-${lang}`, { fullPage: false });

    await page.keyboard.press("Escape");
    await page.waitForSelector('html:not([data-brief]) [data-testid="audit-report-open"]');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "audit-report-open");
    app.assertClean(page);
  });
}
