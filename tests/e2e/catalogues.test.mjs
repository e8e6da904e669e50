//! The page's module links only the Simplified Chinese texts; another language's catalogue is fetched
//! when it is first chosen (src/ui/language.rs): never on a default load, once (boot.js preloads it)
//! for a link's ?lang=, before the switch for a button; a failed fetch keeps the language and says so.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, STRICT_CSP } from "./harness.mjs";

const TITLE = "h1";

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** The catalogue files the page has requested so far, one entry per request. */
function catalogueRequests(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname.replace(/^.*\//, ""))
      .filter((name) => name.startsWith("catalogue-")),
  );
}

test("a default load fetches no catalogue; choosing English fetches its catalogue once", async () => {
  const page = await app.open({ wait: "ready" });
  assert.deepEqual(await catalogueRequests(page), []);
  assert.match(await page.textContent(TITLE), /福建省县域/);

  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.textContent(TITLE), /Fujian County/);
  assert.deepEqual(await catalogueRequests(page), ["catalogue-en.txt"]);

  // Back to Simplified needs nothing; English again is already at hand.
  await page.click('[data-testid="lang-zh"]');
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.deepEqual(await catalogueRequests(page), ["catalogue-en.txt"]);
  app.assertClean(page);
  await page.close();
});

test("a ?lang=en link is English from its first render and fetches the catalogue once", async () => {
  const page = await app.open({ path: "?lang=en", wait: "started" });
  // The first render already carries the language: the app mounts after the catalogue is installed.
  await page.waitForSelector(TITLE);
  assert.match(await page.textContent(TITLE), /Fujian County/);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.waitForSelector('[data-ready="1"]');
  assert.deepEqual(await catalogueRequests(page), ["catalogue-en.txt"], "the preload serves the app");
  app.assertClean(page);
  await page.close();
});

test("when a catalogue cannot be fetched the page keeps its language, says why, and can try again", async () => {
  const page = await app.open({ wait: "ready" });
  await page.route("**/catalogue-zh-hant.txt*", (route) => route.fulfill({ status: 503, body: "" }));
  await page.click('[data-testid="lang-zh-Hant"]');
  const alert = page.locator('[data-testid="lang-failed"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /未能加载繁體中文的界面文字（HTTP 503）/);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.getAttribute('[data-testid="lang-zh"]', "aria-pressed"), "true");
  assert.match(await page.textContent(TITLE), /福建省县域/);

  await page.unroute("**/catalogue-zh-hant.txt*");
  await page.click('[data-testid="lang-zh-Hant"]');
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hant");
  assert.match(await page.textContent(TITLE), /福建省縣域/);
  assert.equal(await alert.count(), 0, "the failure is gone once the language is in force");
  await page.close();
});

test("a catalogue of another build is refused, not shown", async () => {
  const page = await app.open({ wait: "ready" });
  await page.route("**/catalogue-en.txt*", (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "en 0000000000000000\nFujian" }),
  );
  await page.click('[data-testid="lang-en"]');
  const alert = page.locator('[data-testid="lang-failed"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /未能加载English的界面文字（服务器上的文件属于另一版本的页面/);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.close();
});
