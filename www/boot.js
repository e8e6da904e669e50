//! Starts the WebAssembly app without any inline script, so the page runs under
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// Trunk (see Trunk.toml, pattern_script) writes <meta name="fjindex-app" data-js data-wasm> naming the
// hashed wasm-bindgen module and wasm file, and preload links carrying their SRI hashes.
// Progress is recorded on <html data-app="loading|started|unsupported|failed"> for CSS and tests.

const root = document.documentElement;

function integrityOf(href) {
  for (const link of document.querySelectorAll('link[rel="preload"][integrity]')) {
    if (link.href === href) return link.integrity;
  }
  return undefined;
}

async function boot() {
  const meta = document.querySelector('meta[name="fjindex-app"]');
  if (!meta) throw new Error("missing <meta name=\"fjindex-app\">: was the page built by Trunk?");
  if (typeof WebAssembly !== "object") {
    root.dataset.app = "unsupported";
    return;
  }
  root.dataset.app = "loading";
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
