#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing; the tests drive it through
# playwright-core and never download a browser of their own.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
bash "$(dirname "$0")/ensure-debian-packages.sh" "$CHROMIUM" chromium fonts-liberation
"$CHROMIUM" --version >&2
