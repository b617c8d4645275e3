#!/usr/bin/env bash
# Benchmark of durable submissions: the built assessment-service jar on a fresh PostgreSQL database,
# 64 concurrent clients for 30 s (wrk), against pgbench's single-row durable insert rate with 64
# clients for 30 s on the same server in the same run.
#
# Needs: a built jar (./mvnw -pl assessment-service -am package -DskipTests), PostgreSQL on
# localhost:5432 whose user may create databases (PGUSER, default postgres), wrk, pgbench, openssl,
# python3. Settings: BENCH_DURATION (default 30s), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
# BENCH_POOL (Hikari pool size, default 16), BENCH_TOMCAT_THREADS (request workers, default 16),
# BENCH_WARMUP (default 90s), BENCH_PORT (18082), BENCH_JWKS_PORT (18090).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib/service-token.sh"
jar="$root/assessment-service/target/assessment-service.jar"
duration="${BENCH_DURATION:-30s}"
warmup="${BENCH_WARMUP:-90s}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
pool="${BENCH_POOL:-16}"
workers="${BENCH_TOMCAT_THREADS:-16}"
port="${BENCH_PORT:-18082}"
jwks_port="${BENCH_JWKS_PORT:-18090}"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
database="assessment_bench_$$"
work="$(mktemp -d)"
service_pid=""

cleanup() {
	[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
	bench_token_stop
	psql -qX -d postgres -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

[ -f "$jar" ] || { echo "Build the jar first: ./mvnw -pl assessment-service -am package -DskipTests" >&2; exit 1; }
for tool in wrk pgbench psql openssl python3; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done

echo "== fresh database $database"
psql -qX -d postgres -c "create database $database" >/dev/null

echo "== signing key and token (throwaway, generated for this run; bench/lib/service-token.sh)"
bench_token_setup "$work" "$jwks_port"
bench_token assessment-service bench submissions:write submissions:read >"$work/token"

echo "== starting assessment-service on port $port (Hikari pool $pool, $workers Tomcat workers)"
ASSESSMENT_PORT="$port" ASSESSMENT_MANAGEMENT_PORT=0 \
	ASSESSMENT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
	ASSESSMENT_DB_USER="$PGUSER" ASSESSMENT_DB_PASSWORD="${PGPASSWORD:-}" \
	GATEWAY_JWK_SET_URI="$BENCH_JWK_SET_URI" GATEWAY_TOKEN_ISSUER="$BENCH_ISSUER" \
	SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE="$pool" SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE="$pool" \
	SERVER_TOMCAT_THREADS_MAX="$workers" \
	java ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$jar" --spring.profiles.active=postgres >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
	curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
	kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
	sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { tail -50 "$work/service.log" >&2; exit 1; }

token="$(cat "$work/token")"
consent="$(curl -fsS "http://127.0.0.1:$port/api/questionnaires/current" | python3 -c 'import json,sys; print(json.load(sys.stdin)["consent"]["version"])')"
export BENCH_TOKEN="$token" BENCH_CONSENT_VERSION="$consent"

echo "== warm-up ($warmup, not counted: the JIT compiles the hot path)"
wrk -t "$threads" -c "$connections" -d "$warmup" -s "$here/submit.lua" "http://127.0.0.1:$port" >"$work/warmup.txt" 2>&1 || true
grep BENCH "$work/warmup.txt" || { cat "$work/warmup.txt"; exit 1; }

# CPU time (clock ticks) of the service and of the PostgreSQL backends serving its database.
cpu_of() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
backends() { psql -qAtX -d postgres -c "select pid from pg_stat_activity where datname = '$database' and pid <> pg_backend_pid()"; }
service_cpu_before="$(cpu_of "$service_pid")"; db_pids="$(backends)"; db_cpu_before="$(cpu_of $db_pids)"

echo "== wrk: $connections connections, $duration"
wrk -t "$threads" -c "$connections" -d "$duration" --latency -s "$here/submit.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
echo "service_ticks=$(( $(cpu_of "$service_pid") - service_cpu_before )) db_ticks=$(( $(cpu_of $db_pids) - db_cpu_before )) hz=$(getconf CLK_TCK)" >"$work/cpu.txt"
stored="$(psql -qAtX -d "$database" -c "select count(*) from lead")"
echo "leads stored: $stored"

kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

echo "== pgbench: $connections clients, $duration, single-row durable insert (synchronous_commit=$(psql -qAtX -d "$database" -c 'show synchronous_commit'))"
psql -qX -d "$database" -c "create table bench_scratch (id bigint generated always as identity primary key, payload text not null, created_at timestamp with time zone not null default now())"
echo "insert into bench_scratch (payload) values ('x');" >"$work/insert.sql"
seconds="${duration%s}"
# The server is shared: if other clients hold too many connections right now, wait and try again.
for attempt in 1 2 3 4 5; do
	if pgbench -n -c "$connections" -j "$threads" -T "$seconds" -f "$work/insert.sql" "$database" >"$work/pgbench.txt" 2>&1; then
		break
	fi
	echo "pgbench attempt $attempt failed: $(grep -m1 -i error "$work/pgbench.txt")" >&2
	sleep 10
done
cat "$work/pgbench.txt"

python3 - "$work/wrk.txt" "$work/pgbench.txt" "$work/cpu.txt" "$(nproc)" <<'PY'
import re, sys
wrk = open(sys.argv[1]).read(); pgb = open(sys.argv[2]).read()
cpu = dict(item.split("=") for item in open(sys.argv[3]).read().split())
cores = int(sys.argv[4])
m = re.search(r"BENCH submissions=(\d+) seconds=([\d.]+) rate=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+)", wrk)
rate, p99, errors = float(m.group(3)), float(m.group(5)), int(m.group(6))
tps = float(re.search(r"tps = ([\d.]+)", pgb).group(1))
ratio = rate / tps
print()
print(f"submissions/s      {rate:10.1f}")
print(f"submission p99     {p99:10.2f} ms   (target < 50 ms: {'met' if p99 < 50 else 'NOT met'})")
print(f"errors             {errors:10d}")
print(f"pgbench inserts/s  {tps:10.1f}")
print(f"ratio              {ratio:10.2%}   (target >= 50%: {'met' if ratio >= 0.5 else 'NOT met'})")
count = int(m.group(1)); hz = int(cpu["hz"])
print()
print(f"CPU per submission: service {int(cpu['service_ticks']) / hz / count * 1000:.3f} ms, "
      f"PostgreSQL backends {int(cpu['db_ticks']) / hz / count * 1000:.3f} ms; "
      f"pgbench's rate allows at most {cores / tps * 1000:.3f} ms of CPU per insert on {cores} cores")
PY
