#!/usr/bin/env bash
# The client's byte budget (a test: sizes are deterministic). Reads the release site
# that `cargo leptos build --release --precompress` wrote and fails when the WASM a
# page downloads passes its budget on the wire (the brotli copy the server sends).
#
# Pages without islands load no WASM or JS at all; the HTTP test
# `assets::only_pages_with_islands_load_the_wasm` proves that for the login page.
#
#   scripts/client-budget.sh            (run by ./dev test after the release build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="$ROOT/target/site/pkg"

# 250 KB on the wire for the WASM and JS of any page with islands (issue 9). Pages
# without islands download none.
BUDGET=$((250 * 1024))

one() { # the single file of a kind (hashed names: agent-mitra.<hash>.<ext>)
  local files=("$PKG"/agent-mitra.*."$1")
  [[ ${#files[@]} -eq 1 && -f "${files[0]}" ]] || { echo "expected one .$1 in $PKG, found: ${files[*]}" >&2; exit 1; }
  echo "${files[0]}"
}
size() { stat -c %s "$1"; }

wasm="$(one wasm)"; js="$(one js)"
for f in "$wasm" "$js"; do
  [[ -f "$f.br" && -f "$f.gz" ]] || { echo "$f has no .br/.gz copy: build with --precompress" >&2; exit 1; }
done
wasm_br=$(size "$wasm.br"); js_br=$(size "$js.br")
printf '%-10s %10s %10s %10s\n' file raw gzip brotli
printf '%-10s %10s %10s %10s\n' wasm "$(size "$wasm")" "$(size "$wasm.gz")" "$wasm_br"
printf '%-10s %10s %10s %10s\n' js "$(size "$js")" "$(size "$js.gz")" "$js_br"
printf 'an island page downloads %d bytes of WASM + JS (brotli); budget %d (%d%% used)\n' \
  $((wasm_br + js_br)) "$BUDGET" $(( (wasm_br + js_br) * 100 / BUDGET ))
if (( wasm_br + js_br > BUDGET )); then
  echo "client-budget: FAILED: $(( wasm_br + js_br - BUDGET )) bytes over the budget. twiggy (see ARCHITECTURE.md) shows what grew." >&2
  exit 1
fi
