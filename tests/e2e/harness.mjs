//! Shared helpers for the browser tests (node:test + playwright-core + Debian's /usr/bin/chromium).
//
// Usage, in a file tests/e2e/<topic>.test.mjs (run all with `node --test tests/e2e/`, after
// `trunk build --release --offline` has filled dist/; or set FJINDEX_DIST to another build directory):
//
//   import { test, before, after } from "node:test";
//   import assert from "node:assert/strict";
//   import { startApp, STRICT_CSP } from "./harness.mjs";
//
//   let app;
//   before(async () => { app = await startApp({ csp: STRICT_CSP }); });
//   after(() => app?.close());
//
//   test("83 rows", async () => {
//     const page = await app.open();                  // new page at app.url, waits for the app
//     assert.equal(await page.locator('[data-testid="rank-row"]').count(), 83);
//     await app.screenshot(page, "ranking-desktop");  // -> target/screenshots/ranking-desktop.png
//     app.assertClean(page);                         // no console error, page error, failed or
//   });                                              // foreign request, CSP violation
//
// API
//   STRICT_CSP, CHROMIUM_ARGS, DIST_DIR, SCREENSHOT_DIR   constants
//   serveDir({ root, csp, headers, prefix, port, gzip })  -> { url, origin, port, close() }
//       Static server on 127.0.0.1:<port, default a random free one>; `csp` adds a Content-Security-Policy header;
//       `prefix` ("/a/b/") serves the files under a sub-path; correct MIME types (.wasm included);
//       a missing /favicon.ico answers 204 (Chromium requests it for pages that declare no icon).
//       `gzip: true` compresses every answer to a client that accepts it (zlib's default level).
//   launchBrowser({ args })                   -> playwright Browser (extra Chromium flags in `args`,
//       e.g. ["--js-flags=--noexpose_wasm"]); each launch uses a fresh temporary --user-data-dir.
//   openPage(browser, url, { viewport, javaScriptEnabled, locale, allowedOrigins, wait })
//       -> playwright Page with page.problems = { consoleErrors, pageErrors, failedRequests,
//          foreignRequests, cspViolations } recorded from before the first navigation.
//          `allowedOrigins` adds origins besides the page's own that may be requested;
//          `wait`: false, or anything else (such as "started" or "ready") to wait for the app.
//   waitForApp(page, { timeout })             waits for <html data-app="started"> and [data-ready="1"]
//       (the UI sets it on <body> once the first full render, and so the takeover, is done).
//   scrollIntoViewSettled(page, selector)     scrolls to it and waits until no on-demand slot is loading
//       (a slot opening on the way shifts the layout under a click).
//   problemsOf(page) -> list of strings;  assertClean(page) throws listing them.
//   screenshot(page, name, { fullPage })      PNG in target/screenshots/<name>.png (full page unless fullPage: false).
//   startApp({ csp, prefix, args, root })     server + browser in one: { url, server, browser,
//       open(opts) (openPage at url, or at opts.path relative to url), screenshot, assertClean, close() }.
//
// Viewports: DESKTOP = { width: 1920, height: 1080 }, PHONE = { width: 375, height: 812 }.

import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// The built page: dist/ (trunk build), or $FJINDEX_DIST (scripts/test.sh builds into target/test-dist/).
export const DIST_DIR = path.resolve(process.env.FJINDEX_DIST || path.join(ROOT, "dist"));
export const SCREENSHOT_DIR = path.join(ROOT, "target", "screenshots");
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const DESKTOP = { width: 1920, height: 1080 };
export const PHONE = { width: 375, height: 812 };

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xls": "application/vnd.ms-excel",
  ".woff2": "font/woff2",
};

