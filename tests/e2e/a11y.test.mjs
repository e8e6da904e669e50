//! Keyboard and assistive technology: Tab alone reaches the controls of the on-demand panels (the
//! charts and the analysis) with the focused element always on screen, and axe-core (WCAG 2.1 A and AA
//! rules) finds no violation with every panel open, a county's profile and an uncertainty run shown, in
//! each language, at desktop and phone width.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startApp, openOnDemand, STRICT_CSP } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const MAX_TABS = 600;

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP });
});
after(() => app?.close());

/** Waits until smooth scrolling (the page scrolls smoothly unless reduced motion is asked for) has
 * come to rest: the page and every scrolled box keep their positions for three frames. */
function scrollSettled(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const positions = () =>
          [window.scrollY, ...[...document.querySelectorAll(".panel")].map((e) => e.scrollTop)].join(",");
        let last = positions();
        let still = 0;
        const tick = () => {
          const now = positions();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 3) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** The focused element: where it is, whether it is inside the viewport, and which slot holds it. */
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { onBody: true };
    const r = el.getBoundingClientRect();
    const slot = el.closest(".slot");
    return {
      onBody: false,
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute("aria-label") || el.textContent || el.id || "").trim().slice(0, 40),
      slot: slot ? [...slot.classList].find((c) => c.startsWith("slot-")) : null,
      inPanels: !!el.closest(".on-demand-root"),
      loadButton: el.classList.contains("load-panels"),
      inView: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
      top: Math.round(r.top),
    };
  });
}

for (const viewport of [DESKTOP, PHONE]) {
  test(`keyboard at ${viewport.width}x${viewport.height}: Tab reaches a control in the analysis panels, always in view`, async () => {
    const page = await app.open({ viewport });
    const visited = [];
    let reached = null;
    for (let i = 0; i < MAX_TABS && !reached; i++) {
      await page.keyboard.press("Tab");
      await scrollSettled(page);
      let f = await focusState(page);
      if (f.loadButton) {
        // Focusing the placeholder brings the slot into view, which loads the module; the focus then
        // moves to the panels' first control.
        await page.waitForFunction(() => !document.activeElement?.classList.contains("load-panels"), null, {
          timeout: 20_000,
        });
        await page.waitForTimeout(100);
        await scrollSettled(page);
        f = await focusState(page);
      }
      if (f.onBody) continue;
      visited.push(`${f.slot}:${f.tag}:${f.text}`);
      assert.ok(f.inView, `Tab ${i + 1}: the focused ${f.tag} "${f.text}" in ${f.slot} is off screen (top ${f.top})`);
      if (f.slot === "slot-analysis" && f.inPanels && ["button", "input", "select", "summary"].includes(f.tag)) {
        reached = f;
      }
    }
    assert.ok(reached, `no control in the analysis panels after ${MAX_TABS} Tabs; visited: ${visited.slice(-20).join(" | ")}`);
    assert.ok(
      visited.some((v) => v.startsWith("slot-charts")),
      "the charts were skipped on the way to the analysis",
    );
    app.assertClean(page);
    await page.close();
  });
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the whole page; returns one line per violating element. */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations),
    WCAG_TAGS,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n").slice(0, 2).join(" ")}`),
  );
}

/** Every panel open, the audit's treatment applied, a county chosen, an uncertainty run shown and every
 * disclosure expanded. */
async function everythingShown(page) {
  await openOnDemand(page, "charts");
  await openOnDemand(page, "analysis");
  // The audit's one-click treatment, so that its list of changes and its undo are checked too.
  await page.click('[data-testid="audit-apply"]');
  await page.waitForSelector('[data-testid="audit-changes"]');
  await page.fill("#unc-samples", "500");
  await page.click('[data-testid="uncertainty-run"]');
  await page.waitForSelector('[data-testid="uncertainty-result"][data-samples="500"]', { timeout: 60_000 });
  await page.locator('[data-testid="rank-row"]').nth(2).locator(".county-link").click();
  await page.waitForSelector('[data-testid="profile"]');
  // The selected county's row in the uncertainty table is highlighted: its contrast is checked too.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.waitForTimeout(300);
}

for (const lang of ["zh", "en"]) {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`axe (WCAG 2.1 A/AA), ${lang} at ${viewport.width}x${viewport.height}: no violation with everything shown`, async () => {
      const page = await app.open({ viewport, path: `?lang=${lang}` });
      const first = await axeViolations(page);
      assert.deepEqual(first, [], `on opening:\n${first.join("\n")}`);
      await everythingShown(page);
      const all = await axeViolations(page);
      assert.deepEqual(all, [], `with everything shown:\n${all.join("\n")}`);
      app.assertClean(page);
      await page.close();
    });
  }
}
