#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-system.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "lint";        npx eslint . --max-warnings=0
step "type-check";  npm run --silent typecheck
step "build";       npx electron-vite build
step "package (electron-builder --dir, stand-in Electron, offline)"; node scripts/package-check.mjs
step "unit + integration (real keychain in a private D-Bus session)"
bash scripts/with-keyring.sh npx vitest run --project main --project renderer --project contract
step "end-to-end in Chromium"
bash scripts/with-keyring.sh npx vitest run --project e2e
step "Electron smoke test (runs where a packaged app exists; says why it is skipped otherwise)"
npm run --silent test:smoke