/** Serves `root` over HTTP on 127.0.0.1 with a random free port. */
export async function serveDir({ root = DIST_DIR, csp = null, headers = {}, prefix = "/", port = 0, gzip = false } = {}) {
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error("prefix must be /.../");
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const send = (status, body, type = "text/plain; charset=utf-8", extra = {}) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers, ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (!pathname.startsWith(prefix)) return send(404, "not found");
    let file = path.join(base, pathname.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, "forbidden");
    try {
      let stat = await fsp.stat(file);
      if (stat.isDirectory()) {
        if (!pathname.endsWith("/")) return send(301, "", undefined, { Location: pathname + "/" });
        file = path.join(file, "index.html");
        stat = await fsp.stat(file);
      }
      const type = MIME[path.extname(file).toLowerCase()] || "application/octet-stream";
      const extra = csp && type.startsWith("text/html") ? { "Content-Security-Policy": csp } : {};
      const body = await fsp.readFile(file);
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        // As a portal's server would: compressed on the fly at zlib's default level.
        const vary = { "Content-Encoding": "gzip", Vary: "Accept-Encoding" };
        return send(200, zlib.gzipSync(body), type, { ...extra, ...vary });
      }
      send(200, body, type, extra);
    } catch {
      // Chromium asks every origin for /favicon.ico on its own; a page without an icon (the sample
      // host page) would otherwise log a 404 console error that is not the page's doing.
      if (pathname === "/favicon.ico") return send(204, "");
      send(404, "not found");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = server.address().port;
  const origin = `http://127.0.0.1:${bound}`;
  return {
    port: bound,
    origin,
    url: origin + prefix,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches Debian's Chromium headless with the house flags (never a downloaded browser). */
export async function launchBrowser({ args = [] } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run scripts/install-tools.sh`);
  }
  // playwright gives every launch a fresh temporary --user-data-dir and deletes it on close.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/** Opens `url` in a new context and records every problem the page shows. */
export async function openPage(
  browser,
  url,
  { viewport = DESKTOP, javaScriptEnabled = true, locale = "zh-CN", allowedOrigins = [], wait = "started" } = {},
) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale });
  const page = await context.newPage();
  const own = new Set([new URL(url).origin, ...allowedOrigins.map((o) => new URL(o).origin)]);
  const problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
    cspViolations: [],
  };
  page.problems = problems;
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const where = msg.location()?.url;
      problems.consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
    }
  });
  page.on("pageerror", (err) => problems.pageErrors.push(String(err?.stack || err)));
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (["data:", "blob:", "about:"].includes(u.protocol)) return;
    if (!own.has(u.origin)) problems.foreignRequests.push(req.url());
  });
  page.on("requestfailed", (req) => {
    // Requests cut short by a navigation or reload are not the page's fault.
    const why = req.failure()?.errorText;
    if (why !== "net::ERR_ABORTED") problems.failedRequests.push(`${req.url()}: ${why}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  // The listener runs in every frame from the first script on, outside the page's CSP.
  await page.exposeFunction("__fjindexCspViolation", (v) => problems.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__fjindexCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.closeAll = () => context.close();
  await page.goto(url);
  if (wait) await waitForApp(page);
  return page;
}

/**
 * Waits until boot.js has started the wasm app and its first full render is done (`data-ready`): only
 * then has the app taken over the prerendered page, whose controls do nothing before. (`ready: true`,
 * which callers pass from before the page was prerendered, asks for the same.)
 */
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.waitForSelector('html[data-app]:not([data-app="loading"])', { state: "attached", timeout });
  const state = await page.getAttribute("html", "data-app");
  if (state !== "started") throw new Error(`app did not start: data-app="${state}"\n${problemsOf(page).join("\n")}`);
  await page.waitForSelector('[data-ready="1"]', { state: "attached", timeout });
}

/**
 * Waits until the ranking table's document order is its display order again. While weights keep
 * changing, rows are shifted into their new places and the table is `aria-busy`; tests that read the
 * rows in document order wait for this first. Works on a page or a frame.
 */
export async function rowsSettled(page, { timeout = 10_000 } = {}) {
  await page.waitForSelector('table.rank-table:not([aria-busy="true"])', { state: "attached", timeout });
}

/**
 * Scrolls the on-demand slot `slot` (`charts`, `analysis` or `data`) into view, as a reader would, and waits
 * until the panels module has opened it. Works on a page or a frame.
 */
export async function openOnDemand(page, slot, { timeout = 20_000 } = {}) {
  // A slot opened above it (the charts) grows and can push it out of view again, so scroll until open.
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.evaluate((s) => document.querySelector(`.slot-${s}`).scrollIntoView(), slot);
    try {
      await page.waitForSelector(`.slot-${slot} [data-on-demand="open"]`, { state: "attached", timeout: 1000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

/**
 * Scrolls `selector` into view and waits until no on-demand slot is still loading: a slot that opens
 * while the page scrolls past it changes the layout, and a click aimed before that lands elsewhere.
 */
export async function scrollIntoViewSettled(page, selector, { timeout = 30_000 } = {}) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('[data-on-demand="loading"]'), null, { timeout });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator(selector).first().scrollIntoViewIfNeeded();
}

/** Every recorded problem of `page` as one line each. */
export function problemsOf(page) {
  const p = page.problems;
  return [
    ...p.consoleErrors.map((m) => `console error: ${m}`),
    ...p.pageErrors.map((m) => `page error: ${m}`),
    ...p.failedRequests.map((m) => `failed request: ${m}`),
    ...p.foreignRequests.map((m) => `request to another origin: ${m}`),
    ...p.cspViolations.map((m) => `CSP violation: ${m}`),
  ];
}

/** Fails with the list of problems if the page had any. */
export function assertClean(page) {
  assert.deepEqual(problemsOf(page), [], "the page reported problems");
}

/**
 * Saves a full-page screenshot to target/screenshots/<name>.png and returns its path. The page draws a
 * chart only once it has been on screen, as a reader scrolling would see it, so the page is scrolled
 * through first (100 ms per screen) and put back where it was. With `{ fullPage: false }` only what the
 * viewport shows is taken, as it is.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await fsp.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (!fullPage) {
    await page.screenshot({ path: file });
    return file;
  }
  // Driven from here, not with in-page animation frames: a page with JavaScript disabled runs none.
  const { height, step, start } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    step: window.innerHeight,
    start: window.scrollY,
  }));
  const scrollTo = (top) => page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), top);
  for (let y = 0; y < height; y += step) {
    await scrollTo(y);
    await page.waitForTimeout(100);
  }
  await scrollTo(start);
  await page.waitForTimeout(100);
  // Panels below the first screen are painted only near the viewport (content-visibility: auto), and
  // a full-page capture does not move the viewport, so they are shown for the capture and put back.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll("body *")) {
      if (getComputedStyle(el).contentVisibility === "auto") {
        el.dataset.shotVisibility = "1";
        el.style.contentVisibility = "visible";
      }
    }
  });
  await page.screenshot({ path: file, fullPage: true });
  await page.evaluate(() => {
    for (const el of document.querySelectorAll("[data-shot-visibility]")) {
      el.style.contentVisibility = "";
      delete el.dataset.shotVisibility;
    }
  });
  return file;
}

/** Serves dist/ and launches a browser; `open()` gives recorded pages; `close()` ends all. */
export async function startApp({ csp = STRICT_CSP, prefix = "/", args = [], root = DIST_DIR, headers } = {}) {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    throw new Error(`${root}/index.html missing: run trunk build --release --offline first`);
  }
  const server = await serveDir({ root, csp, prefix, headers });
  const browser = await launchBrowser({ args });
  const pages = [];
  return {
    url: server.url,
    server,
    browser,
    async open({ path: sub = "", ...opts } = {}) {
      const page = await openPage(browser, new URL(sub, server.url).href, opts);
      pages.push(page);
      return page;
    },
    screenshot,
    assertClean,
    problemsOf,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
