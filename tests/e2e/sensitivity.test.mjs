//! The Sobol sensitivity panel in headless Chromium against the release build: its defaults are the
//! CLI's, a run gives the same indices, intervals and sentence as `fjindex sensitivity` for the same
//! seed and county, a long run completes while the page answers input, Cancel stops a run, and bad
//! input is refused.
//
// The reference is produced here with `cargo run --bin fjindex -- sensitivity ... --format json`;
// nothing expected is written into this file. The harness serves dist/, or $FJINDEX_DIST when set.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const RESULT = '[data-testid="sensitivity-result"]';
const PROGRESS = '[data-testid="sensitivity-progress"]';

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

async function openSensitivity() {
  const page = await app.open({ wait: "ready" });
  await openOnDemand(page, "analysis");
  await page.locator("#sob-h").scrollIntoViewIfNeeded();
  return page;
}

/** `fjindex sensitivity` with these flags, parsed. */
function cli(flags) {
  const out = execFileSync(
    "cargo",
    ["run", "--offline", "--quiet", "--bin", "fjindex", "--", "sensitivity", ...flags, "--format", "json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  return JSON.parse(out);
}

async function fill(page, { samples, noise, seed }) {
  if (samples != null) await page.fill("#sob-samples", String(samples));
  if (noise != null) await page.fill("#sob-noise", String(noise));
  if (seed != null) await page.fill("#sob-seed", String(seed));
}

/** Every table's rows: output id -> input id -> the shown texts and the full values of the cells. */
function readTables(page) {
  return page.$$eval('[data-testid="sensitivity-table"]', (tables) =>
    Object.fromEntries(
      tables.map((table) => [
        table.dataset.output,
        Object.fromEntries(
          [...table.querySelectorAll('[data-testid="sensitivity-row"]')].map((tr) => {
            const cell = (c) => tr.querySelector(`[data-col="${c}"]`);
            const estimate = (c) => ({
              text: cell(c).textContent.trim(),
              value: Number(cell(c).dataset.value),
              low: Number(cell(`${c}-interval`).dataset.low),
              high: Number(cell(`${c}-interval`).dataset.high),
            });
            return [tr.dataset.input, { first: estimate("first"), total: estimate("total") }];
          }),
        ),
      ]),
    ),
  );
}

/** JSON null (an index that is not defined) is NaN in the page. */
const num = (x) => (x == null ? NaN : x);
function close(a, b, what) {
  if (Number.isNaN(b)) return assert.ok(Number.isNaN(a), `${what}: ${a} for NaN`);
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: page ${a}, CLI ${b}`);
}

test("sensitivity: the CLI's defaults, and N = 128 gives the CLI's indices, intervals and sentence", async () => {
  const page = await openSensitivity();
  const defaults = cli(["--samples", "2"]);
  assert.equal(await page.inputValue("#sob-samples"), "1024");
  assert.equal(Number(await page.inputValue("#sob-noise")), defaults.noise);
  assert.equal(Number(await page.inputValue("#sob-seed")), defaults.seed);

  await fill(page, { samples: 128, seed: 31 });
  // d = the inputs the CLI lists; the note spells out N(d + 2).
  const runs = 128 * (defaults.inputs.length + 2);
  assert.match(await page.textContent('[data-testid="sensitivity-runs-note"]'), new RegExp(`${runs}.*N\\(d \\+ 2\\)`));
  await page.selectOption("#sob-county", { index: 1 });
  await page.click('[data-testid="sensitivity-run"]');
  await page.waitForSelector(`${RESULT}[data-seed="31"][data-base-samples="128"]`, { timeout: 60_000 });
  const result = page.locator(RESULT);
  const county = await result.getAttribute("data-county");
  assert.match(county, /^\d{6}$/, "the chosen county's adcode");
  assert.equal(Number(await result.getAttribute("data-runs")), runs);
  assert.equal(await page.inputValue("#sob-samples"), "128", "the settings survive the result");
  assert.equal(await page.inputValue("#sob-seed"), "31");

  const expected = cli(["--samples", "128", "--seed", "31", "--county", county]);
  assert.equal(expected.runs, runs);
  const shown = await readTables(page);
  assert.deepEqual(Object.keys(shown), expected.outputs.map((o) => o.id));
  for (const output of expected.outputs) {
    assert.deepEqual(Object.keys(shown[output.id]), expected.inputs.map((i) => i.id));
    for (const { id } of expected.inputs) {
      for (const [col, key] of [["first", "first_order"], ["total", "total_effect"]]) {
        const e = output[key][id];
        const s = shown[output.id][id][col];
        const what = `${output.id} ${id} ${key}`;
        close(s.value, num(e.value), what);
        close(s.low, num(e.low), `${what} low`);
        close(s.high, num(e.high), `${what} high`);
        assert.equal(s.text, e.value == null ? "—" : e.value.toFixed(3), what);
      }
    }
  }
  assert.equal((await page.textContent('[data-testid="sensitivity-sentence"]')).trim(), expected.message_zh);
  await page.locator(".chart-sobol canvas").first().waitFor();
  assert.equal(await page.locator(".chart-sobol canvas").count(), 2, "a chart per output");
  await page.locator(".chart-sobol").first().scrollIntoViewIfNeeded();
  await app.screenshot(page, "analysis-sensitivity");
  app.assertClean(page);
});

test("sensitivity: a long run completes while the page answers input", async () => {
  const page = await openSensitivity();
  await fill(page, { samples: 100000, seed: 5 });
  await page.selectOption("#sob-county", "");
  await page.click('[data-testid="sensitivity-run"]');
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute("value")) > 0, PROGRESS);
  await rowsSettled(page);
  const before = await page.textContent('[data-testid="score"]');
  await page.fill('[data-testid="weight-innovation"]', "90");
  await page.waitForFunction((s) => document.querySelector('[data-testid="score"]').textContent !== s, before);
  assert.equal(await page.locator(PROGRESS).count(), 1, "the ranking changed before the run finished");
  await page.waitForSelector(`${RESULT}[data-seed="5"][data-base-samples="100000"]`, { timeout: 300_000 });
  const result = page.locator(RESULT);
  assert.equal(await result.getAttribute("data-county"), "");
  assert.ok(Number(await result.getAttribute("data-chunks")) > 10, "ran in many chunks");
  console.log(
    `# N = 100000: elapsed ${await result.getAttribute("data-elapsed-ms")} ms, longest chunk of runs ${await result.getAttribute("data-longest-run-chunk-ms")} ms, of the bootstrap ${await result.getAttribute("data-longest-bootstrap-chunk-ms")} ms`,
  );
  assert.equal(await page.locator('[data-testid="sensitivity-table"]').count(), 1, "no county, one output");
  assert.equal(await page.locator(".sensitivity .stale").count(), 1, "the weights changed during the run");
  app.assertClean(page);
});

