#!/usr/bin/env bash
# Agents benchmark (a measurement, not a test): the admin agent list at scale.
#   1. seeds 50,000 agents in 3 tenants, each tenant a 5-level tree (12 under each);
#   2. wrk at 16 connections (after a warm-up) on the release server: req/s, p50, p99
#      for the first and the 100th page of GET /api/v1/agents (super admin, keyset
#      cursor), a search (q=kumar), and a regional manager's subtree (1,885 agents);
#   3. pgbench running the same SQL (the page and its capped count) at the same
#      concurrency: TPS, and our req/s as a share of it.
# Goals: p99 under 50 ms for each, and at least 40% of pgbench.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
DURATION="${BENCH_SECONDS:-10}"
CONNS=16
POOL="${BENCH_POOL:-20}"
PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }

cargo leptos build --release --precompress >/dev/null 2>&1
fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" ENVIRONMENT=test \
       API_PORT="$PORT" RUST_LOG=warn RATE_LIMITING_ENABLED=false DATABASE_MAX_CONNECTIONS="$POOL"
"$BIN" seed >/dev/null

echo "== Seeding 50,000 agents in 3 tenants (a 5-level tree per tenant)"
t0=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" <<'SQL'
BEGIN;
INSERT INTO tenants (tenant_id, tenant_code, tenant_name) VALUES
  ('00000000-0000-0000-0000-00000000b001', 'BENCH1', 'Bench tenant 1'),
  ('00000000-0000-0000-0000-00000000b002', 'BENCH2', 'Bench tenant 2'),
  ('00000000-0000-0000-0000-00000000b003', 'BENCH3', 'Bench tenant 3');
-- n = 0..49999: tenant n % 3, index i = n / 3 within it; the parent of i is (i-1)/12.
CREATE TEMP TABLE bench AS
SELECT n, n % 3 AS t, n / 3 AS i,
       ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid AS user_id,
       ('00000000-0000-4000-b000-' || lpad(to_hex(n), 12, '0'))::uuid AS agent_id,
       (ARRAY['Asha','Ravi','Meera','Suresh','Kavita','Anil','Priya','Deepak','Sunita','Vikram'])[n % 10 + 1] AS first,
       (ARRAY['Kumar','Sharma','Iyer','Patil','Das','Rao','Mehta','Joshi','Verma','Nair','Reddy'])[n % 11 + 1] AS last
FROM generate_series(0, 49999) n;
INSERT INTO users (user_id, tenant_id, phone_number, email, password_hash, first_name, last_name,
                   display_name, role, created_at)
SELECT user_id, ('00000000-0000-0000-0000-00000000b00' || (t + 1))::uuid,
       '+9170' || lpad(n::text, 8, '0'), 'bench' || n || '@example.com',
       (SELECT password_hash FROM users WHERE phone_number = '+919876543200'),
       first, last, first || ' ' || last,
       CASE WHEN i < 13 THEN 'regional_manager' ELSE 'junior_agent' END,
       now() - (n || ' minutes')::interval
FROM bench;
-- Level by level, each with its parent already in place: the trigger derives each
-- row's network path from its parent's as it is inserted.
CREATE TEMP TABLE bench_agents AS
SELECT b.agent_id, ('00000000-0000-0000-0000-00000000b00' || (b.t + 1))::uuid AS tenant_id, b.user_id,
       'B' || lpad(b.n::text, 7, '0') AS agent_code, 'BL' || b.n AS license_number,
       b.last || ' Insurance ' || b.n AS business_name,
       (ARRAY['Mumbai','Pune','Chennai','Kolkata','Delhi'])[b.n % 5 + 1] AS territory,
       CASE WHEN b.n % 20 = 0 THEN 'pending_approval' ELSE 'active' END AS status,
       CASE WHEN b.n % 20 = 0 THEN 'submitted' ELSE 'verified' END AS verification_status,
       now() - (b.n || ' minutes')::interval AS created_at,
       CASE WHEN b.n % 20 = 0 THEN now() - (b.n || ' seconds')::interval END AS submitted_at,
       p.agent_id AS parent_agent_id,
       CASE WHEN b.i = 0 THEN 0 WHEN b.i <= 12 THEN 1 WHEN b.i <= 156 THEN 2
            WHEN b.i <= 1884 THEN 3 ELSE 4 END AS level
