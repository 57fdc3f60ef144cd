#!/usr/bin/env bash
# Off the cache (issue 12): a crawler's walk over random distinct articles, Gazette against nginx serving the same
# bytes (plain and gzip); the search mix on misses; the search flood with its side measurements; disk size.
#
#   BIG_DATA=/tmp/archive-100k bash bench/crawl.sh        # an archive made by ArchiveGenerator (see run.sh)
#   STORIES=20000 DURATION=5 bash bench/crawl.sh          # generates the archive under /tmp first
#
# Writes bench/out/crawl-<time>/results.md. Loopback only; every load is bounded by DURATION; every process the
# script started is stopped when it exits. Knobs: DURATION WARMUP STORIES BIG_DATA URLS NGINX_PAGES JAR JAVA_OPTS PORT N_PORT
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
STORIES=${STORIES:-100000}
URLS=${URLS:-0}             # random distinct articles taken from the sitemap; 0: all of them
WARMUP=${WARMUP:-60}        # seconds of crawl before measuring: the JIT compiles 10 s of CPU between 20 and 40 s in, 1 s after 40
NGINX_PAGES=${NGINX_PAGES:-2000} # of which nginx gets this many as files (Gazette never serves those in a crawl)
PORT=${PORT:-7501}
N_PORT=${N_PORT:-7502}
THREADS=2 CONNECTIONS=64
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000"}
ADMIN_PASSWORD="bench-only password $RANDOM$RANDOM"
OUT="$PWD/bench/out/crawl-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT/nginx/root" "$OUT/nginx/tmp"
RESULTS="$OUT/results.md"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${JAR:-}" ]; then
  mvn -q -B -ntp -DskipTests -Dspotless.check.skip=true package
  cp target/gazette.jar "$OUT/gazette.jar"
  JAR="$OUT/gazette.jar"
fi
if [ -z "${BIG_DATA:-}" ]; then
  BIG_DATA="/tmp/gazette-crawl-$STORIES"
  if [ ! -f "$BIG_DATA/gazette.mv.db" ]; then
    started=$(date +%s)
    java -cp "$JAR" news.gazette.bench.ArchiveGenerator --data "$BIG_DATA" --stories "$STORIES" >"$OUT/generate.log" 2>&1
    echo "Generated $STORIES stories in $(( $(date +%s) - started )) s." >>"$OUT/notes.txt"
  fi
fi
GAZETTE_NEW_PASSWORD="$ADMIN_PASSWORD" java -jar "$JAR" user reset-password admin --data "$BIG_DATA" >/dev/null 2>&1 || true
DISK_BEFORE=$(du -sm "$BIG_DATA/gazette.mv.db" | cut -f1)

G="http://127.0.0.1:$PORT" N="http://127.0.0.1:$N_PORT"
GAZETTE_PID=""
start_gazette() {
  # shellcheck disable=SC2086
  GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX=2 java $JAVA_OPTS ${PROFILE_OPTS:-} -jar "$JAR" \
    --data "$BIG_DATA" --port "$PORT" --host 127.0.0.1 >>"$OUT/server.log" 2>&1 &
  GAZETTE_PID=$!
  PIDS+=("$GAZETTE_PID")
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null "$G/readyz" && break
    kill -0 "$GAZETTE_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; exit 1; }
    sleep 0.1
  done
  # Resident memory, and of it the anonymous part (heap, stacks, code: not the search index's mapped files, which
  # are the kernel's page cache and are given back under memory pressure).
  ( while rss=$(awk '/^VmRSS:/ { r = int($2 / 1024) } /^RssAnon:/ { a = int($2 / 1024) } END { if (r) print r, a }' \
        "/proc/$GAZETTE_PID/status" 2>/dev/null) && [ -n "$rss" ]; do
      echo "$rss" >>"$OUT/rss"; sleep 0.5; done ) &
  PIDS+=("$!")
}
start_gazette

echo "crawl: picking random articles from the sitemap"
curl -fs "$G/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##' >"$OUT/sitemap-parts"
: >"$OUT/all-articles"
while read -r part; do
  case "$part" in /sitemaps/stories-*) curl -fs "$G$part" | grep -o '<loc>[^<]*/articles/[^<]*</loc>' |
    sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##' >>"$OUT/all-articles" ;; esac
