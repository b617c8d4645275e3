#!/usr/bin/env bash
# Benchmark of durable submissions: the built assessment-service jar on a fresh PostgreSQL database,
# 64 concurrent clients for 30 s (wrk), against pgbench running the same transaction (the statements
# the service ran for one submission, captured from PostgreSQL's log, in the same tables with the same
# indexes) with 64 clients for 30 s on the same server in the same run. Prints both rates, their
# ratio, the service's p99 and the CPU per submission of the service and of PostgreSQL's backends.
#
# Needs: a built jar (./mvnw -pl assessment-service -am package -DskipTests), PostgreSQL on
# localhost:5432 whose user is a superuser (log_statement is set on the throwaway database for the
# capture; PGUSER, default postgres) and whose server log this user can read (PG_LOG, found when
# unset), wrk, pgbench, openssl, python3. Settings: BENCH_DURATION (default 30s), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
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
	set +e
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

echo "== fresh database $database (log_statement = 'all' until one submission is captured)"
psql -qX -d postgres -c "create database $database" >/dev/null
psql -qX -d postgres -c "alter database $database set log_statement = 'all'" >/dev/null
prefix="$(psql -qAtX -d postgres -c 'show log_line_prefix')"
case "$prefix" in *%p*%d*) ;; *) echo "log_line_prefix ($prefix) must show the process id (%p) and database (%d)" >&2; exit 1 ;; esac
if [ -z "${PG_LOG:-}" ]; then
	current="$(psql -qAtX -d postgres -c 'select pg_current_logfile()')"
	if [ -n "$current" ]; then
		case "$current" in /*) PG_LOG="$current" ;; *) PG_LOG="$(psql -qAtX -d postgres -c 'show data_directory')/$current" ;; esac
	else
		PG_LOG="$(ls -t /var/log/postgresql/postgresql-*.log 2>/dev/null | head -1)"
	fi
fi
[ -r "${PG_LOG:-}" ] || { echo "Cannot read PostgreSQL's log (${PG_LOG:-not found}); set PG_LOG" >&2; exit 1; }

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

echo "== capturing the statements of one submission from $PG_LOG"
offset="$(stat -c %s "$PG_LOG")"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$port/api/submissions" -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/json' -d '{"id":"'"$(python3 -c 'import uuid; print(uuid.uuid4())')"'","answers":{
	"employees":"51-200","internal_it":"it_team","workload":"stretched","growth":"moderate",
	"skills_gaps":["cybersecurity","microsoft_365"],"project_delays":"sometimes","support_wait":"often",
	"coverage":"extended_hours","security_complexity":"growing","tech_footprint":["cloud","remote_work"],
	"control_preference":"balanced","hiring":"somewhat_hard","predictability":"high"},"costs":{"tools_spend":12000},
	"contact":{"name":"Bench Prospect","email":"bench@example.com","company":"Bench Ltd"},
	"consent":{"accepted":true,"textVersion":"'"$consent"'"},"attribution":{"utm_source":"bench"}}'
sleep 1
python3 "$here/capture.py" "$PG_LOG" "$offset" "$database" "$work/submission.sql" "$work/statements.sql"
sed 's/^/   | /' "$work/statements.sql" | cut -c1-160
defines=()
while IFS= read -r line; do defines+=(-D "$line"); done <"$work/submission.sql.defines"
pgbench -n -M prepared -t 1 -c 1 "${defines[@]}" -f "$work/submission.sql" "$database" >"$work/check.txt" 2>&1 \
	|| { echo "The generated pgbench script fails:" >&2; cat "$work/check.txt" "$work/submission.sql" >&2; exit 1; }
# Stop logging: the setting applies to new connections, so the pool's connections are ended and
# Hikari opens new ones (the warm-up absorbs the few requests that meet a closed connection).
psql -qX -d postgres -c "alter database $database reset log_statement" \
	-c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$database'" >/dev/null

echo "== warm-up ($warmup, not counted: the JIT compiles the hot path)"
wrk -t "$threads" -c "$connections" -d "$warmup" -s "$here/submit.lua" "http://127.0.0.1:$port" >"$work/warmup.txt" 2>&1 || true
grep BENCH "$work/warmup.txt" || { cat "$work/warmup.txt"; exit 1; }

# CPU time (clock ticks) of the service and of the PostgreSQL backends serving its database.
cpu_of() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
backends() { psql -qAtX -d postgres -c "select pid from pg_stat_activity where datname = '$database' and pid <> pg_backend_pid()"; }
# Per thread too (name and ticks of each), to tell request threads from GC, JIT and background work.
threads_of() { for task in /proc/"$1"/task/*; do sed -E 's/^[0-9]+ \((.*)\) . ([0-9-]+ ){10}([0-9]+) ([0-9]+) .*/\1\t\3 \4/' "$task/stat" 2>/dev/null | awk -F'\t' -v id="${task##*/}" '{split($2, t, " "); print id "\t" $1 "\t" t[1] + t[2]}'; done; }
service_cpu_before="$(cpu_of "$service_pid")"; db_pids="$(backends)"; db_cpu_before="$(cpu_of $db_pids)"
threads_of "$service_pid" >"$work/threads-before.tsv"

