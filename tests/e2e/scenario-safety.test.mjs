//! Nothing a link, a host's message or a full disk does misleads the user: extreme link weights give a
//! notice and no nonsense ranking, an all-zero embed command is refused with an error event, a failed
//! save says the import lasts for this visit, a damaged saved entry says so, a saved data set a link
//! names is said to be loading until it is read (or why it cannot be), the sample host page frames
//! only http(s) pages, and 50,000 unknown link parameters give a bounded list of notices.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, serveDir, launchBrowser, openPage, scrollIntoViewSettled, rowsSettled, STRICT_CSP, DIST_DIR, openOnDemand } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const DIST = process.env.FJINDEX_DIST || DIST_DIR;
const published = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "published.json"), "utf8"));
const ROW = '[data-testid="rank-row"]';
const PANELS = /\/fjindex-panels(\.js|_bg\.wasm)(\?|$)/;
const NOTICES = '[data-testid="link-notices"] li';
const DIMS = ["industry", "innovation", "cluster", "quality", "smart"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, root: DIST });
});
after(() => app?.close());

async function weights(page) {
  const out = [];
  for (const d of DIMS) out.push(await page.inputValue(`[data-testid="weight-${d}"]`));
  return out;
}

async function rankTexts(page) {
  return page.$$eval(`${ROW} .c-rank span[translate]`, (spans) => spans.map((s) => s.textContent));
}

/** A page whose localStorage is prepared by `init` (run before any page script) at `sub`. */
async function openWithStorage(init, sub = "", arg = null) {
  const page = await app.open({ wait: false });
  await page.addInitScript(init, arg);
  await page.goto(new URL(sub, app.url).href);
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  return page;
}

async function importFile(page, name) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', path.join(FIXTURES, name));
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]');
}

test("huge link weights give a notice, not weights of inf and 83 counties ranked 1", async () => {
  const page = await app.open({ path: "./?w=1e308,1e308,1e308,1e308,1e308", wait: "ready" });
  const notes = await page.$$eval(NOTICES, (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => n.includes("w") && n.includes("大于 100")), notes.join("\n"));
  const w = await weights(page);
  assert.deepEqual(w, ["20", "20", "20", "20", "20"]);
  assert.ok(!w.some((v) => /inf/i.test(v)));
  const ranks = await rankTexts(page);
  assert.equal(ranks.filter((r) => r === "1").length, 1, "one county ranked 1");
  assert.equal(await page.getAttribute(ROW, "data-adcode"), published.composite_top10.entries[0].adcode);
  app.assertClean(page);
});

test("a subnormal link weight counts as zero, so five of them are the all-zero notice", async () => {
  const page = await app.open({ path: "./?w=1e-320,0,0,0,0&lang=en", wait: "ready" });
  const notes = await page.$$eval(NOTICES, (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => n.includes("cannot all be zero")), notes.join("\n"));
  assert.deepEqual(await weights(page), ["20", "20", "20", "20", "20"]);
  app.assertClean(page);
});

test("an exact small link weight is shown, not rounded to 0", async () => {
  const page = await app.open({ path: "./?w=0.001,0,0,0,0", wait: "ready" });
  assert.equal(await page.inputValue('[data-testid="weight-industry"]'), "0.001");
  assert.equal(await page.locator(NOTICES).count(), 0);
  app.assertClean(page);
});

test("an all-zero set-weights command gets an error event and changes nothing", async () => {
  const calculator = await serveDir({ root: DIST, csp: STRICT_CSP });
  const host = await serveDir({ root: DIST });
  const browser = await launchBrowser();
  try {
    const hostUrl = `${host.url}www/embed-host.html?app=${encodeURIComponent(`${calculator.url}index.html`)}&hide=data`;
    const page = await openPage(browser, hostUrl, { allowedOrigins: [calculator.origin], wait: false });
    await page.evaluate(() => {
      window.__errors = [];
      window.addEventListener("message", (e) => {
        if (e.data?.source === "fjindex" && e.data.type === "error") window.__errors.push(e.data.message);
      });
    });
    const frame = page.frameLocator("#fjindex");
    await frame.locator(ROW).first().waitFor();
    await page.evaluate((origin) => {
      const weights = { industry: 0, innovation: 0, cluster: 0, quality: 0, smart: 0 };
      document.getElementById("fjindex").contentWindow.postMessage({ type: "set-weights", weights }, origin);
    }, calculator.origin);
    await page.waitForFunction(() => window.__errors.length > 0);
    const [message] = await page.evaluate(() => window.__errors);
    assert.match(message, /全部为零/);
    for (const d of DIMS) assert.equal(await frame.locator(`[data-testid="weight-${d}"]`).inputValue(), "20", d);
    await page.closeAll();
  } finally {
    await browser.close();
    await calculator.close();
    await host.close();
  }
});

test("with localStorage full, the page says the import lasts for this visit only", async () => {
  const page = await openWithStorage(() => {
    if (sessionStorage.getItem("filled")) return;
    sessionStorage.setItem("filled", "1");
    for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
      const chunk = "x".repeat(size);
      try {
        for (let i = 0; ; i++) localStorage.setItem(`fill-${size}-${i}`, chunk);
      } catch {
        // full at this size; go on with smaller pieces
      }
    }
  });
  await importFile(page, "gbk.csv");
  await page.waitForSelector('[data-testid="import-not-saved"]');
  assert.match(await page.textContent('[data-testid="import-not-saved"]'), /本次访问/);
  // The import is in force for this visit.
  await page.waitForFunction(() => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === "350125");
});

