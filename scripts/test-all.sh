#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what it needs, then typecheck, lint, build, tests, bench smoke.
set -euo pipefail
cd "$(dirname "$0")/.."

# Install exactly what the committed lock file names (fails if the lock does not match package.json).
npm ci --no-audit --no-fund

# Chromium for the browser tests: CHROMIUM_PATH, Playwright's download or an installed one
# (scripts/find-chromium.ts says where it looks). Installed here only on Debian, where apt can do it
# without asking (root, or sudo without a password); elsewhere the message says what to install.
if ! npx tsx scripts/find-chromium.ts >/dev/null 2>&1; then
  # Not when a variable names the browser: then the message about that variable is what helps.
  if [ -z "${CHROMIUM_PATH:-}${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-}" ] &&
    grep -qx 'ID=debian' /etc/os-release 2>/dev/null && command -v apt-get >/dev/null; then
    if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
    if [ "$SUDO" != "none" ]; then
      echo "Installing Debian's chromium for the browser tests..."
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    fi
  fi
  npx tsx scripts/find-chromium.ts >/dev/null # prints what to install and stops here if still none
fi

npm run typecheck
npm run prices:check
npm run lint
npm run build
# LibreOffice: the second spreadsheet engine the portable templates and the self-check workbook are
# recalculated in (those tests fail under CI without it).
bash scripts/install-libreoffice.sh
npx jest --ci
npm run bench -- --smoke
