#!/usr/bin/env bash
# The embedded store compacted under a running server (issue 12, point 4): on a copy of a big archive, an editor saves
# through the newsroom form at a newsroom's pace (never a quiet moment) until Gazette compacts the file while serving,
# then stops for a while (a quiet moment); a light crawl of uncached articles runs all along. Reports each compaction
# (from, to, the database's pause), the file's largest size against its data, and what the saves and the crawl saw.
#
#   BIG_DATA=/tmp/archive-100k bash bench/compaction.sh     # an archive made by ArchiveGenerator (see crawl.sh)
#
# Writes bench/out/compaction-<time>/results.md. Loopback only; every load is bounded in time; every process the
# script started is stopped when it exits. Knobs: EDITING (s, 150) PAUSE_MS (between saves, 20) QUIET (s, 25)
# READERS (crawl connections, 2) JAR JAVA_OPTS PORT
set -euo pipefail
cd "$(dirname "$0")/.."

: "${BIG_DATA:?an archive folder made by news.gazette.bench.ArchiveGenerator}"
EDITING=${EDITING:-150}
PAUSE_MS=${PAUSE_MS:-20}
QUIET=${QUIET:-25}
READERS=${READERS:-2}
PORT=${PORT:-7511}
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000"}
ADMIN_PASSWORD="bench-only password $RANDOM$RANDOM"
OUT="$PWD/bench/out/compaction-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.md"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  rm -rf "$OUT/data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${JAR:-}" ]; then
  mvn -q -B -ntp -DskipTests -Dspotless.check.skip=true package
  cp target/gazette.jar "$OUT/gazette.jar"
  JAR="$OUT/gazette.jar"
fi
echo "compaction: copying $BIG_DATA"
cp -r "$BIG_DATA" "$OUT/data"
DATA="$OUT/data"
FILE="$DATA/gazette.mv.db"
GAZETTE_NEW_PASSWORD="$ADMIN_PASSWORD" java -jar "$JAR" user reset-password admin --data "$DATA" >/dev/null 2>&1
SIZE_BEFORE=$(stat -c %s "$FILE")

G="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086
GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX=2 java $JAVA_OPTS -jar "$JAR" \
  --data "$DATA" --port "$PORT" --host 127.0.0.1 >"$OUT/server.log" 2>&1 &
GAZETTE_PID=$!
PIDS+=("$GAZETTE_PID")
for _ in $(seq 1 3000); do
  curl -fs -o /dev/null "$G/readyz" && break
  kill -0 "$GAZETTE_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; exit 1; }
  sleep 0.1
done
( while kill -0 "$GAZETTE_PID" 2>/dev/null; do echo "$(date +%s.%N) $(stat -c %s "$FILE" 2>/dev/null || echo 0)" >>"$OUT/sizes"
    sleep 0.5; done ) &
PIDS+=("$!")

for part in $(curl -fs "$G/sitemap.xml" | grep -o '<loc>[^<]*/sitemaps/stories-[^<]*</loc>' |
    sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##'); do
  curl -fs "$G$part" | grep -o '<loc>[^<]*/articles/[^<]*</loc>' | sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##'
done | shuf --random-source=<(yes) >"$OUT/articles"
tail -n 20 "$OUT/articles" >"$OUT/edited"
head -n -20 "$OUT/articles" >"$OUT/crawled"

echo "compaction: ${EDITING}s of saves, then ${QUIET}s without, while $READERS connections crawl uncached articles"
WRK_THREADS=1 timeout $(( EDITING + QUIET + 30 )) wrk -t1 -c"$READERS" -d"$(( EDITING + QUIET ))s" \
  --latency -s bench/crawl.lua "$G" -- "$OUT/crawled" >"$OUT/crawl.wrk" 2>&1 &
WRK_PID=$!
PIDS+=("$WRK_PID")
# shellcheck disable=SC2046
python3 bench/editing.py "$G" admin "$ADMIN_PASSWORD" "$EDITING" "$PAUSE_MS" $(cat "$OUT/edited") >"$OUT/editing" 2>&1 ||
  echo "failed" >>"$OUT/editing"
wait "$WRK_PID" || true
kill -TERM "$GAZETTE_PID"
wait "$GAZETTE_PID" || true

read -r SAVES FAILED SAVE_P50 SAVE_P99 SAVE_MAX <"$OUT/editing" || true
DATA_AFTER=$(stat -c %s "$FILE")
LARGEST=$(awk '$2 > m { m = $2 } END { print m + 0 }' "$OUT/sizes")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
{
  echo "# The store compacted while serving, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Archive: $BIG_DATA, $(mb "$SIZE_BEFORE") MB at the start. JAVA_OPTS: $JAVA_OPTS"
  echo
  echo "- saves: $SAVES in ${EDITING}s (a pause of ${PAUSE_MS} ms after each), $FAILED not answered with the editor's redirect; p50 $SAVE_P50 / p99 $SAVE_P99 / max $SAVE_MAX ms"
  echo "- compactions while serving (from, to, the database's pause):"
  grep -o 'Compacted gazette.mv.db while running.*' "$OUT/server.log" | sed 's/^/  - /' || echo "  - none"
  grep -o 'Did not compact.*' "$OUT/server.log" | sed 's/^/  - /' || true
  echo "- the file: at most $(mb "$LARGEST") MB; after the clean stop $(mb "$DATA_AFTER") MB of data: at most $(awk -v a="$LARGEST" -v b="$DATA_AFTER" 'BEGIN { printf "%.2f", a / b }') times its data"
  echo "- the crawl meanwhile ($READERS connections at full speed over random articles, few asked twice):"
  grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency ' "$OUT/crawl.wrk" | sed 's/^ */  /'
  grep '^crawl:' "$OUT/crawl.wrk" | sed 's/^/  /' || true
} >"$RESULTS"
cat "$RESULTS"
