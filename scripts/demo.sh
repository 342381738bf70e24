#!/usr/bin/env bash
# Sets everything up, builds the CLI and runs zmgr against the simulated illumos host:
# init a registry, create an `oi` zone and a two-net `router` zone, list, show, destroy.
# Nothing outside a temporary directory is touched (registry and simulator state live there).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

echo "› building zmgr" >&2
pnpm exec turbo run build --filter=@zmgr/cli... --output-logs=errors-only >/dev/null

demo="$(mktemp -d "${TMPDIR:-/tmp}/zmgr-demo.XXXXXX")"
zmgr() {
  printf '\n\033[1m$ zmgr %s\033[0m\n' "$*"
  node "$ROOT/apps/cli/dist/zmgr.js" --simulate --registry "$demo/registry" "$@"
}

zmgr init
zmgr create web1 --template oi
zmgr create edge1 --template router
zmgr list
zmgr show edge1
zmgr pool list
zmgr destroy web1 --yes
zmgr list
echo
echo "Demo registry and simulator state kept in $demo (zmgr --simulate --registry $demo/registry …)"
