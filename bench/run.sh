#!/usr/bin/env bash
# Gazette against nginx serving the very same bytes as static files, in one run, on loopback.
#
#   bash bench/run.sh                          # 10 s per measurement, 100,000-story archive
#   DURATION=2 STORIES=3000 bash bench/run.sh   # a quick run
#
# Prints (and writes to bench/out/<time>/results.md):
#   1. each public URL and the feed's 304, Gazette vs nginx, with and without gzip (20 stories);
#   2. the same kinds of pages, plus search, sitemap, feed and the newsroom's story list, on a STORIES-story
#      archive vs a 20-story one;
#   3. freshness of an edit, time to the first answer after launch (medians of several launches), and peak
#      resident memory of each Gazette, sampled every second through the whole run.
# Ratios, not absolute numbers: the machine is shared and noisy. Everything listens on 127.0.0.1, every load is
# bounded by DURATION, and every server the script started is stopped when it exits, however it exits.
#
# Knobs (environment): DURATION STORIES CONNECTIONS THREADS START_RUNS SEARCH_WORD G_PORT N_PORT BIG_PORT
#   CDS=0        start Gazette without the class-data-sharing archive (scripts/class-archive.sh)
#   JAVA_OPTS    the JVM flags (default: the README's)
#   PROFILE=1    a Java Flight Recording of each Gazette (bench/out/<time>/*.jfr; read with `jfr print`)
#   NMT=1        native memory tracking: `jcmd VM.native_memory summary` of each Gazette after its load
#   BIG_DATA=dir use an archive generated before (ArchiveGenerator --data dir --stories STORIES) in place,
#                instead of generating one: 100,000 stories with their search index take 4-5 minutes here
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
STORIES=${STORIES:-100000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
START_RUNS=${START_RUNS:-5}
# A word of the generated headlines ("... a landmark merger"), in a few percent of the stories.
SEARCH_WORD=${SEARCH_WORD:-merger}
G_PORT=${G_PORT:-7401}
N_PORT=${N_PORT:-7402}
BIG_PORT=${BIG_PORT:-7403}
# The settings the README recommends for a small server (the class archive is added below). MALLOC_ARENA_MAX=2 is
# set where Gazette starts: glibc's per-thread malloc arenas otherwise add tens of MB of resident memory under load.
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000"}
CDS=${CDS:-1}
PROFILE=${PROFILE:-0}
NMT=${NMT:-0}
ADMIN_PASSWORD="bench-only password $RANDOM$RANDOM"

OUT="$PWD/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.md"
PHASE="$OUT/phase" # what is being measured now; the memory samplers note it next to each sample
echo "start" >"$PHASE"

PIDS=() # Gazettes and memory samplers, stopped on exit
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ -f "$OUT/nginx/nginx.pid" ]; then kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: installing $2"; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need curl curl
[ -x /usr/sbin/nginx ] || apt-get install -y -qq nginx >/dev/null

echo "bench: building the jar"
mvn -q -B -ntp -DskipTests package
cp target/gazette.jar "$OUT/gazette.jar"
JAR="$OUT/gazette.jar"
ARCHIVE_OPT=""
if [ "$CDS" = 1 ]; then
  echo "bench: making the class-data-sharing archive"
  JAVA_OPTS="$JAVA_OPTS" bash scripts/class-archive.sh "$JAR" "$OUT/gazette.jsa" >/dev/null
  ARCHIVE_OPT="-XX:SharedArchiveFile=$OUT/gazette.jsa"
fi

generate() { # folder, number of generated stories (the launch story comes on top)
  java -cp "$JAR" news.gazette.bench.ArchiveGenerator --data "$1" --stories "$2" >"$1.log" 2>&1
}