test("sensitivity: Cancel stops a run; bad input is refused", async () => {
  const page = await openSensitivity();
  await fill(page, { samples: 1, noise: 1.5, seed: "x" });
  await page.click('[data-testid="sensitivity-run"]');
  await page.waitForSelector('.sensitivity [role="alert"]');
  assert.equal(await page.locator('.sensitivity [role="alert"] li').count(), 3, "every problem is named");
  assert.equal(await page.locator(PROGRESS).count(), 0);

  await fill(page, { samples: 100000, noise: 0.2, seed: 1 });
  await page.click('[data-testid="sensitivity-run"]');
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute("value")) > 0, PROGRESS);
  assert.ok(await page.isDisabled("#sob-samples"), "the settings are locked during a run");
  await page.click('[data-testid="sensitivity-cancel"]');
  await page.waitForSelector('[data-testid="sensitivity-cancelled"]');
  const stopped = await page.textContent('[data-testid="sensitivity-cancelled"]');
  // The chunk already scheduled finds no job: a few more tasks pass and nothing moves.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.textContent('[data-testid="sensitivity-cancelled"]'), stopped, "no progress after cancel");
  assert.equal(await page.locator(PROGRESS).count(), 0);
  assert.equal(await page.locator(RESULT).count(), 0, "a cancelled run shows no result");
  assert.ok(await page.isEnabled('[data-testid="sensitivity-run"]'));
  app.assertClean(page);
});
