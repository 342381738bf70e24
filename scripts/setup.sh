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

# Real servers for the etcd and ssh test suites (ARCHITECTURE.md, "Real servers in tests and CI").
# Installed only as root and only when missing; never started: tests run their own on free ports.
install_test_servers() {
  local missing=()
  command -v etcd >/dev/null 2>&1 || [ -x /usr/bin/etcd ] || missing+=(etcd-server)
  command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "› test servers missing (${missing[*]}): their tests skip (fail under CI=true); install them with apt as root" >&2
    return 0
  fi
  echo "› apt-get install ${missing[*]}" >&2
  # policy-rc.d exit 101 forbids the packages' maintainer scripts to start their services.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0)
  local ok=0
  if apt-cache show "${missing[@]}" >/dev/null 2>&1 \
    && "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    ok=1
  elif "${apt[@]}" update >/dev/null 2>&1 \
    && "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    ok=1
  fi
  [ "$own_policy" -eq 1 ] && rm -f "$policy"
  if [ "$ok" -eq 0 ]; then
    echo "› could not install ${missing[*]}: their tests skip (fail under CI=true)" >&2
  fi
  return 0
}
install_test_servers

cd "$ROOT"
echo "› pnpm install" >&2
CI=true pnpm install --frozen-lockfile --reporter=append-only >/dev/null
