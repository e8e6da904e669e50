//! The prerendered first screen, in headless Chromium against the release build: index.html already
//! holds the default page that src/bin/finish-page.rs renders with the app's own components (its rows
//! in the order and with the scores of `fjindex rank`), which is the page without JavaScript or
//! WebAssembly; on a plain address the app is drawn in its place with no frame missing the rows, no
//! row moved and the focus kept, and behaves as before; a link asking for another first screen (`?lang=en`) never shows the Chinese
//! default page while the app loads.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { startApp, rowsSettled, waitForApp, STRICT_CSP, DIST_DIR, PHONE } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CARGO = ["run", "--offline", "--quiet", "--bin", "fjindex", "--"];
const PAGE_WASM = /\/fjindex-web-[0-9a-f]+_bg\.wasm$/;
const HAN = /[\u3400-\u9fff]/;

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** [adcode, score with two decimals] of every county, as `fjindex rank` ranks them with these flags. */
function cliRanking(flags = []) {
  const csv = execFileSync("cargo", [...CARGO, "rank", ...flags, "--format", "csv"], { cwd: ROOT, encoding: "utf8" });
  return csv.trim().split("\n").slice(1).map((line) => {
    const cells = line.split(",");
    return [cells[1], Number(cells[4]).toFixed(2)];
  });
}

/** [adcode, score text] of the ranking's rows in document order. */
async function pageRanking(page) {
  return page.$$eval('[data-testid="rank-row"]', (trs) =>
    trs.map((tr) => [tr.dataset.adcode, tr.querySelector('[data-testid="score"]').textContent.trim()]),
  );
}

/**
 * Opens `sub` with the page's wasm held back until `release()` is called, so the test sees what a
 * reader sees while the module is still on its way (boot.js's other scripts run as usual).
 */
async function openHeld(sub, opts = {}) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const context = await app.browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(PAGE_WASM, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(new URL(sub, app.url).href, { waitUntil: "domcontentloaded" });
  return { page, errors, release, close: () => context.close() };
}

test("the built page holds the whole default ranking, in the order and with the scores of fjindex rank, before any script runs", () => {
  const html = fs.readFileSync(path.join(DIST_DIR, "index.html"), "utf8");
  const root = html.indexOf('<div id="app" data-prerendered>');
  assert.ok(root > 0, "index.html has the prerendered root");
  const rows = [...html.slice(root).matchAll(/<tr\b([^>]*\bdata-testid="rank-row"[^>]*)>([\s\S]*?)<\/tr>/g)].map(([, attrs, cells]) => [
    /data-adcode="(\d{6})"/.exec(attrs)[1],
    /data-testid="score"[^>]*>([^<]*)</.exec(cells)[1].trim(),
  ]);
  assert.deepEqual(rows, cliRanking());
  for (const dim of ["industry", "innovation", "cluster", "quality", "smart"]) {
    assert.match(html, new RegExp(`data-testid="weight-${dim}"`), `the weight box of ${dim} is prerendered`);
  }
  assert.match(html, /<h1>福建省县域重点产业链发展指数<\/h1>/);
  assert.match(html, /class="notice"/, "the data notice is prerendered");
});

test("with JavaScript off the prerendered page is the page, with a note that it cannot be changed", async () => {
  const page = await app.open({ javaScriptEnabled: false, wait: false });
  assert.ok(await page.isVisible(".app-unavailable"));
  assert.match(await page.textContent(".app-unavailable"), /JavaScript/);
  assert.ok(await page.isVisible('[data-testid="weight-innovation"]'));
  assert.equal(await page.locator('[data-testid="rank-row"]').count(), 83);
  assert.ok(await page.locator('[data-testid="rank-row"]').first().isVisible());
  assert.deepEqual(await pageRanking(page), cliRanking());
  await app.screenshot(page, "prerendered-no-js");
});