FROM bench b LEFT JOIN bench p ON p.t = b.t AND p.i = (b.i - 1) / 12 AND b.i > 0;
DO $$
BEGIN
  FOR lvl IN 0..4 LOOP
    INSERT INTO agents (agent_id, tenant_id, user_id, provider_id, agent_code, license_number,
                        business_name, territory, status, verification_status, created_at,
                        verification_submitted_at, parent_agent_id)
    SELECT agent_id, tenant_id, user_id, '01fa8d3a-5509-4f73-abeb-617fd547f16d', agent_code,
           license_number, business_name, territory, status, verification_status, created_at,
           submitted_at, parent_agent_id
      FROM bench_agents WHERE level = lvl;
  END LOOP;
END $$;
COMMIT;
VACUUM ANALYZE users; VACUUM ANALYZE agents;
SQL
echo "   seeded in $(( $(date +%s) - t0 ))s; levels in tenant 1:"
psql -X -At "$DATABASE_URL" -c "
  WITH RECURSIVE t AS (SELECT agent_id, 1 AS lvl FROM agents WHERE agent_id = '00000000-0000-4000-b000-000000000000'
    UNION ALL SELECT a.agent_id, t.lvl + 1 FROM agents a JOIN t ON a.parent_agent_id = t.agent_id)
  SELECT string_agg(lvl || ':' || n, '  ') FROM (SELECT lvl, count(*) n FROM t GROUP BY lvl ORDER BY lvl) x"

start_server
SA=$(login +919876543200)
# A regional manager one level under tenant 1's root (index 1): 1 + 12 + 144 + 1,728 agents.
RM=$(login +917000000003)

