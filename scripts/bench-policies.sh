#!/usr/bin/env bash
# Policies benchmark (a measurement, not a test): the agent's book at scale.
#   1. seeds 50,000 agents and 10,000 policies (5,000 customers), measures, then
#      grows the book to 1,000,000 policies (500,000 customers) and measures again;
#      agent 0 holds the same 20 policies in both rounds, so its queue is the same;
#   2. wrk at 16 connections (after a warm-up) on the release server: an agent's
#      renewal queue, the first and the 100th page of the provider admin's policy
#      list filtered by status, a lookup by policy number, and recording a premium
#      (a Lua script spreads the writes over the book, a new receipt each);
#   3. pgbench running the same SQL at the same concurrency: TPS, and our req/s as a
#      share of it; and each figure's growth from 10,000 to 1,000,000 policies.
# Goals: p99 under 50 ms for the reads, at least 40% of pgbench, growth at most 1.5x.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
DURATION="${BENCH_SECONDS:-10}"
CONNS=16
POOL="${BENCH_POOL:-20}"
BIG="${BENCH_POLICIES:-1000000}"
PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }

cargo leptos build --release --precompress >/dev/null 2>&1
fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" ENVIRONMENT=test \
       API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false DATABASE_MAX_CONNECTIONS="$POOL"
"$BIN" seed >/dev/null
TENANT=00000000-0000-0000-0000-000000000000

echo "== Seeding 50,000 agents"
psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" <<'SQL'
INSERT INTO users (user_id, tenant_id, phone_number, password_hash, first_name, last_name, display_name, role)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000',
       '+9170' || lpad(n::text, 8, '0'), (SELECT password_hash FROM users WHERE phone_number = '+919876543200'),
       'Agent', n::text, 'Agent ' || n, 'senior_agent'
FROM generate_series(0, 49999) n;
INSERT INTO agents (agent_id, tenant_id, user_id, provider_id, agent_code, license_number, status, verification_status)
SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000',
       ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid, '01fa8d3a-5509-4f73-abeb-617fd547f16d',
       'B' || lpad(n::text, 7, '0'), 'BL' || n, 'active', 'verified'
FROM generate_series(0, 49999) n;
SQL

