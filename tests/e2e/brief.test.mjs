// The county brief and printing (issue 12): the profile's brief button makes a one-page A4 brief in the
// page's language with every section filled, a QR code and a link that reopens the same view; printing
// the whole page with no brief open gives every ranking row, no loading placeholders and no blank page.
// PDFs and their PNG renderings are saved under target/screenshots/ (pdftoppm, from poppler-utils, when
// installed; the blank-page check needs it).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startApp, rowsSettled, STRICT_CSP, SCREENSHOT_DIR } from "./harness.mjs";

const ROW = '[data-testid="rank-row"]';
const SECTIONS = ["method", "dimensions", "summary", "uncertainty", "bounds", "reach", "link"];
const HAS_PDFTOPPM = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Pages of a PDF: its `/Type /Page` objects, not the `/Pages` tree. */
function pageCount(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

/** Saves `pdf` as target/screenshots/<name>.pdf and, with pdftoppm, each page as <name>-<n>.png. */
function savePdf(pdf, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  // Renderings of an earlier, longer PDF of the same name would read as pages of this one.
  for (const f of fs.readdirSync(SCREENSHOT_DIR)) {
    if (f.startsWith(`${name}-`) && /-\d+\.png$/.test(f)) fs.rmSync(path.join(SCREENSHOT_DIR, f));
  }
  if (HAS_PDFTOPPM) execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(SCREENSHOT_DIR, name)]);
  return file;
}

