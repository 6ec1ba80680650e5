#!/usr/bin/env bash
# Installs LibreOffice Calc (headless) when soffice is missing, so the self-check workbook can be
# recalculated by a second spreadsheet engine. Idempotent: does nothing when soffice is on PATH.
# Debian/Ubuntu only (apt); needs root or sudo.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-libreoffice: soffice is missing and apt-get is not available; install LibreOffice Calc 7.4 or later by hand." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-libreoffice: installing LibreOffice needs root (or sudo)." >&2
    exit 1
  fi
fi

# Another apt process may hold the lock; wait for it rather than fail.
APT_OPTS=(-o DPkg::Lock::Timeout=600 -y --no-install-recommends)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update
$SUDO apt-get "${APT_OPTS[@]}" install libreoffice-calc-nogui

command -v soffice >/dev/null 2>&1 || {
  echo "ensure-libreoffice: libreoffice-calc-nogui installed but soffice is not on PATH." >&2
  exit 1
}
