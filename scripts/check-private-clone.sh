#!/usr/bin/env bash
# Proves the newcomer's set-up: root with a clone in a directory only root may enter
# (/root is mode 700). `./dev db start` there must bring up a working cluster (kept
# under /var/lib/agent-mitra) on a port of its own, beside this clone's. Root only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $EUID -eq 0 ]] || { echo "check-private-clone: skipped (not root)"; exit 0; }
home="$(mktemp -d)"; chmod 700 "$home"
clone="$home/agent-mitra"
cleanup() { (cd "$clone" 2>/dev/null && ./dev db stop >/dev/null 2>&1) || true; rm -rf "$home" /var/lib/agent-mitra/agent-mitra-"$(printf '%s' "$clone" | sha256sum | cut -c1-8)"; }
trap cleanup EXIT
git clone -q "$ROOT" "$clone"
cd "$clone"
./dev db start >/dev/null
url="$(./dev db url)"
[[ "$(psql -X -tA "$url" -c 'select 1')" == 1 ]] || { echo "check-private-clone: FAILED: no database at $url" >&2; exit 1; }
echo "check-private-clone: OK: a clone under a mode-700 directory runs its cluster at $url"
