# Sourced by the scripts: puts the installed tools on PATH for the build.
HEADROOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HEADROOM_ROOT/node_modules/.bin:$HEADROOM_ROOT/.venv/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk cannot download tools here: it finds them on PATH.
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