# Policies [from, to): customer i / 2; agent 0 holds policies 0–19 (customers 0–9),
# the rest go round the other 49,999 agents. Due dates run from 60 days overdue to
# 59 ahead; one in 20 is lapsed, one in 20 a draft.
grow() {
  psql -X -q -v ON_ERROR_STOP=1 -v from="$1" -v to="$2" "$DATABASE_URL" <<'SQL'
BEGIN;
INSERT INTO users (user_id, tenant_id, phone_number, password_hash, first_name, last_name, display_name, role)
SELECT ('00000000-0000-4000-d000-' || lpad(to_hex(h), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000',
       '+9180' || lpad(h::text, 8, '0'), '!', 'Customer', h::text, 'Customer ' || h, 'policyholder'
FROM generate_series(:from / 2, :to / 2 - 1) h;
INSERT INTO policyholders (policyholder_id, tenant_id, user_id, agent_id, customer_id)
SELECT ('00000000-0000-4000-e000-' || lpad(to_hex(h), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000',
       ('00000000-0000-4000-d000-' || lpad(to_hex(h), 12, '0'))::uuid,
       ('00000000-0000-4000-b000-' || lpad(to_hex(CASE WHEN h < 10 THEN 0 ELSE 1 + h % 49999 END), 12, '0'))::uuid,
       'BC' || h
FROM generate_series(:from / 2, :to / 2 - 1) h;
INSERT INTO insurance_policies (policy_id, tenant_id, policy_number, policyholder_id, agent_id, provider_id,
    policy_type, plan_name, category, sum_assured, premium_amount, premium_frequency, application_date,
    start_date, status, payment_status, next_payment_date, created_at)
SELECT ('00000000-0000-4000-c000-' || lpad(to_hex(i), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000',
       'BP' || lpad(i::text, 9, '0'), ('00000000-0000-4000-e000-' || lpad(to_hex(i / 2), 12, '0'))::uuid,
       ('00000000-0000-4000-b000-' || lpad(to_hex(CASE WHEN i / 2 < 10 THEN 0 ELSE 1 + (i / 2) % 49999 END), 12, '0'))::uuid,
       '01fa8d3a-5509-4f73-abeb-617fd547f16d', 'endowment', 'LIC Jeevan Labh', 'life', 500000, 1500 + i % 7 * 100,
       (ARRAY['monthly', 'quarterly', 'half_yearly', 'annual'])[i % 4 + 1], DATE '2020-01-01', DATE '2020-01-10',
       CASE i % 20 WHEN 18 THEN 'lapsed' WHEN 19 THEN 'draft' ELSE 'active' END, 'completed',
       current_date + (i * 7) % 120 - 60, now() - make_interval(secs => i)
FROM generate_series(:from, :to - 1) i;
COMMIT;
VACUUM ANALYZE users; VACUUM ANALYZE policyholders; VACUUM ANALYZE insurance_policies;
VACUUM ANALYZE agents; VACUUM ANALYZE premium_payments;
SQL
}

start_server
SA=$(login +919876543200)
PA=$(login +919876543201)
AGENT=$(login +917000000000)

declare -A URLS=(
  [queue]="/api/v1/policies/renewals?limit=20"
  [first]="/api/v1/policies?status=active&limit=20"
  [page100]="/api/v1/policies?status=active&limit=20&offset=1980"
  [number]="/api/v1/policies/number/BP000005000"
  [premium]="/api/v1/policies"
)
declare -A TOKENS=([queue]=$AGENT [first]=$PA [page100]=$PA [number]=$PA [premium]=$SA)
ORDER=(queue first page100 number premium)

# Each write a new receipt on a policy picked at random from the book (not a
# draft): writes spread as a day's premiums do, not queued on one row's lock.
cat > "$tmp/premium.lua" <<'LUA'
local n = tonumber(os.getenv("BENCH_N"))
local counter = 0
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  counter = counter + 1
  local i = math.random(20, n - 1)
  if i % 20 == 19 then i = i - 1 end
  -- wrk.format takes these headers instead of wrk's: keep the bearer token.
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  local body = string.format('{"amount": 1500, "payment_method": "upi", "reference": "W%d-%d"}', counter, math.random(1, 2000000000))
  return wrk.format("POST", string.format("/api/v1/policies/00000000-0000-4000-c000-%012x/premiums", i), headers, body)
end
LUA

# The same SQL per pgbench transaction: the caller's read, then the page (the JSON
# list is a bare array: it counts nothing), the queue and its counts, the lookup,
# or the premium's lock, insert, update and audit row.
# The caller's read is the guard's own (`repo::live_principal`), on the session of
# the token wrk sends.
sid() { python3 -c 'import base64, json, sys; p = sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))["sid"])' "$1"; }
principal() {
  printf "%s" "SELECT s.session_id, s.user_id, u.tenant_id, u.role, array(SELECT r.role FROM user_roles r WHERE r.user_id = u.user_id), u.status, (SELECT a.agent_id FROM agents a WHERE a.user_id = u.user_id), s.kind, s.last_seen_at < now() - interval '1 minute' FROM user_sessions s JOIN users u ON u.user_id = s.user_id WHERE s.session_id = '$(sid "$1")' AND s.revoked_at IS NULL AND s.expires_at > now();"
}
AUTH=$(principal "$PA")
COLS="SELECT ip.policy_id, ip.policy_number, ip.status, ip.plan_name, (ip.sum_assured * 100)::int8, (ip.premium_amount * 100)::int8, ip.premium_frequency, ip.next_payment_date, ip.coverage_details, ip.created_at, trim(coalesce(hu.first_name, '') || ' ' || coalesce(hu.last_name, '')), hu.phone_number, hu.email, trim(coalesce(au.first_name, '') || ' ' || coalesce(au.last_name, '')), a.agent_code, au.phone_number, pr.provider_name, pr.provider_code FROM (SELECT ip.* FROM insurance_policies ip WHERE true AND ip.tenant_id = '$TENANT'"
JOINS=") ip JOIN policyholders p ON p.policyholder_id = ip.policyholder_id JOIN users hu ON hu.user_id = p.user_id JOIN agents a ON a.agent_id = ip.agent_id JOIN users au ON au.user_id = a.user_id JOIN insurance_providers pr ON pr.provider_id = ip.provider_id"
LIST="$COLS AND ip.status = 'active' ORDER BY ip.created_at DESC, ip.policy_id DESC LIMIT 20"
QUEUE_WHERE="ip.status IN ('active', 'lapsed') AND ip.next_payment_date <= current_date + 30 AND ip.agent_id = '00000000-0000-4000-b000-000000000000'"
GRACE="(CASE WHEN ip.premium_frequency = 'monthly' THEN ip.next_payment_date + 15 ELSE (ip.next_payment_date + interval '1 month')::date END)"
REVIVE="((ip.next_payment_date + interval '5 years')::date - 1)"
write_sql() {
  printf '%s\n%s%s ORDER BY ip.created_at DESC, ip.policy_id DESC;\n' "$AUTH" "$LIST" "$JOINS" > "$tmp/first.sql"
  printf '%s\n%s OFFSET 1980%s ORDER BY ip.created_at DESC, ip.policy_id DESC;\n' "$AUTH" "$LIST" "$JOINS" > "$tmp/page100.sql"
  printf "%s\n%s AND ip.policy_number = upper('BP000005000')%s;\n" "$AUTH" "$COLS" "$JOINS" > "$tmp/number.sql"
  cat > "$tmp/queue.sql" <<SQL
$(principal "$AGENT")
SELECT ip.policy_id, ip.policy_number, ip.plan_name, ip.status, ip.policyholder_id, trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), u.phone_number, p.preferred_language, (ip.premium_amount * 100)::int8, (ip.outstanding_amount * 100)::int8, ip.premium_frequency, ip.next_payment_date, r.sent_at, r.channel FROM insurance_policies ip JOIN policyholders p ON p.policyholder_id = ip.policyholder_id JOIN users u ON u.user_id = p.user_id LEFT JOIN LATERAL (SELECT sent_at, channel FROM premium_reminders pr WHERE pr.policy_id = ip.policy_id ORDER BY sent_at DESC LIMIT 1) r ON true WHERE true AND $QUEUE_WHERE ORDER BY ip.next_payment_date, ip.policy_id LIMIT 20;
SELECT count(*) FILTER (WHERE ip.next_payment_date BETWEEN current_date AND current_date + 30), count(*) FILTER (WHERE ip.next_payment_date < current_date AND $GRACE >= current_date), count(*) FILTER (WHERE $GRACE < current_date AND $REVIVE >= current_date), count(*) FILTER (WHERE $REVIVE < current_date) FROM insurance_policies ip WHERE true AND $QUEUE_WHERE;
SQL
  cat > "$tmp/premium.sql" <<SQL
\set i random(20, $1 - 20)
BEGIN;
$(principal "$SA")
SELECT ip.policy_id, ip.tenant_id, ip.agent_id, ip.policyholder_id, ip.status, ip.premium_frequency, ip.start_date, ip.next_payment_date FROM insurance_policies ip WHERE ip.policy_id = ('00000000-0000-4000-c000-' || lpad(to_hex(:i::int8), 12, '0'))::uuid FOR UPDATE OF ip;
INSERT INTO premium_payments (tenant_id, policy_id, policyholder_id, agent_id, amount, payment_date, due_date, payment_method, reference, status) SELECT tenant_id, policy_id, policyholder_id, agent_id, 1500, now(), next_payment_date, 'upi', 'PG' || :i || '-' || (random() * 1e12)::int8, 'completed' FROM insurance_policies WHERE policy_id = ('00000000-0000-4000-c000-' || lpad(to_hex(:i::int8), 12, '0'))::uuid;
UPDATE insurance_policies SET last_payment_date = now(), total_payments = total_payments + 1, outstanding_amount = greatest(0, outstanding_amount - 1500), next_payment_date = (next_payment_date + interval '1 month')::date, payment_status = 'completed', updated_at = now() WHERE policy_id = ('00000000-0000-4000-c000-' || lpad(to_hex(:i::int8), 12, '0'))::uuid;
INSERT INTO audit_events (tenant_id, user_id, event_type, resource_type, resource_id, details) VALUES ('$TENANT', '550e8400-e29b-41d4-a716-446655440000', 'premium.recorded', 'policy', :i::text, '{}');
COMMIT;
SQL
}

declare -A RPS P50 P99 TPS
# One round at the current size: wrk then pgbench for every figure. Args: label, policies.
measure() {
  local label=$1 n=$2
  export BENCH_N=$n
  write_sql "$n"
  echo
  echo "== $label policies: wrk ($CONNS connections, 2 threads, ${DURATION}s) and pgbench (-M prepared, -j 2)"
  for k in "${ORDER[@]}"; do
    local script=""
    [[ $k == premium ]] && script="$tmp/premium.lua"
    wrk -t2 -c"$CONNS" -d2s -H "Authorization: Bearer ${TOKENS[$k]}" ${script:+-s "$script"} "$base${URLS[$k]}" >/dev/null
    read -r rps p50 p99 bad < <(wrk_figures "$CONNS" "${TOKENS[$k]}" "$base${URLS[$k]}" "$script")
    local tps
    tps=$("$PG_BIN/pgbench" -n -M prepared -j 2 -c "$CONNS" -T "$DURATION" -f "$tmp/$k.sql" "$DATABASE_URL" 2>"$tmp/pgbench.err" \
          | awk '/^tps = / { printf "%.1f", $3 }') || true
    [[ -n "$tps" ]] || { cat "$tmp/pgbench.err" >&2; echo "pgbench failed on $k" >&2; exit 1; }
    RPS[$label.$k]=$rps P50[$label.$k]=$p50 P99[$label.$k]=$p99 TPS[$label.$k]=$tps
    printf '%-8s req/s: %-9s p50: %7s ms  p99: %7s ms  pgbench TPS: %s' "$k" "$rps" "$p50" "$p99" "$tps"
    [[ "$bad" != 0 ]] && printf '  non-2xx: %s' "$bad"
    echo
    [[ "$bad" == 0 ]] || { echo "$k: $bad answers were not 2xx: the figure is not one" >&2; exit 1; }
  done
}

t0=$(date +%s); grow 0 10000; echo "   10,000 policies seeded in $(( $(date +%s) - t0 ))s"
measure small 10000
t0=$(date +%s); grow 10000 "$BIG"; echo; echo "   grown to $BIG policies in $(( $(date +%s) - t0 ))s"
measure big "$BIG"

echo
echo "== Summary at $BIG policies (50,000 agents); server pool $POOL; wrk, the server and PostgreSQL share $(nproc) cores"
echo "   growth = p50 at $BIG / p50 at 10,000 (our cost), and pgbench's TPS at 10,000 / at $BIG (the SQL's)"
printf '%-8s %9s %8s %8s %11s %6s %8s %8s  %s\n' figure 'req/s' 'p50 ms' 'p99 ms' 'pgbench' share growth 'sql gr.' goals
for k in "${ORDER[@]}"; do
  share=$(awk -v r="${RPS[big.$k]}" -v t="${TPS[big.$k]}" 'BEGIN { if (t > 0) printf "%.0f", 100 * r / t; else print 0 }')
  growth=$(awk -v a="${P50[small.$k]}" -v b="${P50[big.$k]}" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
  sqlg=$(awk -v a="${TPS[small.$k]}" -v b="${TPS[big.$k]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  verdict=$(awk -v k="$k" -v p="${P99[big.$k]}" -v s="$share" -v g="$growth" 'BEGIN {
    printf "%s %s %s", (k == "premium" ? "(write)" : (p < 50 ? "p99 ok" : "p99 SLOW")), (s >= 40 ? "share ok" : "share LOW"), (g <= 1.5 ? "growth ok" : "growth HIGH") }')
  printf '%-8s %9s %8s %8s %11s %5s%% %7sx %7sx  %s\n' "$k" "${RPS[big.$k]}" "${P50[big.$k]}" "${P99[big.$k]}" "${TPS[big.$k]}" "$share" "$growth" "$sqlg" "$verdict"
done

echo
echo "== Import: 100,000 rows through POST /api/v1/imports, checked then written"
python3 - "$tmp/book.csv" <<'PY'
import sys
cols = "phone_number,first_name,last_name,email,customer_id,preferred_language,policy_number,policy_type,plan_name,plan_code,category,sum_assured,premium_amount,premium_frequency,application_date,start_date,maturity_date,next_due_date,status,nominee_name"
with open(sys.argv[1], "w") as f:
    f.write(cols + "\r\n")
    for i in range(100000):
        f.write(f"{9_300_000_000 + i},Import{i},Book,,,en,{300_000_000 + i},endowment,LIC Jeevan Labh,936,life,500000,{1000 + i % 50},yearly,2024-01-01,2024-01-10,,,active,\r\n")
PY
IMPORTER=$(login +917000000001)
t0=$(date +%s.%N)
job=$(curl -fs -H "Authorization: Bearer $IMPORTER" -F "file=@$tmp/book.csv;type=text/csv" "$base/api/v1/imports" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
wait_for() {
  while :; do
    s=$(curl -fs -H "Authorization: Bearer $IMPORTER" "$base/api/v1/imports/$job" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["valid_rows"], d["imported_rows"], d["error_count"])')
    [[ ${s%% *} == "$1" || ${s%% *} == failed ]] && { echo "$s"; return; }
    sleep 0.2
  done
}
checked=$(wait_for ready); t1=$(date +%s.%N)
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $IMPORTER" "$base/api/v1/imports/$job/run"
done_=$(wait_for done); t2=$(date +%s.%N)
server_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v s="$checked" -v d="$done_" -v m="$server_kb" 'BEGIN {
  printf "checked in %.1fs (%s), written in %.1fs (%s): %.1fs in all; the server peaked at %.0f MB resident\n", b - a, s, c - b, d, c - a, m / 1024 }'
