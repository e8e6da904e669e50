//! Browser benchmark of the Sobol sensitivity run: prints the time of an N = 1,024 run (10,240 model runs
//! and the bootstrap, both outputs) on the bundled 83 counties in the release build, and its longest
//! main-thread task (target: under 1 s, no task over 50 ms). Figures only; it asserts nothing.
//
// Usage (after `trunk build --release --offline`):  node benches/browser-sensitivity.mjs [--runs N] [--samples N]
// (FJINDEX_DIST=<dir> measures another build directory than dist/.)
// Served like production (127.0.0.1, strict CSP). The first ranked county is chosen, so both outputs are
// computed. For each run the page's Run button is clicked and the figures come from the page itself:
// - wall: from the click (performance.now() in a capturing listener, before the app's) until the result
//   with this run's seed is in the DOM (a MutationObserver); the index charts are drawn a task later;
// - elapsed: the app's own measure, from its Run handler to the finished result;
// - compute: the sum of the chunks' compute times (model runs and bootstrap); chunks and the longest chunk;
// - long tasks: how many tasks over 50 ms a PerformanceObserver saw during the run, and the longest task.
// Median, min and max over --runs runs (the first run is a warm-up and is reported separately).

import { serveDir, launchBrowser, DIST_DIR, STRICT_CSP, DESKTOP, openPage, openOnDemand } from "../tests/e2e/harness.mjs";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt("--runs", 7);
const SAMPLES = opt("--samples", 1024);

if (!fs.existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error(`${DIST_DIR}/index.html missing: run \`trunk build --release --offline\` first`);
  process.exit(2);
}

const server = await serveDir({ csp: STRICT_CSP });
const browser = await launchBrowser();
const page = await openPage(browser, server.url, { viewport: DESKTOP, wait: "ready" });
await openOnDemand(page, "analysis");
await page.locator("#sob-h").scrollIntoViewIfNeeded();
await page.fill("#sob-samples", String(SAMPLES));
await page.selectOption("#sob-county", { index: 1 });
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: "longtask" });
  window.addEventListener(
    "click",
    (e) => {
      if (e.target.closest?.('[data-testid="sensitivity-run"]')) window.__clickAt = performance.now();
    },
    true,
  );
});

async function oneRun(k) {
  const seed = String(1000 + k);
  await page.evaluate((seed) => {
    window.__longTasksBefore = window.__longTasks.length;
    window.__doneAt = null;
    const obs = new MutationObserver(() => {
      if (document.querySelector(`[data-testid="sensitivity-result"][data-seed="${seed}"]`)) {
        window.__doneAt = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, seed);
  await page.fill("#sob-seed", seed);
  await page.click('[data-testid="sensitivity-run"]');
  await page.waitForFunction(() => window.__doneAt != null, null, { timeout: 300_000 });
  // The charts are drawn in the task after the result: wait for them so the next run starts clean.
  await page.locator(".chart-sobol canvas").first().waitFor();
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="sensitivity-result"]');
    const tasks = window.__longTasks.slice(window.__longTasksBefore);
    return {
      wall: window.__doneAt - window.__clickAt,
      elapsed: Number(r.dataset.elapsedMs),
      compute: Number(r.dataset.computeMs),
      longestChunk: Number(r.dataset.longestChunkMs),
      longestRunChunk: Number(r.dataset.longestRunChunkMs),
      longestBootstrapChunk: Number(r.dataset.longestBootstrapChunkMs),
      chunks: Number(r.dataset.chunks),
      runs: Number(r.dataset.runs),
      longTasks: tasks.length,
      longestTask: Math.max(0, ...tasks),
    };
  });
}

const results = [];
for (let k = 0; k <= RUNS; k++) results.push(await oneRun(k));
const [warm, ...runs] = results;

const stat = (key) => {
  const xs = runs.map((r) => r[key]).sort((a, b) => a - b);
  return { median: xs[Math.floor((xs.length - 1) / 2)], min: xs[0], max: xs[xs.length - 1] };
};
const fmt = (x) => `${x.toFixed(1)} ms`;
console.log(`Sobol sensitivity in the browser: N = ${SAMPLES} (${runs[0].runs} model runs, 2 outputs), ${runs.length} runs (+1 warm-up)`);
console.log(`  build: ${DIST_DIR}`);
for (const [key, label] of [
  ["wall", "click to result (wall)     "],
  ["elapsed", "app-measured run time      "],
  ["compute", "compute inside chunks      "],
  ["longestChunk", "longest single chunk       "],
  ["longestRunChunk", "  of it model runs         "],
  ["longestBootstrapChunk", "  of it bootstrap          "],
]) {
  const s = stat(key);
  console.log(`  ${label}  median ${fmt(s.median)}  min ${fmt(s.min)}  max ${fmt(s.max)}`);
}
const c = stat("chunks");
console.log(`  chunks per run              median ${c.median}  min ${c.min}  max ${c.max}`);
console.log(
  `  long tasks (> 50 ms) during runs: ${runs.reduce((a, r) => a + r.longTasks, 0)}` +
    ` (longest ${fmt(Math.max(...runs.map((r) => r.longestTask)))})`,
);
console.log(`  warm-up run: wall ${fmt(warm.wall)}, compute ${fmt(warm.compute)}, ${warm.chunks} chunks`);
console.log(`  target: under 1 s for N = 1,024, no task over 50 ms`);

await browser.close();
await server.close();