test("without WebAssembly the prerendered page shows with its note", async () => {
  const context = await app.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
    await page.goto(new URL("?lang=en", app.url).href);
    await page.waitForSelector('html[data-app="unsupported"]', { state: "attached" });
    // Even a link asking for another first screen shows the default page: the app cannot replace it.
    assert.ok(await page.isVisible(".app-unavailable"));
    assert.ok(await page.locator('[data-testid="rank-row"]').first().isVisible());
    assert.equal(await page.locator('[data-testid="rank-row"]').count(), 83);
  } finally {
    await context.close();
  }
});

test("on a plain address the first rows show before the wasm arrives, and the app replaces them with no frame missing them and nothing moved", async () => {
  const held = await openHeld("");
  const { page } = held;
  try {
    const first = page.locator('[data-testid="rank-row"]').first();
    assert.ok(await first.isVisible(), "the prerendered first row is on screen while the wasm is held");
    assert.equal(await page.getAttribute("html", "data-app"), "loading");
    assert.equal(await page.isVisible(".app-unavailable"), false);
    const expected = cliRanking();
    assert.deepEqual((await pageRanking(page)).slice(0, 10), expected.slice(0, 10));
    // A keyboard user who reached a weight box before the app arrived keeps it (and the scroll it made).
    await page.focus('[data-testid="weight-industry"]');
    const before = await first.evaluate((tr) => tr.getBoundingClientRect().top);
    // Every frame until the app is ready records how many rows it would paint and the first row's place.
    await page.evaluate(() => {
      window.__frames = [];
      const sample = () => {
        const rows = document.querySelectorAll('[data-testid="rank-row"]');
        window.__frames.push([rows.length, rows[0]?.getBoundingClientRect().top ?? null]);
        if (!document.body.hasAttribute("data-ready")) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    held.release();
    await waitForApp(page, { ready: true });
    await rowsSettled(page);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.length > 0);
    assert.deepEqual(
      frames.filter(([rows, top]) => rows !== 83 || top !== before),
      [],
      "no frame painted without the 83 rows or with the first row elsewhere",
    );
    assert.equal(await page.locator("header.site-header").count(), 1);
    assert.equal(await page.locator("main#main").count(), 1);
    assert.deepEqual(await pageRanking(page), expected);
    assert.equal(await page.getAttribute("#app", "data-prerendered"), null, "the app's own page replaced the prerendered one");
    assert.equal(await first.evaluate((tr) => tr.getBoundingClientRect().top), before);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "weight-industry");
    assert.deepEqual(held.errors, []);
    // And the app answers: a weight change ranks as the CLI does with those weights.
    await page.fill('[data-testid="weight-innovation"]', "90");
    const moved = cliRanking(["--weights", "industry=20,innovation=90,cluster=20,quality=20,smart=20"]);
    assert.notEqual(moved[0][0], expected[0][0], "the weights chosen move another county to the top");
    await page.waitForFunction(
      (adcode) => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === adcode,
      moved[0][0],
    );
    await rowsSettled(page);
    assert.deepEqual(await pageRanking(page), moved);
  } finally {
    await held.close();
  }
});

test("a ?lang=en link shows no Chinese first screen while the app loads, then the English page", async () => {
  const held = await openHeld("?lang=en", { viewport: PHONE });
  const { page } = held;
  try {
    assert.equal(await page.getAttribute("html", "data-first-screen"), "custom");
    // The prerendered Chinese page is in the document but not shown: no text of it is on screen.
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("app")).visibility), "hidden");
    const shown = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(shown, HAN, `text on screen while loading: ${shown.slice(0, 200)}`);
    await app.screenshot(page, "prerender-en-loading");
    held.release();
    await waitForApp(page, { ready: true });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("app")).visibility), "visible");
    assert.equal(await page.getAttribute("#app", "data-prerendered"), null);
    assert.match(await page.textContent("h1"), /Fujian/);
    assert.equal(await page.locator("main#main").count(), 1);
    assert.equal(await page.locator('[data-testid="rank-row"]').count(), 83);
    assert.deepEqual(held.errors, []);
  } finally {
    await held.close();
  }
});
