#!/usr/bin/env bash
# Two Gazette instances on one PostgreSQL behind Varnish (docs/deploy/varnish.vcl as shipped, only its backend ports
# replaced) against one instance on embedded H2, on the same archive, in one run, on loopback.
#
#   bash bench/scaleout.sh                       # 10 s per figure, 20,000-story archive
#   DURATION=5 STORIES=20000 bash bench/scaleout.sh
#
# Prints (and writes to bench/out/<time>/scaleout.md):
#   1. cached pages (front page, an article): through Varnish, on a PostgreSQL instance, on the H2 instance;
#   2. the uncached crawl (random distinct articles, each asked once): on the H2 instance, on a PostgreSQL instance,
#      and through Varnish onto both PostgreSQL instances;
#   3. edit-to-visible: a save through instance 1, timed until the article shows it on instance 1, on instance 2
#      and through Varnish (median and worst of EDITS edits);
#   4. peak resident memory of each instance.
# On one 2-core machine a second instance cannot add throughput (wrk, Varnish, PostgreSQL and both JVMs share the
# cores): the figures say what the second instance and PostgreSQL cost, docs/PERFORMANCE.md what that predicts.
# Everything listens on 127.0.0.1; every load is bounded by DURATION; everything started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
STORIES=${STORIES:-20000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
EDITS=${EDITS:-7}
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000"}
ADMIN_PASSWORD="bench-only password $RANDOM$RANDOM"
H2_PORT=${H2_PORT:-7411}
PG1_PORT=${PG1_PORT:-7412}
PG2_PORT=${PG2_PORT:-7413}
VARNISH_PORT=${VARNISH_PORT:-7414}
PG_PORT=${PG_PORT:-7415}

OUT="$PWD/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-scaleout"
mkdir -p "$OUT"
chmod 755 "$OUT"
RESULTS="$OUT/scaleout.md"
PG_BIN=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -1)")
PGDIR="$OUT/pg"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  [ -d "$PGDIR/data" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
for tool in wrk varnishd curl psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (Debian: wrk, varnish varnish-modules, curl, postgresql)"; exit 1; }
done

echo "bench: building the jar"
mvn -q -B -ntp -DskipTests package
cp target/gazette.jar "$OUT/gazette.jar"
JAR="$OUT/gazette.jar"

echo "bench: a throwaway PostgreSQL on port $PG_PORT"
mkdir -p "$PGDIR"
chmod 777 "$PGDIR"
as_postgres "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log"
as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/server.log" \
  -o "-p $PG_PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c shared_buffers=128MB" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database gazette"
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/gazette?user=postgres"

echo "bench: generating $STORIES stories on H2 and on PostgreSQL (same seed, same archive)"
java -cp "$JAR" news.gazette.bench.ArchiveGenerator --data "$OUT/h2" --stories "$STORIES" >"$OUT/generate-h2.log" 2>&1
java -cp "$JAR" news.gazette.bench.ArchiveGenerator --data "$OUT/pg-gen" --db-url "$PG_URL" --stories "$STORIES" \
  >"$OUT/generate-pg.log" 2>&1
mkdir -p "$OUT/media"

launch() { # name, port, args...: starts an instance and waits until it answers
  local name=$1 port=$2
  shift 2
  # shellcheck disable=SC2086
  GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX=2 java $JAVA_OPTS -jar "$JAR" --port "$port" \
    --host 127.0.0.1 "$@" >>"$OUT/$name.log" 2>&1 &
  PIDS+=("$!")
  eval "${name}_PID=$!"
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && return 0
    sleep 0.05
  done
  echo "bench: $name did not start" >&2
  tail -20 "$OUT/$name.log" >&2
  exit 1
}

echo "bench: starting the H2 instance, two PostgreSQL instances and Varnish"
launch h2 "$H2_PORT" --data "$OUT/h2"
launch pg1 "$PG1_PORT" --data "$OUT/pg1" --db-url "$PG_URL" --media-dir "$OUT/media" \
  --purge-url "http://127.0.0.1:$VARNISH_PORT/"
launch pg2 "$PG2_PORT" --data "$OUT/pg2" --db-url "$PG_URL" --media-dir "$OUT/media" \
  --purge-url "http://127.0.0.1:$VARNISH_PORT/"
mkdir -p "$OUT/varnish"
chmod 755 "$OUT/varnish"
sed -e "s/\.port = \"7071\";/.port = \"$PG1_PORT\";/" -e "s/\.port = \"7072\";/.port = \"$PG2_PORT\";/" \
  docs/deploy/varnish.vcl >"$OUT/varnish/gazette.vcl"
varnishd -F -n "$OUT/varnish/work" -a "127.0.0.1:$VARNISH_PORT" -T none -f "$OUT/varnish/gazette.vcl" \
  -s malloc,256m >"$OUT/varnish/varnishd.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 200); do curl -fs -o /dev/null "http://127.0.0.1:$VARNISH_PORT/healthz" && break; sleep 0.05; done

H2="http://127.0.0.1:$H2_PORT"
PG1="http://127.0.0.1:$PG1_PORT"
PG2="http://127.0.0.1:$PG2_PORT"
VARNISH="http://127.0.0.1:$VARNISH_PORT"

sample_memory() { # name, pid
  while rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$2/status" 2>/dev/null) && [ -n "$rss" ]; do
    echo "$rss" >>"$OUT/$1.rss"
    sleep 1
  done
}
sample_memory h2 "$h2_PID" & PIDS+=("$!")
sample_memory pg1 "$pg1_PID" & PIDS+=("$!")
sample_memory pg2 "$pg2_PID" & PIDS+=("$!")

# wrk -> "rps p50_ms p99_ms errors"
load() { # url, extra wrk args...
  local url=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$OUT/wrk.tmp" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { bad += $5 }
    /Socket errors/ { split($0, e, /[ ,]+/); for (i in e) if (e[i] ~ /^[0-9]+$/) bad += e[i] }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$OUT/wrk.tmp"
}
warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$@" >/dev/null 2>&1 || true; }

psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d gazette -Atc \
  "select '/articles/' || slug from story where status = 'published' and deleted_at is null order by md5(slug)" \
  >"$OUT/paths.txt"
ARTICLE=$(head -1 "$OUT/paths.txt")
# The launch story: a headline of its own, which the newsroom's story list finds at once.
EDITED=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d gazette -Atc "select '/articles/' || slug from story order by id limit 1")
PATH_COUNT=$(wc -l <"$OUT/paths.txt")
# Three disjoint thirds of the shuffled list, so no crawl finds pages an earlier one left in a cache.
split -n l/3 -d "$OUT/paths.txt" "$OUT/crawl-"