test("a damaged saved data set says so, from a link and from the list", async () => {
  const hash = "0123456789abcdef";
  const page = await openWithStorage(
    (h) => {
      localStorage.setItem(
        "fjindex:datasets",
        JSON.stringify([{ meta: { name: "mine", year: 2024, source: "import" }, hash: h, units: 83 }]),
      );
      localStorage.setItem(`fjindex:dataset:${h}`, '{"format":"fjindex-dataset","version":1,"hash":"01');
    },
    `./?ds=${hash}&dn=mine`,
    hash,
  );
  const notes = await page.$$eval(NOTICES, (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => n.includes("mine") && n.includes("损坏")), notes.join("\n"));
  const use = `[data-testid="saved-datasets"] li[data-hash="${hash}"] button >> nth=0`;
  await openOnDemand(page, "data");
  await scrollIntoViewSettled(page, use);
  await page.click(use);
  await page.waitForSelector('[data-testid="saved-unusable"]');
  assert.match(await page.textContent('[data-testid="saved-unusable"]'), /mine/);
});

test("a link to a saved data set says it is being read until the panels module has read it, or why it could not", async () => {
  const page = await app.open({ wait: "ready" });
  await importFile(page, "gbk.csv");
  await page.waitForSelector('[data-testid="import-status"]');
  // The file's first county, not the bundled data's.
  const imported = "350125";
  assert.notEqual(imported, published.composite_top10.entries[0].adcode);
  await page.waitForFunction((code) => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === code, imported);
  await page.waitForFunction(() => /ds=[0-9a-f]{16}/.test(location.search));
  const link = page.url();

  // The page reads no saved entry itself: until the panels module has, it says so and is not ready.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(PANELS, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
  const reading = page.locator('[data-testid="reading-saved"]');
  await reading.waitFor();
  assert.match(await reading.textContent(), /正在读取链接使用的已保存数据集/);
  assert.equal(await page.locator('body[data-ready="1"]').count(), 0);
  assert.equal(await page.getAttribute(ROW, "data-adcode"), published.composite_top10.entries[0].adcode);
  release();
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  assert.equal(await reading.count(), 0);
  // The rows keep their places in the document for a moment after the order changes (ui::row_order),
  // so the first row in it becomes the imported data's leader once they are put in order.
  await page.waitForFunction((code) => document.querySelector('[data-testid="rank-row"]')?.dataset.adcode === code, imported);
  await rowsSettled(page);
  assert.equal(await page.locator(NOTICES).count(), 0);
  await page.unroute(PANELS);

  // Without the module the page shows the bundled data, says why, and the address keeps the data set.
  await page.route(PANELS, (route) => route.abort());
  await page.goto(link);
  await page.waitForSelector('[data-ready="1"]', { state: "attached" });
  const notes = await page.$$eval(NOTICES, (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => n.includes("暂时无法读取") && n.includes("内置数据")), notes.join("\n"));
  assert.equal(await page.getAttribute(ROW, "data-adcode"), published.composite_top10.entries[0].adcode);
  // Once the address follows the view again, it still names the data set.
  await page.fill('[data-testid="weight-innovation"]', "60");
  await page.waitForFunction(() => /w=/.test(location.search));
  assert.match(page.url(), /ds=[0-9a-f]{16}/);
});

test("an unreadable index of saved data sets is reported and kept aside, not overwritten", async () => {
  const page = await openWithStorage(() => {
    if (!localStorage.getItem("fjindex:datasets:unreadable")) localStorage.setItem("fjindex:datasets", "[{broken");
  });
  await openOnDemand(page, "data");
  await page.waitForSelector('[data-testid="storage-index-unreadable"]');
  await importFile(page, "gbk.csv");
  await page.waitForSelector('[data-testid="storage-index-rebuilt"]');
  const stored = await page.evaluate(() => ({
    aside: localStorage.getItem("fjindex:datasets:unreadable"),
    index: JSON.parse(localStorage.getItem("fjindex:datasets")),
  }));
  assert.equal(stored.aside, "[{broken");
  assert.equal(stored.index.length, 1);
});

test("the sample host page frames only http(s) pages of its own host", async () => {
  const host = await serveDir({ root: DIST });
  const browser = await launchBrowser();
  try {
    for (const app of [
      "javascript:parent.__pwned=localStorage.length+1;parent.document.title='pwned'//",
      "data:text/html,<script>parent.__pwned=1</script>",
      "https://evil.example/",
    ]) {
      const page = await openPage(browser, `${host.url}www/embed-host.html?app=${encodeURIComponent(app)}`, {
        wait: false,
      });
      await page.waitForSelector("#host-refused", { state: "visible" });
      assert.equal(await page.evaluate(() => window.__pwned), undefined, app);
      assert.notEqual(await page.title(), "pwned");
      assert.equal(await page.locator("iframe").count(), 0);
      await page.closeAll();
    }
  } finally {
    await browser.close();
    await host.close();
  }
});

test("50,000 unknown link parameters give a bounded list of notices, each short", async () => {
  // A 500 KB address is more than the test server reads in a request line, so the query is put in
  // place before any page script runs, as a link would leave it.
  const long = "n".repeat(100_000);
  const query = `${long}=1&` + Array.from({ length: 50_000 }, (_, i) => `x${i}=1`).join("&");
  const page = await openWithStorage((q) => history.replaceState(null, "", `?${q}`), "", query);
  const notes = await page.$$eval(NOTICES, (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.length <= 21, `${notes.length} notices`);
  assert.match(notes.at(-1), /49,981/);
  for (const n of notes) assert.ok(n.length < 200, `${n.length} characters`);
  // The page still answers a weight change.
  await page.fill('[data-testid="weight-industry"]', "0");
  await page.waitForFunction(() => /(^|\s)0\.0%/.test(document.getElementById("ws-d-industry")?.textContent ?? ""));
});
