//! Embedding: the calculator served with the strict CSP inside the sample host page (www/embed-host.html)
//! served from another origin; height reports, ranking events and host commands, and commands from an
//! origin the page was not told to trust are ignored.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir, launchBrowser, openPage, assertClean, screenshot, STRICT_CSP, DIST_DIR } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = process.env.FJINDEX_DIST || DIST_DIR;
const published = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "published.json"), "utf8"));
const ROW = '[data-testid="rank-row"]';

let calculator, host, browser;
before(async () => {
  // The calculator with the strict CSP; the host page from another origin (another port), without it.
  calculator = await serveDir({ root: DIST, csp: STRICT_CSP });
  host = await serveDir({ root: DIST });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await calculator?.close();
  await host?.close();
});

function hostUrl(extra = "") {
  const app = encodeURIComponent(`${calculator.url}index.html`);
  return `${host.url}www/embed-host.html?app=${app}&hide=data${extra}`;
}

async function output(page, id) {
  return page.$eval(`#${id}`, (o) => o.value);
}

test("the host and the embedded page exchange height, ranking events and commands", async () => {
  const page = await openPage(browser, hostUrl(), { allowedOrigins: [calculator.origin], wait: false });
  const frame = page.frameLocator("#fjindex");
  await frame.locator(ROW).first().waitFor();
  // Height reports size the iframe; the first ranking event names Table 3-2's leader.
  await page.waitForFunction(() => Number(document.getElementById("host-height").value) > 400);
  const top = published.composite_top10.entries[0].adcode;
  await page.waitForFunction((a) => document.getElementById("host-first").dataset.adcode === a, top);
  assert.equal(await page.getAttribute("#fjindex", "height"), await output(page, "host-height"));
  // hide=data hides the data panel; the data notice stays.
  assert.equal(await frame.locator(".data-panel").isVisible(), false);
  assert.ok(await frame.locator(".notice").isVisible());

  // A command: innovation-led weights; the frame re-ranks and announces the new leader.
  await page.click("#host-innovation");
  const leader = published.dimension_top10.innovation[0];
  await page.waitForFunction((a) => document.getElementById("host-first").dataset.adcode === a, leader);
  // The rows reach their new places at once; their document order follows once the ranking is still.
  await frame.locator('table.rank-table:not([aria-busy="true"])').waitFor({ state: "attached" });
  assert.equal(await frame.locator(ROW).first().getAttribute("data-adcode"), leader);

  // Select a county from the host: the frame shows its profile and the event names it.
  await page.fill("#host-county", "350582");
  await page.click("#host-select");
  await page.waitForFunction(() => document.getElementById("fjindex").dataset.selected === "350582");
  await frame.locator('[data-testid="profile"]').waitFor();
  // set-lang: the host picks Traditional Chinese and the frame follows, down to <html lang>.
  await page.selectOption("#host-lang", "zh-Hant");
  await frame.locator('html[lang="zh-Hant"]').waitFor({ state: "attached" });
  await frame.locator('[data-testid="profile"]').waitFor();
  await page.selectOption("#host-lang", "zh");
  await frame.locator('html[lang="zh-CN"]').waitFor({ state: "attached" });
  await screenshot(page, "embed-host");
  assertClean(page);
  await page.closeAll();
});

test("commands from an origin the page does not trust are ignored", async () => {
  const stranger = encodeURIComponent("https://portal.example.gov.cn");
  const page = await openPage(browser, hostUrl(`&origins=${stranger}`), {
    allowedOrigins: [calculator.origin],
    wait: false,
  });
  const frame = page.frameLocator("#fjindex");
  await frame.locator(ROW).first().waitFor();
  const before = await frame.locator(ROW).first().getAttribute("data-adcode");
  await page.click("#host-innovation");
  await page.waitForTimeout(1000);
  assert.equal(await frame.locator(ROW).first().getAttribute("data-adcode"), before);
  // Events go only to the trusted origin, so this host hears nothing.
  assert.equal(await output(page, "host-events"), "0");
  assertClean(page);
  await page.closeAll();
});

/** Collects in the host page every message the frame sends, from now on. */
async function listen(page) {
  await page.evaluate(() => {
    window.__heard = [];
    window.addEventListener("message", (e) => window.__heard.push(e.data));
  });
}

/** Posts `commands` to the frame at once, from the host page. */
async function post(page, commands) {
  await page.evaluate(
    ([commands, origin]) => {
      const frame = document.getElementById("fjindex").contentWindow;
      for (const c of commands) frame.postMessage({ source: "fjindex", ...c }, origin);
    },
    [commands, calculator.origin],
  );
}

const ALL_ON = (dimension) =>
  Object.fromEntries(["industry", "innovation", "cluster", "quality", "smart"].map((d) => [d, d === dimension ? 100 : 0]));

test("commands sent at once are carried out in the order they were sent", async () => {
  const page = await openPage(browser, hostUrl(), { allowedOrigins: [calculator.origin], wait: false });
  const frame = page.frameLocator("#fjindex");
  await frame.locator(ROW).first().waitFor();
  await page.waitForFunction(() => document.getElementById("host-first").dataset.adcode);
  await listen(page);
  await post(page, [
    { type: "set-weights", weights: ALL_ON("innovation") },
    { type: "set-weights", weights: ALL_ON("industry") },
    { type: "get-ranking" },
  ]);
  // The last word is the industry-led ranking: the innovation-led one came first and was replaced.
  const leader = published.dimension_top10.industry[0];
  assert.notEqual(leader, published.dimension_top10.innovation[0]);
  await page.waitForFunction(
    (a) => window.__heard.filter((m) => m?.type === "ranking").at(-1)?.top[0].adcode === a,
    leader,
  );
  // The rows are put in their new document order a moment after the ranking changes (ui::row_order).
  await frame.locator(`tbody > ${ROW}:first-child[data-adcode="${leader}"]`).waitFor();
  assert.equal(await frame.locator(ROW).first().getAttribute("data-adcode"), leader);
  assert.deepEqual(await page.evaluate(() => window.__heard.filter((m) => m?.type === "error")), []);
  assertClean(page);
  await page.closeAll();
});

test("when the module that carries commands out cannot be fetched, the host is told why, in the page's language", async () => {
  const page = await openPage(browser, hostUrl(), { allowedOrigins: [calculator.origin], wait: false });
  await page.route(/fjindex-panels[^/]*\.wasm$/, (route) => route.abort());
  const frame = page.frameLocator("#fjindex");
  await frame.locator(ROW).first().waitFor();
  await page.waitForFunction(() => document.getElementById("host-first").dataset.adcode);
  const before = await frame.locator(ROW).first().getAttribute("data-adcode");
  await listen(page);
  await post(page, [{ type: "set-weights", weights: ALL_ON("innovation") }]);
  await page.waitForFunction(() => window.__heard.some((m) => m?.type === "error"));
  const [error] = await page.evaluate(() => window.__heard.filter((m) => m?.type === "error"));
  assert.match(error.message, /^页面暂时无法执行命令：/);
  assert.equal(await frame.locator(ROW).first().getAttribute("data-adcode"), before);
  await page.closeAll();
});
