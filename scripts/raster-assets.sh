#!/usr/bin/env bash
# Renders the PNG copies of the bundled SVGs that social previews and search engines need (they show no SVG):
# static/img/launch-broken-connection.png (1200x675, the launch story's og:image) and static/img/logo.png (512x512,
# the publisher logo in JSON-LD). Run it after changing either SVG; needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
render() { # svg png width height
  printf '<!DOCTYPE html><html><head><style>html,body{margin:0;overflow:hidden;background:transparent}img{display:block;width:%spx;height:%spx}</style></head><body><img src="file://%s"></body></html>' \
    "$3" "$4" "$PWD/$1" >"$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --screenshot="$PWD/$2" --window-size="$3,$4" "file://$work/page.html" 2>/dev/null
  echo "rendered $2 (${3}x$4)"
}
render static/img/launch-broken-connection.svg static/img/launch-broken-connection.png 1200 675
render static/img/favicon.svg static/img/logo.png 512 512
