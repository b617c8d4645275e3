#!/usr/bin/env bash
# Faults too slow or too invasive for `./mvnw verify`, on a throwaway PostgreSQL cluster:
#   1. PostgreSQL restarted (pg_ctl restart -m fast) while submissions flow: every service recovers
#      without a restart of its own;
#   2. assessment-service SIGKILLed in the middle of a burst of submissions, then started again;
#   3. afterwards every submission the gateway accepted (200/201/202) is stored exactly once, with
#      exactly one lead, once the gateway's queue has drained.
#
#   bench/faults/run.sh
#
# Settings: CONCURRENCY (4 clients), PAUSE (0.5 s between a client's submissions outside bursts),
# STEADY_SECONDS (20: load before, between and after the faults), BURST_SECONDS (3: burst before the
# kill), DRAIN_TIMEOUT (600 s), STARTUP_TIMEOUT (600 s), BENCH_JAVA_OPTS (run.sh's quick-start flags),
# BUILD=1 to rebuild the jars, KEEP=1 to keep the logs.
# Needs Debian's PostgreSQL server binaries (/usr/lib/postgresql/*/bin), a `postgres` system user
# when run as root, psql, java, curl, openssl and python3. Creates its own cluster in a temp dir on
# 127.0.0.1:5499 (never touches a server on 5432); the services listen on 127.0.0.1:19200-19202.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/bench/faults"

CONCURRENCY="${CONCURRENCY:-4}"
STEADY_SECONDS="${STEADY_SECONDS:-20}"
BURST_SECONDS="${BURST_SECONDS:-3}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-600}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-600}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
export PAUSE="${PAUSE:-0.5}"

