//! The page's ranking exports as a user downloads them, in Chinese and English: the CSV parses strictly
//! (RFC 4180) to one header row and exactly 83 data rows with numeric rank, score and dimension columns;
//! the XLSX holds the same table as numbers with two-decimal scores and a frozen header, and a notes sheet
//! with the data notice; file names carry data set, estimates, date and language; English exports are
//! free of Chinese in their headers and names.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import zlib from "node:zlib";
import { startApp, STRICT_CSP, DIST_DIR, openOnDemand } from "./harness.mjs";

const DIST = process.env.FJINDEX_DIST || DIST_DIR;

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, root: DIST });
});
after(() => app?.close());

// Han characters and CJK punctuation (full-width brackets, ideographic comma and full stop).
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const NUMBER = /^-?\d+(\.\d+)?$/;
const PREFECTURES_EN = ["Fuzhou", "Xiamen", "Putian", "Sanming", "Quanzhou", "Zhangzhou", "Nanping", "Longyan", "Ningde"];
const PREFECTURES_ZH = ["福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市", "宁德市"];

/**
 * A strict RFC 4180 parser: fields separated by commas, records by CRLF or LF, quoted fields may hold
 * commas, line breaks and doubled quotes. A quote inside an unquoted field, or text after a closing
 * quote, is an error. The final line break is optional; an empty line is a record of one empty field.
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
      if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    if (i >= n) break;
  }
  return rows;
}

/** The entries of a zip archive (stored or deflated), read from its central directory. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "a zip end record");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let k = 0; k < count; k++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const [nameLen, extraLen, commentLen] = [28, 30, 32].map((o) => buf.readUInt16LE(at + o));
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files[name] = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString("utf8");
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#13;/g, "\r").replace(/&amp;/g, "&");

/** A worksheet's cells as rows of { text | number, style }, by row and column position. */
function sheetRows(xml) {
  const rows = [];
  for (const [, col, row, attrs, body] of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(.*?)<\/c>/g)) {
    const r = Number(row) - 1;
    const c = [...col].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const style = Number(/ s="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const cell = / t="inlineStr"/.test(attrs)
      ? { text: unescapeXml(/<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1] ?? ""), style }
      : { number: Number(/<v>(.*?)<\/v>/.exec(body)[1]), style };
    (rows[r] ??= [])[c] = cell;
  }
  return rows;
}

/** The number format code of cell format `index` in styles.xml. */
function formatCode(styles, index) {
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)[1].match(/<xf [^>]*>/g);
  const id = / numFmtId="(\d+)"/.exec(xfs[index])[1];
  return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? `#${id}`;
}

async function download(page, testid) {
  await openOnDemand(page, "data");
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

const today = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });

const EXPECT = {
  zh: {
    stem: "fjindex-排名-福建省县域-2024-演示数据-含估算-",
    header: ["排名", "行政区划代码", "县（市、区）", "设区市", "综合得分"],
    prefectures: PREFECTURES_ZH,
    notes: "说明",
    notice: /^数据说明：标注“含估算”的县域/,
  },
  en: {
    stem: "fjindex-ranking-fujian-counties-2024-demonstration-data-includes-estimates-",
    header: ["Rank", "Adcode", "County", "Prefecture", "Composite score"],
    prefectures: PREFECTURES_EN,
    notes: "Notes",
    notice: /^Data notice: for counties marked "includes estimates"/,
  },
};

for (const lang of ["zh", "en"]) {
  const want = EXPECT[lang];

  test(`${lang}: the ranking CSV is one header row and 83 numeric rows, named by data set, date and language`, async () => {
    const page = await app.open({ path: `?lang=${lang}`, wait: "ready" });
    const date = await today(page);
    const { name, bytes } = await download(page, "export-csv");
    assert.equal(name, `${want.stem}${date}-${lang}.csv`);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    // The writer ends the last record with a line break, so nothing follows the 83 rows.
    const [header, ...body] = rows;
    assert.deepEqual(header.slice(0, 5), want.header);
    assert.equal(body.length, 83, `data rows: ${body.slice(-2).map((r) => r.join(",")).join(" | ")}`);
    for (const r of body) {
      assert.equal(r.length, header.length, `row ${r.join(",")}`);
      // Rank, composite, five dimensions, change.
      for (const c of [0, 4, 5, 6, 7, 8, 9, 10]) assert.match(r[c], NUMBER, `${header[c]} of ${r.join(",")}`);
      assert.ok(want.prefectures.includes(r[3]), `prefecture ${r[3]}`);
    }
    assert.deepEqual(
      body.map((r) => Number(r[0])),
      body.map((r) => Number(r[0])).sort((a, b) => a - b),
    );
    assert.equal(body[0][1], "350582");
    if (lang === "en") {
      for (const h of header) assert.doesNotMatch(h, CJK, `header ${h}`);
      for (const r of body) for (const c of [1, 2, 3, 11]) assert.doesNotMatch(r[c], CJK, `${header[c]}: ${r[c]}`);
      assert.equal(body[0][2], "Jinjiang City");
      assert.equal(body[0][3], "Quanzhou");
    }
    app.assertClean(page);
  });

  test(`${lang}: the ranking XLSX holds numbers with two-decimal scores, a frozen header and a notes sheet with the notice`, async () => {
    const page = await app.open({ path: `?lang=${lang}`, wait: "ready" });
    const date = await today(page);
    const { name, bytes } = await download(page, "export-xlsx");
    assert.equal(name, `${want.stem}${date}-${lang}.xlsx`);
    const files = unzip(bytes);
    const workbook = files["xl/workbook.xml"];
    const sheetNames = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
    assert.equal(sheetNames[1], want.notes);
    const sheet = files["xl/worksheets/sheet1.xml"];
    assert.match(sheet, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    const rows = sheetRows(sheet);
    assert.equal(rows.length, 84);
    assert.deepEqual(rows[0].slice(0, 5).map((c) => c.text), want.header);
    const styles = files["xl/styles.xml"];
    for (const r of rows.slice(1)) {
      for (const c of [0, 4, 5, 6, 7, 8, 9, 10]) assert.equal(typeof r[c].number, "number", `column ${c}`);
      for (const c of [4, 5, 6, 7, 8, 9]) assert.equal(formatCode(styles, r[c].style), "0.00");
      assert.equal(formatCode(styles, r[0].style), "0");
      assert.ok(want.prefectures.includes(r[3].text), `prefecture ${r[3].text}`);
      if (lang === "en") for (const c of [2, 3]) assert.doesNotMatch(r[c].text, CJK);
    }
    const notes = sheetRows(files["xl/worksheets/sheet2.xml"]);
    assert.match(notes[1][1].text, want.notice);
    assert.ok(notes.some((r) => r?.[1]?.text === date), "the export date");
    if (lang === "en") {
      for (const r of [...rows, ...notes]) for (const c of r ?? []) if (c?.text) assert.doesNotMatch(c.text, CJK, c.text);
    }
    app.assertClean(page);
  });
}

test("the English page names the bundled data set in English", async () => {
  const page = await app.open({ path: "?lang=en", wait: "ready" });
  await openOnDemand(page, "data");
  const text = await page.textContent('[data-testid="dataset-name"]');
  assert.match(text, /Fujian counties 2024 \(demonstration data\)/);
  assert.doesNotMatch(text, CJK);
  const template = await download(page, "template-csv");
  assert.equal(template.name, `fjindex-import-template-${await today(page)}.csv`);
  app.assertClean(page);
});
