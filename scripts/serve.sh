#!/usr/bin/env bash
# Runs the calculator locally at http://127.0.0.1:8080/ .
#   bash scripts/serve.sh          trunk serve: debug build, rebuilds and reloads on every change
#   bash scripts/serve.sh --dist   release build (as shipped), served with the strict CSP header
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ "${1:-}" = "--dist" ]; then
  trunk build --release --offline
  exec node scripts/serve-dist.mjs 8080 /
fi
exec trunk serve --offline --address 127.0.0.1 --port 8080
