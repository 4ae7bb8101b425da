#!/usr/bin/env bash
# Client benchmark (a measurement, not a test): for each page (login, agent home,
# library, editor, users list, status), what a phone downloads and how long until it
# is usable on a throttled profile (end2end/bench/throttled.mjs), and Lighthouse
# (mobile) on the login page, the agent home and the users list. The byte budget
# itself is a test: scripts/client-budget.sh.
#
#   ./dev bench client
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

cargo leptos build --release --precompress >/dev/null 2>&1
echo "== What an island page downloads (brotli is what the server sends)"
scripts/client-budget.sh || true

[[ -n "${DATABASE_URL:-}" ]] || fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" LEPTOS_OUTPUT_NAME=agent-mitra ENVIRONMENT=test API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false
"$BIN" seed >/dev/null
"$BIN" serve >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done

echo
echo "== Per page on a throttled phone (1.6 Mbit/s, 150 ms RTT, CPU x4)"
(cd end2end && BASE="http://127.0.0.1:$PORT" node bench/throttled.mjs)

echo
echo "== Lighthouse 12.2.3 (mobile preset), performance and accessibility"
LH="$ROOT/.data/lighthouse"
if [[ ! -x "$LH/node_modules/.bin/lighthouse" ]]; then
  npm install --prefix "$LH" --no-audit --no-fund --loglevel=error lighthouse@12.2.3 >/dev/null
fi
cookie_for() { # the am_session cookie of a browser sign-in
  curl -fsS -o /dev/null -c - -H "origin: http://127.0.0.1:$PORT" -H "referer: http://127.0.0.1:$PORT/login" \
    -d "$1" "http://127.0.0.1:$PORT/api/ui/auth/login" | awk '$6 == "am_session" { print "am_session=" $7 }'
}
for spec in "login|/login|" "agent home|/agent|agent_code=AGENT001&password=password123" \
            "users list|/admin/users|identifier=9876543200&password=testpassword"; do
  IFS='|' read -r name path login <<<"$spec"
  headers="{}"
  [[ -n "$login" ]] && headers="{\"Cookie\": \"$(cookie_for "$login")\"}"
  CHROME_PATH=/usr/bin/chromium "$LH/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$path" \
    --quiet --only-categories=performance,accessibility --extra-headers="$headers" \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --output=json --output-path=/tmp/lh.json >/dev/null 2>&1 \
    || { echo "$name: lighthouse failed"; continue; }
  python3 - "$name" <<'PY'
import json, sys
r = json.load(open("/tmp/lh.json"))
c = r["categories"]
print(f"{sys.argv[1]:<12} performance {round(c['performance']['score'] * 100):>3}  accessibility {round(c['accessibility']['score'] * 100):>3}"
      f"  LCP {r['audits']['largest-contentful-paint']['displayValue']}  TBT {r['audits']['total-blocking-time']['displayValue']}")
for a in r["audits"].values():
    if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
        print(f"    flagged: {a['id']}")
PY
done
