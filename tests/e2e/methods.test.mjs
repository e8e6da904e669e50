//! Methods that describe themselves, in headless Chromium against the release build: the page's
//! normalisation select offers exactly the ids the CLI accepts (both come from `Normalisation::ALL`),
//! choosing goalposts ranks as `fjindex rank --normalize goalposts` does and writes `norm=goalposts` into
//! the address, that link reopens the same view in English, and the explanations list the new method.
//
// The expected ids and scores come from the native CLI (`cargo run --bin fjindex`); nothing expected is
// written into this file except the new method's id and English name.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, rowsSettled, openOnDemand, STRICT_CSP } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CARGO = ["run", "--offline", "--quiet", "--bin", "fjindex", "--"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** The normalisation ids fjindex lists when it refuses an unknown one. */
function cliNormalisations() {
  const out = spawnSync("cargo", [...CARGO, "rank", "--normalize", "bogus"], { cwd: ROOT, encoding: "utf8" });
  const listed = /possible values: ([^\]]+)\]/.exec(out.stderr);
  assert.ok(listed, out.stderr);
  return listed[1].split(",").map((s) => s.trim());
}

/** adcode -> score (two decimals) from `fjindex rank --format csv` with these flags. */
function cliScores(flags) {
  const csv = execFileSync("cargo", [...CARGO, "rank", ...flags, "--format", "csv"], { cwd: ROOT, encoding: "utf8" });
  const rows = csv.trim().split("\n").slice(1).map((line) => line.split(","));
  return new Map(rows.map((r) => [r[1], Number(r[4]).toFixed(2)]));
}

async function pageScores(page) {
  await rowsSettled(page);
  return page.$$eval('[data-testid="rank-row"]', (trs) =>
    trs.map((tr) => [tr.dataset.adcode, tr.querySelector('[data-testid="score"]').textContent.trim()]),
  );
}

test("the normalisation select lists the CLI's ids; goalposts ranks as the CLI does and survives a link", async () => {
  const ids = cliNormalisations();
  assert.ok(ids.includes("goalposts"), ids.join());
  const page = await app.open({ wait: "ready" });
  assert.deepEqual(await page.$$eval("#sel-norm option", (os) => os.map((o) => o.value)), ids);

  const before = await pageScores(page);
  await page.selectOption("#sel-norm", "goalposts");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("norm") === "goalposts");
  const goalposts = await pageScores(page);
  assert.notDeepEqual(goalposts, before);
  const expected = cliScores(["--normalize", "goalposts"]);
  for (const [adcode, score] of goalposts) {
    assert.equal(score, expected.get(adcode), adcode);
  }
  app.assertClean(page);

  const linked = await app.open({ wait: "ready", path: "?norm=goalposts&lang=en" });
  assert.equal(await linked.inputValue("#sel-norm"), "goalposts");
  assert.equal(
    await linked.$eval("#sel-norm option:checked", (o) => o.textContent.trim()),
    "Goalposts (fixed bounds)",
  );
  assert.deepEqual(await pageScores(linked), goalposts);
  await openOnDemand(linked, "analysis");
  await linked.click(".explain-details summary");
  const names = await linked.$$eval(".explain dt", (dts) => dts.map((d) => d.textContent.trim()));
  assert.ok(names.includes("Goalposts (fixed bounds)"), names.join(" | "));
  await app.screenshot(linked, "methods-goalposts-explained");
  app.assertClean(linked);
});