launch() { # data folder, port, extra JVM flags...; sets STARTED_PID and START_MS (launch to the first answer)
  local data=$1 port=$2 started
  shift 2
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX=2 java $JAVA_OPTS "$@" -jar "$JAR" \
    --data "$data" --port "$port" --host 127.0.0.1 >>"$OUT/$(basename "$data").server.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 1500); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -20 "$OUT/$(basename "$data").server.log" >&2; exit 1; }
    sleep 0.02
  done
  START_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop() { # pid: SIGTERM, then wait for the JVM to finish
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

sample_memory() { # pid, file: VmRSS every second, with the phase, until the process ends
  local pid=$1 file=$2 rss
  while rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null) && [ -n "$rss" ]; do
    echo "$(date +%s) $rss $(cat "$PHASE")" >>"$file"
    sleep 1
  done
}

start_server() { # data folder, port, name; starts the Gazette that is loaded and sampled
  local jfr=() nmt=()
  [ "$PROFILE" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$OUT/$3.jfr,settings=profile")
  [ "$NMT" = 1 ] && nmt=("-XX:NativeMemoryTracking=summary")
  # shellcheck disable=SC2086
  launch "$1" "$2" $ARCHIVE_OPT "${jfr[@]}" "${nmt[@]}"
  sample_memory "$STARTED_PID" "$OUT/$3.rss" &
  PIDS+=("$!")
}

# Each URL gets a short unmeasured run first, so that every figure is of a warmed-up JIT, as in production.
warm() { # url, extra wrk args...
  local url=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$@" "$url" >/dev/null 2>&1 || true
}

# wrk stops after its time, but a slow page leaves requests queued for a database connection for up to 30 s,
# which would land on the next figure: wait (at most 60 s) until no request holds or waits for one.
settle() { # gazette base url
  for _ in $(seq 1 120); do
    curl -s --max-time 2 "$1/metrics" |
      awk '/^hikaricp_connections_(active|pending)\{/ { n += $2 } END { exit !(NR > 0 && n == 0) }' && return 0
    sleep 0.5
  done
  echo "bench: $1 still busy after 60 s" >&2
}

# wrk -> "rps p50_ms p99_ms non2xx timeouts"
load() { # url, extra wrk args...
  local url=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$OUT/wrk.tmp" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { bad = $5 }
    /Socket errors/ { to = $NF }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, to }' "$OUT/wrk.tmp"
}

with_errors() { # rps, non-2xx, timeouts -> "rps" or "rps (n errors)"
  local n=$(( $2 + $3 ))
  if [ "$n" -gt 0 ]; then echo "$1 ($2 non-2xx, $3 timeouts)"; else echo "$1"; fi
}

header() { # url, header name, extra curl args... -> the header's value in the answer to a GET
  local url=$1 name=$2
  shift 2
  curl -s -o /dev/null -D - "$@" "$url" | awk -F': ' -v n="$name" 'tolower($1) == tolower(n) { print $2 }' | tr -d '\r'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "bench: generating archives (19 + launch story = 20, and $STORIES + 1)"
generate "$OUT/small" 19
if [ -n "${BIG_DATA:-}" ]; then
  [ -f "$BIG_DATA/gazette.mv.db" ] || { echo "bench: no archive in $BIG_DATA" >&2; exit 1; }
  BIG="$BIG_DATA"
  echo "bench: using the archive in $BIG as it is (generated before)"
  # A server started on it in an earlier run made the admin account with that run's password: set this run's.
  if ! GAZETTE_NEW_PASSWORD="$ADMIN_PASSWORD" java -jar "$JAR" user reset-password admin --data "$BIG" \
      >"$OUT/reset-password.log" 2>&1; then
    echo "bench: no admin account in $BIG yet; the first start will make it"
  fi
  ARCHIVES="the big one generated before the run (in $BIG_DATA)"
else
  BIG="$OUT/big"
  generate "$BIG" "$STORIES"
  ARCHIVES="both generated in this run"
fi

echo "bench: part 1, Gazette vs nginx"
start_server "$OUT/small" "$G_PORT" small
SMALL_PID=$STARTED_PID SMALL_FIRST_MS=$START_MS
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
  # The same Content-Type as Gazette's (e.g. application/rss+xml; charset=utf-8), and the .gz copy for gzip.
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
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
  echo "Archives: 20 and $STORIES + 1 stories by news.gazette.bench.ArchiveGenerator, $ARCHIVES."
  echo "Load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback after a 2 s warm-up per URL; Gazette: \`MALLOC_ARENA_MAX=2 java $JAVA_OPTS${ARCHIVE_OPT:+ -XX:SharedArchiveFile=gazette.jsa}\`."
  echo
  echo "## 1. Gazette vs nginx serving the same bytes (20 stories)"
  echo
  echo "What each side answers (Content-Type; Content-Encoding with Accept-Encoding: gzip; Gazette's page cache after the first request):"
  echo
  echo "| URL | Gazette type | nginx type | Gazette gzip | nginx gzip | bytes (gzip) | cache |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for p in "${PATHS[@]}"; do
    grep -q "location = $p " "$OUT/nginx/locations.conf" || continue
    gt=$(header "$G$p" content-type) nt=$(header "$N$p" content-type)
    ge=$(header "$G$p" content-encoding -H "Accept-Encoding: gzip") ne=$(header "$N$p" content-encoding -H "Accept-Encoding: gzip")
    size=$(curl -s -o /dev/null -w '%{size_download}' "$G$p")
    gzsize=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: gzip" "$G$p")
    echo "| $p | $gt | $nt | ${ge:--} | ${ne:--} | $size ($gzsize) | $(header "$G$p" x-gazette-cache -H "Accept-Encoding: gzip") |"
  done
  echo
  echo "| URL | gzip | Gazette req/s | nginx req/s | ratio | Gazette p50 ms | Gazette p99 ms | nginx p99 ms |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$RESULTS"
sed -n '/^What each side/,$p' "$RESULTS"

row() { # label, gzip yes/no, gazette url, nginx url[, extra header for Gazette, extra header for nginx]
  local label=$1 gz=$2 gu=$3 nu=$4 gh=${5:-"X-Bench: 1"} nh=${6:-"X-Bench: 1"}
  local hdr=(-H "X-Bench: 1")
  [ "$gz" = yes ] && hdr=(-H "Accept-Encoding: gzip")
  echo "1 $label gzip=$gz" >"$PHASE"
  warm "$gu" "${hdr[@]}" -H "$gh"
  warm "$nu" "${hdr[@]}" -H "$nh"
  settle "$G"
  read -r grps gp50 gp99 gbad gto < <(load "$gu" "${hdr[@]}" -H "$gh")
  settle "$G"
  read -r nrps _ np99 nbad nto < <(load "$nu" "${hdr[@]}" -H "$nh")
  echo "| $label | $gz | $(with_errors "$grps" "$gbad" "$gto") | $(with_errors "$nrps" "$nbad" "$nto") | $(ratio "$grps" "$nrps") | $gp50 | $gp99 | $np99 |" | tee -a "$RESULTS"
}

# A freshly started JVM interprets before it compiles: give the first rows the same warm JIT as the rest.
echo "warm-up" >"$PHASE"
for p in "${PATHS[@]}"; do warm "$G$p"; warm "$G$p" -H "Accept-Encoding: gzip"; settle "$G"; done
for p in "${PATHS[@]}"; do
  grep -q "location = $p " "$OUT/nginx/locations.conf" || continue
  row "$p" no "$G$p" "$N$p"
  row "$p" yes "$G$p" "$N$p"
done
# The feed reader's poll: a conditional GET with the ETag each server gave, answered 304 without a body.
if grep -q "location = /feed.xml " "$OUT/nginx/locations.conf"; then
  GE=$(header "$G/feed.xml" etag) NE=$(header "$N/feed.xml" etag)
  GS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $GE" "$G/feed.xml")
  NS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $NE" "$N/feed.xml")
  CHECK_304="conditional GET of /feed.xml: Gazette answers $GS to If-None-Match: $GE; nginx answers $NS to If-None-Match: $NE"
  echo "bench: $CHECK_304"
  if [ "$GS" = 304 ] && [ "$NS" = 304 ]; then
    row "/feed.xml 304" no "$G/feed.xml" "$N/feed.xml" "If-None-Match: $GE" "If-None-Match: $NE"
  else
    echo "| /feed.xml 304 | - | not measured: $CHECK_304 | | | | | |" | tee -a "$RESULTS"
  fi
  { echo; echo "Check before the 304 row: $CHECK_304."; } >>"$RESULTS"
fi

echo "bench: part 2, the same pages on $STORIES stories"
echo "big start" >"$PHASE"
start_server "$BIG" "$BIG_PORT" big
BIG_PID=$STARTED_PID BIG_FIRST_MS=$START_MS
B="http://127.0.0.1:$BIG_PORT"
DEEP=$(( STORIES / 10 < 1000 ? STORIES / 10 : 1000 ))
OLD_ARTICLE=$(curl -fs "$B/page/$DEEP" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
# Past 10,000 stories the sitemap is an index of parts; a part is then compared with the small site's whole sitemap.
SITEMAP_PART=$(curl -fs "$B/sitemap.xml" | grep -o '<loc>[^<]*/sitemaps/stories-[0-9]*\.xml</loc>' | head -1 |
  sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##' || true)
{
  echo
  echo "## 2. $STORIES stories vs 20 stories (Gazette alone, with gzip)"
  echo
  echo "| page | 20 stories req/s | $STORIES stories req/s | slowdown (20 / big) | big p50 ms | big p99 ms | big: cache |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
} >>"$RESULTS"
scale_row() { # label, small path, big path[, header for the small server, header for the big one]
  local label=$1 sp=$2 bp=$3 sh=${4:-"X-Bench: 1"} bh=${5:-"X-Bench: 1"}
  echo "2 $label" >"$PHASE"
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$bh" "$B$bp")
  if [ "$code" != 200 ]; then
    echo "| $label | | | | | | $bp answers $code |" | tee -a "$RESULTS"
    return
  fi
  warm "$G$sp" -H "Accept-Encoding: gzip" -H "$sh"
  warm "$B$bp" -H "Accept-Encoding: gzip" -H "$bh"
  settle "$G"
  settle "$B"
  local cache
  cache=$(header "$B$bp" x-gazette-cache -H "Accept-Encoding: gzip" -H "$bh")
  read -r srps _ _ sbad sto < <(load "$G$sp" -H "Accept-Encoding: gzip" -H "$sh")
  settle "$G"
  read -r brps bp50 bp99 bbad bto < <(load "$B$bp" -H "Accept-Encoding: gzip" -H "$bh")
  settle "$B"
  echo "| $label | $(with_errors "$srps" "$sbad" "$sto") | $(with_errors "$brps" "$bbad" "$bto") | $(ratio "$srps" "$brps") | $bp50 | $bp99 | ${cache:-not cached} |" | tee -a "$RESULTS"
}
# As for part 1: a freshly started JVM gets the same warm JIT for the first rows as for the last.
echo "big warm-up" >"$PHASE"
for p in / "$OLD_ARTICLE" /tags/ai "/page/$DEEP" /feed.xml "/search?q=$SEARCH_WORD" /sitemap.xml; do
  warm "$B$p" -H "Accept-Encoding: gzip"
  settle "$B"
done
scale_row "front page" / /
scale_row "old article" "$ARTICLE" "$OLD_ARTICLE"
scale_row "tag page" /tags/ai /tags/ai
scale_row "archive page $DEEP (vs page 2)" /page/2 "/page/$DEEP"
scale_row "/feed.xml" /feed.xml /feed.xml
scale_row "/search?q=$SEARCH_WORD" "/search?q=$SEARCH_WORD" "/search?q=$SEARCH_WORD"
scale_row "/sitemap.xml" /sitemap.xml /sitemap.xml
if [ -n "$SITEMAP_PART" ]; then
  scale_row "sitemap part $SITEMAP_PART (vs the whole small sitemap)" /sitemap.xml "$SITEMAP_PART"
fi
session() { # base url -> "gazette_session=..." after signing in as admin
  curl -s -o /dev/null -D - -H "Origin: $1" --data-urlencode "username=admin" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "next=/admin" "$1/admin/login" |
    awk -F'[:;] *' 'tolower($1)=="set-cookie" && $2 ~ /^gazette_session=/ {print $2}'
}
S_COOKIE=$(session "$G") B_COOKIE=$(session "$B")
if [ -n "$S_COOKIE" ] && [ -n "$B_COOKIE" ]; then
  scale_row "admin story list" /admin/stories /admin/stories "Cookie: $S_COOKIE" "Cookie: $B_COOKIE"
else
  echo "| admin story list | | | | | | could not sign in |" | tee -a "$RESULTS"
fi

echo "bench: freshness, an edit through the newsroom form until the pages show it"
echo "freshness" >"$PHASE"
read -r FRESH_ARTICLE FRESH_FRONT < <(python3 bench/freshness.py "$G" admin "$ADMIN_PASSWORD" "$ARTICLE" || echo "- -")

echo "end" >"$PHASE"
memory() { # name, pid -> "peak sampled MB (phase), kernel's high-water mark MB, MB at the end"
  local hwm now
  hwm=$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$2/status")
  now=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$2/status")
  sort -k2,2n "$OUT/$1.rss" | tail -1 | awk -v h="$hwm" -v n="$now" \
    '{ $1 = ""; peak = $2; $2 = ""; sub(/^ +/, ""); printf "%d MB sampled during \"%s\" (kernel high-water mark %d MB; %d MB at the end)", peak, $0, h, n }'
}
SMALL_MEM=$(memory small "$SMALL_PID") BIG_MEM=$(memory big "$BIG_PID")
if [ "$NMT" = 1 ]; then
  jcmd "$SMALL_PID" VM.native_memory summary >"$OUT/small.nmt.txt" 2>&1 || true
  jcmd "$BIG_PID" VM.native_memory summary >"$OUT/big.nmt.txt" 2>&1 || true
fi
stop "$SMALL_PID"
stop "$BIG_PID"
kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true

echo "bench: start-up, $START_RUNS launches per archive"
median_start() { # data folder, port, extra JVM flags... -> "median (min-max)" of START_RUNS launches
  local data=$1 port=$2 times=()
  shift 2
  for _ in $(seq 1 "$START_RUNS"); do
    launch "$data" "$port" "$@"
    times+=("$START_MS")
    stop "$STARTED_PID"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%d ms (%d-%d)", t[int((NR + 1) / 2)], t[1], t[NR] }'
}
echo "start-up" >"$PHASE"
# shellcheck disable=SC2086
SMALL_START=$(median_start "$OUT/small" "$G_PORT" $ARCHIVE_OPT)
# shellcheck disable=SC2086
BIG_START=$(median_start "$BIG" "$BIG_PORT" $ARCHIVE_OPT)
WITHOUT=""
if [ "$CDS" = 1 ]; then
  WITHOUT="; without the class archive: $(median_start "$OUT/small" "$G_PORT") (20 stories)"
fi

{
  echo
  echo "## 3. Freshness, start-up and memory"
  echo
  echo "- an edit saved through the newsroom form shows on its (cached) article after ${FRESH_ARTICLE} ms and on the (cached) front page after ${FRESH_FRONT} ms, counted from sending the save"
  echo "- first answer after launch, median (min-max) of $START_RUNS launches: $SMALL_START (20 stories), $BIG_START ($STORIES stories)$WITHOUT"
  echo "- the very first launch on a new archive (which also creates the admin account, one bcrypt hash): $SMALL_FIRST_MS ms (20 stories), $BIG_FIRST_MS ms ($STORIES stories)"
  echo "- peak resident memory: $SMALL_MEM for 20 stories; $BIG_MEM for $STORIES stories"
} | tee -a "$RESULTS"
echo "bench: results in $RESULTS"
