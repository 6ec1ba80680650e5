#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what it needs, then typecheck, lint, build, tests, bench smoke.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Install exactly what the committed lock file names.
npm ci --no-audit --no-fund
npm run typecheck
npm run prices:check
npm run lint
npm run build
npx jest --ci
npm run bench -- --smoke
