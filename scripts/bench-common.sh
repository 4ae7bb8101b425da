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

# wrk's figures for one URL: "req/s p50_ms p99_ms non2xx". Args: connections, token,
# url, and optionally a Lua script that builds each request (the writes).
wrk_figures() {
  wrk -t2 -c"$1" -d"${DURATION}s" --latency -H "Authorization: Bearer $2" ${4:+-s "$4"} "$3" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %.2f %.2f %d\n", rps, p50, p99, bad }'
}

# Starts the release server in the background ($pid), with a scratch directory
# ($tmp), both cleaned up on exit; returns once it answers. Then `login <phone>`
# prints a demo user's access token (password `testpassword`).
start_server() {
  "$BIN" serve >/dev/null 2>&1 &
  pid=$!
  tmp="$(mktemp -d)"
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
    sleep 0.05
  done
  base="http://127.0.0.1:$PORT"
}

login() {
  curl -fs -X POST -H 'Content-Type: application/json' -d "{\"phone_number\":\"$1\",\"password\":\"testpassword\"}" \
    "$base/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
