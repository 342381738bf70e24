#!/usr/bin/env bash
# Sets up and runs every check: lint, typecheck, unit tests, end-to-end tests (which build first).
# Ends with one line `N passed, N failed` summed over every package's vitest JSON report.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

rm -rf packages/*/reports apps/*/reports tooling/*/reports
status=0
pnpm exec turbo run lint typecheck test test:e2e --continue --output-logs=errors-only || status=$?
node scripts/sum-reports.mjs || status=1
exit "$status"
