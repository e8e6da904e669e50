//! Loads the page's second WebAssembly module (fjindex-tools: import, XLSX writing, exact analyses) the
// first time it is needed, and calls its exports. The main module imports this file as a wasm-bindgen
// snippet (src/ui/tools.rs). Trunk writes the module next to index.html as fjindex-tools.js and
// fjindex-tools_bg.wasm; both are resolved against document.baseURI, so the page works from any
// sub-path, and are fetched only from here, never preloaded.

let loading = null;
let attempts = 0;

// Trunk cannot hash a worker's file names, so the query names the build: the main module's hashed
// file name, which boot.js reads from the same <meta>. A cached module of an older build is not reused.
function build() {
  const meta = document.querySelector('meta[name="fjindex-app"]');
  return encodeURIComponent(meta?.dataset.wasm?.replace(/^.*\//, "") ?? "");
}

function load() {
  if (!loading) {
    // A failed dynamic import may be remembered by the browser; a retry asks for a fresh URL.
    const query = `?build=${build()}${attempts++ > 0 ? `&retry=${attempts}` : ""}`;
    const js = new URL(`fjindex-tools.js${query}`, document.baseURI).href;
    const wasm = new URL(`fjindex-tools_bg.wasm${query}`, document.baseURI).href;
    loading = import(js).then(async (tools) => {
      await tools.default({ module_or_path: wasm });
      return tools;
    });
    // After a failure the next call tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Calls the export `name` with `args` (an array), loading the module first if need be. */
export async function callTools(name, args) {
  const tools = await load();
  return tools[name](...args);
}
