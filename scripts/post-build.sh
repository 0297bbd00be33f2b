#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml), on its staging directory, in order:
#   1. release: minify the wasm-bindgen JavaScript glue, which Trunk's own
#      minifier cannot parse, and update its integrity hash (minify-js.mjs);
#   2. release: write the default plan into the page (src/bin/prerender.rs);
#   3. release, English page: build the French page into fr/. Each language
#      has its own page, with only its own texts in its WebAssembly; the same
#      hook runs there with HEADROOM_PAGE=fr;
#   4. English page: the JavaScript module for other pages, into js/.
set -euo pipefail
cd "$(dirname "$0")/.."
stage="${TRUNK_STAGING_DIR:?run it as a Trunk hook (trunk build)}"
page="${HEADROOM_PAGE:-en}"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  node scripts/minify-js.mjs
  cargo run --locked -q -p headroom-web --bin prerender -- "$stage/index.html" "$page"
  if [ "$page" = en ]; then
    HEADROOM_PAGE=fr trunk build fr/index.html --release --dist "$stage/fr"
  fi
fi
if [ "$page" = en ]; then
  scripts/build-js.sh
fi
