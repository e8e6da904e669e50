//! The import worker: a module worker that loads the tools module (fjindex-tools) and reads one file
// at a time with its import_file_staged export, so that no file, however large or hostile, blocks the
// page. www/tools.js starts it (importInWorker) and terminates it to cancel an import or after a failure.
//
// Message in:  { js, wasm, bytes, name, sheet }  (js and wasm: the tools module's URLs, as tools.js
//              resolves them against the page's address with the ?build= query)
// Messages out: { kind: "stage", stage }          "loading", then "checking", "reading", "matching"
//               { kind: "done", json }            the ImportSummary as JSON
//               { kind: "load-failed", message }  the module could not be fetched or instantiated
//               { kind: "read-failed", message }  the module trapped (ran out of memory, say) on this file;
//                                                 it is never used again: the page starts a fresh worker

let tools = null;

async function load(js, wasm) {
  if (!tools) {
    const m = await import(js);
    await m.default({ module_or_path: wasm });
    tools = m;
  }
  return tools;
}

function reason(e) {
  return String(e?.message ?? e);
}

self.onmessage = async ({ data }) => {
  const { js, wasm, bytes, name, sheet } = data;
  let module;
  try {
    if (!tools) self.postMessage({ kind: "stage", stage: "loading" });
    module = await load(js, wasm);
  } catch (e) {
    self.postMessage({ kind: "load-failed", message: reason(e) });
    return;
  }
  try {
    const stage = (s) => self.postMessage({ kind: "stage", stage: s });
    const json = module.import_file_staged(bytes, name, sheet ?? undefined, stage);
    self.postMessage({ kind: "done", json });
  } catch (e) {
    self.postMessage({ kind: "read-failed", message: reason(e) });
  }
};
