//! Browser benchmark of the rank-uncertainty run: prints the time of a 10,000-sample run on the bundled
//! 83 counties in the release build (target: at most 300 ms). Figures only; it asserts nothing.
//
// Usage (after `trunk build --release --offline`):  node benches/browser-analysis.mjs [--runs N] [--samples N]
// (FJINDEX_DIST=<dir> measures another build directory than dist/.)
// Served like production (127.0.0.1, strict CSP). For each run the page's Run button is clicked and the
// figures come from the page itself:
// - wall: from the click (performance.now() in the click's event listener, captured before the app's)
//   until every row of the result table is in the DOM (a MutationObserver), i.e. including the yields
//   between chunks and the rendering of the table (the interval chart is drawn a task later);
// - elapsed: the app's own measure, from its Run handler to publishing the result;
// - compute: the sum of the chunks' compute times; chunks and the longest chunk;
// - long tasks: how many tasks over 50 ms a PerformanceObserver saw during the run.
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
const SAMPLES = opt("--samples", 10000);

if (!fs.existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error(`${DIST_DIR}/index.html missing: run \`trunk build --release --offline\` first`);
  process.exit(2);
}

const server = await serveDir({ csp: STRICT_CSP });
const browser = await launchBrowser();
const page = await openPage(browser, server.url, { viewport: DESKTOP, wait: "ready" });
// The analysis panels come with the on-demand panels module, fetched when they come into view.
await openOnDemand(page, "analysis");
await page.fill("#unc-samples", String(SAMPLES));
await page.evaluate(() => {
  window.__longTasks = 0;
  new PerformanceObserver((list) => {
    window.__longTasks += list.getEntries().length;
  }).observe({ type: "longtask" });
  // Capturing listener on the window: runs before the app's handler on the button.
  window.addEventListener(
    "click",
    (e) => {
      if (e.target.closest?.('[data-testid="uncertainty-run"]')) window.__clickAt = performance.now();
    },
    true,
  );
});

async function oneRun(k) {
  await page.evaluate(() => {
    window.__longTasksBefore = window.__longTasks;
    window.__doneAt = null;
    const obs = new MutationObserver(() => {
      const r = document.querySelector('[data-testid="uncertainty-result"]');
      if (r && r.dataset.samples && r.dataset.seed !== window.__lastSeed && r.querySelectorAll('[data-testid="uncertainty-row"]').length === Number(r.dataset.rows)) {
        window.__doneAt = performance.now();
        window.__lastSeed = r.dataset.seed;
        obs.disconnect();
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  // A different seed each run, so every run produces a new result element's attributes.
  await page.fill("#unc-seed", String(1000 + k));
  await page.click('[data-testid="uncertainty-run"]');
  await page.waitForFunction(() => window.__doneAt != null, null, { timeout: 120_000 });
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="uncertainty-result"]');
    return {
      wall: window.__doneAt - window.__clickAt,
      elapsed: Number(r.dataset.elapsedMs),
      compute: Number(r.dataset.computeMs),
      longestChunk: Number(r.dataset.longestChunkMs),
      chunks: Number(r.dataset.chunks),
      samples: Number(r.dataset.samples),
      longTasks: window.__longTasks - window.__longTasksBefore,
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
console.log(`rank uncertainty in the browser: ${SAMPLES} samples x 83 counties, ${runs.length} runs (+1 warm-up)`);
console.log(`  build: ${DIST_DIR}`);
for (const [key, label] of [
  ["wall", "click to result table (wall)"],
  ["elapsed", "app-measured run time      "],
  ["compute", "compute inside chunks      "],
  ["longestChunk", "longest single chunk       "],
]) {
  const s = stat(key);
  console.log(`  ${label}  median ${fmt(s.median)}  min ${fmt(s.min)}  max ${fmt(s.max)}`);
}
const c = stat("chunks");
console.log(`  chunks per run              median ${c.median}  min ${c.min}  max ${c.max}`);
console.log(`  long tasks (> 50 ms) during runs: ${runs.reduce((a, r) => a + r.longTasks, 0)}`);
console.log(`  warm-up run: wall ${fmt(warm.wall)}, compute ${fmt(warm.compute)}, ${warm.chunks} chunks`);
console.log(`  target: at most 300 ms for 10,000 samples`);

await browser.close();
await server.close();
