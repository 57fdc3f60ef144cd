#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing (Debian's chromium and chromium-driver for the
# browser journeys; postgresql, varnish, varnish-modules and nginx for the tests against a real PostgreSQL and real
# caching proxies, which start their own throwaway servers on free ports), then builds the jar and runs every test
# (unit, HTTP, Selenium, PostgreSQL, Varnish) and the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/varnishd ] || missing+=(varnish)
compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null || missing+=(varnish-modules)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing Debian's ${missing[*]} for the tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The packages start their own servers on the default ports; the tests start theirs and need neither.
if [ "$(id -u)" -eq 0 ] && command -v service >/dev/null; then
  service postgresql stop >/dev/null 2>&1 || true
  service varnish stop >/dev/null 2>&1 || true
  service varnishncsa stop >/dev/null 2>&1 || true
  service nginx stop >/dev/null 2>&1 || true
fi

exec mvn -B -ntp verify "$@"
