#!/usr/bin/env bash
# Trunk post-build hook: builds the JavaScript module (crates/js, the core
# without the page) into dist/js/ beside the site, with an example page.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:?run it as a Trunk hook (trunk build)}/js"
target="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  cargo build --locked -q -p headroom-js --release --target wasm32-unknown-unknown
  wasm="$target/release/headroom_js.wasm"
else
  cargo build --locked -q -p headroom-js --target wasm32-unknown-unknown
  wasm="$target/debug/headroom_js.wasm"
fi
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name headroom "$wasm"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-producers --strip-target-features \
    "$out/headroom_bg.wasm" -o "$out/headroom_bg.wasm"
fi
cp web/embed-example.html "$out/example.html"
