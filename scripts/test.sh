#!/usr/bin/env bash
# The whole check, as CI runs it: formatting, clippy (native and wasm32), native tests, the release
# page build, then the browser tests against dist/. Exits non-zero on the first failure; needs no stdin.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
exec </dev/null

TIMINGS=()
step() {
  local name=$1
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  local start=$SECONDS
  if ! "$@"; then
    printf '\n==> FAILED: %s (after %ss)\n' "$name" "$((SECONDS - start))" >&2
    exit 1
  fi
  TIMINGS+=("$(printf '%-14s %5ss' "$name" "$((SECONDS - start))")")
}

step install-tools bash scripts/install-tools.sh
step fmt cargo fmt --all --check
step clippy cargo clippy --all-targets --offline -- -D warnings
step clippy-wasm32 cargo clippy --all-targets --offline --target wasm32-unknown-unknown -- -D warnings
step test cargo test --offline
step trunk-build trunk build --release --offline
step e2e node --test --test-reporter=spec tests/e2e/

printf '\n==> all checks passed\n'
printf '    %s\n' "${TIMINGS[@]}"