done <"$OUT/sitemap-parts"
grep -q /articles/ "$OUT/all-articles" || curl -fs "$G/sitemap.xml" | grep -o '<loc>[^<]*/articles/[^<]*</loc>' |
  sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##' >"$OUT/all-articles"
[ "$URLS" -gt 0 ] || URLS=$(wc -l <"$OUT/all-articles")
shuf --random-source=<(yes) -n "$URLS" "$OUT/all-articles" >"$OUT/articles"
URLS=$(wc -l <"$OUT/articles")
head -n "$NGINX_PAGES" "$OUT/articles" >"$OUT/nginx-articles"

echo "crawl: copying $NGINX_PAGES pages into nginx's root"
awk -v g="$G" -v root="$OUT/nginx/root" '{ f = $0; gsub("/", "__", f); print "url = \"" g $0 "\"\noutput = \"" root "/" f "\"" }' \
  "$OUT/nginx-articles" >"$OUT/curl-config"
curl -fs --config "$OUT/curl-config"
find "$OUT/nginx/root" -type f -name '__articles__*' -print0 | xargs -0 -P2 -n200 gzip -k -9
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
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:$N_PORT;
    root $OUT/nginx/root;
    location /articles/ { rewrite ^/articles/(.*)\$ /__articles__\$1 break; }
  }
}
NGINX
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf"

