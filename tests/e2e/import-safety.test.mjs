//! Import safety in headless Chromium against the release build with the strict CSP (issue 11, defects
// 4 and 5): hostile workbooks are refused by the limits checked before anything is inflated or parsed,
// the import runs in a worker (the page answers input meanwhile, and it can be cancelled), a worker that
// traps is reported as a file that could not be read and replaced by a fresh one, a module that cannot
// be fetched is reported as such, and cell references beyond Excel's grid are refused naming the cell.
// The hostile files are built here: a tiny zip reader and writer over node's zlib, and edits of the
// committed fixture tests/fixtures/data.xlsx.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, STRICT_CSP, DIST_DIR, openOnDemand } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "data.xlsx");
const DIST = process.env.FJINDEX_DIST || DIST_DIR;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---- a tiny zip reader and writer (no zip64, which none of these files needs) ----

/** The entries of a zip archive: [{ name, body }] with each body inflated. */
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    entries.push({ name, body: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw.subarray(0, size)) });
    at += 46 + nameLen + extra;
  }
  return entries;
}

/** An entry deflated honestly from `body`. */
function deflated(name, body) {
  const data = zlib.deflateRawSync(body, { level: 1 });
  return { name, data, crc: zlib.crc32(body), declared: body.length };
}

/** An entry of `size` bytes of `byte`, deflated by streaming (never held inflated). */
async function deflatedFill(name, byte, size) {
  const chunk = Buffer.alloc(1 << 20, byte);
  const stream = zlib.createDeflateRaw({ level: 1 });
  const parts = [];
  stream.on("data", (d) => parts.push(d));
  const done = new Promise((resolve) => stream.on("end", resolve));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    if (!stream.write(piece)) await new Promise((r) => stream.once("drain", r));
  }
  stream.end();
  await done;
  return { name, data: Buffer.concat(parts), crc, declared: size };
}

/** A zip archive whose central directory declares each entry's `declared` size. */
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const fields = (b, at) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0, at + 2);
      b.writeUInt16LE(e.stored ? 0 : 8, at + 4);
      b.writeUInt16LE(0, at + 6);
      b.writeUInt16LE(0x21, at + 8);
      b.writeUInt32LE(e.crc >>> 0, at + 10);
      b.writeUInt32LE(e.data.length, at + 14);
      b.writeUInt32LE(e.declared, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(0, at + 24);
    };
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    fields(lh, 4);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    fields(ch, 6);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    central.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const SHEET = "xl/worksheets/sheet1.xml";

/** The fixture with its first sheet's entry replaced by `entry` (or its XML edited by `edit`). */
function fixtureWith({ entry, edit }) {
  return zip(
    unzip(fs.readFileSync(FIXTURE)).map(({ name, body }) => {
      if (name !== SHEET) return deflated(name, body);
      if (entry) return { ...entry, name };
      return deflated(name, Buffer.from(edit(body.toString("utf8"))));
    }),
  );
}

/** The fixture with one more cell, holding 7777, at `reference` in its last row. */
function withCell(reference) {
  return fixtureWith({
    edit: (xml) => {
      const at = xml.lastIndexOf("</row>");
      return `${xml.slice(0, at)}<c r="${reference}"><v>7777</v></c>${xml.slice(at)}`;
    },
  });
}

// ---- the page ----

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, root: DIST });
});
after(() => app?.close());

const scores = (page) =>
  page.$$eval('[data-testid="score"]', (els) => els.map((e) => e.textContent.trim()).join());
/** The name of the data set in use, from the data panel (brought in first). */
async function datasetName(page) {
  await openOnDemand(page, "data");
  return page.textContent('[data-testid="dataset-name"]');
}

async function pick(page, name, buffer, mimeType = XLSX_MIME) {
  await openOnDemand(page, "data");
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType, buffer });
}

/** The problems listed for the last refused import, one string per row. */
async function refusal(page) {
  await page.waitForSelector('[data-testid="import-failed"]', { timeout: 30_000 });
  return page.$$eval('[data-testid="import-errors"] tbody tr', (trs) => trs.map((tr) => tr.textContent));
}

/** Changes a weight and waits until the ranking's scores change: the page answers input. */
async function weightMoves(page, value) {
  const before = await scores(page);
  await page.fill('[data-testid="weight-industry"]', String(value));
  await page.waitForFunction(
    (s) => [...document.querySelectorAll('[data-testid="score"]')].map((e) => e.textContent.trim()).join() !== s,
    before,
    { timeout: 5_000 },
  );
}

test("an XLSX inflating to 1 GiB is refused by its declared size while the page keeps answering", async () => {
  const bomb = fixtureWith({ entry: await deflatedFill(SHEET, 0x20, 1 << 30) });
  assert.ok(bomb.length < 8 << 20, `the bomb is ${bomb.length} bytes`);
  const page = await app.open({ wait: "ready" });
  const name = await datasetName(page);
  await pick(page, "bomb.xlsx", bomb);
  await weightMoves(page, 55);
  const problems = await refusal(page);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /xl\/worksheets\/sheet1\.xml/);
  assert.match(problems[0], /1024 MiB/);
  assert.match(problems[0], /256 MiB/);
  assert.match(problems[0], /未解压/);
  assert.equal(await datasetName(page), name);
  await weightMoves(page, 35);
  await rowsSettled(page);
  app.assertClean(page);
});

