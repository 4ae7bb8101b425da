#!/usr/bin/env bash
# Presentations benchmark (a measurement, not a test): how fast the release server
# answers the carousel's read, GET /api/v1/presentations/agent/{id}/active, for a
# 20-slide deck, next to what PostgreSQL alone does for the same reads (pgbench).
#   1. one checked request: 200, 20 slides, body size, and 304 on If-None-Match;
#   2. wrk at 16 and 64 connections (after a warm-up): req/s, p50, p99;
#   3. pgbench running the endpoint's three SELECTs as one transaction at the same
#      concurrency: TPS, and our req/s as a share of it.
# Uses wrk (Debian) and pgbench. Rate limits are switched off for the server under test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
DURATION="${BENCH_SECONDS:-10}"
POOL="${BENCH_POOL:-20}"                            # the server's DATABASE_MAX_CONNECTIONS
CONNS=(16 64)
PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"
AGENT="b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03"        # AGTSR001, the seeded senior agent
AGENT_USER="550e8400-e29b-41d4-a716-446655440003"
PHONE="+919876543203"
URL_PATH="/api/v1/presentations/agent/$AGENT/active"
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }
[[ -x "$PG_BIN/pgbench" ]] || { echo "pgbench not found under /usr/lib/postgresql/*/bin" >&2; exit 1; }

cargo leptos build --release --precompress >/dev/null 2>&1
fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" ENVIRONMENT=test \
       API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false DATABASE_MAX_CONNECTIONS="$POOL"
"$BIN" seed >/dev/null

# A dedicated 20-slide published deck for AGTSR001 (idempotent: an earlier one goes first).
psql -X -q -v ON_ERROR_STOP=1 -v agent="$AGENT" -v agent_user="$AGENT_USER" -v phone="$PHONE" "$DATABASE_URL" <<'SQL'
BEGIN;
DELETE FROM presentations WHERE agent_id = :'agent' AND name = 'Bench 20 slides';
UPDATE presentations SET is_active = false WHERE agent_id = :'agent';
WITH deck AS (
  INSERT INTO presentations (agent_id, tenant_id, name, description, status, is_active, tags,
                             published_at, published_by, created_by)
  VALUES (:'agent', '00000000-0000-0000-0000-000000000000', 'Bench 20 slides',
          'Twenty slides for the read benchmark', 'published', true, '{bench,demo}',
          now(), :'agent_user', :'agent_user')
  RETURNING presentation_id
), copy (n, title, subtitle, description) AS (VALUES
  (1,  'Welcome',                    'To Agent Mitra',                  'Your trusted LIC advisor, a call away.'),
  (2,  'Protect your family',        'Term cover from ₹500 a month',    'A pure term plan keeps your family''s plans on track if you are not there.'),
  (3,  'Health comes first',         'Cashless care in 10,000+ hospitals', 'Hospital bills without dipping into your savings.'),
  (4,  'Your child''s future',       'Education and marriage, planned', 'Money that arrives when each milestone does.'),
  (5,  'Retire with a smile',        'A pension for life',              'Turn today''s savings into a monthly income you cannot outlive.'),
  (6,  'Jeevan Anand',               'Endowment with whole-life cover', 'Savings at maturity, and cover that continues after it.'),
  (7,  'Tax savings',                'Under sections 80C and 10(10D)',  'Premiums and maturity proceeds can both save tax.'),
  (8,  'Claims, settled',            '98.6% claim settlement ratio',    'I stand with your family through every step of a claim.'),
  (9,  'Loans on policies',          'Funds when you need them',        'Borrow against your policy''s surrender value at low interest.'),
  (10, 'Review your cover',          'Free annual check-up',            'Married, a new child, a new home? Your cover should grow too.'),
  (11, 'Money back plans',           'Payouts every few years',         'Regular survival benefits for life''s planned expenses.'),
  (12, 'Women''s plans',             'Aadhaar Shila and more',          'Savings and protection designed for women.'),
  (13, 'Premium reminders',          'Never miss a due date',           'WhatsApp and SMS reminders before every premium.'),
  (14, 'Revive a lapsed policy',     'It is not too late',              'Most lapsed policies can be revived with simple paperwork.'),
  (15, 'Single premium plans',       'Pay once, stay covered',          'One payment, guaranteed benefits for the whole term.'),
  (16, 'Plans for NRIs',             'Cover that travels with you',     'Buy and service LIC policies from abroad.'),
  (17, 'Group insurance',            'For your business and staff',     'Gratuity and group term schemes for employers.'),
  (18, 'What our clients say',       '4.9 stars from 300+ families',    '"He explained every clause before I signed." - Meera, Pune'),
  (19, 'Meet me',                    'Mon-Sat, 10 am to 7 pm',          'Senior Agent Agency, MG Road. Home visits on request.'),
  (20, 'Talk to me today',           'A free, no-obligation review',    'Call or WhatsApp, and I will find the right plan for you.')
)
INSERT INTO presentation_slides (presentation_id, slide_order, slide_type, media_url, media_type,
                                 title, subtitle, description, text_color, background_color,
                                 overlay_opacity, layout, duration, transition_effect, cta_button)
