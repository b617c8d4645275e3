#!/usr/bin/env bash
# Benchmarks content-service reads on PostgreSQL:
#   1. builds the service jar if it is missing (or BUILD=1),
#   2. creates a fresh database on localhost:5432 and starts the jar on it (ships the guide),
#   3. loads 1,000 generated articles with SQL,
#   4. shows a conditional read answering 304,
#   5. runs wrk (32 connections, --latency) on one article by slug, on a repeated search, and on
#      searches that are all different (which the in-service cache cannot answer),
# and prints for each requests/s, p99, the service's CPU time per request and its GC pauses. The
# service runs with the JVM flags of the service image (JAVA_TOOL_OPTIONS in the Dockerfile). The
# database is dropped afterwards.
# Settings: PGHOST/PGPORT/PGUSER (default localhost/5432/postgres), BENCH_PORT (18081),
# DURATION (20s), WARMUP (at least 30s before each measurement, see warm_up), WARMUP_MAX (120s),
# CONNECTIONS (32), THREADS (2), VERBOSE=1 (wrk's whole output).
set -euo pipefail
cd "$(dirname "$0")/../.."

PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
BENCH_PORT=${BENCH_PORT:-18081}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
WARMUP_MAX=${WARMUP_MAX:-120s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DB="bench_content_$(date +%s)"
JAR=content-service/target/content-service.jar
BASE="http://127.0.0.1:${BENCH_PORT}"
LOG=$(mktemp -t content-bench.XXXXXX.log)
GC_LOG=$(mktemp -t content-bench-gc.XXXXXX.log)
# The flags production runs with, from the one place that sets them.
JVM_FLAGS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile)
[[ -n $JVM_FLAGS ]] || { echo "No JAVA_TOOL_OPTIONS found in the Dockerfile" >&2; exit 1; }

for setting in WARMUP WARMUP_MAX; do
  [[ ${!setting} =~ ^[0-9]+s?$ ]] || { echo "$setting is a number of seconds, like 30s" >&2; exit 1; }
done

for tool in java psql wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

if [[ ! -f $JAR || ${BUILD:-0} == 1 ]]; then
  echo "Building content-service..."
  ./mvnw -q -B -DskipTests -pl content-service -am package
fi

SERVICE_PID=
cleanup() {
  if [[ -n $SERVICE_PID ]]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q -d postgres -c "CREATE DATABASE $DB"
echo "Database $DB created; starting the service on port $BENCH_PORT with $JVM_FLAGS (log: $LOG)"
# shellcheck disable=SC2086
CONTENT_DB_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}" CONTENT_DB_USER="$PGUSER" \
  CONTENT_DB_PASSWORD="${PGPASSWORD:-}" CONTENT_PORT="$BENCH_PORT" CONTENT_MANAGEMENT_PORT=0 \
  java $JVM_FLAGS -Xlog:gc:file="$GC_LOG" -jar "$JAR" --spring.profiles.active=postgres >"$LOG" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 1 120); do
  if curl -fs "$BASE/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/readyz" >/dev/null || { echo "The service did not become ready" >&2; exit 1; }

psql -q -d "$DB" -f bench/content/generate-articles.sql
echo "Published articles: $(psql -At -d "$DB" -c "SELECT COUNT(*) FROM article WHERE status = 'published'")"

ARTICLE="$BASE/api/articles/co-managed-vs-fully-managed-it"
SEARCH="$BASE/api/search?q=24%2F7%20monitoring"

echo
echo "Conditional read:"
ETAG=$(curl -s -D - -o /dev/null "$ARTICLE" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
echo "  GET $ARTICLE -> ETag $ETAG"
echo "  again with If-None-Match -> $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$ARTICLE")"


# CPU time the service process has used, in clock ticks: with the request count it gives the CPU
# cost of one request, a figure that other load on the machine does not distort.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# The GC pauses logged from line $1 of the GC log on: how many, their total and the longest.
gc_pauses() {
  tail -n +"$1" "$GC_LOG" | awk '/Pause/ {ms = $NF; sub(/ms$/, "", ms); n++; total += ms; if (ms > longest) longest = ms}
    END {printf "GC %d pauses, %.0f ms, longest %.1f ms", n, total, longest}'
}

# Service CPU time per request over a 10 s run of wrk with the given arguments.
cpu_per_request() {
  local before output
  before=$(cpu_ticks)
  output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$@")
  echo $((($(cpu_ticks) - before) * TICK_US / $(awk '/requests in/ {print $1}' <<<"$output")))
}

# The JIT needs tens of seconds under load before the figures settle, longer on a busy machine: a
# measurement taken earlier shows mostly the compiler's work. So, after WARMUP, 10 s more at a time
# while the CPU time per request still falls by more than a tenth, up to WARMUP_MAX in all.
# Sets WARMED_UP to the seconds it took.
warm_up() {
  local previous=0 cost
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP%s}s" "$@" >/dev/null
  WARMED_UP=${WARMUP%s}
  while ((WARMED_UP + 10 <= ${WARMUP_MAX%s})); do
    cost=$(cpu_per_request "$@")
    WARMED_UP=$((WARMED_UP + 10))
    if ((previous > 0 && cost * 10 > previous * 9)); then break; fi
    previous=$cost
  done
}

run() {
  local label=$1
  shift
  local output before after gc_line
  warm_up "$@"
  gc_line=$(($(wc -l <"$GC_LOG") + 1))
  before=$(cpu_ticks)
  output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  after=$(cpu_ticks)
  if [[ ${VERBOSE:-0} == 1 ]]; then echo "$output"; fi
  local rps p99 requests errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
  requests=$(awk '/requests in/ {print $1}' <<<"$output")
  errors=$(awk '/Non-2xx or 3xx responses|Socket errors/ {print}' <<<"$output")
  printf '  %-48s %9s req/s   p99 %9s   service CPU %5d us/request   %s   (warm-up %ss) %s\n' "$label" \
    "$rps" "$p99" $(((after - before) * TICK_US / requests)) "$(gc_pauses "$gc_line")" "$WARMED_UP" \
    "${errors:+($errors)}"
}

echo
echo "Load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on this machine skews the tail)"
echo "wrk, $CONNECTIONS connections, $THREADS threads, $DURATION each after a warm-up of ${WARMUP%s}-${WARMUP_MAX%s}s:"
run "article by slug (target p99 < 10ms)" "$ARTICLE"
run "search '24/7 monitoring' (target p99 < 25ms)" "$SEARCH"
run "search, every request a different query" -s bench/content/distinct-searches.lua "$BASE"