test("an ODS repeat bomb is refused as a format that is not accepted", async () => {
  const content = Buffer.from(
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>' +
      '<table:table table:name="s"><table:table-row table:number-rows-repeated="1048576">' +
      '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>' +
      "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>",
  );
  const mime = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
  const ods = zip([
    { name: "mimetype", data: mime, crc: zlib.crc32(mime), declared: mime.length, stored: true },
    deflated("content.xml", content),
  ]);
  const page = await app.open({ wait: "ready" });
  const name = await datasetName(page);
  await pick(page, "bomb.ods", ods, "application/vnd.oasis.opendocument.spreadsheet");
  const problems = await refusal(page);
  assert.deepEqual(problems.length, 1);
  assert.match(problems[0], /不接受 ODS/);
  assert.equal(await datasetName(page), name);
  app.assertClean(page);
});

test("cell references beyond Excel's grid are refused naming the cell, and no cell is overwritten", async () => {
  const page = await app.open({ wait: "ready" });
  const name = await datasetName(page);
  for (const reference of ["D4294967301", "MWLQKWZ5"]) {
    await pick(page, `wrapped-${reference}.xlsx`, withCell(reference));
    const problems = await refusal(page);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.ok(problems[0].includes(`“${reference}”`), problems[0]);
    assert.match(problems[0], /XFD1048576/);
    assert.equal(await datasetName(page), name);
  }
  // The same file without the wrapped cell imports.
  await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
  await page.waitForSelector('[data-testid="import-status"]');
  app.assertClean(page);
});

test("an import can be cancelled while its component loads, and the page answers input meanwhile", async () => {
  const page = await app.open({ wait: "ready" });
  const name = await datasetName(page);
  // Hold the tools module's wasm (fetched by the import worker) until the test lets it go.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/fjindex-tools_bg\.wasm/, async (route) => {
    await held;
    // After the cancel the worker is gone, and its request with it.
    await route.continue().catch(() => {});
  });
  await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
  await page.waitForSelector('[data-testid="import-progress"]');
  await weightMoves(page, 70);
  assert.ok(await page.isVisible('[data-testid="import-progress"]'), "still importing");
  await page.click('[data-testid="import-cancel"]');
  await page.waitForSelector('[data-testid="import-cancelled"]');
  assert.equal(await page.isVisible('[data-testid="import-progress"]'), false);
  assert.equal(await page.isVisible('[data-testid="import-failed"]'), false);
  assert.equal(await datasetName(page), name);
  release();
  await page.unroute(/fjindex-tools_bg\.wasm/);
  // A fresh worker reads the next file.
  await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
  await page.waitForSelector('[data-testid="import-status"]');
  assert.notEqual(await datasetName(page), name);
});

test("a module that cannot be fetched is reported as the component, not the file", async () => {
  const page = await app.open({ wait: "ready" });
  const name = await datasetName(page);
  await page.route(/fjindex-tools\.js/, (route) => route.abort());
  await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
  await page.waitForSelector('[data-testid="tools-failed"]');
  assert.equal(await page.isVisible('[data-testid="import-failed"]'), false);
  assert.equal(await datasetName(page), name);
  await page.unroute(/fjindex-tools\.js/);
  await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
  await page.waitForSelector('[data-testid="import-status"]');
  assert.equal(await page.isVisible('[data-testid="tools-failed"]'), false);
});

test("a worker that runs out of memory is reported as a file that could not be read, and the next import works", async () => {
  // A browser whose wasm memories may grow to 96 MiB at most: a 60 MB CSV (within the file-size limit)
  // then exhausts the tools module's memory while it is read (its bytes plus their text), a real trap.
  const small = await startApp({ csp: STRICT_CSP, root: DIST, args: ["--js-flags=--wasm-max-mem-pages=1536"] });
  try {
    const page = await small.open({ wait: "ready" });
    const name = await datasetName(page);
    const cell = "x".repeat(400_000);
    const csv = Buffer.from(`adcode,name_zh,revenue\n${Array.from({ length: 150 }, (_, k) => `35${String(k).padStart(4, "0")},${cell},1`).join("\n")}\n`);
    // Playwright passes files over 50 MB by path.
    const file = path.join(ROOT, "target", "import-safety-huge.csv");
    fs.writeFileSync(file, csv);
    await page.setInputFiles('[data-testid="import-file"]', file);
    const problems = await refusal(page);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /无法读取此文件/);
    assert.equal(await page.isVisible('[data-testid="tools-failed"]'), false);
    assert.equal(await datasetName(page), name);
    await weightMoves(page, 45);
    await pick(page, "data.xlsx", fs.readFileSync(FIXTURE));
    await page.waitForSelector('[data-testid="import-status"]');
    assert.notEqual(await datasetName(page), name);
  } finally {
    await small.close();
  }
});
