//! Browser benchmark: the weight-change latency with a 10-dimension indicator system, against the same
//! page on the white paper's 5 dimensions and against the no-app control.
//
// Usage (after `trunk build --release --offline`):  node benches/browser-system.mjs [--moves N]
// (FJINDEX_DIST=<dir> measures another build directory than dist/.) Prints figures only.
//
// The 10-dimension system is the white paper's 16 indicators spread over ten dimensions (six of two,
// four of one), written to a temporary file and loaded through the editor's "import a system" input;
// the page is then opened afresh from its share link (`sys=`, the system kept in this browser), so the
// on-demand panels module is not loaded while the weights move, as on the white paper's page. Each
// figure is timed as benches/latency.mjs times it: a dimension's number box set along a sweep and
// `input` dispatched, until the first task after the next animation frame; p50 and p95 over --moves.
// The control is a plain script (no app code) rewriting every row's score text per frame.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir, launchBrowser, DIST_DIR, STRICT_CSP, DESKTOP, openOnDemand } from "../tests/e2e/harness.mjs";
import { quantile, scoreRewriteTimes, weightMoveTimes } from "./latency.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--moves");
const MOVES = at >= 0 ? Number(args[at + 1]) : 100;
const ms = (x) => `${x.toFixed(1)} ms`;

/** The white paper's indicators over ten dimensions, each indicator keeping its values by id. */
function tenDimensions() {
  const wp = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8"));
  const sizes = [2, 2, 2, 2, 2, 2, 1, 1, 1, 1];
  const dimensions = sizes.map((_, k) => ({ id: `d${k + 1}`, name_zh: `维度${k + 1}`, name_en: `Dimension ${k + 1}` }));
  let next = 0;
  const indicators = sizes.flatMap((n, k) =>
    wp.indicators.slice(next, (next += n)).map((ind) => ({ ...ind, dimension: `d${k + 1}` })),
  );
  return { source: "benchmark: ten dimensions", dimensions, indicators };
}

function report(label, times) {
  console.log(`${label}: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`);
}

if (!fs.existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error(`${DIST_DIR}/index.html missing: run trunk build --release --offline first`);
  process.exit(2);
}
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fjindex-bench-")), "ten.json");
fs.writeFileSync(file, JSON.stringify(tenDimensions()));

const server = await serveDir({ csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: DESKTOP });

  // Load the ten-dimension system through the editor, then take its share link.
  const setup = await context.newPage();
  await setup.goto(server.url);
  await setup.waitForSelector('[data-ready="1"]', { state: "attached" });
  await openOnDemand(setup, "analysis");
  await setup.setInputFiles('[data-testid="system-import"]', file);
  await setup.waitForSelector('[data-testid="system-status"][data-white-paper="false"]');
  await setup.waitForFunction(() => new URLSearchParams(location.search).has("sys"));
  const link = await setup.evaluate(() => location.href);
  await setup.close();

  // The white paper's page, for reference, loaded and measured as the ten-dimension one is.
  console.log(`== weight input -> next animation frame, ${MOVES} moves each`);
  const white = await context.newPage();
  await white.goto(server.url);
  await white.waitForSelector('[data-ready="1"]', { state: "attached" });
  await white.waitForTimeout(1000);
  report("white paper's system (5 dimensions, weight-innovation)", await weightMoveTimes(white, '[data-testid="weight-innovation"]', MOVES));
  report("no-app control on that page", await scoreRewriteTimes(white, MOVES));
  await white.close();

  const ten = await context.newPage();
  await ten.goto(link);
  await ten.waitForSelector('[data-ready="1"]', { state: "attached" });
  await ten.waitForFunction(() => document.querySelectorAll("table.rank-table thead th.c-dim").length === 10);
  await ten.waitForTimeout(1000);
  report("10-dimension system (weight-d1)", await weightMoveTimes(ten, '[data-testid="weight-d1"]', MOVES));
  report("10-dimension system (weight-d10)", await weightMoveTimes(ten, '[data-testid="weight-d10"]', MOVES));
  report(
    `no-app control (a plain script rewriting the ${await ten.locator('[data-testid="score"]').count()} score texts)`,
    await scoreRewriteTimes(ten, MOVES),
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
