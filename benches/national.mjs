//! Browser benchmark for a national file: imports 2,846 county-level units through the data panel and
//! prints the import time and the weight-change-to-frame latency (p50, p95) at that size.
//
// Usage (after `trunk build --release --offline`):  node benches/national.mjs [--moves N]
// [--query QUERY] (FJINDEX_DIST=<dir> measures another build directory than dist/.) Prints figures only,
// asserts nothing.
// The file is synthetic: Fujian's 83 counties plus 2,763 made-up six-digit codes, every value inside the
// indicator's plausible range, written to a temporary CSV.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir, launchBrowser, DIST_DIR, STRICT_CSP, DESKTOP } from "../tests/e2e/harness.mjs";
import { quantile, weightMoveTimes } from "./latency.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const MOVES = args.includes("--moves") ? Number(args[args.indexOf("--moves") + 1]) : 100;
// --query "hide=charts" and the like, to see which panel the time goes to.
const QUERY = args.includes("--query") ? `?${args[args.indexOf("--query") + 1]}` : "";
const UNITS = 2846;
const WEIGHT = '[data-testid="weight-innovation"]';

const indicators = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8")).indicators;
const counties = fs
  .readFileSync(path.join(ROOT, "seeds", "counties.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(",").slice(0, 2));
const rows = [["adcode", "name", ...indicators.map((i) => i.id)].join(",")];
for (let n = 0; n < UNITS; n++) {
  const [code, name] = n < counties.length ? counties[n] : [String(110100 + n * 3), `单位${n}`];
  const values = indicators.map((ind, i) => {
    const span = Math.min(ind.plausible_max, 1000) - ind.plausible_min;
    const v = ind.plausible_min + (span * ((n * 37 + i * 11) % 101)) / 100;
    return ind.integer ? Math.round(v) : v.toFixed(2);
  });
  rows.push([code, name, ...values].join(","));
}
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fjindex-")), "national.csv");
fs.writeFileSync(file, rows.join("\n") + "\n");

const ms = (x) => `${x.toFixed(1)} ms`;

const server = await serveDir({ root: process.env.FJINDEX_DIST || DIST_DIR, csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(server.url + QUERY);
  await page.waitForSelector('[data-ready="1"]', { state: "attached", timeout: 60_000 });
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]', { timeout: 120_000 });
  const importMs = Date.now() - t0;
  if (await page.isVisible('[data-testid="import-failed"]')) {
    console.log("import failed:", await page.textContent('[data-testid="import-errors"]'));
    process.exit(1);
  }
  console.log(`== national file: ${UNITS} units, ${indicators.length} indicators`);
  console.log(`file -> import done (parse, check, score, render): ${importMs} ms`);
  const times = await weightMoveTimes(page, WEIGHT, MOVES);
  console.log(
    `weight input -> next animation frame (${MOVES} moves): p50 ${ms(quantile(times, 0.5))}, ` +
      `p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))} (target p95 < 50 ms)`,
  );
} finally {
  await browser.close();
  await server.close();
}
