//! Exports facing hostile and extreme imported data, in headless Chromium against the release build
//! (strict CSP): county and prefecture names that a spreadsheet would take for formulas are exported in
//! CSV with a leading apostrophe while numbers stay numbers; values outside an indicator's plausible
//! range are warned about where the import's warnings show, and a column spanning the whole double
//! range still scores its top unit 100.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, STRICT_CSP, DIST_DIR, openOnDemand } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = process.env.FJINDEX_DIST || DIST_DIR;
const INDICATORS = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "indicators.json"), "utf8")).indicators;

const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  "=cmd|'/C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=2+2",
];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, root: DIST });
});
after(() => app?.close());

/** A CSV field, quoted when it holds a comma, quote or line break. */
const field = (text) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A wide CSV of made-up units; `value(u, ind)` gives each value (inside the plausible range by default). */
function wideCsv(units, value) {
  const lines = [["adcode", "name_zh", "prefecture_zh", ...INDICATORS.map((i) => i.id)].join(",")];
  units.forEach(([code, name, prefecture], u) => {
    const values = INDICATORS.map((ind) => value(u, ind));
    lines.push([field(code), field(name), field(prefecture), ...values].join(","));
  });
  return lines.join("\n") + "\n";
}

const inRange = (u, ind) => {
  const v = ind.plausible_min + ((ind.plausible_max - ind.plausible_min) * ((u * 37 + ind.id.length * 11) % 101)) / 100;
  return ind.integer ? Math.round(v) : v.toFixed(2);
};

async function importCsv(page, name, text) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text, "utf8"),
  });
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-failed"]');
  assert.ok(await page.isVisible('[data-testid="import-status"]'), "the file was imported");
}

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || (c === "\r" && text[k + 1] === "\n")) {
      if (c === "\r") k++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += c;
    }
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

test("hostile county and prefecture names are exported in CSV with a leading apostrophe, numbers plain", async () => {
  const page = await app.open({ wait: "ready" });
  const units = HOSTILE.map((name, k) => [String(110101 + k), name, HOSTILE[(k + 2) % HOSTILE.length]]);
  await importCsv(page, "hostile.csv", wideCsv(units, inRange));
  await rowsSettled(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString("utf8").slice(1)).filter((r) => r.some((c) => c !== ""));
  const [header, ...body] = rows;
  assert.match(header[0], /^排名/);
  const data = body.filter((r) => r.length === header.length);
  assert.equal(data.length, HOSTILE.length);
  const number = /^-?\d+(\.\d+)?$/;
  for (const r of data) {
    // Rank, composite, the five dimensions and the change: plain numbers.
    for (const c of [0, 4, 5, 6, 7, 8, 9, 10]) {
      assert.match(r[c], number, `column ${header[c]} of ${JSON.stringify(r)}`);
    }
    // Text cells: none starts like a formula; the hostile ones carry the apostrophe.
    for (const c of [1, 2, 3, 11]) {
      assert.ok(!/^[=+\-@\t\r]/.test(r[c]), `column ${header[c]} starts like a formula: ${JSON.stringify(r[c])}`);
    }
    assert.ok(r[2].startsWith("'") && HOSTILE.some((h) => r[2] === `'${h.trim()}`), `county ${JSON.stringify(r[2])}`);
    assert.ok(r[3].startsWith("'") && HOSTILE.some((h) => r[3] === `'${h.trim()}`), `prefecture ${JSON.stringify(r[3])}`);
  }
  app.assertClean(page);
});

test("an out-of-range value is warned about with the import, and a column spanning the double range scores its top unit 100", async () => {
  const page = await app.open({ wait: "ready" });
  const units = [
    ["110101", "甲", "测试市"],
    ["110102", "乙", "测试市"],
    ["110103", "丙", "测试市"],
  ];
  // The top unit leads every indicator; the signed ones span -1.7e308..1.7e308, far outside their ranges.
  const extreme = (u, ind) => {
    if (ind.signed) return ["1.7e308", "0", "-1.7e308"][u];
    return [ind.plausible_max, (ind.plausible_min + ind.plausible_max) / 2, ind.plausible_min][u];
  };
  await importCsv(page, "extreme.csv", wideCsv(units, extreme));
  const warnings = await page.textContent('[data-testid="import-warnings"]');
  const signed = INDICATORS.filter((i) => i.signed);
  assert.ok(signed.length > 0);
  for (const ind of signed) {
    const line = warnings.split("\n").join(" ");
    assert.match(line, new RegExp(`超出合理范围 ${ind.plausible_min}–${ind.plausible_max}（最远的是 -?1\\.7e308）`));
  }
  await rowsSettled(page);
  const first = page.locator('[data-testid="rank-row"]').first();
  assert.equal(await first.getAttribute("data-adcode"), "110101");
  assert.equal((await first.locator('[data-testid="score"]').textContent()).trim(), "100.00");
  app.assertClean(page);
});