echo "== wrk: $connections connections, $duration"
wrk -t "$threads" -c "$connections" -d "$duration" --latency -s "$here/submit.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
threads_of "$service_pid" >"$work/threads-after.tsv"
echo "service_ticks=$(( $(cpu_of "$service_pid") - service_cpu_before )) db_ticks=$(( $(cpu_of $db_pids) - db_cpu_before )) hz=$(getconf CLK_TCK)" >"$work/cpu.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
stored="$(psql -qAtX -d "$database" -c "select count(*) from lead")"
echo "leads stored: $stored"

kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

tables="$(grep -oiE 'insert into [a-z_]+' "$work/submission.sql" | awk '{print tolower($3)}' | sort -u | paste -sd, -)"
echo "== pgbench: $connections clients, $duration, the captured transaction (-M prepared, as the JDBC driver"
echo "   prepares repeated statements), on the same tables emptied first ($tables); synchronous_commit=$(psql -qAtX -d "$database" -c 'show synchronous_commit')"
psql -qX -v ON_ERROR_STOP=1 -d "$database" -c "set client_min_messages = warning" -c "truncate $tables cascade" \
	-c "checkpoint" >/dev/null
seconds="${duration%s}"
rows() { psql -qAtX -d "$database" -c "select count(*) from submission"; }
# The server is shared: if other clients hold too many connections right now, wait and try again.
for attempt in 1 2 3 4 5; do
	pgbench -n -M prepared -c "$connections" -j "$threads" -T "$seconds" "${defines[@]}" -f "$work/submission.sql" "$database" \
		>"$work/pgbench.txt" 2>&1 &
	pgbench_pid=$!
	# CPU of the backends and of pgbench over a window well inside the run (from 5 s to 10 s before
	# its end), divided by the rows stored in that window.
	sleep 5
	pg_pids="$(backends)"; pg_before="$(cpu_of $pg_pids)"; client_before="$(cpu_of $pgbench_pid)"; rows_before="$(rows)"
	sleep $((seconds - 15))
	pg_after="$(cpu_of $pg_pids)"; client_after="$(cpu_of $pgbench_pid)"; rows_after="$(rows)"
	if wait "$pgbench_pid"; then
		break
	fi
	echo "pgbench attempt $attempt failed: $(grep -m1 -i error "$work/pgbench.txt")" >&2
	sleep 10
done
echo "pgbench_db_ticks=$((pg_after - pg_before)) pgbench_client_ticks=$((client_after - client_before)) pgbench_rows=$((rows_after - rows_before))" >>"$work/cpu.txt"
cat "$work/pgbench.txt"

python3 - "$work/wrk.txt" "$work/pgbench.txt" "$work/cpu.txt" "$(nproc)" "$work/threads-before.tsv" "$work/threads-after.tsv" <<'PY'
import collections, re, sys
wrk = open(sys.argv[1]).read(); pgb = open(sys.argv[2]).read()
cpu = {k: int(v) for k, v in (item.split("=") for item in open(sys.argv[3]).read().split())}
cores = int(sys.argv[4])
m = re.search(r"BENCH submissions=(\d+) seconds=([\d.]+) rate=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+)", wrk)
rate, p99, errors = float(m.group(3)), float(m.group(5)), int(m.group(6))
tps = float(re.search(r"tps = ([\d.]+)", pgb).group(1))
latency = re.search(r"latency average = ([\d.]+) ms", pgb)
ratio = rate / tps
print()
print(f"service submissions/s      {rate:10.1f}   p99 {p99:.2f} ms (target < 50 ms: {'met' if p99 < 50 else 'NOT met'}), "
      f"{errors} errors")
print(f"pgbench transactions/s     {tps:10.1f}   latency average {latency.group(1) if latency else '?'} ms")
print(f"ratio                      {ratio:10.2%}   (target >= 50%: {'met' if ratio >= 0.5 else 'NOT met'})")
count, hz = int(m.group(1)), cpu["hz"]


def ms(ticks, n):
    return ticks / hz / n * 1000 if n else float("nan")


print()
print("CPU per submission (ms):")
print(f"  service run:  assessment-service {ms(cpu['service_ticks'], count):.3f}, "
      f"PostgreSQL backends {ms(cpu['db_ticks'], count):.3f}")
print(f"  pgbench run:  PostgreSQL backends {ms(cpu['pgbench_db_ticks'], cpu['pgbench_rows']):.3f}, "
      f"pgbench itself {ms(cpu['pgbench_client_ticks'], cpu['pgbench_rows']):.3f}")


def threads(path):
    return {tid: (name, int(ticks)) for tid, name, ticks in (line.rstrip("\n").split("\t") for line in open(path))}


before, after = threads(sys.argv[5]), threads(sys.argv[6])
groups = collections.Counter()
for tid, (name, ticks) in after.items():
    groups[re.sub(r"[-#_ ]*\d+", "", name) or name] += ticks - before.get(tid, (name, 0))[1]
print("  service run, the service's threads by name: " + ", ".join(
    f"{name} {ms(ticks, count):.3f}" for name, ticks in groups.most_common(8) if ticks > 0))
print(f"  ({cores} cores: a rate of {tps:.0f}/s leaves {cores / tps * 1000:.3f} ms of CPU per transaction in all)")
print(f"load average: {open('/proc/loadavg').read().split()[0]}")
PY
