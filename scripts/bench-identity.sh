#!/usr/bin/env bash
# Identity benchmark (a measurement, not a test):
#   1. raw argon2id verifications per second on this machine (the login ceiling);
#   2. password-login throughput through the release server at 2/4/8 connections;
#   3. p50/p99 of a cheap authenticated JSON endpoint (GET /api/v1/auth/sessions),
#      alone and while logins run in parallel.
# Uses wrk (Debian). Rate limits are switched off for the server under test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
DURATION="${BENCH_SECONDS:-10}"
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }

echo "== Raw argon2id"
cargo run -q --release -p server --example argon2_rate -- 5

cargo leptos build --release --precompress >/dev/null 2>&1
fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" ENVIRONMENT=test \
       API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false DATABASE_MAX_CONNECTIONS=20
"$BIN" seed >/dev/null
"$BIN" serve >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.05; done

lua="$(mktemp --suffix=.lua)"
cat > "$lua" <<'LUA'
-- Each login uses a different demo user's phone: the lockout never triggers.
local phones = {"+919876543200","+919876543201","+919876543202","+919876543203","+919876543204",
                "+919876543205","+919876543206","+919876543207","+919876543208","+919876543209"}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local body = '{"phone_number":"' .. phones[(i % #phones) + 1] .. '","password":"testpassword"}'
  return wrk.format(nil, "/api/v1/auth/login", nil, body)
end
LUA

echo
echo "== Password logins/s through the server"
for c in 2 4 8; do
  printf 'connections=%-2s ' "$c"
  wrk -t2 -c"$c" -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print "logins/s:", $2} /Non-2xx/ {print "  non-2xx:", $0}'
done

token=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d '{"phone_number":"+919876543204","password":"testpassword"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

echo
echo "== GET /api/v1/auth/sessions (bearer), 8 connections, alone"
wrk -t2 -c8 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/auth/sessions" \
  | awk '/Requests\/sec/ {print "req/s:", $2} /^ +50%/ {print "p50:", $2} /^ +99%/ {print "p99:", $2}'

echo
echo "== The same, while 4 connections log in continuously"
wrk -t1 -c4 -d"$((DURATION + 2))s" -s "$lua" "http://127.0.0.1:$PORT" > /tmp/bench-logins.txt &
logins=$!
sleep 1
wrk -t1 -c8 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/auth/sessions" \
  | awk '/Requests\/sec/ {print "req/s:", $2} /^ +50%/ {print "p50:", $2} /^ +99%/ {print "p99:", $2}'
wait "$logins" || true
awk '/Requests\/sec/ {print "(logins/s meanwhile:", $2 ")"}' /tmp/bench-logins.txt
rm -f "$lua"
