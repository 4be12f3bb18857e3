#!/usr/bin/env bash
# Installs Debian's Chromium for the browser end-to-end tests when /usr/bin/chromium is missing.
# Browser tests never download a browser of their own; they drive this one through playwright-core.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-chromium: $CHROMIUM is missing and this user cannot install packages (no sudo)." >&2
    exit 1
  fi
fi

echo "install-chromium: installing Debian package chromium" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
"$CHROMIUM" --version >&2