/** For each page of the PDF file, whether it has any non-white pixel (rendered in grey at 30 dpi). */
function pagesWithInk(file) {
  const dir = fs.mkdtempSync(path.join(SCREENSHOT_DIR, "ink-"));
  try {
    execFileSync("pdftoppm", ["-gray", "-r", "30", file, path.join(dir, "p")]);
    return fs.readdirSync(dir).sort().map((f) => {
      const bytes = fs.readFileSync(path.join(dir, f));
      // Binary PGM: "P5", width, height, maxval, each followed by whitespace, then one byte a pixel.
      let fields = 0, i = 0;
      while (fields < 4) {
        while (/\s/.test(String.fromCharCode(bytes[i]))) i++;
        while (!/\s/.test(String.fromCharCode(bytes[i]))) i++;
        fields++;
      }
      return bytes.subarray(i + 1).some((b) => b < 200);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the page at `query`, selects the county of row `row`, presses the brief button with
 * window.print stubbed, and waits for the brief. Returns the page. */
async function openBrief(query, row = 40) {
  const page = await app.open({ path: query, wait: "ready" });
  await page.evaluate(() => {
    window.printCalls = 0;
    window.print = () => {
      window.printCalls += 1;
    };
  });
  await rowsSettled(page);
  await page.locator(ROW).nth(row).locator(".county-link").click();
  await page.waitForSelector('[data-testid="profile"]');
  await page.click('[data-testid="brief-open"]');
  await page.waitForSelector('html[data-brief="open"] [data-testid="brief"]', { timeout: 30_000 });
  return page;
}

for (const lang of ["zh", "en"]) {
  test(`the county brief (${lang}) prints on exactly one A4 page with every section filled`, async () => {
    const page = await openBrief(`?lang=${lang}&w=40,10,20,20,10`);
    assert.equal(await page.evaluate(() => window.printCalls), 1, "the button prints once the brief is drawn");
    const adcode = await page.getAttribute('[data-testid="profile"]', "data-adcode");
    assert.equal(await page.getAttribute('[data-testid="brief"]', "data-adcode"), adcode);

    const sections = await page.$$eval('[data-testid="brief-section"]', (all) =>
      all.map((s) => ({
        id: s.dataset.section,
        heading: s.querySelector("h3")?.textContent.trim() ?? "",
        body: [...s.children].filter((c) => c.tagName !== "H3").map((c) => c.textContent).join(" ").trim(),
      })),
    );
    assert.deepEqual(sections.map((s) => s.id), SECTIONS);
    for (const s of sections) {
      assert.ok(s.heading.length > 0, `${s.id} has a heading`);
      assert.ok(s.body.length > 0, `${s.id} has content`);
    }
    assert.equal(await page.locator(".brief-dimensions table tbody tr").count(), 5);
    assert.ok(await page.isVisible('[data-testid="brief-estimate"]'), "the estimate notice");
    const qr = await page.$eval('[data-testid="brief-qr"]', (svg) => ({
      modules: Number(svg.dataset.modules),
      path: svg.querySelector("path")?.getAttribute("d") ?? "",
    }));
    assert.ok(qr.modules >= 21 && qr.path.length > 100, "a QR code is drawn");
    const link = (await page.textContent('[data-testid="brief-link"]')).trim();
    assert.ok(link.startsWith(app.url), link);
    assert.match(link, new RegExp(`county=${adcode}`));
    assert.match(link, /w=40%2C10%2C20%2C20%2C10|w=40,10,20,20,10/);
    if (lang === "en") {
      const text = await page.textContent('[data-testid="brief"]');
      const county = await page.textContent("#brief-title");
      assert.doesNotMatch(text.replace(county, ""), /[\u4e00-\u9fff]/, "no Chinese in the English brief");
    }

    await page.emulateMedia({ media: "print" });
    assert.equal(await page.isVisible(".slot-ranking"), false, "only the brief prints");
    assert.equal(await page.isVisible('[data-testid="brief-close"]'), false, "no buttons in print");
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const file = savePdf(pdf, `brief-${lang}`);
    assert.equal(pageCount(pdf), 1, `${file} has one page`);
    if (HAS_PDFTOPPM) assert.deepEqual(pagesWithInk(file), [true]);
    await page.emulateMedia({ media: "screen" });
    await app.screenshot(page, `brief-${lang}-screen`, { fullPage: false });

    // The link reopens the same view: the page opened at it shares the same link.
    const again = await app.open({ path: link.slice(app.url.length), wait: "ready" });
    await again.waitForSelector(`[data-testid="profile"][data-adcode="${adcode}"]`);
    assert.equal(await again.inputValue('[data-testid="share-link"]'), link);
    app.assertClean(again);

    // Escape closes the brief and gives the focus back to its button.
    await page.keyboard.press("Escape");
    await page.waitForSelector('html:not([data-brief]) [data-testid="brief-open"]');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "brief-open");
    app.assertClean(page);
  });
}

test("a brief of the first county says it ranks first and still fits one page", async () => {
  const page = await openBrief("?lang=en", 0);
  const reach = await page.textContent('[data-section="reach"]');
  assert.match(reach, /ranks first/);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  assert.equal(pageCount(pdf), 1);
  app.assertClean(page);
});

test("printing the whole page gives all 83 rows, no loading placeholder and no blank page", async () => {
  const page = await app.open({ wait: "ready" });
  await rowsSettled(page);
  await page.emulateMedia({ media: "print" });
  const rows = await page.$$eval(ROW, (all) =>
    all.filter((r) => r.checkVisibility() && r.getBoundingClientRect().height > 0).length,
  );
  assert.equal(rows, 83, "every ranking row prints");
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /正在加载|Loading/, "no placeholder of an unloaded panel");
  for (const hidden of [".slot-controls", '[data-testid="import-file"]', ".lang-switch"]) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
  }
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const file = savePdf(pdf, "print-page-zh");
  const pages = pageCount(pdf);
  assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
  if (HAS_PDFTOPPM) {
    const ink = pagesWithInk(file);
    assert.deepEqual(ink, ink.map(() => true), "no blank page");
    const printed = execFileSync("pdftotext", [file, "-"]).toString();
    const names = await page.$$eval(`${ROW} .county-link .place`, (all) => all.map((n) => n.textContent.trim()));
    assert.equal(names.length, 83);
    const missing = names.filter((n) => !printed.includes(n));
    assert.deepEqual(missing, [], "every county of the ranking is in the PDF");
  }
  app.assertClean(page);
});
