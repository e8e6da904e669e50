//! Named scenarios in headless Chromium against the release build: a scenario saved in the analysis
//! panel survives a reload and applying it restores its weights and ranking; comparing two scenarios
//! shows each county's two ranks as `fjindex rank` gives them with the two scenarios' flags; the share
//! link with the comparison open reopens it in a browser that has nothing saved; the card passes axe (at
//! desktop and phone width) and fits 390 px; and the embed API's set-scenario and use-scenario work
//! through the sample host page.
//
// The expected ranks come from the native CLI (`cargo run --bin fjindex`), run with the flags that
// say what the scenario queries say (`w=0,100,0,0,0` is `--weights industry=0,innovation=100,...`,
// `norm=zscore` is `--normalize zscore`).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  startApp,
  serveDir,
  launchBrowser,
  openPage,
  assertClean,
  rowsSettled,
  openOnDemand,
  scrollIntoViewSettled,
  STRICT_CSP,
  DIST_DIR,
} from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CARGO = ["run", "--offline", "--quiet", "--bin", "fjindex", "--"];
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CARD = '[data-testid="scenarios"]';
const INNOVATION = "w=0,100,0,0,0";
const INNOVATION_FLAGS = ["--weights", "industry=0,innovation=100,cluster=0,quality=0,smart=0"];
const ZSCORE = "norm=zscore";
const ZSCORE_FLAGS = ["--normalize", "zscore"];

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** adcode -> rank from `fjindex rank --format csv` with these flags. */
function cliRanks(flags) {
  const csv = execFileSync("cargo", [...CARGO, "rank", ...flags, "--format", "csv"], { cwd: ROOT, encoding: "utf8" });
  const rows = csv.trim().split("\n").slice(1).map((line) => line.split(","));
  return new Map(rows.map((r) => [r[1], r[0]]));
}

/** The ranking's county order as the page shows it. */
async function pageOrder(page) {
  await rowsSettled(page);
  return page.$$eval('[data-testid="rank-row"]', (trs) => trs.map((tr) => tr.dataset.adcode));
}

/** Opens the analysis panels and brings the named-scenarios card into view. */
async function openCard(page) {
  await openOnDemand(page, "analysis");
  await scrollIntoViewSettled(page, CARD);
}

async function save(page, name) {
  await page.fill("#scn-name", name);
  await page.click('[data-testid="scenario-save"]');
  await page.waitForSelector(`[data-testid="scenario-list"] li[data-name="${name}"]`);
  assert.match(await page.textContent('[data-testid="scenario-status"]'), new RegExp(name));
}

/** axe's WCAG 2.1 A/AA violations inside the named-scenarios card. */
async function cardViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    ([sel, tags]) =>
      window.axe.run(document.querySelector(sel), { runOnly: { type: "tag", values: tags } }).then((r) =>
        r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
      ),
    [CARD, WCAG_TAGS],
  );
}

/** adcode -> [rank under the first, rank under the second] from the comparison table. */
async function tableRanks(page) {
  await page.waitForSelector('[data-testid="scenario-table"] tbody tr');
  return new Map(
    await page.$$eval('[data-testid="scenario-table"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.dataset.adcode,
        [tr.querySelector('td[data-col="1"]').textContent.trim(), tr.querySelector('td[data-col="2"]').textContent.trim()],
      ]),
    ),
  );
}

