# Sourced by every scripts/bench-*.sh: where things are, the same tool PATH as ./dev
# (npm's wasm-opt first: the one the release build must use), and a fresh bench
# database on the project-local cluster.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET_DIR/release/agent-mitra"
PORT="${BENCH_PORT:-8019}"

# Points DATABASE_URL at an empty `agent_mitra_bench` on the local cluster.
fresh_bench_db() {
  ./dev db start >/dev/null
  local base; base="$(./dev db url)"
  psql -X -q "${base%/*}/postgres" -c "DROP DATABASE IF EXISTS agent_mitra_bench WITH (FORCE)" -c "CREATE DATABASE agent_mitra_bench"
  export DATABASE_URL="${base%/*}/agent_mitra_bench"
}
