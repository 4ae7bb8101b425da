#!/usr/bin/env bash
# API contract test: Schemathesis against the OpenAPI document of a running server.
#
#   scripts/api-contract.sh http://127.0.0.1:8013
#   API_TOKEN=eyJ... scripts/api-contract.sh http://127.0.0.1:8013
#
# Installs the pinned Schemathesis into .data/venv-schemathesis on first use, then
# runs a short, seeded run over "$1/api/v1/openapi.json" (examples, coverage and
# fuzzing phases; no stateful/link phase) with four checks: no 5xx, only documented
# status codes, response bodies match their schema, documented content types.
# Operations that would end the caller's session or change their password or
# sessions, and the multipart upload, are left out. Only loopback targets.
#
# Knobs (env): API_TOKEN (bearer token for every request), CONTRACT_MAX_EXAMPLES
# (per operation, default 5), CONTRACT_SEED (default 20240601),
# CONTRACT_PHASES (default examples,coverage,fuzzing; the coverage phase is not
# bounded by max-examples: it derives its cases from each schema, roughly 50 per
# operation), CONTRACT_TIMEOUT (hard cap in seconds for the whole run, default 420).
# Exit status: 0 when every check passed, non-zero otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SCHEMATHESIS_VERSION="4.32.5"           # works on Python 3.11 (needs >= 3.10)
VENV="$ROOT/.data/venv-schemathesis"
MAX_EXAMPLES="${CONTRACT_MAX_EXAMPLES:-5}"
SEED="${CONTRACT_SEED:-20240601}"
PHASES="${CONTRACT_PHASES:-examples,coverage,fuzzing}"   # never stateful: it follows links
HARD_TIMEOUT="${CONTRACT_TIMEOUT:-420}"

die() { printf 'api-contract: %s\n' "$*" >&2; exit 2; }

# ------------------------------------------------------------------ the target
[[ $# -ge 1 && -n "$1" ]] || die "usage: $0 BASE_URL   (e.g. http://127.0.0.1:8013)"
base="${1%/}"
# Loopback only: http(s)://127.0.0.1[:port] or http(s)://localhost[:port], nothing else.
if [[ ! "$base" =~ ^https?://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?$ ]]; then
  die "refusing '$1': only http://127.0.0.1[:PORT] or http://localhost[:PORT] are allowed"
fi
schema_url="$base/api/v1/openapi.json"

# ------------------------------------------------------------------ the tool
# Schemathesis and everything it pulls in, pinned, so a new Hypothesis release cannot
# change the run. Any change to this list reinstalls (its hash is kept in the venv).
LOCK="schemathesis==$SCHEMATHESIS_VERSION
anyio==4.16.0
certifi==2026.10.19.post1
charset-normalizer==3.5.3
click==8.5.1
graphql-core==3.3.2
harfile==0.6.0
hypothesis==6.170.17
hypothesis-graphql==0.13.5
idna==3.20
iniconfig==2.3.1
jsonschema_rs==0.60.3
markdown-it-py==4.3.0
MarkupSafe==3.0.4
mdurl==0.1.2
packaging==26.4
pluggy==1.7.0
Pygments==2.21.0
pyrate-limiter==4.5.1
pytest==9.2.0
PyYAML==6.0.4
requests==2.34.2
rich==15.0.0
sortedcontainers==2.4.0
typing_extensions==4.16.0
urllib3==2.8.0
Werkzeug==3.1.9"
lock_hash="$(printf '%s\n' "$LOCK" | sha256sum | cut -c1-16)"
stamp="$VENV/.api-contract-lock"
if [[ ! -x "$VENV/bin/schemathesis" || "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]]; then
  printf 'api-contract: installing schemathesis %s into %s\n' "$SCHEMATHESIS_VERSION" "${VENV#"$ROOT"/}"
  mkdir -p "$(dirname "$VENV")"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV" || die "python3 -m venv failed"
  printf '%s\n' "$LOCK" >"$VENV/requirements.lock"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    -r "$VENV/requirements.lock" >/dev/null \
    || die "could not install schemathesis $SCHEMATHESIS_VERSION"
  "$VENV/bin/schemathesis" --version | grep -qF "$SCHEMATHESIS_VERSION" \
    || die "schemathesis $SCHEMATHESIS_VERSION does not run after install"
  printf '%s\n' "$lock_hash" >"$stamp"
fi

# ------------------------------------------------------------------ the run
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Settings that have no CLI flag. An explicit config file also keeps a stray
# schemathesis.toml in this or a parent directory from changing the run.
# auto-signup off: without a token, Schemathesis 4 would otherwise try to register
# a user through any sign-up/login operations it detects in the document.
cat >"$work/schemathesis.toml" <<'TOML'
[auth]
auto-signup = false
TOML

# One worker: the order of cases (and so the run) stays the same for a seed, and
# with 2 workers Hypothesis 6.170 sometimes raised an internal KeyError
# (lambda_sources cache) mid-run. A second worker bought no speed on 2 cores.
args=(
  --config-file "$work/schemathesis.toml" --no-color
  run "$schema_url"
  --url "$base"
  --phases "$PHASES"
  --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance
  --max-examples "$MAX_EXAMPLES"
  --seed "$SEED"
  --generation-database none
  --workers 1
  --request-timeout 10
  --wait-for-schema 30
  --exclude-path /api/v1/auth/logout
  --exclude-path /api/v1/auth/change-password
  --exclude-path "/api/v1/auth/sessions/{session_id}"
  --exclude-path /api/v1/presentations/media/upload
  --exclude-name "DELETE /api/v1/auth/sessions"
  --report junit --report-junit-path "$work/junit.xml"
)
if [[ -n "${API_TOKEN:-}" ]]; then
  args+=(--header "Authorization: Bearer $API_TOKEN")
fi

t0=$(date +%s)
set +e
( cd "$work" && exec timeout --kill-after=10 "$HARD_TIMEOUT" "$VENV/bin/schemathesis" "${args[@]}" )
rc=$?
set -e
secs=$(( $(date +%s) - t0 ))

# One-line summary from the JUnit report (operations, failed ones, errored ones).
read -r ops failed errored < <("$VENV/bin/python" - "$work/junit.xml" <<'PY' 2>/dev/null || echo "? ? ?"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.iter("testcase")
total = failed = errored = 0
for case in cases:
    total += 1
    if case.find("failure") is not None:
        failed += 1
    elif case.find("error") is not None:
        errored += 1
print(total, failed, errored)
PY
)

if [[ $rc -eq 124 || $rc -eq 137 ]]; then
  printf 'api-contract: FAILED: timed out after %ss (limit %ss) against %s\n' "$secs" "$HARD_TIMEOUT" "$schema_url"
  exit 1
elif [[ $rc -ne 0 ]]; then
  printf 'api-contract: FAILED (exit %s): %s operations, %s failing, %s erroring, in %ss against %s\n' \
    "$rc" "$ops" "$failed" "$errored" "$secs" "$schema_url"
  exit 1
fi
printf 'api-contract: OK: %s operations, no failures (coverage cases + up to %s fuzzed per operation, seed %s) in %ss\n' \
  "$ops" "$MAX_EXAMPLES" "$SEED" "$secs"