# wrk -> "rps p50_ms p99_ms" plus the script's "repeats ... statusNNN=n" line
load() { # output name, wrk options... url [-- script args]
  local name=$1
  shift
  WRK_THREADS=$THREADS timeout $(( DURATION + 20 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s bench/crawl.lua "$@" >"$OUT/$name.wrk" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ && !own { rps = $2 } /^crawl-rate:/ { rps = $2; own = 1 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^crawl:/ { $1 = ""; extra = $0 }
    END { printf "%.0f %.2f %.2f%s\n", rps, p50, p99, extra }' "$OUT/$name.wrk"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# Gazette's paths: past nginx's, in disjoint slices: the JIT's warm-up (a tenth, asked for over and over), the plain
# crawl and the gzip crawl (the rest, halved: each path asked for once, and a crawl that runs out of paths stops
# early), and the last 300 for the side measurements of the search flood, never asked for before.
SIDE=300
REST=$(( URLS - NGINX_PAGES - SIDE ))
WSLICE=$(( REST / 10 )) SLICE=$(( (REST - REST / 10) / 2 ))
W0=$NGINX_PAGES P0=$(( NGINX_PAGES + WSLICE )) Z0=$(( NGINX_PAGES + WSLICE + SLICE ))
echo "crawl: warm-up (not measured)"
DURATION=$WARMUP load warm "$G" -- "$OUT/articles" "$W0" "$WSLICE" >/dev/null
timeout 20 wrk -t2 -c8 -d3s -s bench/crawl.lua "$N" -- "$OUT/nginx-articles" >/dev/null 2>&1 || true
echo "crawl: plain"
read -r GP_RPS GP_P50 GP_P99 GP_EXTRA < <(CRAWL_ONCE=1 load g-plain "$G" -- "$OUT/articles" "$P0" "$SLICE")
read -r NP_RPS NP_P50 NP_P99 NP_EXTRA < <(load n-plain "$N" -- "$OUT/nginx-articles")
echo "crawl: gzip"
read -r GZ_RPS GZ_P50 GZ_P99 GZ_EXTRA < <(CRAWL_ONCE=1 load g-gzip -H "Accept-Encoding: gzip" "$G" -- "$OUT/articles" "$Z0" "$SLICE")
read -r NZ_RPS NZ_P50 NZ_P99 NZ_EXTRA < <(load n-gzip -H "Accept-Encoding: gzip" "$N" -- "$OUT/nginx-articles")

echo "crawl: search mix, each query once, one at a time"
# Warmed like the crawl, on queries of their own (the measured ones leave those out, so each is still a miss): a
# site's search is warm.
python3 bench/queries.py 3000 7 >"$OUT/warm-queries"
python3 bench/queries.py 3000 1 | grep -vxFf "$OUT/warm-queries" >"$OUT/queries"
timeout $(( WARMUP + 30 )) python3 bench/queries.py --time "$G" "$OUT/warm-queries" "$WARMUP" >/dev/null || true
read -r SQ_N SQ_P50 SQ_P99 SQ_CODES < <(timeout $(( DURATION + 30 )) python3 bench/queries.py --time "$G" "$OUT/queries" "$DURATION")

echo "crawl: search flood, 64 connections of random queries, with side measurements"
python3 bench/queries.py 10000 2 >"$OUT/flood-queries"
# Articles never asked for yet.
tail -n "$SIDE" "$OUT/articles" >"$OUT/side-articles"
( sleep 1; timeout $(( DURATION + 30 )) python3 bench/queries.py --time "$G" <(yes / | head -n 100000) $(( DURATION - 2 )) >"$OUT/side-front" ) &
PIDS+=("$!")
( sleep 1; timeout $(( DURATION + 30 )) python3 bench/queries.py --time "$G" "$OUT/side-articles" $(( DURATION - 2 )) >"$OUT/side-articles.txt" ) &
PIDS+=("$!")
( sleep 2; timeout 40 python3 bench/freshness.py "$G" admin "$ADMIN_PASSWORD" "$(head -1 "$OUT/side-articles")" >"$OUT/side-save" 2>&1 || echo "failed" >"$OUT/side-save" ) &
PIDS+=("$!")
read -r FL_RPS FL_P50 FL_P99 FL_EXTRA < <(load flood "$G" -- "$OUT/flood-queries")
for pid in "${PIDS[@]: -3}"; do wait "$pid" 2>/dev/null || true; done
read -r _ FR_P50 FR_P99 FR_CODES <"$OUT/side-front" || true
read -r _ AR_P50 AR_P99 AR_CODES <"$OUT/side-articles.txt" || true

RSS_PEAK=$(sort -n "$OUT/rss" | tail -1 | cut -d' ' -f1)
ANON_PEAK=$(cut -d' ' -f2 "$OUT/rss" | sort -n | tail -1)
DISK_RUN=$(du -sm "$BIG_DATA/gazette.mv.db" | cut -f1)
kill "$GAZETTE_PID"; wait "$GAZETTE_PID" 2>/dev/null || true
DISK_STOP=$(du -sm "$BIG_DATA/gazette.mv.db" | cut -f1)
INDEX=$(du -sm "$BIG_DATA/search-index" 2>/dev/null | cut -f1 || echo "-")

{
  echo "# Crawl benchmark (issue 12), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores shared, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Archive: $BIG_DATA. $(cat "$OUT/notes.txt" 2>/dev/null || true)"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; Gazette: \`MALLOC_ARENA_MAX=2 java $JAVA_OPTS\`."
  echo
  echo "| crawl, random distinct articles | Gazette req/s | nginx req/s | ratio | Gazette p50 ms | Gazette p99 ms | nginx p99 ms | Gazette repeats, errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  echo "| plain | $GP_RPS | $NP_RPS | $(ratio "$GP_RPS" "$NP_RPS") | $GP_P50 | $GP_P99 | $NP_P99 | $GP_EXTRA |"
  echo "| gzip | $GZ_RPS | $NZ_RPS | $(ratio "$GZ_RPS" "$NZ_RPS") | $GZ_P50 | $GZ_P99 | $NZ_P99 | $GZ_EXTRA |"
  echo
  echo "Search mix (distinct one- and two-word queries, pages 1-3, each a miss, one at a time): $SQ_N queries, p50 $SQ_P50 ms, p99 $SQ_P99 ms, statuses $SQ_CODES."
  echo
  echo "Search flood (64 connections of random queries): $FL_RPS answers/s ($FL_EXTRA), p99 $FL_P99 ms. Meanwhile: front page p50 $FR_P50 / p99 $FR_P99 ms ($FR_CODES); uncached articles p50 $AR_P50 / p99 $AR_P99 ms ($AR_CODES); an editor's save of an uncached old article, then that article and the front page showing it (ms; -1: not on the front page, as an old story is not): $(cat "$OUT/side-save")."
  echo
  echo "Gazette peak RSS: $RSS_PEAK MB, of which anonymous (heap, stacks, code; not the mapped search index) at most $ANON_PEAK MB. Store: $DISK_BEFORE MB before, $DISK_RUN MB at the end of the run, $DISK_STOP MB after a clean stop; search index $INDEX MB."
} >"$RESULTS"
cat "$RESULTS"
