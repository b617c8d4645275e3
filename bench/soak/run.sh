#!/usr/bin/env bash
# Soak: the three services from their jars on PostgreSQL (throwaway databases), a mixed load through
# the gateway for DURATION (article reads, searches, submissions, and signed-in staff members
# listing leads and opening them), then per kind of request: count, throughput, p50/p99, server
# errors (5xx, target 0) and client errors, and each service's heap after a full GC every minute
# with its slope (no growth trend). Any 5xx is a bug: the services' ERROR lines are printed.
#
#   bench/soak/run.sh                 # 10 minutes
#   DURATION=2m bench/soak/run.sh     # a shorter try
#
# Settings: DURATION (10m; s or m suffix), STAFF (4 signed-in staff members), READERS (3),
# SEARCHERS (2), SUBMITTERS (2) (closed-loop clients, no pauses), SEED_LEADS (40),
# BENCH_JAVA_OPTS (-Xms256m -Xmx512m), BUILD=1 to rebuild the jars, KEEP=1 to keep the logs.
# Needs PostgreSQL on 127.0.0.1:5432 whose user may create databases (user postgres, trust), java
# with jcmd, psql, curl, openssl, python3. Listens on 127.0.0.1:19400-19402 only (SOAK_PORT_BASE).
# Creates throwaway databases soak_*_<pid> and drops them at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

DURATION="${DURATION:-10m}"
case "$DURATION" in
*m) seconds=$((${DURATION%m} * 60)) ;;
*s) seconds=${DURATION%s} ;;
*) seconds=$DURATION ;;
esac
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"
base="${SOAK_PORT_BASE:-19400}"
GATEWAY_PORT=$base CONTENT_PORT=$((base + 1)) ASSESSMENT_PORT=$((base + 2))
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER="${PGUSER:-postgres}"
CONTENT_DB="soak_content_$$" ASSESSMENT_DB="soak_assessment_$$" GATEWAY_DB="soak_gateway_$$"

for tool in java jcmd psql curl openssl python3; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done
for port in $GATEWAY_PORT $CONTENT_PORT $ASSESSMENT_PORT; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "Port $port is in use; set SOAK_PORT_BASE" >&2
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

work="$(mktemp -d /tmp/bench-soak.XXXXXX)"
declare -A PID=()
cleanup() {
	local status=$?
	set +e
	for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null; done
	for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null; done
	for db in "$CONTENT_DB" "$ASSESSMENT_DB" "$GATEWAY_DB"; do
		psql -qX -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1
	done
	if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then
		echo "Logs kept in $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

for db in "$CONTENT_DB" "$ASSESSMENT_DB" "$GATEWAY_DB"; do
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $db" >/dev/null
done
echo "== fresh databases $CONTENT_DB, $ASSESSMENT_DB, $GATEWAY_DB"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
# One key for the start tokens and resume links, as production configures it: a token one gateway
# handed out is good on the other, and after a restart.
resume_key="$(openssl rand -base64 32)"
ISSUER="http://127.0.0.1:$GATEWAY_PORT"
ADMIN_EMAIL="admin@soak.test"
ADMIN_PASSWORD="$(openssl rand -hex 12)"

# start NAME MODULE ENV...: the service's log is WORK/NAME.log.
start() {
	local name=$1 module=$2
	shift 2
	# shellcheck disable=SC2086
	env "$@" java $BENCH_JAVA_OPTS -jar "$root/$module/target/$module.jar" --spring.profiles.active=postgres \
		--management.server.port=0 >"$work/$name.log" 2>&1 &
	PID[$name]=$!
}
ready() { # NAME PORT
	local _
	for _ in $(seq 1 300); do
		curl -fs "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return 0
		kill -0 "${PID[$1]}" 2>/dev/null || break
		sleep 1
	done
	echo "$1 did not become ready; its log:" >&2
	tail -40 "$work/$1.log" >&2
	exit 1
}
common=(GATEWAY_TOKEN_ISSUER="$ISSUER" GATEWAY_JWK_SET_URI="$ISSUER/oauth2/jwks")
echo "== starting content-service, assessment-service, web-gateway (JVM options: $BENCH_JAVA_OPTS)"
start content content-service "${common[@]}" CONTENT_PORT="$CONTENT_PORT" \
	CONTENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$CONTENT_DB" CONTENT_DB_USER="$PGUSER" CONTENT_DB_PASSWORD=
ready content "$CONTENT_PORT"
start assessment assessment-service "${common[@]}" ASSESSMENT_PORT="$ASSESSMENT_PORT" \
	ASSESSMENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$ASSESSMENT_DB" ASSESSMENT_DB_USER="$PGUSER" \
	ASSESSMENT_DB_PASSWORD= ASSESSMENT_NOTIFICATIONS_DASHBOARD_BASE_URL="$ISSUER/dashboard"
ready assessment "$ASSESSMENT_PORT"
start gateway web-gateway "${common[@]}" GATEWAY_PORT="$GATEWAY_PORT" \
	GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$GATEWAY_DB" GATEWAY_DB_USER="$PGUSER" GATEWAY_DB_PASSWORD= \
	CONTENT_SERVICE_URL="http://127.0.0.1:$CONTENT_PORT" ASSESSMENT_SERVICE_URL="http://127.0.0.1:$ASSESSMENT_PORT" \
	GATEWAY_PUBLIC_URL="$ISSUER" GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$work/key.pem")" \
	PLATFORM_ADMIN_EMAIL="$ADMIN_EMAIL" PLATFORM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
	GATEWAY_ASSESSMENT_RATELIMIT_CAPACITY=1000000 GATEWAY_ASSESSMENT_MINIMUMFILLTIME=0s \
	GATEWAY_ASSESSMENT_RESUME_KEY="$resume_key"
ready gateway "$GATEWAY_PORT"
echo "   ready: content pid ${PID[content]}, assessment pid ${PID[assessment]}, gateway pid ${PID[gateway]}"

cat >"$work/load.json" <<JSON
{"gateway_port": $GATEWAY_PORT, "duration_seconds": $seconds, "admin_email": "$ADMIN_EMAIL",
 "admin_password": "$ADMIN_PASSWORD", "staff": ${STAFF:-4}, "readers": ${READERS:-3},
 "searchers": ${SEARCHERS:-2}, "submitters": ${SUBMITTERS:-2}, "seed_leads": ${SEED_LEADS:-40},
 "pids": {"content-service": ${PID[content]}, "assessment-service": ${PID[assessment]}, "web-gateway": ${PID[gateway]}}}
JSON
echo "== load for $DURATION on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
load_status=0
python3 "$root/bench/soak/load.py" "$work/load.json" "$work" || load_status=$?
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== stored: $(psql -qAtX -d "$ASSESSMENT_DB" -c "select count(*) || ' submissions, ' || (select count(*) from lead) || ' leads' from submission"); gateway queue: $(psql -qAtX -d "$GATEWAY_DB" -c "select count(*) filter (where delivered_at is null and failed_at is null) || ' still queued, ' || count(*) filter (where failed_at is not null) || ' refused' from outbound_request")"
echo "== ERROR lines in the services' logs"
for name in content assessment gateway; do
	errors=$(grep -c ' ERROR ' "$work/$name.log" || true)
	echo "   $name: $errors"
	[ "$errors" = 0 ] || grep -A3 ' ERROR ' "$work/$name.log" | head -20 | sed 's/^/      /'
done
exit "$load_status"
