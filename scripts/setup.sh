# Sourced by check.sh and demo.sh: makes pnpm 10.34.9 available and installs the workspace.
# Works on a machine with only Node 20 and npm, with an empty HOME and no global packages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
PNPM_VERSION=10.34.9

if ! command -v node >/dev/null 2>&1; then
  echo "zmgr needs Node.js >= 20.19 (node was not found on PATH)" >&2
  exit 1
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION" >&2
  if npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    export PATH="$(npm prefix -g)/bin:$PATH"
  else
    # No write access to the global prefix: keep pnpm inside the checkout instead.
    npm install --prefix "$ROOT/.tools" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
  fi
  hash -r
fi
cd "$ROOT"
echo "› pnpm install" >&2
CI=true pnpm install --frozen-lockfile --reporter=append-only >/dev/null
