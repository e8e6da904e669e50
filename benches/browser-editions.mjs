//! Browser benchmark of the weight-change latency with two editions shown: the synthetic two-year
//! sample imported, the year-over-year column on (pooled scaling, then each year on its own scale),
//! against the bundled one-edition page and the no-app control (a plain script rewriting the score
//! texts). Figures only; it asserts nothing.
//
// Usage (after `trunk build --release --offline`):  node benches/browser-editions.mjs [--moves N]
// (FJINDEX_DIST=<dir> measures another build directory than dist/.) Served like production
// (127.0.0.1, strict CSP); latency as benches/latency.mjs measures it.

import { serveDir, launchBrowser, DIST_DIR, STRICT_CSP, DESKTOP, openPage } from "../tests/e2e/harness.mjs";
import { quantile, scoreRewriteTimes, weightMoveTimes } from "./latency.mjs";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE = path.join(ROOT, "www", "samples", "sample-editions-synthetic.csv");
const WEIGHT = '[data-testid="weight-innovation"]';
const args = process.argv.slice(2);
const at = args.indexOf("--moves");
const MOVES = at >= 0 ? Number(args[at + 1]) : 100;
const ms = (v) => (v == null ? "n/a" : `${v.toFixed(1)} ms`);

if (!fs.existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error(`${DIST_DIR}/index.html missing: run \`trunk build --release --offline\` first`);
  process.exit(2);
}

const server = await serveDir({ csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  const page = await openPage(browser, server.url, { viewport: DESKTOP, wait: "ready" });
  const report = async (what) => {
    // A second after the change settles, as a person would start dragging.
    await page.waitForTimeout(1000);
    const times = await weightMoveTimes(page, WEIGHT, MOVES);
    console.log(`${what}: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`);
  };
  console.log(`== weight input -> next animation frame (${MOVES} moves of ${WEIGHT})`);
  await report("bundled data, one edition");
  await page.setInputFiles('[data-testid="import-file"]', SAMPLE);
  await page.waitForSelector('[data-testid="yoy-head"]');
  await report("two editions shown, pooled scaling");
  await page.check("#scaling-each");
  await page.waitForSelector("#scaling-each:checked");
  await report("two editions shown, each year on its own scale");
  const floor = await scoreRewriteTimes(page, MOVES);
  console.log(
    `no-app control (a plain script rewriting the ${await page.locator('[data-testid="score"]').count()} score texts per frame): ` +
      `p50 ${ms(quantile(floor, 0.5))}, p95 ${ms(quantile(floor, 0.95))}`,
  );
} finally {
  await browser.close();
  await server.close();
}
