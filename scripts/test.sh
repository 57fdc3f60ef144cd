#!/usr/bin/env bash
# The one test command: installs what the browser tests need when it is missing, then builds the jar and runs
# every test (unit, HTTP, Selenium) and the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "test.sh: installing Debian's chromium and chromium-driver for the browser tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

exec mvn -B -ntp verify "$@"