test("a saved scenario survives a reload and applying it restores its weights and ranking", async () => {
  const page = await app.open({ wait: "ready", path: `?${INNOVATION}` });
  const innovationOrder = await pageOrder(page);
  await openCard(page);
  await save(page, "创新优先");
  // Saving does not change the page's own scenario.
  assert.equal(new URL(page.url()).searchParams.get("w"), "0,100,0,0,0");

  await page.goto(app.url);
  await page.waitForSelector('[data-ready="1"]');
  const defaultOrder = await pageOrder(page);
  assert.notDeepEqual(defaultOrder, innovationOrder);
  await openCard(page);
  const item = page.locator('[data-testid="scenario-list"] li[data-name="创新优先"]');
  await item.waitFor();
  await item.locator('[data-testid="scenario-apply"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("w") === "0,100,0,0,0");
  assert.deepEqual(await pageOrder(page), innovationOrder);
  assert.match(await page.textContent('[data-testid="scenario-status"]'), /已应用方案“创新优先”/);

  // Delete, then undo: the scenario is back in its place.
  await item.locator('[data-testid="scenario-delete"]').click();
  await page.waitForSelector('li[data-name="创新优先"]', { state: "detached" });
  await page.click('[data-testid="scenario-undo"]');
  await page.waitForSelector('li[data-name="创新优先"]');
  app.assertClean(page);
  await page.closeAll();
});

test("two compared scenarios show the CLI's ranks, and the link with the comparison reopens it", async () => {
  const page = await app.open({ wait: "ready", path: `?${INNOVATION}` });
  await openCard(page);
  await save(page, "创新");
  await page.goto(`${app.url}?${ZSCORE}`);
  await page.waitForSelector('[data-ready="1"]');
  await openCard(page);
  await save(page, "标准化 z");
  await page.check('[data-testid="scenario-list"] li[data-name="创新"] input[type="checkbox"]');
  await page.check('[data-testid="scenario-list"] li[data-name="标准化 z"] input[type="checkbox"]');
  await page.click('[data-testid="scenario-compare"]');
  const shown = await tableRanks(page);
  const first = cliRanks(INNOVATION_FLAGS);
  const second = cliRanks(ZSCORE_FLAGS);
  assert.equal(shown.size, 83);
  for (const [adcode, [a, b]] of shown) {
    assert.equal(a, first.get(adcode), `${adcode} under 创新`);
    assert.equal(b, second.get(adcode), `${adcode} under 标准化 z`);
  }
  // The differences are text: a county that rises under the second shows ▲ and the number of places.
  const riser = [...shown].find(([, [a, b]]) => Number(b) < Number(a));
  assert.ok(riser, "some county rises under z-scores");
  const change = await page.textContent(`[data-testid="scenario-table"] tr[data-adcode="${riser[0]}"] td[data-col="3"]`);
  assert.ok(change.includes(`▲${Number(riser[1][0]) - Number(riser[1][1])}`), change);
  await page.waitForSelector('[data-testid="scenario-comparison"] canvas');
  await page.waitForFunction(() => new URLSearchParams(location.search).has("cmp"));
  const link = new URL(page.url()).search;
  await app.screenshot(page, "scenarios-compare");

  // axe on the card with the comparison open.
  assert.deepEqual(await cardViolations(page), []);
  app.assertClean(page);
  await page.closeAll();

  // A browser with nothing saved opens the link: the comparison is open with the same ranks, at 390 px.
  const linked = await app.open({ wait: "ready", path: link, viewport: { width: 390, height: 844 } });
  await openCard(linked);
  assert.deepEqual(await tableRanks(linked), shown);
  const fits = await linked.$eval(CARD, (card) => card.scrollWidth <= card.clientWidth + 1);
  assert.ok(fits, "the named-scenarios card is wider than the phone");
  assert.deepEqual(await cardViolations(linked), []);
  await app.screenshot(linked, "scenarios-compare-phone");
  // Closing the comparison takes cmp= out of the address.
  await linked.click('[data-testid="scenario-compare-close"]');
  await linked.waitForFunction(() => !new URLSearchParams(location.search).has("cmp"));
  app.assertClean(linked);
  await linked.closeAll();
});

test("the embed API applies set-scenario and use-scenario, and says why it refuses", async () => {
  const dist = process.env.FJINDEX_DIST || DIST_DIR;
  const calculator = await serveDir({ root: dist, csp: STRICT_CSP });
  const host = await serveDir({ root: dist });
  const browser = await launchBrowser();
  try {
    const appUrl = encodeURIComponent(`${calculator.url}index.html`);
    const page = await openPage(browser, `${host.url}www/embed-host.html?app=${appUrl}`, {
      allowedOrigins: [calculator.origin],
      wait: false,
    });
    const warnings = [];
    page.on("console", (msg) => {
      if (msg.type() === "warning" && msg.text().startsWith("fjindex:")) warnings.push(msg.text());
    });
    const frame = page.frameLocator("#fjindex");
    await frame.locator('[data-testid="rank-row"]').first().waitFor();
    const send = (message) =>
      page.evaluate(
        ([m, origin]) => document.getElementById("fjindex").contentWindow.postMessage({ source: "fjindex-host", ...m }, origin),
        [message, calculator.origin],
      );
    const innovationLeader = [...cliRanks(INNOVATION_FLAGS)].find(([, r]) => r === "1")[0];
    const zscoreLeader = [...cliRanks(ZSCORE_FLAGS)].find(([, r]) => r === "1")[0];
    assert.notEqual(innovationLeader, zscoreLeader);

    await send({ type: "set-scenario", query: INNOVATION });
    await page.waitForFunction((a) => document.getElementById("host-first").dataset.adcode === a, innovationLeader);
    await send({ type: "set-scenario", query: "w=0,100&county=350582" });
    await waitFor(() => warnings.length >= 1);
    assert.match(warnings[0], /方案未采用/);
    // Nothing of a refused command is applied.
    assert.equal(await page.$eval("#host-first", (o) => o.dataset.adcode), innovationLeader);

    // use-scenario: an unknown name is refused; a saved one is applied.
    await send({ type: "use-scenario", name: "标准化" });
    await waitFor(() => warnings.length >= 2);
    assert.match(warnings[1], /标准化/);
    const calc = page.frames().find((f) => f.url().startsWith(calculator.origin));
    await calc.evaluate(() =>
      localStorage.setItem(
        "fjindex:scenarios",
        JSON.stringify({ format: "fjindex-scenarios", version: 1, scenarios: [{ name: "标准化", query: "norm=zscore", version: 1 }] }),
      ),
    );
    await send({ type: "use-scenario", name: "标准化" });
    await page.waitForFunction((a) => document.getElementById("host-first").dataset.adcode === a, zscoreLeader);
    assert.equal(warnings.length, 2);
    assertClean(page);
    await page.closeAll();
  } finally {
    await browser.close();
    await calculator.close();
    await host.close();
  }
});

/** Resolves once `check()` holds, polling on animation-free timers of the test process. */
async function waitFor(check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
