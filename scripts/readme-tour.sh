#!/usr/bin/env bash
# Runs the README's "A five-minute tour" as a new user would, and checks it.
#
# Extracts every command of the section's ```bash blocks, builds the API and the CLI once, starts
# the API in the background on a free port with a fresh temporary data dir, then runs the commands
# in order in one shell (so TOKEN=… carries over) and checks that each exits 0 and prints what its
# `# →` comment says. `npm ci && npm start` is the API this script started; `npm run demo`,
# `npm run cli --` and `npm run -s cli --` run the CLI built here (the same code, without a rebuild
# per command); localhost:3000 is the chosen port. Stops the API and removes the data dir at the end.
#
# Usage: scripts/readme-tour.sh            (TOUR_PORT=N to choose the port, TOUR_SKIP_BUILD=1 to reuse dist/)
set -euo pipefail
cd "$(dirname "$0")/.."

section=$(awk '/^## A five-minute tour/ { on = 1; next } /^## / { on = 0 } on' README.md)
commands=$(printf '%s\n' "$section" | awk '/^```bash/ { inside = 1; next } /^```/ { inside = 0; next } inside')
if [ -z "$commands" ]; then
  echo "readme-tour: README.md has no '## A five-minute tour' section with bash blocks" >&2
  exit 2
fi

PORT=${TOUR_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/branchflow-tour-XXXXXX")
export PORT BRANCHFLOW_DATA_DIR="$DATA_DIR" LOG_LEVEL=warn
API_PID=
cleanup() {
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID"
    wait "$API_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

if [ "${TOUR_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the API and the CLI"
  npx nest build api
  npx nest build cli
fi
CLI="node dist/apps/cli/src/main.js"

echo "== starting the API on port $PORT (data in $DATA_DIR)"
node dist/apps/api/src/main.js &
API_PID=$!
for _ in $(seq 1 150); do
  if curl -sf "localhost:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$API_PID" 2>/dev/null; then
    echo "readme-tour: the API exited before it was ready" >&2
    exit 1
  fi
  sleep 0.2
done
curl -sf "localhost:$PORT/health/ready" >/dev/null

steps=0
failures=0
while IFS= read -r line; do
  [[ -z "${line//[[:space:]]/}" || "$line" =~ ^[[:space:]]*# ]] && continue
  expected=
  command=$line
  if [[ "$line" == *"# → "* ]]; then
    expected=${line##*# → }
    command=${line%%# → *}
  fi
  command="${command%"${command##*[![:space:]]}"}"
  if [ "$command" = "npm ci && npm start" ]; then
    echo "-- $command   (the API started above)"
    continue
  fi
  run=${command//npm run -s cli --/$CLI}
  run=${run//npm run cli --/$CLI}
  run=${run//npm run demo/$CLI demo}
  run=${run//localhost:3000/localhost:$PORT}
  steps=$((steps + 1))
  echo "-- $command"
  if [[ "$run" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then
    # An assignment (TOKEN=…) stays in this shell for the commands after it.
    if ! eval "$run"; then
      echo "FAIL: exited non-zero" >&2
      failures=$((failures + 1))
    fi
    continue
  fi
  if ! output=$(set +o pipefail; eval "$run" 2>&1); then
    printf '%s\n' "$output" | tail -20
    echo "FAIL: exited non-zero" >&2
    failures=$((failures + 1))
    continue
  fi
  if [ -n "$expected" ] && ! grep -qF -- "$expected" <<<"$output"; then
    printf '%s\n' "$output" | tail -20
    echo "FAIL: the output does not contain: $expected" >&2
    failures=$((failures + 1))
    continue
  fi
  echo "   ok${expected:+: $expected}"
done <<<"$commands"

if [ "$failures" -gt 0 ]; then
  echo "== README tour: $failures of $steps steps FAILED" >&2
  exit 1
fi
echo "== README tour: all $steps steps passed"
