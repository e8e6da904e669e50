//! Trunk's post_build hook (Trunk.toml): finishes the page in Trunk's staging directory, in order.
// Trunk starts a stage's hooks at the same time, so the steps that depend on each other run here.
//  1. In a release build, minifies every JavaScript and CSS file with esbuild (package.json pins it):
//     Trunk leaves the wasm-bindgen glue, the snippets and www/ as written.
//  2. Runs src/bin/finish-page.rs: the static ranking table, the catalogues of the languages the
//     page's module does not link, and the integrity hashes of the finished files.

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { transform } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("finish-build: TRUNK_STAGING_DIR is not set (run by Trunk's post_build hook)");
  process.exit(2);
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

if (process.env.TRUNK_PROFILE === "release") {
  for (const file of filesUnder(staging)) {
    const loader = { ".js": "js", ".mjs": "js", ".css": "css" }[path.extname(file)];
    if (!loader) continue;
    const source = fs.readFileSync(file, "utf8");
    // Each JavaScript file is an ES module; its exports keep their names.
    const { code } = await transform(source, { loader, minify: true, legalComments: "none" });
    fs.writeFileSync(file, code);
  }
}

const finish = spawnSync("cargo", ["run", "--quiet", "--offline", "--bin", "finish-page"], {
  stdio: "inherit",
});
process.exit(finish.status ?? 1);
