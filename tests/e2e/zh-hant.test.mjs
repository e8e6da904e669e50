//! 繁體中文 (`?lang=zh-Hant`) reaches everything a language reaches: the interface text of every panel,
//! the profile and the brief hold no Simplified-only character (OpenCC's list, tests/data/
//! simplified_only.txt); `<html lang>` says zh-Hant; the language switch, links, the embed API's `set-lang`
//! and the exports follow it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, openOnDemand, rowsSettled, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SIMPLIFIED_ONLY = new Set(
  [...fs.readFileSync(path.join(ROOT, "tests/data/simplified_only.txt"), "utf8").split("\n")[2]],
);
const ROW = '[data-testid="rank-row"]';

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Every Simplified-only character of `text`, each with the words around it. */
function simplifiedOnly(text) {
  const found = [];
  [...text].forEach((c, i, all) => {
    if (SIMPLIFIED_ONLY.has(c)) found.push(`${c} in "${all.slice(Math.max(0, i - 8), i + 8).join("")}"`);
  });
  return found;
}

/**
 * The text a reader meets in zh-Hant: every shown text, the document title, and the labels, titles and
 * placeholders, leaving out what is marked as another language (the switch names 简体中文 in its own
 * script, `lang="zh-CN"`).
 */
function interfaceText(page, selector = "body") {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const ours = (el) => (el.closest("[lang]")?.getAttribute("lang") ?? "zh-Hant") === "zh-Hant";
    const shown = (el) => el.checkVisibility({ visibilityProperty: true }) || el.closest(".sr-only");
    const texts = [document.title];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && ours(el) && shown(el) && !el.closest("script, style")) texts.push(n.textContent);
    }
    for (const el of root.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
      if (ours(el)) texts.push(...["title", "aria-label", "placeholder", "alt"].map((a) => el.getAttribute(a) ?? ""));
    }
    return texts.join("\n");
  }, selector);
}

test("zh-Hant: every panel, the profile and its reach hold no Simplified-only character", async () => {
  const page = await app.open({ path: "?lang=zh-Hant", wait: "ready" });
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
  await rowsSettled(page);
  await page.locator(ROW).nth(5).locator(".county-link").click();
  await page.waitForSelector('[data-testid="profile"]');
  await openOnDemand(page, "charts");
  await openOnDemand(page, "analysis");
  const text = await interfaceText(page);
  assert.match(text, /縣域/, "the page speaks Traditional Chinese");
  assert.deepEqual(simplifiedOnly(text), [], "Simplified-only characters in the zh-Hant interface");
  app.assertClean(page);
});

test("zh-Hant: the county brief holds no Simplified-only character", async () => {
  const page = await app.open({ path: "?lang=zh-Hant", wait: "ready" });
  await page.evaluate(() => {
    window.print = () => {};
  });
  await rowsSettled(page);
  await page.locator(ROW).nth(40).locator(".county-link").click();
  await page.click('[data-testid="brief-open"]');
  await page.waitForSelector('html[data-brief="open"] [data-testid="brief"]', { timeout: 30_000 });
  assert.deepEqual(simplifiedOnly(await interfaceText(page, '[data-testid="brief"]')), []);
});

test("the language switch and the link carry zh-Hant, and back", async () => {
  const page = await app.open({ path: "?lang=zh", wait: "ready" });
  await page.click('[data-testid="lang-zh-Hant"]');
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hant");
  // The address bar follows the view a moment after it changes.
  await page.waitForFunction(() => /[?&]lang=zh-Hant\b/.test(location.search));
  assert.equal(await page.getAttribute('[data-testid="lang-zh-Hant"]', "aria-pressed"), "true");
  assert.equal(await page.getAttribute('[data-testid="lang-zh"]', "aria-pressed"), "false");
  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.waitForFunction(() => /[?&]lang=en\b/.test(location.search));
  await page.click('[data-testid="lang-zh"]');
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  // Chinese is the default and needs no parameter.
  await page.waitForFunction(() => !/[?&]lang=/.test(location.search));
});

test("zh-Hant: the ranking CSV is named and headed in Traditional Chinese", async () => {
  const page = await app.open({ path: "?lang=zh-Hant", wait: "ready" });
  await openOnDemand(page, "data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  const name = download.suggestedFilename();
  assert.match(name, /-zh-Hant\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.match(csv.split("\n")[0], /縣（市、區）/);
  assert.deepEqual(simplifiedOnly(name + csv), []);
});
