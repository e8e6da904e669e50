//! Lighthouse benchmark: the page's performance as Lighthouse 12 measures it in its mobile mode.
//
// Usage (after `trunk build --release --offline`):  node benches/lighthouse.mjs [--runs N] [--path Q]
// (FJINDEX_DIST=<dir> measures another build directory than dist/; --path "?lang=en" a link.)
// It prints figures only and asserts nothing. The build is served as a portal's server would: over
// HTTP on 127.0.0.1, gzipped, with the strict CSP header. Lighthouse's default mobile settings apply:
// a phone screen, simulated slow 4G and a 4x CPU slowdown (simulated throttling), Debian's Chromium
// headless with a fresh profile per run. Per run: the performance score, First and Largest
// Contentful Paint, Total Blocking Time, Speed Index, Cumulative Layout Shift, the element of the
// largest paint and those of the largest layout shifts; then the medians.

import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serveDir, STRICT_CSP, CHROMIUM_PATH, CHROMIUM_ARGS, DIST_DIR } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option("--runs", 3));
const QUERY = option("--path", "");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serveDir({ csp: STRICT_CSP, gzip: true });
const url = server.url + QUERY;
console.log(`== Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile (simulated slow 4G, 4x CPU), ${DIST_DIR} gzipped, ${url}`);

const runs = [];
for (let run = 1; run <= RUNS; run++) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["performance"],
      output: "json",
      logLevel: "error",
    });
    const { categories, audits } = result.lhr;
    const lcpElement = audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
    const figures = {
      score: categories.performance.score,
      fcp: audits["first-contentful-paint"].numericValue,
      lcp: audits["largest-contentful-paint"].numericValue,
      tbt: audits["total-blocking-time"].numericValue,
      si: audits["speed-index"].numericValue,
      cls: audits["cumulative-layout-shift"].numericValue,
    };
    runs.push(figures);
    const where = lcpElement ? `${lcpElement.selector ?? ""} "${(lcpElement.snippet ?? "").slice(0, 60)}"` : "n/a";
    // What moved, when anything did: the elements of the largest layout shifts with their scores.
    const shifts = (audits["layout-shifts"]?.details?.items ?? [])
      .slice(0, 3)
      .map((item) => `${item.node?.selector ?? "?"} ${Number(item.score).toFixed(3)}`);
    console.log(
      `run ${run}: performance ${figures.score.toFixed(2)}, FCP ${(figures.fcp / 1000).toFixed(2)} s, ` +
        `LCP ${(figures.lcp / 1000).toFixed(2)} s, TBT ${figures.tbt.toFixed(0)} ms, ` +
        `SI ${(figures.si / 1000).toFixed(2)} s, CLS ${figures.cls.toFixed(3)}; largest paint: ${where}` +
        (shifts.length ? `; shifted: ${shifts.join(", ")}` : ""),
    );
  } finally {
    await chrome.kill();
  }
}
const m = (key) => median(runs.map((r) => r[key]));
console.log(
  `median of ${runs.length}: performance ${m("score").toFixed(2)}, FCP ${(m("fcp") / 1000).toFixed(2)} s, ` +
    `LCP ${(m("lcp") / 1000).toFixed(2)} s, TBT ${m("tbt").toFixed(0)} ms, SI ${(m("si") / 1000).toFixed(2)} s, ` +
    `CLS ${m("cls").toFixed(3)}`,
);
await server.close();
