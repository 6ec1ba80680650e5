#!/usr/bin/env bash
# Installs LibreOffice Calc (headless) for test/templates/portableLibreOffice.test.ts, which
# recalculates the portable templates in a second spreadsheet engine. Idempotent: does nothing
# when soffice is already there. Debian/Ubuntu (apt) only; elsewhere install LibreOffice yourself.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  echo "LibreOffice already installed: $(soffice --version 2>/dev/null | head -n 1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get: install LibreOffice Calc yourself to run the LibreOffice check." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends libreoffice-calc-nogui
soffice --version | head -n 1