SELECT deck.presentation_id, copy.n,
       CASE WHEN copy.n % 2 = 1 THEN 'image' ELSE 'text' END,
       CASE WHEN copy.n % 2 = 1 THEN '/media/demo/welcome.jpg' END,
       CASE WHEN copy.n % 2 = 1 THEN 'image/jpeg' END,
       copy.title, copy.subtitle, copy.description, '#FFFFFF',
       CASE WHEN copy.n % 2 = 1 THEN '#000000' ELSE '#C62828' END,
       CASE WHEN copy.n % 2 = 1 THEN 0.45 ELSE 0 END,
       'centered', 4, CASE WHEN copy.n % 3 = 0 THEN 'slide' ELSE 'fade' END,
       CASE WHEN copy.n IN (1, 2, 10, 19, 20) THEN jsonb_build_object(
         'enabled', true, 'text', 'Call me', 'action', 'tel:' || :'phone',
         'backgroundColor', '#C62828', 'textColor', '#FFFFFF') END
FROM deck, copy;
COMMIT;
SQL

start_server

token=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d "{\"phone_number\":\"$PHONE\",\"password\":\"testpassword\"}" \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])') \
  || { echo "login as $PHONE failed" >&2; exit 1; }
url="http://127.0.0.1:$PORT$URL_PATH"

