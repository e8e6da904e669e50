//! Browser benchmark: prints shipped asset sizes, time to first full render and weight-change latency.
//
// Usage (after `trunk build --release --offline`):  node benches/browser.mjs [--runs N] [--moves N]
// (FJINDEX_DIST=<dir> measures another build directory than dist/.)
// It prints figures only and asserts nothing. Served like production: dist/ over HTTP on 127.0.0.1 with
// the strict CSP header, a fresh browser context (empty cache) for every load.
//
// - Assets: every file in dist/ with raw and gzip -9 bytes; "*" marks files the page fetched on its
//   first load (1920x1080, not scrolled), and the first-load total is the sum over those. "~" marks
//   the on-demand wasm modules, each totalled separately (and reported as an error if the first load
//   fetched it): fjindex-tools (an import, an XLSX export or an exact analysis) and fjindex-panels (the
//   charts and analysis panels, fetched when either first comes into view).
// - First render: performance.now() (from navigation start) at which [data-ready="1"] appears — the UI
//   sets data-ready="1" on <body> once the first complete render (DOM and canvases) is done. Median
//   of --runs cold loads. If the marker never appears, the time boot.js reports the wasm app started
//   (<html data-app="started">) is printed instead, labelled as such.
// - Latency: over --moves changes of [data-testid="weight-innovation"] (value set, `input` event
//   dispatched), the time from just before the event to the first task after the next animation frame
//   (requestAnimationFrame, then a MessageChannel message), i.e. the update's frame has been produced.
//   p50 and p95, starting a second after the last load has settled. Prints "n/a" when the input does
//   not exist yet. Then, for reading those figures on any machine, the same timing for a plain script
//   that only rewrites every row's score text (the browser's share of a move, with no app code).

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { serveDir, launchBrowser, DIST_DIR, STRICT_CSP, DESKTOP } from "../tests/e2e/harness.mjs";
import { quantile, scoreRewriteTimes, weightMoveTimes } from "./latency.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt("--runs", 5);
const MOVES = opt("--moves", 100);
const READY = '[data-ready="1"]';
const WEIGHT = '[data-testid="weight-innovation"]';

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (x) => (x == null ? "n/a" : `${x.toFixed(1)} ms`);

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

if (!fs.existsSync(path.join(DIST_DIR, "index.html"))) {
  console.error("dist/index.html missing: run `trunk build --release --offline` first");
  process.exit(2);
}

const server = await serveDir({ csp: STRICT_CSP });
const browser = await launchBrowser();

// Loads the page in a fresh context; returns the page, the dist-relative paths it fetched, and timings.
async function coldLoad() {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const fetched = new Set();
  page.on("response", (res) => {
    const u = new URL(res.url());
    if (u.origin === server.origin && res.status() < 400) {
      const rel = decodeURIComponent(u.pathname).replace(/^\//, "") || "index.html";
      fetched.add(rel.endsWith("/") ? rel + "index.html" : rel);
    }
  });
  await page.addInitScript(
    ([ready]) => {
      // The observer stops once the page is ready, so it does not weigh on the latency moves.
      const observer = new MutationObserver(() => {
        if (window.__startedAt == null && document.documentElement.dataset.app === "started")
          window.__startedAt = performance.now();
        if (window.__readyAt == null && document.querySelector(ready)) {
          window.__readyAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { attributes: true, childList: true, subtree: true });
    },
    [READY],
  );
  await page.goto(server.url);
  let readyAt = null;
  let startedAt = null;
  try {
    await page.waitForSelector(READY, { state: "attached", timeout: 15_000 });
    readyAt = await page.evaluate(() => window.__readyAt ?? performance.now());
  } catch {
    startedAt = await page
      .waitForSelector('html[data-app="started"]', { state: "attached", timeout: 15_000 })
      .then(() => page.evaluate(() => window.__startedAt ?? null))
      .catch(() => null);
  }
  await page.waitForLoadState("networkidle").catch(() => {});
  return { context, page, fetched, readyAt, startedAt };
}

try {
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const load = await coldLoad();
    loads.push(load);
    if (i < RUNS - 1) await load.context.close();
  }
  const last = loads[loads.length - 1];

  // Asset sizes.
  console.log(`== assets in ${path.relative(process.cwd(), DIST_DIR) || "."}/ (* = fetched on first load, ~ = loaded on demand)`);
  const ON_DEMAND = /^(fjindex-tools|fjindex-panels)(\.js|_bg\.wasm)$/;
  let firstRaw = 0;
  let firstGz = 0;
  const lazy = new Map();
  let allRaw = 0;
  const rows = listFiles(DIST_DIR)
    .map((f) => {
      const data = fs.readFileSync(f);
      return { rel: path.relative(DIST_DIR, f).split(path.sep).join("/"), raw: data.length, gz: zlib.gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  for (const r of rows) {
    const first = last.fetched.has(r.rel);
    const module = ON_DEMAND.exec(r.rel)?.[1];
    allRaw += r.raw;
    if (first) {
      firstRaw += r.raw;
      firstGz += r.gz;
    }
    if (module) {
      const total = lazy.get(module) ?? { raw: 0, gz: 0 };
      total.raw += r.raw;
      total.gz += r.gz;
      lazy.set(module, total);
      if (first) console.log(`ERROR: ${r.rel} was fetched on the first load`);
    }
    console.log(`${first ? "*" : module ? "~" : " "} ${r.rel.padEnd(48)} ${String(r.raw).padStart(9)} B raw ${String(r.gz).padStart(9)} B gzip`);
  }
  console.log(`first load: ${firstRaw} B raw (${kb(firstRaw)}), ${firstGz} B gzip (${kb(firstGz)}); all files: ${kb(allRaw)} raw`);
  for (const [module, t] of lazy) {
    console.log(`loaded on demand, ${module}: ${t.raw} B raw (${kb(t.raw)}), ${t.gz} B gzip (${kb(t.gz)})`);
  }

  // First render.
  console.log(`\n== first full render (${RUNS} cold loads, CSP on)`);
  const ready = loads.map((l) => l.readyAt).filter((x) => x != null);
  if (ready.length === loads.length) {
    console.log(`navigation -> ${READY}: median ${ms(quantile(ready, 0.5))}, runs: ${ready.map((x) => x.toFixed(0)).join(", ")} ms`);
  } else {
    const started = loads.map((l) => l.startedAt).filter((x) => x != null);
    console.log(`navigation -> ${READY}: n/a (marker not set by the app)`);
    console.log(`navigation -> wasm app started (html[data-app="started"]): median ${ms(started.length ? quantile(started, 0.5) : null)}`);
  }

  // Weight-change latency.
  console.log(`\n== weight input -> next animation frame (${MOVES} moves of ${WEIGHT})`);
  const page = last.page;
  if ((await page.locator(WEIGHT).count()) === 0) {
    console.log("p50 n/a, p95 n/a (no such input yet)");
  } else {
    // A second after the load settles, as a person would start dragging: the browser has finished
    // optimising the wasm code it compiled quickly for the first render.
    await page.waitForTimeout(1000);
    const times = await weightMoveTimes(page, WEIGHT, MOVES);
    console.log(`p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`);
    const floor = await scoreRewriteTimes(page, MOVES);
    console.log(
      `browser floor here (a plain script rewriting the ${await page.locator('[data-testid="score"]').count()} score texts per frame): ` +
        `p50 ${ms(quantile(floor, 0.5))}, p95 ${ms(quantile(floor, 0.95))}`,
    );
  }
  await last.context.close();
} finally {
  await browser.close();
  await server.close();
}
