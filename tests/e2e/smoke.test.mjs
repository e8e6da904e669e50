//! Smoke test: the release build loads under the strict CSP, from the root and from a sub-path, cleanly.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startApp, STRICT_CSP, DIST_DIR, PHONE } from "./harness.mjs";

test("dist/index.html has no inline script, inline style or absolute asset path", () => {
  const html = fs.readFileSync(path.join(DIST_DIR, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0, "the page loads its app through a <script src>");
  for (const [tag, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `inline script: ${tag.slice(0, 120)}`);
    assert.equal(body.trim(), "", `script with a body: ${tag.slice(0, 120)}`);
  }
  assert.doesNotMatch(html, /<style\b/i, "inline <style> element");
  assert.doesNotMatch(html, /\sstyle=/i, "inline style attribute");
  assert.doesNotMatch(html, /\s(?:src|href)="\/(?!\/)/i, "absolute asset path");
  assert.doesNotMatch(html, /\s(?:src|href)="(?:https?:)?\/\//i, "asset from another origin");
});

let app;
before(async () => {
  app = await startApp({ csp: STRICT_CSP, prefix: "/portal/fjindex/" });
});
after(() => app?.close());

test("the app starts under the strict CSP from a sub-path with no error and no foreign request", async () => {
  const page = await app.open();
  // The app rendered something besides the <noscript> fallback.
  const rendered = await page.evaluate(
    () => [...document.body.children].filter((e) => e.tagName !== "NOSCRIPT" && e.tagName !== "SCRIPT").length,
  );
  assert.ok(rendered > 0, "the app mounted nothing in <body>");
  await app.screenshot(page, "smoke-desktop");
  app.assertClean(page);
});

test("the app starts at phone width", async () => {
  const page = await app.open({ viewport: PHONE });
  await app.screenshot(page, "smoke-phone");
  app.assertClean(page);
});
