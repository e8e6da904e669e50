//! Serves the release build in dist/ on 127.0.0.1 with the strict CSP header the embedding issue requires.
// Usage: node scripts/serve-dist.mjs [port] [sub-path]   (defaults: 8080, "/")

import { serveDir, STRICT_CSP, DIST_DIR } from "../tests/e2e/harness.mjs";

const port = Number(process.argv[2] || 8080);
const prefix = process.argv[3] || "/";
const server = await serveDir({ csp: STRICT_CSP, port, prefix });
console.log(`serving ${DIST_DIR} at ${server.url} with Content-Security-Policy: ${STRICT_CSP}`);
console.log("press Ctrl-C to stop");
