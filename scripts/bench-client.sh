#!/usr/bin/env bash
# Client benchmark (a measurement, not a test): for each page (login, agent home,
# library, editor, users list, status), what a phone downloads and how long until it
# is usable on a throttled profile (end2end/bench/throttled.mjs). The byte budget
# itself is a test: scripts/client-budget.sh.
#
#   ./dev bench client
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET_DIR/release/agent-mitra"
PORT="${BENCH_PORT:-8019}"

cargo leptos build --release --precompress >/dev/null 2>&1
echo "== What an island page downloads (brotli is what the server sends)"
scripts/client-budget.sh || true

if [[ -z "${DATABASE_URL:-}" ]]; then
  ./dev db start >/dev/null
  base="$(./dev db url)"
  psql -X -q "${base%/*}/postgres" -c "DROP DATABASE IF EXISTS agent_mitra_bench WITH (FORCE)" -c "CREATE DATABASE agent_mitra_bench"
  export DATABASE_URL="${base%/*}/agent_mitra_bench"
fi
export LEPTOS_SITE_ROOT="$ROOT/target/site" LEPTOS_OUTPUT_NAME=agent-mitra ENVIRONMENT=test API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false
"$BIN" seed >/dev/null
"$BIN" serve >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done

echo
echo "== Per page on a throttled phone (1.6 Mbit/s, 150 ms RTT, CPU x4)"
(cd end2end && BASE="http://127.0.0.1:$PORT" node bench/throttled.mjs)