{
  echo "# Scale-out benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $STORIES generated stories, \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s\`,"
  echo "$(nproc) cores shared by wrk, Varnish, PostgreSQL and the JVMs; JVM flags: \`$JAVA_OPTS\`."
  echo
  echo "### Cached pages"
  echo
  echo "| URL | via | req/s | p50 ms | p99 ms | errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
} >"$RESULTS"

for path in / "$ARTICLE"; do
  for via in "Varnish (2 x PostgreSQL):$VARNISH" "instance 1 (PostgreSQL):$PG1" "one instance (H2):$H2"; do
    name=${via%%:http*}
    base=${via#"$name":}
    warm "$base$path"
    read -r rps p50 p99 bad < <(load "$base$path")
    echo "| $path | $name | $rps | $p50 | $p99 | $bad |" >>"$RESULTS"
    echo "bench: cached $path via $name: $rps req/s"
  done
done

{
  echo
  echo "### Uncached crawl (random distinct articles of $PATH_COUNT, each asked once)"
  echo
  echo "| via | req/s | p50 ms | p99 ms | errors |"
  echo "| --- | ---: | ---: | ---: | ---: |"
} >>"$RESULTS"
crawl() { # label, base, paths file
  local requests note=""
  read -r rps p50 p99 bad < <(PATHS="$3" THREADS="$THREADS" load "$2/" -s bench/distinct.lua)
  requests=$(awk '/requests in/ { print $1 }' "$OUT/wrk.tmp")
  # Past the end of its list the crawl asks again for pages it has cached: the figure is then flattered.
  [ "${requests:-0}" -gt "$(wc -l <"$3")" ] && note=" (list used up after $(wc -l <"$3") of $requests requests)"
  echo "| $1$note | $rps | $p50 | $p99 | $bad |" >>"$RESULTS"
  echo "bench: crawl via $1: $rps req/s, p99 $p99 ms"
}
crawl "one instance (H2)" "$H2" "$OUT/crawl-00"
crawl "instance 1 (PostgreSQL)" "$PG1" "$OUT/crawl-01"
crawl "Varnish (2 x PostgreSQL)" "$VARNISH" "$OUT/crawl-02"

echo "bench: edit-to-visible, $EDITS edits through instance 1"
for i in $(seq 1 "$EDITS"); do
  python3 bench/freshness.py "$PG1" admin "$ADMIN_PASSWORD" "$EDITED" "$PG2" "$VARNISH" >>"$OUT/fresh.txt" ||
    echo "-1 -1 -1 -1" >>"$OUT/fresh.txt"
  sleep 1
done
stat() { # column -> "median (worst)"
  awk -v c="$1" '{ print $c }' "$OUT/fresh.txt" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d ms (worst %d ms)", v[int((NR + 1) / 2)], v[NR] }'
}
peak() { sort -n "$OUT/$1.rss" 2>/dev/null | tail -1; }
{
  echo
  echo "### Edit to visible (save through instance 1; median of $EDITS, worst)"
  echo
  echo "| where | time |"
  echo "| --- | ---: |"
  echo "| instance 1, article | $(stat 1) |"
  echo "| instance 1, front page | $(stat 2) |"
  echo "| instance 2, article | $(stat 3) |"
  echo "| Varnish, article | $(stat 4) |"
  echo
  echo "### Peak resident memory"
  echo
  echo "H2 instance $(peak h2) MB; PostgreSQL instance 1 $(peak pg1) MB, instance 2 $(peak pg2) MB."
} >>"$RESULTS"
echo
cat "$RESULTS"
