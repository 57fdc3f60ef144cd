#!/usr/bin/env bash
# Makes a class-data-sharing archive (AppCDS) for one Gazette jar, so that it starts faster:
#
#   bash scripts/class-archive.sh                          # target/gazette.jar -> target/gazette.jsa
#   bash scripts/class-archive.sh path/to/gazette.jar      # -> path/to/gazette.jsa
#
# then start Gazette with -XX:SharedArchiveFile=target/gazette.jsa (see the README). The JVM then maps the
# ~4,500 classes Gazette loads at start-up (Jetty, Javalin, H2, Flyway, ...) already parsed and verified,
# instead of reading them from the jar: about 0.5 s less until the first answer on a 2-core machine.
#
# It starts the jar once on a throwaway data folder, on 127.0.0.1 and a free port, asks it for one of each
# kind of page (so the classes the first requests need are archived too), stops it, and the JVM writes the
# archive as it exits (-XX:ArchiveClassesAtExit, Java 13+). The archive fits this jar file only: after a new
# build, make it again. A missing archive is ignored silently; a stale one with a one-line warning.
set -euo pipefail

JAR=${1:-target/gazette.jar}
ARCHIVE=${2:-${JAR%.jar}.jsa}
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000"}
[ -f "$JAR" ] || { echo "class-archive: no jar at $JAR (build it with mvn -DskipTests package)" >&2; exit 1; }

WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

rm -f "$ARCHIVE"
PASSWORD="training-only $RANDOM$RANDOM$RANDOM"
# shellcheck disable=SC2086
GAZETTE_ADMIN_PASSWORD="$PASSWORD" java $JAVA_OPTS -XX:ArchiveClassesAtExit="$ARCHIVE" \
  -jar "$JAR" --data "$WORK/data" --host 127.0.0.1 --port 0 >"$WORK/server.log" 2>&1 &
PID=$!
PORT=""
for _ in $(seq 1 600); do
  PORT=$(sed -n 's/.*Gazette is serving at .* (listening on 127.0.0.1:\([0-9]*\)).*/\1/p' "$WORK/server.log")
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$PORT" ] || { echo "class-archive: Gazette did not start" >&2; exit 1; }
G="http://127.0.0.1:$PORT"

get() { curl -s -o /dev/null --compressed "$G$1" "${@:2}" || true; }
first_link() { curl -s "$G$1" | grep -o "href=\"$2[^\"]*\"" | head -1 | sed 's/href="//; s/"$//'; }
ARTICLE=$(first_link / /articles/)
for path in / /page/2 "$ARTICLE" "$(first_link "$ARTICLE" /tags/)" "$(first_link "$ARTICLE" /authors/)" \
  /feed.xml /atom.xml /feed.json "/search?q=gazette" /sitemap.xml /news-sitemap.xml /robots.txt /corrections \
  "$(first_link / /assets/)" /favicon.ico /no-such-page /healthz /readyz /metrics /admin/login; do
  [ -n "$path" ] && get "$path"
done
get /feed.xml -H 'If-None-Match: "x"'
# The newsroom: sign in, the story list and the editor.
JAR_COOKIES="$WORK/cookies"
curl -s -o /dev/null -c "$JAR_COOKIES" -H "Origin: $G" --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "next=/admin" "$G/admin/login" || true
for path in /admin /admin/stories /admin/stories/new; do get "$path" -b "$JAR_COOKIES"; done

kill -TERM "$PID"
wait "$PID" 2>/dev/null || true
PID=""
[ -s "$ARCHIVE" ] || { echo "class-archive: the JVM wrote no archive; its log:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
echo "class-archive: $ARCHIVE ($(( $(stat -c %s "$ARCHIVE") / 1048576 )) MB) for $JAR"
