#!/usr/bin/env bash
# Gazette against nginx serving the very same bytes as static files, in one run, on loopback.
#
#   bash bench/run.sh                 # 10 s per measurement, 100,000-story archive
#   DURATION=5 STORIES=20000 bash bench/run.sh
#
# Prints one table per part: (1) each public URL, Gazette vs nginx, with and without gzip; (2) the same pages
# on a 100,000-story archive vs a 20-story one. Ratios, not absolute numbers: the machine is shared and noisy.
# Everything listens on 127.0.0.1 and every load is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
STORIES=${STORIES:-100000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
G_PORT=${G_PORT:-7301}
N_PORT=${N_PORT:-7302}
BIG_PORT=${BIG_PORT:-7303}
# The settings the README recommends for a small server (with MALLOC_ARENA_MAX=2, set where Gazette starts:
# glibc's per-thread malloc arenas otherwise add tens of MB of resident memory under 64 connections).
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx192m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=4"}
# PROFILE=1 adds a Java Flight Recording of each Gazette to bench/out/<time>/*.jfr (read it with `jfr print`).
PROFILE=${PROFILE:-0}
ADMIN_PASSWORD="bench-only password $RANDOM$RANDOM"

OUT="$PWD/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.md"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: installing $2"; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
[ -x /usr/sbin/nginx ] || apt-get install -y -qq nginx >/dev/null

echo "bench: building the jar"
mvn -q -B -ntp -DskipTests package
cp target/gazette.jar "$OUT/gazette.jar"
JAR="$OUT/gazette.jar"

generate() { # folder, number of generated stories (the launch story comes on top)
  java -cp "$JAR" news.gazette.bench.ArchiveGenerator --data "$1" --stories "$2" >"$1.log" 2>&1
}

start_gazette() { # data folder, port; sets STARTED_PID and START_MS (time to the first answer)
  local started
  started=$(date +%s%N)
  local jfr=""
  [ "$PROFILE" = 1 ] && jfr="-XX:StartFlightRecording=filename=$1.jfr,settings=profile"
  # shellcheck disable=SC2086
  GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX=2 java $JAVA_OPTS $jfr -jar "$JAR" --data "$1" --port "$2" --host 127.0.0.1 \
    >"$1.server.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/healthz" && break
    sleep 0.05
  done
  START_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# Each URL gets a short unmeasured run first, so that every figure is of a warmed-up JIT, as in production.
warm() { # url, extra wrk args...
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$@" "$url" >/dev/null 2>&1 || true
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# wrk -> "rps p50_ms p99_ms"
load() { # url, extra wrk args...
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$OUT/wrk.tmp" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { bad = $5 }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$OUT/wrk.tmp"
}

echo "bench: generating archives (19 + launch story = 20, and $STORIES + 1)"
generate "$OUT/small" 19
generate "$OUT/big" "$STORIES"

start_gazette "$OUT/small" "$G_PORT"
SMALL_PID=$STARTED_PID SMALL_START_MS=$START_MS
G="http://127.0.0.1:$G_PORT"
ARTICLE=$(curl -fs "$G/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
PATHS=(/ "$ARTICLE" /tags/ai /authors/news-desk /feed.xml /atom.xml /feed.json)

echo "bench: mirroring Gazette's bytes into nginx's root"
ROOT="$OUT/nginx/root"
mkdir -p "$ROOT" "$OUT/nginx/tmp"
: >"$OUT/nginx/locations.conf"
for p in "${PATHS[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$G$p")
  [ "$code" = 200 ] || { echo "bench: $p answers $code, skipped"; continue; }
  file="$ROOT/$(echo "$p" | sed 's#^/$#/index.html#; s#^/##; s#/#__#g')"
  type=$(curl -s -o "$file" -w '%{content_type}' "$G$p")
  gzip -9 -k -f "$file"
  echo "location = $p { default_type \"$type\"; try_files /$(basename "$file") =404; }" >>"$OUT/nginx/locations.conf"
done
cat >"$OUT/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/tmp; proxy_temp_path $OUT/nginx/tmp; fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp; scgi_temp_path $OUT/nginx/tmp;
  sendfile on; tcp_nopush on; keepalive_requests 100000; etag on;
  gzip_static on; gzip_vary on;
  types { }
  server {
    listen 127.0.0.1:$N_PORT;
    root $ROOT;
    include $OUT/nginx/locations.conf;
  }
}
NGINX
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf"
N="http://127.0.0.1:$N_PORT"

{
  echo "# Gazette benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)."
  echo "Load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback; Gazette JVM: \`$JAVA_OPTS\`."
  echo
  echo "## 1. Gazette vs nginx serving the same bytes (20 stories)"
  echo
  echo "| URL | gzip | Gazette req/s | nginx req/s | ratio | Gazette p50 ms | Gazette p99 ms | nginx p99 ms |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$RESULTS"

row() { # label, gzip yes/no, gazette url, nginx url, extra args for both...
  local label=$1 gz=$2 gu=$3 nu=$4; shift 4
  local hdr=()
  [ "$gz" = yes ] && hdr=(-H "Accept-Encoding: gzip")
  warm "$gu" "${hdr[@]}" "$@"
  warm "$nu" "${hdr[@]}" "$@"
  read -r grps gp50 gp99 gbad < <(load "$gu" "${hdr[@]}" "$@")
  read -r nrps np50 np99 nbad < <(load "$nu" "${hdr[@]}" "$@")
  local ratio
  ratio=$(awk -v g="$grps" -v n="$nrps" 'BEGIN { printf "%.2f", (n > 0 ? g / n : 0) }')
  echo "| $label | $gz | $grps | $nrps | $ratio | $gp50 | $gp99 | $np99 |" | tee -a "$RESULTS"
}

# A freshly started JVM interprets before it compiles: give the first rows the same warm JIT as the rest.
for p in "${PATHS[@]}"; do warm "$G$p"; warm "$G$p" -H "Accept-Encoding: gzip"; done
for p in "${PATHS[@]}"; do
  grep -q "location = $p " "$OUT/nginx/locations.conf" || continue
  row "$p" no "$G$p" "$N$p"
  row "$p" yes "$G$p" "$N$p"
done
if grep -q "location = /feed.xml " "$OUT/nginx/locations.conf"; then
  GE=$(curl -sI "$G/feed.xml" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
  NE=$(curl -sI "$N/feed.xml" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
  read -r grps gp50 gp99 _ < <(load "$G/feed.xml" -H "If-None-Match: $GE")
  read -r nrps np50 np99 _ < <(load "$N/feed.xml" -H "If-None-Match: $NE")
  echo "| /feed.xml 304 | - | $grps | $nrps | $(awk -v g="$grps" -v n="$nrps" 'BEGIN { printf "%.2f", g / n }') | $gp50 | $gp99 | $np99 |" | tee -a "$RESULTS"
fi

echo "bench: part 2, the same pages on $STORIES stories"
start_gazette "$OUT/big" "$BIG_PORT"
BIG_PID=$STARTED_PID BIG_START_MS=$START_MS
B="http://127.0.0.1:$BIG_PORT"
DEEP=$(( STORIES / 10 < 1000 ? STORIES / 10 : 1000 ))
OLD_ARTICLE=$(curl -fs "$B/page/$DEEP" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
{
  echo
  echo "## 2. $STORIES stories vs 20 stories (Gazette alone)"
  echo
  echo "| page | 20 stories req/s | $STORIES stories req/s | slowdown (20 / big) | big p99 ms |"
  echo "| --- | ---: | ---: | ---: | ---: |"
} >>"$RESULTS"
scale_row() { # label, small path, big path[, header for the small server, header for the big one]
  local label=$1 sp=$2 bp=$3 sh=${4:-"X-Bench: 1"} bh=${5:-"X-Bench: 1"}
  warm "$G$sp" -H "Accept-Encoding: gzip" -H "$sh"
  warm "$B$bp" -H "Accept-Encoding: gzip" -H "$bh"
  read -r srps _ _ _ < <(load "$G$sp" -H "Accept-Encoding: gzip" -H "$sh")
  read -r brps _ bp99 _ < <(load "$B$bp" -H "Accept-Encoding: gzip" -H "$bh")
  echo "| $label | $srps | $brps | $(awk -v s="$srps" -v b="$brps" 'BEGIN { printf "%.2f", (b > 0 ? s / b : 0) }') | $bp99 |" | tee -a "$RESULTS"
}
scale_row "front page" / /
scale_row "old article" "$ARTICLE" "$OLD_ARTICLE"
scale_row "tag page" /tags/ai /tags/ai
scale_row "archive page $DEEP (vs page 2)" /page/2 "/page/$DEEP"
for extra in "/search?q=energy" /sitemap.xml; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$B$extra")" = 200 ]; then scale_row "$extra" "$extra" "$extra"; fi
done
session() { # base url -> "gazette_session=..." after signing in as admin
  curl -s -o /dev/null -D - -H "Origin: $1" --data-urlencode "username=admin" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "next=/admin" "$1/admin/login" |
    awk -F'[:;] *' 'tolower($1)=="set-cookie" && $2 ~ /^gazette_session=/ {print $2}'
}
S_COOKIE=$(session "$G") B_COOKIE=$(session "$B")
if [ -n "$S_COOKIE" ] && [ -n "$B_COOKIE" ]; then
  scale_row "admin story list" /admin/stories /admin/stories "Cookie: $S_COOKIE" "Cookie: $B_COOKIE"
fi

echo "bench: freshness, an edit through the newsroom form until the pages show it"
read -r FRESH_ARTICLE FRESH_FRONT < <(python3 bench/freshness.py "$G" admin "$ADMIN_PASSWORD" "$ARTICLE" || echo "- -")
{
  echo
  echo "## 3. Freshness, start-up and memory"
  echo
  echo "- an edit saved through the newsroom form shows on its (cached) article after ${FRESH_ARTICLE} ms and on the (cached) front page after ${FRESH_FRONT} ms, counted from sending the save"
  echo "- first answer after launch: ${SMALL_START_MS} ms (20 stories), ${BIG_START_MS} ms ($STORIES stories)"
  echo "- resident memory after the run: $(rss_mb "$SMALL_PID") MB (20 stories), $(rss_mb "$BIG_PID") MB ($STORIES stories)"
} | tee -a "$RESULTS"
echo "bench: results in $RESULTS"
