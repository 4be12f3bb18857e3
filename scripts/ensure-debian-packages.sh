#!/usr/bin/env bash
# Installs Debian packages for the test suites when a command they provide is missing.
#   ensure-debian-packages.sh COMMAND PACKAGE [PACKAGE...]
# e.g. `ensure-debian-packages.sh /usr/bin/chromium chromium fonts-liberation`.
# Tests never download tools of their own; they use what Debian packages.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 COMMAND PACKAGE [PACKAGE...]" >&2
  exit 2
fi
command=$1
shift
if [ -x "$command" ] || command -v "$command" >/dev/null 2>&1; then
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "ensure-debian-packages: $command is missing and this user cannot install packages (no sudo)." >&2
    exit 1
  fi
fi

echo "ensure-debian-packages: installing $*" >&2
export DEBIAN_FRONTEND=noninteractive
# Packages such as nginx would start a system service listening on every address: forbid
# service starts for the duration of the install (the tests start what they need themselves).
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod +x "$policy"
  added_policy=1
fi
cleanup() { if [ "$added_policy" = 1 ]; then "${SUDO[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
