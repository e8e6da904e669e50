#!/usr/bin/env bash
# Installs what building and testing the web page needs, skipping whatever is already there.
# For a fresh Debian machine with rustup: the wasm32 target, trunk, wasm-bindgen-cli (the version in
# Cargo.lock), Debian's Chromium + CJK fonts, and the npm dev dependencies (playwright-core and axe-core
# for the browser tests, binaryen for wasm-opt, esbuild for minifying, lighthouse for its benchmark).
# Never downloads a browser: Playwright uses /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[install-tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen library version in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then
  say "no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-* >/dev/null 2>&1 \
  || ! command -v pdftoppm >/dev/null; then
  say "installing chromium, chromium-driver, fonts-noto-cjk, poppler-utils (the print tests read PDFs) from Debian"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO=(sudo -n); else
      say "not root and no sudo: install chromium chromium-driver fonts-noto-cjk poppler-utils by hand" >&2
      exit 1
    fi
  fi
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium chromium-driver fonts-noto-cjk poppler-utils
fi

# npm ci only when node_modules does not match package-lock.json.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null \
  && ! node -e 'const a=require("./package-lock.json").packages,b=require("./node_modules/.package-lock.json").packages;for(const k of Object.keys(a))if(k&&(!b[k]||b[k].version!==a[k].version))process.exit(1)' 2>/dev/null; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Fetch every crate for every target now, so later builds can run with --offline.
cargo fetch --quiet

say "ok: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
