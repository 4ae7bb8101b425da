#!/usr/bin/env bash
# Foundation benchmark (a measurement, not a test): release WASM/JS/CSS sizes raw,
# gzip -9 and brotli -q 11; the server's time from process start to its first 200 on
# `/` (5 runs); and its idle RSS after 100 warm-up requests.
#
#   ./dev bench            builds the release site first if needed
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

command -v brotli >/dev/null || { echo "installing brotli (Debian) for size figures"; apt-get install -y -qq brotli >/dev/null; }
cargo leptos build --release --precompress >/dev/null 2>&1

echo "== Release bundle sizes (bytes)"
printf '%-28s %10s %10s %10s\n' file raw gzip-9 brotli-11
for f in target/site/pkg/agent-mitra.*.wasm target/site/pkg/agent-mitra.*.js target/site/pkg/agent-mitra.*.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-28s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done

# A database for the server: the given one, or a fresh one on the local cluster.
[[ -n "${DATABASE_URL:-}" ]] || fresh_bench_db
export LEPTOS_SITE_ROOT="$ROOT/target/site" ENVIRONMENT=test API_PORT="$PORT" RUST_LOG=warn
"$BIN" migrate >/dev/null

echo
echo "== Start to first 200 on / (includes connecting, the migration check and rendering)"
times=()
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$BIN" serve >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.002; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  if [[ $run -lt 5 ]]; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "runs (ms): ${times[*]}   sorted: $sorted  median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms"

echo
echo "== Idle memory"
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/health/database"; done
sleep 1
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "RSS after 100 requests: $rss KiB ($(( rss / 1024 )) MiB)"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