PG_PORT=5499
GATEWAY_PORT=19200
CONTENT_PORT=19201
ASSESSMENT_PORT=19202

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pg_bin/initdb" ] || { echo "No PostgreSQL server binaries in /usr/lib/postgresql/*/bin" >&2; exit 1; }
for tool in java psql curl openssl python3; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done
for port in $PG_PORT $GATEWAY_PORT $CONTENT_PORT $ASSESSMENT_PORT; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "Port $port is in use: is another run going?" >&2
		exit 1
	fi
done
for module in content-service assessment-service web-gateway; do
	if [ ! -f "$module/target/$module.jar" ] || [ "${BUILD:-0}" = 1 ]; then
		echo "Building the service jars..."
		./mvnw -q -B -DskipTests -pl content-service,assessment-service,web-gateway -am package
		break
	fi
done

work="$(mktemp -d /tmp/bench-faults.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/logs" "$work/jars" "$work/load"
# Copies, so a build running meanwhile cannot swap a jar under a running JVM.
for module in content-service assessment-service web-gateway; do
	cp "$module/target/$module.jar" "$work/jars/"
done
# initdb and the server refuse to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
data="$work/pgdata"
mkdir -p "$data" "$work/pgsocket"
touch "$work/logs/postgresql.log"
[ "$(id -u)" = 0 ] && chown postgres "$data" "$work/pgsocket" "$work/logs/postgresql.log"
pg_ctl() { as_pg "$pg_bin/pg_ctl" -D "$data" -l "$work/logs/postgresql.log" "$@"; }

declare -A PID=()
load_pid=""
failed=0
cleanup() {
	local status=$?
	[ -n "$load_pid" ] && { touch "$work/load/stop"; wait "$load_pid" 2>/dev/null || true; }
	for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
	for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
	[ -f "$data/postmaster.pid" ] && pg_ctl stop -m immediate >/dev/null 2>&1 || true
	if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then
		rm -rf "$data" "$work/jars"
		echo "Logs kept in $work/logs"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/logs/initdb.log"
pg_ctl -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $work/pgsocket" start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
sql() { psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
for db in content assessment gateway; do
	sql postgres "create database $db" >/dev/null
done
echo "== throwaway PostgreSQL $(sql postgres 'show server_version') on 127.0.0.1:$PG_PORT in $data"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
# One key for the start tokens and resume links, as production configures it: a token one gateway
# handed out is good on the other, and after a restart.
resume_key="$(openssl rand -base64 32)"
ISSUER="http://127.0.0.1:$GATEWAY_PORT"
common=(GATEWAY_TOKEN_ISSUER="$ISSUER" GATEWAY_JWK_SET_URI="$ISSUER/oauth2/jwks")
db_url() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1"; }
content_env=("${common[@]}" CONTENT_PORT=$CONTENT_PORT CONTENT_DB_URL="$(db_url content)" CONTENT_DB_USER=postgres
	CONTENT_DB_PASSWORD=)
assessment_env=("${common[@]}" ASSESSMENT_PORT=$ASSESSMENT_PORT ASSESSMENT_DB_URL="$(db_url assessment)"
	ASSESSMENT_DB_USER=postgres ASSESSMENT_DB_PASSWORD= ASSESSMENT_NOTIFICATIONS_DASHBOARD_BASE_URL="$ISSUER/dashboard")
gateway_env=("${common[@]}" GATEWAY_PORT=$GATEWAY_PORT GATEWAY_DB_URL="$(db_url gateway)" GATEWAY_DB_USER=postgres
	GATEWAY_DB_PASSWORD= CONTENT_SERVICE_URL="http://127.0.0.1:$CONTENT_PORT"
	ASSESSMENT_SERVICE_URL="http://127.0.0.1:$ASSESSMENT_PORT" GATEWAY_PUBLIC_URL="$ISSUER"
	GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$work/key.pem")" PLATFORM_ADMIN_EMAIL="admin@faults.test"
	PLATFORM_ADMIN_PASSWORD="$(openssl rand -hex 12)"
	# All the load comes from one address: lift the per-address limit on posts.
	GATEWAY_ASSESSMENT_RATELIMIT_CAPACITY=1000000 GATEWAY_ASSESSMENT_MINIMUMFILLTIME=0s
	GATEWAY_ASSESSMENT_RESUME_KEY="$resume_key")
declare -A PORT=([content]=$CONTENT_PORT [assessment]=$ASSESSMENT_PORT [gateway]=$GATEWAY_PORT)
declare -A JAR=([content]=content-service [assessment]=assessment-service [gateway]=web-gateway)
declare -A STARTS=([content]=0 [assessment]=0 [gateway]=0)

# start NAME: starts a service in the background; its log is logs/NAME-<start>.log.
start() {
	local name=$1 env_name="${1}_env[@]"
	STARTS[$name]=$((STARTS[$name] + 1))
	# shellcheck disable=SC2086
	env "${!env_name}" java $BENCH_JAVA_OPTS -jar "$work/jars/${JAR[$name]}.jar" --spring.profiles.active=postgres \
		--management.server.port=0 >"$work/logs/$name-${STARTS[$name]}.log" 2>&1 &
	PID[$name]=$!
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${PORT[$1]}/readyz"; }

# wait_ready NAME: seconds until /readyz answers 200, or exits if the process died or hung.
wait_ready() {
	local name=$1 from=$SECONDS
	until ready "$name"; do
		kill -0 "${PID[$name]}" 2>/dev/null || { echo "$name died; see its log" >&2; exit 1; }
		((SECONDS - from < STARTUP_TIMEOUT)) || { echo "$name not ready after $STARTUP_TIMEOUT s" >&2; exit 1; }
		sleep 1
	done
	echo $((SECONDS - from))
}

echo "== starting content-service, assessment-service and the gateway (one after another)"
for name in content assessment gateway; do
	start "$name"
	echo "   $name ready after $(wait_ready "$name") s (pid ${PID[$name]})"
done

echo "== steady load: $CONCURRENCY clients, a submission each every ${PAUSE} s"
python3 "$here/load.py" "$GATEWAY_PORT" "$CONCURRENCY" "$work/load" >"$work/logs/load.log" 2>&1 &
load_pid=$!
t0=$SECONDS
elapsed() { echo $((SECONDS - t0)); }
sleep "$STEADY_SECONDS"

# --- fault 1: PostgreSQL restarted -----------------------------------------------------------------
declare -A PID_BEFORE=() RECOVERED=()
for name in content assessment gateway; do PID_BEFORE[$name]=${PID[$name]}; done
restart_at=$(elapsed)
restart_start=$(date +%s.%N)
pg_ctl -w -m fast restart >/dev/null
restart_seconds=$(python3 -c "import time; print(round(time.time() - $restart_start, 1))")
echo "== PostgreSQL restarted at $restart_at s (down for about $restart_seconds s)"
# Each service is asked whether it is ready (the readiness group checks its database) every 0.5 s.
back=$SECONDS
while ((SECONDS - back < 120)); do
	for name in content assessment gateway; do
		if [ -z "${RECOVERED[$name]:-}" ] && ready "$name"; then
			RECOVERED[$name]=$((SECONDS - back))
		fi
	done
	[ "${#RECOVERED[@]}" = 3 ] && break
	sleep 0.5
done
declare -A SAME=()
for name in content assessment gateway; do
	SAME[$name]=$([ "${PID[$name]}" = "${PID_BEFORE[$name]}" ] && kill -0 "${PID[$name]}" 2>/dev/null && echo yes || echo no)
	echo "   $name: ready again ${RECOVERED[$name]:-never (within 120)} s after PostgreSQL was back; same process: ${SAME[$name]}"
done
# content-service's database, through a read its caches cannot answer (a new search).
content_query="faults$RANDOM$RANDOM"
content_after="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$CONTENT_PORT/api/search?q=$content_query" || true)"
echo "   content-service search after the restart: $content_after"
sleep "$STEADY_SECONDS"

# --- fault 2: assessment-service SIGKILLed in a burst ------------------------------------------------
echo "== burst: clients stop pausing; assessment-service SIGKILLed after $BURST_SECONDS s"
touch "$work/load/burst"
sleep "$BURST_SECONDS"
kill_at=$(elapsed)
kill -9 "${PID[assessment]}"
wait "${PID[assessment]}" 2>/dev/null || true
echo "   killed pid ${PID[assessment]} at $kill_at s"
sleep 5
rm -f "$work/load/burst"
start assessment
echo "   assessment-service started again, ready after $(wait_ready assessment) s (pid ${PID[assessment]})"
sleep "$STEADY_SECONDS"

touch "$work/load/stop"
wait "$load_pid" || true
load_pid=""
load_end=$(elapsed)
echo "== load stopped at $load_end s; waiting for the gateway's queue to drain"
drain_start=$SECONDS
while true; do
	queued="$(sql gateway "select count(*) from outbound_request where delivered_at is null and failed_at is null")"
	[ "$queued" = 0 ] && break
	if ((SECONDS - drain_start > DRAIN_TIMEOUT)); then
		echo "   not drained after $DRAIN_TIMEOUT s ($queued left)" >&2
		break
	fi
	sleep 1
done
drained_after=$((SECONDS - drain_start))

sql assessment "create table bench_accepted (id uuid primary key, status int not null, attempts int not null)" >/dev/null
psql -qX -d assessment -c "\\copy bench_accepted from '$work/load/accepted.txt' with (delimiter ' ')"
read -r accepted stored leads duplicate_leads missing extra <<<"$(sql assessment "select
	(select count(*) from bench_accepted),
	(select count(*) from bench_accepted a join submission s on s.id = a.id),
	(select count(*) from bench_accepted a join lead l on l.submission_id = a.id),
	(select coalesce(sum(n - 1), 0) from (select count(*) as n from lead group by submission_id having count(*) > 1) d),
	(select count(*) from bench_accepted a where not exists (select 1 from submission s where s.id = a.id)
		or not exists (select 1 from lead l where l.submission_id = a.id)),
	(select count(*) from submission s where not exists (select 1 from bench_accepted a where a.id = s.id))" | tr '|' ' ')"
read -r q_total q_delivered q_failed q_pending q_max_attempts <<<"$(sql gateway "select count(*), count(delivered_at),
	count(failed_at), count(*) filter (where delivered_at is null and failed_at is null), coalesce(max(attempts), 0)
	from outbound_request where kind = 'SUBMISSION'" | tr '|' ' ')"

echo
echo "== counts"
python3 - "$work/load" "$restart_at" "$kill_at" <<'PY'
import json, sys
out, restart_at, kill_at = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
d = json.load(open(f"{out}/summary.json"))
print(f"load:        {d['sent']} submissions in {d['seconds']} s; accepted {d['accepted']} {d['accepted_by_status']}; "
      f"never accepted {d['refused']}; accepted after a retry {d['retried']}")
print(f"answers:     {d['answers_seen']}  (every attempt, retries included)")
answers = [line.split() for line in open(f"{out}/answers.txt")]
def window(frm, to):
    seen = {}
    for t, s in answers:
        if frm <= float(t) < to:
            seen[s] = seen.get(s, 0) + 1
    return seen
print(f"around the PostgreSQL restart ({restart_at - 5:.0f}-{restart_at + 15:.0f} s): {window(restart_at - 5, restart_at + 15)}")
print(f"around the SIGKILL ({kill_at - 5:.0f}-{kill_at + 15:.0f} s): {window(kill_at - 5, kill_at + 15)}")
print("answers per 10 s: " + "  ".join(f"{b}s {window(b, b + 10)}" for b in range(0, int(float(answers[-1][0])) + 1, 10)))
PY
echo "stored:      of $accepted accepted, $stored have a submission row and $leads a lead; missing $missing; duplicate leads $duplicate_leads; stored but never accepted $extra"
echo "queue:       $q_total submissions queued by the gateway, $q_delivered delivered, $q_failed refused, $q_pending left, most attempts $q_max_attempts; drained $drained_after s after the load"
# Each service's ERROR lines, and the distinct exceptions its logs name (class and message, cut short).
for name in content assessment gateway; do
	echo "log $name: $(cat "$work/logs/$name"-*.log | grep -c ' ERROR ' || true) ERROR lines"
	cat "$work/logs/$name"-*.log | grep -oE '^(Caused by: )?[a-z]+(\.[A-Za-z0-9_$]+)+(Exception|Error): .{0,100}' |
		sed -E 's/^Caused by: //' | sort | uniq -c | sort -rn | head -3 | sed 's/^/    /' || true
done

claim() { # claim PASS-CONDITION TEXT
	if eval "$1"; then echo "PASS  $2"; else echo "FAIL  $2"; failed=1; fi
}
echo
echo "== claims"
for name in content assessment gateway; do
	claim '[ -n "${RECOVERED[$name]:-}" ] && [ "${SAME[$name]}" = yes ]' \
		"$name recovered from the PostgreSQL restart without a restart of its own (ready again after ${RECOVERED[$name]:-never} s)"
done
claim '[ "$content_after" = 200 ]' "content-service answers a search (its database) after the restart: $content_after"
claim '[ "$accepted" -gt 0 ] && [ "$stored" = "$accepted" ] && [ "$leads" = "$accepted" ] && [ "$missing" = 0 ]' \
	"every submission the gateway accepted is stored: accepted $accepted, stored $stored, leads $leads, missing $missing"
claim '[ "$duplicate_leads" = 0 ]' "no submission has more than one lead: $duplicate_leads duplicates"
claim '[ "$q_pending" = 0 ] && [ "$q_failed" = 0 ]' "the gateway's queue drained: $q_total queued, $q_delivered delivered, $q_failed refused, $q_pending left"
exit "$failed"