# The 100th page's cursor, walked page by page as a client would.
cursor=""
for _ in $(seq 1 99); do
  cursor=$(curl -fs -H "Authorization: Bearer $SA" "$base/api/v1/agents?limit=20${cursor:+&cursor=$cursor}" \
           | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"] or "")')
done
declare -A URLS=(
  [first]="/api/v1/agents?limit=20"
  [page100]="/api/v1/agents?limit=20&cursor=$cursor"
  [search]="/api/v1/agents?limit=20&q=kumar"
  [subtree]="/api/v1/agents?limit=20"
)
declare -A TOKENS=([first]=$SA [page100]=$SA [search]=$SA [subtree]=$RM)
ORDER=(first page100 search subtree)

wrk_run() { wrk_figures "$CONNS" "$2" "$base$1"; }

declare -A RPS P50 P99 TPS COUNT
echo
echo "== wrk: $CONNS connections, 2 threads, ${DURATION}s per run"
for k in "${ORDER[@]}"; do
  COUNT[$k]=$(curl -fs -H "Authorization: Bearer ${TOKENS[$k]}" "$base${URLS[$k]}" \
              | python3 -c 'import json,sys; d=json.load(sys.stdin); print(str(d["count"]) + " of " + str(d["total"]) + ("" if d["total_exact"] else "+"))')
  wrk -t2 -c"$CONNS" -d2s -H "Authorization: Bearer ${TOKENS[$k]}" "$base${URLS[$k]}" >/dev/null
  read -r rps p50 p99 bad < <(wrk_run "${URLS[$k]}" "${TOKENS[$k]}")
  RPS[$k]=$rps P50[$k]=$p50 P99[$k]=$p99
  printf '%-8s rows %-14s req/s: %-9s p50: %7s ms  p99: %7s ms' "$k" "${COUNT[$k]}" "$rps" "$p50" "$p99"
  [[ "$bad" != 0 ]] && printf '  non-2xx: %s' "$bad"
  echo
done

# pgbench: each list's page query and its capped count, as the server sends them.
key=$(python3 -c 'import sys,json; print(json.loads(bytes.fromhex(sys.argv[1]))["key"])' "$cursor")
cid=$(python3 -c 'import sys,json; print(json.loads(bytes.fromhex(sys.argv[1]))["id"])' "$cursor")
SUMMARY="SELECT a.agent_id, a.agent_code, a.business_name, a.territory, a.status, a.verification_status, a.total_policies_sold, a.total_premium_collected::float8, p.provider_name, a.verification_submitted_at, a.created_at, u.first_name, u.last_name, u.email, u.phone_number FROM agents a JOIN users u ON u.user_id = a.user_id LEFT JOIN insurance_providers p ON p.provider_id = a.provider_id WHERE true"
COUNT_SQL="SELECT count(*) FROM (SELECT 1 FROM agents a WHERE true"
LIKE="a.search_text LIKE lower('%kumar%')"
SUB="a.network_path @> ARRAY['00000000-0000-4000-b000-000000000003']::uuid[]"
ORDERING="ORDER BY a.created_at DESC, a.agent_id DESC LIMIT 21"
# The server also resolves the caller on each request (session, then user): two
# primary-key reads, included so both sides do the same database work.
AUTH="SELECT 1 FROM user_sessions LIMIT 1; SELECT role FROM users WHERE user_id = '550e8400-e29b-41d4-a716-446655440000';"
printf '%s\n%s %s;\n%s LIMIT 10001) c;\n' "$AUTH" "$SUMMARY" "$ORDERING" "$COUNT_SQL" > "$tmp/first.sql"
printf "%s\n%s AND (a.created_at, a.agent_id) < ('%s'::timestamptz, '%s') %s;\n%s LIMIT 10001) c;\n" "$AUTH" "$SUMMARY" "$key" "$cid" "$ORDERING" "$COUNT_SQL" > "$tmp/page100.sql"
# A text search counts to 100 ("100+"), the rest to 10,000.
printf '%s\n%s AND %s %s;\n%s AND %s LIMIT 101) c;\n' "$AUTH" "$SUMMARY" "$LIKE" "$ORDERING" "$COUNT_SQL" "$LIKE" > "$tmp/search.sql"
printf '%s\n%s AND %s %s;\n%s AND %s LIMIT 10001) c;\n' "$AUTH" "$SUMMARY" "$SUB" "$ORDERING" "$COUNT_SQL" "$SUB" > "$tmp/subtree.sql"

echo
echo "== pgbench: the same SQL per transaction, -M prepared, -j 2, $CONNS clients, ${DURATION}s per run"
for k in "${ORDER[@]}"; do
  tps=$("$PG_BIN/pgbench" -n -M prepared -j 2 -c "$CONNS" -T "$DURATION" -f "$tmp/$k.sql" "$DATABASE_URL" 2>"$tmp/pgbench.err" \
        | awk '/^tps = / { printf "%.1f", $3 }') || true
  [[ -n "$tps" ]] || { cat "$tmp/pgbench.err" >&2; echo "pgbench failed on $k" >&2; exit 1; }
  TPS[$k]=$tps
  printf '%-8s TPS: %s\n' "$k" "$tps"
done

echo
echo "== Summary: 50,000 agents; server pool $POOL; wrk, the server and PostgreSQL share $(nproc) cores"
printf '%-8s %10s %9s %9s %12s %7s  %s\n' list 'req/s' 'p50 ms' 'p99 ms' 'pgbench TPS' share goals
for k in "${ORDER[@]}"; do
  share=$(awk -v r="${RPS[$k]}" -v t="${TPS[$k]}" 'BEGIN { if (t > 0) printf "%.0f", 100 * r / t; else print 0 }')
  verdict=$(awk -v p="${P99[$k]}" -v s="$share" 'BEGIN { printf "%s %s", (p < 50 ? "p99 ok" : "p99 SLOW"), (s >= 40 ? "share ok" : "share LOW") }')
  printf '%-8s %10s %9s %9s %12s %6s%%  %s\n' "$k" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${TPS[$k]}" "$share" "$verdict"
done
