//! Loads the page's on-demand WebAssembly modules the first time each is needed, and calls their
// exports: fjindex-tools (import, XLSX writing, exact analyses) and fjindex-panels (the charts and the
// analysis panels, opened when they come into view). The main module imports this file as a
// wasm-bindgen snippet (src/ui/tools.rs, src/ui/panels_host.rs). Trunk writes each module next to
// index.html as <name>.js and <name>_bg.wasm; both are resolved against document.baseURI, so the page
// works from any sub-path, and are fetched only from here, never preloaded.

const loading = new Map();
const attempts = new Map();

// Trunk cannot hash a worker's file names, so the query names the build: the main module's hashed
// file name, which boot.js reads from the same <meta>. A cached module of an older build is not reused.
function build() {
  const meta = document.querySelector('meta[name="fjindex-app"]');
  return encodeURIComponent(meta?.dataset.wasm?.replace(/^.*\//, "") ?? "");
}

function load(name) {
  if (!loading.has(name)) {
    // A failed dynamic import may be remembered by the browser; a retry asks for a fresh URL.
    const attempt = (attempts.get(name) ?? 0) + 1;
    attempts.set(name, attempt);
    const query = `?build=${build()}${attempt > 1 ? `&retry=${attempt - 1}` : ""}`;
    const js = new URL(`${name}.js${query}`, document.baseURI).href;
    const wasm = new URL(`${name}_bg.wasm${query}`, document.baseURI).href;
    const module = import(js).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    // After a failure the next call tries again.
    module.catch(() => loading.delete(name));
    loading.set(name, module);
  }
  return loading.get(name);
}

/** Calls the tools module's export `name` with `args` (an array), loading the module first if need be. */
export async function callTools(name, args) {
  const tools = await load("fjindex-tools");
  return tools[name](...args);
}

/** Calls the panels module's export `name` with `args` (an array), loading the module first if need be. */
export async function callPanels(name, args) {
  const panels = await load("fjindex-panels");
  return panels[name](...args);
}