echo "== GET $URL_PATH (bearer, AGTSR001)"
code=$(curl -s -o "$tmp/body.json" -D "$tmp/headers.txt" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
endpoint_ok=0
if [[ "$code" == 200 ]]; then
  slides=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for key in ("data", "presentation"):  # tolerate an envelope
    if "slides" not in d and isinstance(d.get(key), dict):
        d = d[key]
print(len(d.get("slides") or []))' "$tmp/body.json")
  bytes=$(stat -c %s "$tmp/body.json")
  etag=$(awk 'tolower($1) == "etag:" { sub(/\r$/, ""); sub(/^[^:]*:[ \t]*/, ""); print; exit }' "$tmp/headers.txt")
  echo "status: 200   slides: $slides (want 20)   body: $bytes bytes   ETag: ${etag:-none}"
  [[ "$slides" == 20 ]] || echo "  WARNING: expected 20 slides"
  if [[ -n "$etag" ]]; then
    code304=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$url")
    echo "If-None-Match with that ETag: $code304 (want 304)"
  else
    code304="no ETag"
    echo "  WARNING: no ETag header, so no 304 check"
  fi
  endpoint_ok=1
else
  echo "status: $code (want 200): the load test below is skipped; pgbench still runs"
  head -c 300 "$tmp/body.json"; echo
  slides="-" bytes="-" code304="-"
fi

# wrk's figures: "req/s p50_ms p99_ms non2xx"
wrk_run() { wrk_figures "$1" "$token" "$url"; }

declare -A RPS P50 P99 TPS
if [[ $endpoint_ok == 1 ]]; then
  echo
  echo "== wrk: 2 threads, ${DURATION}s per run (the endpoint also runs 2 auth queries per request: session + user re-read)"
  wrk -t2 -c16 -d3s -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up
  for c in "${CONNS[@]}"; do
    read -r rps p50 p99 bad < <(wrk_run "$c")
    RPS[$c]=$rps P50[$c]=$p50 P99[$c]=$p99
    printf 'connections=%-3s req/s: %-10s p50: %8s ms   p99: %8s ms' "$c" "$rps" "$p50" "$p99"
    [[ "$bad" != 0 ]] && printf '   non-2xx: %s' "$bad"
    echo
  done
fi

# pgbench: the endpoint's three reads as one transaction. -M prepared sends :agent as
# a parameter ($1), as sqlx does; -D gives it the uuid's text.
cat > "$tmp/active.sql" <<'SQL'
SELECT agent_id, tenant_id FROM agents WHERE agent_id = :agent::uuid OR user_id = :agent::uuid;
SELECT presentation_id, agent_id, name, description, status, is_active, template_id, tags, version, active_from, active_until, published_at, created_at, updated_at FROM presentations WHERE agent_id = :agent::uuid AND is_active AND status = 'published' AND (active_from IS NULL OR active_from <= now()) AND (active_until IS NULL OR active_until > now());
SELECT s.* FROM presentation_slides s JOIN presentations p USING (presentation_id) WHERE p.agent_id = :agent::uuid AND p.is_active AND (s.active_from IS NULL OR s.active_from <= now()) AND (s.active_until IS NULL OR s.active_until > now()) ORDER BY s.slide_order;
SQL

# 64 clients need 64 backends next to the server's pool: cap at what is free.
read -r max_conn reserved in_use < <(psql -X -At -F' ' "$DATABASE_URL" -c \
  "SELECT current_setting('max_connections'), current_setting('superuser_reserved_connections'),
          (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")
free=$(( max_conn - reserved - in_use - 2 ))
echo
echo "== pgbench: the same 3 SELECTs per transaction, -M prepared, -j 2, ${DURATION}s per run"
echo "   (max_connections=$max_conn, $in_use client connections open, $free free for pgbench)"
for c in "${CONNS[@]}"; do
  n=$c
  if (( n > free )); then
    n=$free
    echo "   NOTE: capping $c clients at $n: raise max_connections (the dev cluster starts with 200)"
  fi
  tps=$("$PG_BIN/pgbench" -n -M prepared -j 2 -c "$n" -T "$DURATION" -D agent="$AGENT" -f "$tmp/active.sql" "$DATABASE_URL" 2>"$tmp/pgbench.err" \
        | awk '/^tps = / { printf "%.1f", $3 }') || true
  [[ -n "$tps" ]] || { cat "$tmp/pgbench.err" >&2; echo "pgbench failed" >&2; exit 1; }
  TPS[$c]=$tps
  printf 'clients=%-3s TPS: %s\n' "$n" "$tps"
done

echo
echo "== Summary: GET $URL_PATH, 20 slides"
echo "   checked once: status $code, slides $slides, body $bytes bytes, If-None-Match -> $code304"
echo "   server pool: $POOL connections; every request also does 2 auth queries (session + user re-read),"
echo "   i.e. 5 queries against pgbench's 3, plus JSON and HTTP work; wrk, the server and"
echo "   PostgreSQL share this machine's $(nproc) cores."
printf '%-12s %10s %10s %10s %12s %8s\n' connections 'req/s' 'p50 ms' 'p99 ms' 'pgbench TPS' share
for c in "${CONNS[@]}"; do
  share="-"
  if [[ -n "${RPS[$c]:-}" && -n "${TPS[$c]:-}" ]]; then
    share=$(awk -v r="${RPS[$c]}" -v t="${TPS[$c]}" 'BEGIN { if (t > 0) printf "%.0f%%", 100 * r / t; else print "-" }')
  fi
  printf '%-12s %10s %10s %10s %12s %8s\n' "$c" "${RPS[$c]:--}" "${P50[$c]:--}" "${P99[$c]:--}" "${TPS[$c]:--}" "$share"
done
