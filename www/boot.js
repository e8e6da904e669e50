//! Starts the WebAssembly app without any inline script, so the page runs under
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// Trunk (see Trunk.toml, pattern_script) writes <meta name="fjindex-app" data-js data-wasm> naming the
// hashed wasm-bindgen module and wasm file, and preload links carrying their SRI hashes.
// Progress is recorded on <html data-app="loading|started|unsupported|failed"> for CSS and tests.

const root = document.documentElement;

// A tiny module using the wasm features rustc emits for wasm32-unknown-unknown that older engines lack
// (bulk memory, sign extension, non-trapping float-to-int, reference types). Browsers that cannot
// validate it get data-app="unsupported" (and the static ranking) instead of a failed start.
const FEATURE_TEST = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02,
  0x01, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x0a, 0x1d, 0x01, 0x1b, 0x00, 0x41, 0x00, 0x41, 0x00,
  0x41, 0x00, 0xfc, 0x0a, 0x00, 0x00, 0x41, 0x00, 0xc0, 0x1a, 0x43, 0x00, 0x00, 0x00, 0x00, 0xfc,
  0x00, 0x1a, 0xd0, 0x6f, 0x1a, 0x0b,
]);

function wasmSupported() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(FEATURE_TEST);
  } catch {
    return false;
  }
}

// For a link's ?lang= naming a language the main module does not link, fetches its catalogue alongside
// the wasm. finish-page writes data-catalogue-<id> attributes on the meta; the URL is the one
// fetchCatalogue in www/tools.js asks for, so the app's request is served by this preload.
function preloadCatalogue(meta) {
  const id = new URLSearchParams(location.search).get("lang")?.trim().toLowerCase();
  const file = id && meta.getAttribute(`data-catalogue-${id}`);
  if (!file) return;
  const build = encodeURIComponent(meta.dataset.wasm.replace(/^.*\//, ""));
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = new URL(`${file}?build=${build}`, document.baseURI).href;
  document.head.append(link);
}

// The prerendered page paints without the app, so the app's files are asked for only after that first
// paint: finish-page keeps Trunk's preload links (with their integrity hashes) in an inert <template>,
// and they go into <head> here. A link whose first screen the app draws (www/first-screen.js) has
// nothing to paint first and starts at once; a hidden tab, which paints no frames, after a short wait.
function afterFirstPaint() {
  if (root.hasAttribute("data-first-screen")) return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });
}

function placePreloads() {
  const template = document.getElementById("app-preloads");
  if (template) document.head.append(template.content.cloneNode(true));
}

function integrityOf(href) {
  for (const link of document.querySelectorAll('link[rel="preload"][integrity]')) {
    if (link.href === href) return link.integrity;
  }
  return undefined;
}

async function boot() {
  const meta = document.querySelector('meta[name="fjindex-app"]');
  if (!meta) throw new Error("missing <meta name=\"fjindex-app\">: was the page built by Trunk?");
  if (!wasmSupported()) {
    root.dataset.app = "unsupported";
    return;
  }
  root.dataset.app = "loading";
  await afterFirstPaint();
  placePreloads();
  preloadCatalogue(meta);
  const jsUrl = new URL(meta.dataset.js, document.baseURI).href;
  const wasmUrl = new URL(meta.dataset.wasm, document.baseURI).href;
  const bindings = await import(jsUrl);
  // Fetching with the same integrity as the preload link both checks the hash and reuses the preload.
  const integrity = integrityOf(wasmUrl);
  const response = fetch(wasmUrl, integrity ? { integrity, credentials: "same-origin" } : {});
  await bindings.default({ module_or_path: response });
  root.dataset.app = "started";
  dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
}

boot().catch((err) => {
  root.dataset.app = "failed";
  console.error("fjindex: the app could not start:", err);
});
