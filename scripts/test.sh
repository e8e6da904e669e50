#!/usr/bin/env bash
# The whole check, as CI runs it: formatting, clippy (native and wasm32), native tests, the release
# page build (into target/test-dist/), then the browser tests against that build.
# Every step runs even after an earlier one failed (so one run shows every problem), except that the
# browser tests need the page build; `--fail-fast` stops at the first failure instead. Prints a table
# of steps and seconds at the end and exits non-zero if any step failed. Needs no stdin or terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

FAIL_FAST=0
[ "${1:-}" = "--fail-fast" ] && FAIL_FAST=1

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
exec </dev/null
# Property tests draw their cases from a fixed seed under CI, so every CI run tries the same cases (a
# local run draws new ones each time); either way a failing case is saved in a regressions file
# (tests/<file>.proptest-regressions, crates/<crate>/proptest-regressions/ for a crate's src/) and
# replayed first from then on.
if [ "${CI:-}" = true ]; then
  export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20251222}"
fi

SUMMARY=()
FAILED=0
TOTAL_START=$SECONDS
# step NAME COMMAND...: runs the command, records its time and result; returns its status.
step() {
  local name=$1 start=$SECONDS status=0
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  "$@" || status=$?
  local took=$((SECONDS - start))
  if [ "$status" -eq 0 ]; then
    SUMMARY+=("$(printf '%-14s ok      %5ss' "$name" "$took")")
  else
    printf '\n==> FAILED: %s (exit %s, after %ss)\n' "$name" "$status" "$took" >&2
    SUMMARY+=("$(printf '%-14s FAILED  %5ss' "$name" "$took")")
    FAILED=1
    if [ "$FAIL_FAST" = 1 ]; then finish; fi
  fi
  return "$status"
}
finish() {
  printf '\n==> summary (total %ss)\n' "$((SECONDS - TOTAL_START))"
  printf '    %s\n' "${SUMMARY[@]}"
  if [ "$FAILED" = 0 ]; then printf '==> all checks passed\n'; else printf '==> SOME CHECKS FAILED\n'; fi
  exit "$FAILED"
}

# Without the tools nothing else can run.
step install-tools bash scripts/install-tools.sh || finish
step fmt cargo fmt --all --check || true
step clippy cargo clippy --workspace --all-targets --offline -- -D warnings || true
step clippy-wasm32 cargo clippy --workspace --all-targets --offline --target wasm32-unknown-unknown -- -D warnings || true
step clippy-wasm32-page cargo clippy -p fjindex-web --lib --bin fjindex-web --offline --target wasm32-unknown-unknown --no-default-features -- -D warnings || true
# The layering Cargo enforces: the page's module links neither the importer (calamine, zip), the solver
# (good_lp, microlp) nor the command line (clap). Fails if any of them is among its dependencies.
layering() {
  local tree found
  tree=$(cargo tree -p fjindex-web --target wasm32-unknown-unknown -e normal --offline) || return 1
  found=$(grep -E 'calamine|zip|good_lp|microlp|clap' <<<"$tree" || true)
  if [ -n "$found" ]; then
    printf 'fjindex-web depends on:\n%s\n' "$found" >&2
    return 1
  fi
}
step layering layering || true
step test cargo test --workspace --offline --no-fail-fast || true
# The page is built into a directory of this script's own, not dist/, so a `trunk build` someone runs
# by hand in the same checkout cannot mix its files into the build under test; the lock keeps two runs
# of this script from sharing it at once. A failed build must not leave an old page to test: start empty.
export FJINDEX_DIST="$PWD/target/test-dist"
mkdir -p target
exec 9>target/.test-dist.lock
flock 9
rm -rf "$FJINDEX_DIST"
if step trunk-build trunk build --release --offline --dist "$FJINDEX_DIST"; then
  step e2e node --test --test-reporter=spec tests/e2e/ || true
else
  SUMMARY+=("$(printf '%-14s skipped (no page build)' e2e)")
fi
finish
