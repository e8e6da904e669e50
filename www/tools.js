//! Loads the page's on-demand WebAssembly modules the first time each is needed, and calls their
// exports: fjindex-tools (XLSX writing, exact analyses; imports run it in a worker, see importInWorker)
// and fjindex-panels (the charts and the analysis panels, opened when they come into view). The main module imports this file as a
// wasm-bindgen snippet (crates/web/src/ui/tools.rs, crates/web/src/ui/panels_host.rs). Trunk writes each module next to
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

// The URLs of a module's two files; each call after the first asks for fresh URLs, since a failed
// dynamic import may be remembered by the browser.
function urls(name) {
  const attempt = (attempts.get(name) ?? 0) + 1;
  attempts.set(name, attempt);
  const query = `?build=${build()}${attempt > 1 ? `&retry=${attempt - 1}` : ""}`;
  return {
    js: new URL(`${name}.js${query}`, document.baseURI).href,
    wasm: new URL(`${name}_bg.wasm${query}`, document.baseURI).href,
  };
}

// The stylesheets only the panels module's documents use (www/analysis.css, www/brief.css), which the
// build keeps in <template id="panels-styles"> (src/bin/finish-page.rs): put in place once, and
// resolved when each has loaded or failed, so the module never draws unstyled.
function placePanelStyles() {
  const template = document.getElementById("panels-styles");
  if (!template) return Promise.resolve();
  const links = [...template.content.cloneNode(true).children];
  template.remove();
  const loaded = links.map((link) => new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  }));
  document.head.append(...links);
  return Promise.all(loaded);
}

function load(name) {
  if (!loading.has(name)) {
    const { js, wasm } = urls(name);
    const styles = name === "fjindex-panels" ? placePanelStyles() : Promise.resolve();
    const module = import(js).then(async (m) => {
      await Promise.all([m.default({ module_or_path: wasm }), styles]);
      return m;
    });
    // After a failure the next call tries again.
    module.catch(() => loading.delete(name));
    loading.set(name, module);
  }
  return loading.get(name);
}

/**
 * Fetches the catalogue `file` of a language the main module does not link (written next to index.html
 * by src/bin/finish-page.rs) and resolves to its text; rejects with the reason, a string, when it
 * cannot be had.
 * boot.js may have preloaded the same URL for a link's ?lang=.
 */
export async function fetchCatalogue(file) {
  let response;
  try {
    response = await fetch(catalogueUrl(file));
  } catch (err) {
    throw String(err?.message ?? err);
  }
  if (!response.ok) throw `HTTP ${response.status}`;
  return response.text();
}

/** The URL of a catalogue file of this build. */
export function catalogueUrl(file) {
  return new URL(`${file}?build=${build()}`, document.baseURI).href;
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

// The import worker (www/import-worker.js, copied to www/ next to index.html) and the import it runs.
let worker = null;
let workerReady = false;
let workerUrls = null;
let pending = null;

function failure(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

// Ends the worker, and with it any import in progress; the next import starts a fresh one.
function dropWorker() {
  worker?.terminate();
  worker = null;
  workerReady = false;
}

function settle(error, value) {
  const p = pending;
  pending = null;
  if (!p) return;
  if (error) p.reject(error);
  else p.resolve(value);
}

function startWorker() {
  const url = new URL(`www/import-worker.js?build=${build()}`, document.baseURI).href;
  const w = new Worker(url, { type: "module" });
  w.onmessage = ({ data }) => {
    if (data.kind === "stage") {
      if (data.stage !== "loading") workerReady = true;
      pending?.onStage(data.stage);
    } else if (data.kind === "done") {
      settle(null, data.json);
    } else if (data.kind === "load-failed") {
      // A fresh worker and fresh module URLs next time.
      dropWorker();
      workerUrls = null;
      settle(failure("ToolsUnavailable", data.message));
    } else {
      dropWorker();
      settle(failure("FileUnreadable", data.message));
    }
  };
  // The worker itself died: before the module was running, the component could not be loaded;
  // afterwards, this file broke it (the browser may end a worker that runs out of memory).
  w.onerror = (event) => {
    event.preventDefault();
    const ready = workerReady;
    dropWorker();
    if (!ready) workerUrls = null;
    const message = event.message || "the import worker stopped";
    settle(failure(ready ? "FileUnreadable" : "ToolsUnavailable", message));
  };
  return w;
}

/**
 * Reads a file in the import worker: resolves to the ImportSummary JSON; rejects with an Error named
 * "FileUnreadable" (the module trapped on this file), "ImportCancelled" (cancelImport) or
 * "ToolsUnavailable" (the worker or the module could not be loaded). `onStage` receives each stage's name.
 */
export function importInWorker(bytes, name, sheet, onStage) {
  cancelImport();
  if (!worker) worker = startWorker();
  if (!workerUrls) workerUrls = urls("fjindex-tools");
  return new Promise((resolve, reject) => {
    pending = { resolve, reject, onStage };
    // The bytes are a copy made for this call, so they move to the worker instead of being copied again.
    worker.postMessage({ ...workerUrls, bytes, name, sheet: sheet ?? null }, [bytes.buffer]);
  });
}

/** Cancels the import in progress, if any, by terminating its worker; the page's data is untouched. */
export function cancelImport() {
  if (!pending) return;
  dropWorker();
  settle(failure("ImportCancelled", "cancelled"));
}
