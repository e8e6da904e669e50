//! The first screen as people meet it: the ranking with its score fully in view without sideways
//! scrolling at 1440x900 and 1280x800 (a portal's iframe), with and without a county's profile open, and
//! rank, county and score in view on a 390x844 phone, where the ranking comes before the weights.
//! Screenshots of the first screen at each size and in each language go to target/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, rowsSettled, STRICT_CSP } from "./harness.mjs";

const ROW = '[data-testid="rank-row"]';
const WIDE = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const PHONE = { width: 390, height: 844 };
const LANGS = ["zh", "en"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** The horizontal extent of the named cells of the first and last row, and the table's own overflow. */
async function measure(page, cells) {
  await rowsSettled(page);
  return page.evaluate(
    ({ row, cells }) => {
      const rows = [...document.querySelectorAll(row)];
      // "a|b": the first of the alternatives that is shown (the prefecture has a column, or sits under
      // the county name in the table's compact form).
      const extent = (tr, sel) => {
        const shown = sel
          .split("|")
          .map((s) => tr.querySelector(s))
          .find((e) => e && e.getBoundingClientRect().width > 0);
        const r = shown ? shown.getBoundingClientRect() : { left: 0, right: 0, width: 0 };
        return { sel, left: r.left, right: r.right, width: r.width };
      };
      const scroll = document.querySelector("#ranking .table-scroll");
      return {
        viewport: window.innerWidth,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        tableOverflow: scroll.scrollWidth - scroll.clientWidth,
        rows: [rows[0], rows[rows.length - 1]].map((tr) => cells.map((sel) => extent(tr, sel))),
        rankingTop: document.querySelector("#ranking").getBoundingClientRect().top,
        weightsTop: document.querySelector("#weights-h").getBoundingClientRect().top,
      };
    },
    { row: ROW, cells },
  );
}

function assertInView(m, label) {
  assert.ok(m.pageOverflow <= 0, `${label}: the page is ${m.pageOverflow} px wider than the viewport`);
  assert.ok(m.tableOverflow <= 0, `${label}: the ranking scrolls ${m.tableOverflow} px sideways`);
  for (const row of m.rows) {
    for (const cell of row) {
      assert.ok(cell.width > 0, `${label}: ${cell.sel} is not shown`);
      assert.ok(
        cell.left >= 0 && cell.right <= m.viewport,
        `${label}: ${cell.sel} spans ${cell.left}-${cell.right} px of a ${m.viewport} px viewport`,
      );
    }
  }
}

for (const lang of LANGS) {
  for (const viewport of WIDE) {
    const label = `${lang} ${viewport.width}x${viewport.height}`;
    test(`${label}: every column of the ranking is in view, with and without a profile open`, async () => {
      const page = await app.open({ viewport, path: `?lang=${lang}`, wait: "ready" });
      const columns = [".c-rank", ".c-change", ".c-county", ".c-score", "td.c-dim", ".c-pref|.pref-inline"];
      const closed = await measure(page, columns);
      assertInView(closed, `${label}, no county chosen`);
      // Nothing is chosen yet: the profile takes no space.
      assert.equal(await page.locator(".slot-profile").boundingBox(), null);
      await app.screenshot(page, `first-screen-${lang}-${viewport.width}`, { fullPage: false });

      await page.locator(ROW).nth(4).locator(".county-link").click();
      const profile = page.locator('[data-testid="profile"]');
      await profile.locator(".ind-table").waitFor();
      const open = await measure(page, columns);
      assertInView(open, `${label}, profile open`);
      // The profile opens beside the ranking, within the first screen.
      const box = await profile.boundingBox();
      assert.ok(box.y < viewport.height && box.x + box.width <= viewport.width, `${label}: profile at ${JSON.stringify(box)}`);
      // Every column of the profile's indicator table is in view too (no sideways scroll, no cut head).
      const indicators = await page.$eval(".ind-table", (t) => ({ table: t.scrollWidth, box: t.parentElement.clientWidth }));
      assert.ok(indicators.table <= indicators.box, `${label}: the indicator table is ${indicators.table} px in ${indicators.box}`);
      await app.screenshot(page, `first-screen-${lang}-${viewport.width}-profile`, { fullPage: false });
      app.assertClean(page);
    });
  }

  test(`${lang} 390x844: the ranking comes first, with rank, county and score in view`, async () => {
    const page = await app.open({ viewport: PHONE, path: `?lang=${lang}`, wait: "ready" });
    const m = await measure(page, [".c-rank", ".c-county", ".c-score"]);
    assertInView(m, `${lang} phone`);
    assert.ok(m.rankingTop < PHONE.height, `${lang} phone: the ranking starts ${m.rankingTop} px down`);
    assert.ok(m.rankingTop < m.weightsTop, `${lang} phone: the weights come before the ranking`);
    // The weights are one tap away.
    const jump = page.locator("#ranking a.to-weights");
    assert.ok(await jump.isVisible());
    await jump.click();
    await page.waitForFunction(() => {
      const top = document.querySelector("#weights-h").getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight;
    });
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    await app.screenshot(page, `first-screen-${lang}-390`, { fullPage: false });
    app.assertClean(page);
  });
}

test("a link to a data set this browser lacks says so within the first screen and keeps naming it", async () => {
  const query = "?ds=0123456789abcdef&dn=2025%E5%B9%B4%E6%AD%A3%E5%BC%8F%E6%95%B0%E6%8D%AE&w=30,20,20,20,10";
  for (const viewport of [...WIDE, PHONE]) {
    const page = await app.open({ viewport, path: query, wait: "ready" });
    const notices = page.locator('[data-testid="link-notices"]');
    await notices.waitFor();
    assert.match(await notices.textContent(), /2025年正式数据/);
    const box = await notices.boundingBox();
    assert.ok(box.y + box.height <= viewport.height, `${viewport.width}: the notice ends ${box.y + box.height} px down`);
    // The address still names the data set after the page has synced it (150 ms after the last change).
    await page.waitForTimeout(400);
    const search = await page.evaluate(() => location.search);
    assert.match(search, /ds=0123456789abcdef/);
    assert.match(search, /w=30/);
    app.assertClean(page);
  }
});
