//! Smoke test: the release build loads under the strict CSP, from the root and from a sub-path, cleanly,
//! without the on-demand modules: the tools module, which the first import fetches (and a failed fetch
//! is survivable), and the panels module, which the charts or the analysis fetch when they come into view.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, openOnDemand, rowsSettled, STRICT_CSP, DIST_DIR, PHONE } from "./harness.mjs";

test("dist/index.html has no inline script, inline style or absolute asset path", () => {
  const html = fs.readFileSync(path.join(DIST_DIR, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0, "the page loads its app through a <script src>");
  for (const [tag, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `inline script: ${tag.slice(0, 120)}`);
    assert.equal(body.trim(), "", `script with a body: ${tag.slice(0, 120)}`);
  }
  assert.doesNotMatch(html, /<style\b/i, "inline <style> element");
  assert.doesNotMatch(html, /\sstyle=/i, "inline style attribute");
  assert.doesNotMatch(html, /\s(?:src|href)="\/(?!\/)/i, "absolute asset path");
  assert.doesNotMatch(html, /\s(?:src|href)="(?:https?:)?\/\//i, "asset from another origin");
});

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const TOOLS = /\/fjindex-tools(\.js|_bg\.wasm)(\?|$)/;
const PANELS = /\/fjindex-panels(\.js|_bg\.wasm)(\?|$)/;

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, prefix: "/portal/fjindex/" });
});
after(() => app?.close());

test("the app starts under the strict CSP from a sub-path with no error and no foreign request", async () => {
  const page = await app.open();
  // The app rendered something besides the <noscript> fallback.
  const rendered = await page.evaluate(
    () => [...document.body.children].filter((e) => e.tagName !== "NOSCRIPT" && e.tagName !== "SCRIPT").length,
  );
  assert.ok(rendered > 0, "the app mounted nothing in <body>");
  await app.screenshot(page, "smoke-desktop");
  app.assertClean(page);
});

test("the app starts at phone width", async () => {
  const page = await app.open({ viewport: PHONE });
  await app.screenshot(page, "smoke-phone");
  app.assertClean(page);
});

/** Records the paths of every request of `page` for the tools module from now on. */
function watchTools(page) {
  const seen = [];
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (TOOLS.test(u.pathname + u.search)) seen.push(u.pathname);
  });
  return seen;
}

test("the tools module is fetched only by the first import, from the page's sub-path", async () => {
  const page = await app.open({ wait: false });
  const seen = watchTools(page);
  await page.reload();
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(seen, [], "the first load fetched the tools module");
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, "gbk.csv"));
  await page.waitForSelector('[data-testid="import-status"]');
  assert.deepEqual(seen.sort(), ["/portal/fjindex/fjindex-tools.js", "/portal/fjindex/fjindex-tools_bg.wasm"]);
  // Loaded once: a second import fetches nothing more.
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, "bom.csv"));
  await page.waitForSelector('[data-testid="import-status"]');
  assert.equal(seen.length, 2);
  app.assertClean(page);
});

test("the charts load only when they come into view, with their stylesheets, then follow the page and select on it", async () => {
  const page = await app.open({ wait: false });
  const seen = [];
  const styles = [];
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (PANELS.test(u.pathname + u.search)) seen.push(u.pathname);
    if (/\/(analysis|brief)-[0-9a-f]+\.css$/.test(u.pathname)) styles.push(u.pathname);
  });
  await page.reload();
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(seen, [], "the first load fetched the panels module");
  assert.deepEqual(styles, [], "the first load fetched the panels module's stylesheets");
  assert.equal(await page.getAttribute(".slot-charts .on-demand", "data-on-demand"), "waiting");
  await openOnDemand(page, "charts");
  assert.deepEqual(seen.sort(), ["/portal/fjindex/fjindex-panels.js", "/portal/fjindex/fjindex-panels_bg.wasm"]);
  // Its stylesheets came with it (the analysis panels, laid out by www/analysis.css, are checked below).
  assert.deepEqual(styles.map((p) => p.replace(/-[0-9a-f]+\.css$/, ".css")).sort(), ["/portal/fjindex/analysis.css", "/portal/fjindex/brief.css"]);

  // A weight change reaches the charts: with innovation alone, the contribution chart's table starts
  // with the innovation dimension's leader (Table 3-3), as the ranking does.
  for (const [id, v] of Object.entries({ industry: 0, innovation: 100, cluster: 0, quality: 0, smart: 0 })) {
    await page.fill(`[data-testid="weight-${id}"]`, String(v));
  }
  await rowsSettled(page);
  const leader = await page.getAttribute('[data-testid="rank-row"]', "data-adcode");
  const leaderName = (await page.textContent(`[data-testid="rank-row"][data-adcode="${leader}"] .county-link`)).trim();
  const table = page.locator(".slot-charts details.chart-table").first();
  await table.locator("summary").click();
  await page.waitForFunction(
    ([sel, name]) => document.querySelector(sel)?.textContent.includes(name),
    [".slot-charts details.chart-table tbody tr", leaderName],
  );

  // A county chosen in a chart's table (its row's button) is selected on the page: its profile opens.
  const third = table.locator("tbody tr").nth(2);
  const name = (await third.locator("td").first().textContent()).trim();
  await third.locator("button.link-button").click();
  const profile = page.locator('[data-testid="profile"]');
  await profile.waitFor();
  assert.match(await profile.textContent(), new RegExp(name));
  // Clicks inside the charts are theirs alone: the page's own handlers (here, its sort buttons) never
  // take them (both modules' Yew number their event roots from 1; see ui/panels_app.rs).
  assert.equal(await page.getAttribute("th.c-rank", "aria-sort"), "ascending");
  await rowsSettled(page);
  const ranks = await page.$$eval('[data-testid="rank-row"] .c-rank span', (s) => s.map((e) => Number(e.textContent)));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  // The analysis panels are laid out by the panels module's stylesheet.
  await openOnDemand(page, "analysis");
  assert.equal(await page.$eval(".analysis-grid", (g) => getComputedStyle(g).display), "grid");
  app.assertClean(page);
});

test("when the panels module cannot be loaded the slot says so and can try again", async () => {
  const page = await app.open({ wait: "ready" });
  await page.route(PANELS, (route) => route.abort());
  await page.evaluate(() => document.querySelector(".slot-charts").scrollIntoView());
  const failed = page.locator('.slot-charts [data-testid="panels-failed"]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /无法加载本部分.*排名和权重不受影响/);
  // The page itself goes on working.
  await page.fill('[data-testid="weight-innovation"]', "60");
  await page.waitForFunction(() => document.querySelector("#ws-d-innovation")?.textContent.includes("42.9%"));
  await page.unroute(PANELS);
  await failed.locator("button").click();
  await page.waitForSelector('.slot-charts [data-on-demand="open"]', { state: "attached" });
  assert.equal(await failed.count(), 0);
  await page.locator(".slot-charts details.chart-table").first().waitFor();
});

test("when the tools module cannot be loaded the page says so, keeps its data and can try again", async () => {
  const page = await app.open({ wait: "ready" });
  await page.route(TOOLS, (route) => route.abort());
  const first = await page.getAttribute('[data-testid="rank-row"]', "data-adcode");
  await openOnDemand(page, "data");
  const name = await page.textContent('[data-testid="dataset-name"]');
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, "gbk.csv"));
  const failed = page.locator('[data-testid="tools-failed"]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /无法加载.*当前数据和方案保持不变/);
  assert.equal(await page.getAttribute('[data-testid="rank-row"]', "data-adcode"), first);
  assert.equal(await page.textContent('[data-testid="dataset-name"]'), name);
  // Once the module can be fetched again, the same import goes through.
  await page.unroute(TOOLS);
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, "gbk.csv"));
  await page.waitForSelector('[data-testid="import-status"]');
  assert.equal(await failed.count(), 0);
  await page.waitForFunction(() => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === "350125");
});
