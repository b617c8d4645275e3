#!/usr/bin/env bash
# Replicas, proven on this machine: two gateways and two assessment-services behind nginx, one
# content-service, one PostgreSQL. Loads them through the public JSON API with a signed-in staff
# member on the dashboard, SIGKILLs one assessment-service and one gateway midway, waits for every
# queue to drain and prints PASS/FAIL for each claim:
#   1. replicas started together on an empty database all become ready, Flyway applying each
#      migration once (a replica that fails is started again, as an orchestrator would, and the
#      claim fails);
#   2. every submission the gateway accepted (2xx) is stored exactly once, and nothing else is;
#   3. the gateway's queue of submissions (outbound_request) drains;
#   4. each outbox event reaches the SMTP sink and the webhook receiver, none missed, and none
#      twice but a delivery in flight at the instant its sender was killed (sent again, same id);
#   5. the staff member stays signed in: the session cookie keeps working on the gateway left.
#
#   bench/replicas/run.sh
#
# Settings: SUBMISSIONS (1000), CONCURRENCY (8 clients), KILL_ASSESSMENT_AT (0.4) and
# KILL_GATEWAY_AT (0.5) as fractions of the submissions answered, MAX_LOAD_SECONDS (600),
# DRAIN_TIMEOUT (300 s; the gateway's forwarder leases claimed rows for 2 min), BENCH_JAVA_OPTS
# (-Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1: run.sh's quick-start flags, as this
# measures correctness, not speed), STARTUP_TIMEOUT (600 s), BUILD=1 to rebuild the jars, KEEP=1 to
# keep the logs.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, may create databases), psql, java, curl,
# openssl, python3 and nginx (Debian: nginx-light; installed here when missing). Listens on
# 127.0.0.1:18400-18426 only. Creates throwaway databases replicas_*_<pid> and drops them at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/bench/replicas"

SUBMISSIONS="${SUBMISSIONS:-1000}"
CONCURRENCY="${CONCURRENCY:-8}"
KILL_ASSESSMENT_AT="${KILL_ASSESSMENT_AT:-0.4}"
KILL_GATEWAY_AT="${KILL_GATEWAY_AT:-0.5}"
MAX_LOAD_SECONDS="${MAX_LOAD_SECONDS:-600}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-600}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

PUBLIC_PORT=18400
GATEWAY_PORTS=(18401 18402)
ASSESSMENT_LB_PORT=18410
ASSESSMENT_PORTS=(18411 18412)
CONTENT_PORT=18420
SMTP_PORT=18425
WEBHOOK_PORT=18426

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
suffix="$$"
CONTENT_DB="replicas_content_$suffix"
ASSESSMENT_DB="replicas_assessment_$suffix"
GATEWAY_DB="replicas_gateway_$suffix"

[ -x /usr/sbin/nginx ] || { echo "installing nginx-light"; apt-get install -y nginx-light >/dev/null; }
for tool in java psql curl openssl python3; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done
for port in $PUBLIC_PORT "${GATEWAY_PORTS[@]}" $ASSESSMENT_LB_PORT "${ASSESSMENT_PORTS[@]}" $CONTENT_PORT $SMTP_PORT $WEBHOOK_PORT; do
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

work="$(mktemp -d /tmp/bench-replicas.XXXXXX)"
mkdir -p "$work/logs" "$work/nginx"
declare -A PID=()
sinks_pid=""
sampler_pid=""
failed=0
cleanup() {
	local status=$?
	[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
	for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
	for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
	[ -n "$sinks_pid" ] && kill "$sinks_pid" 2>/dev/null && wait "$sinks_pid" 2>/dev/null || true
	[ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null && wait "$sampler_pid" 2>/dev/null || true
	for db in "$CONTENT_DB" "$ASSESSMENT_DB" "$GATEWAY_DB"; do
		psql -qX -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
	done
	if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then
		echo "Logs kept in $work/logs"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

sql() { psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

for db in "$CONTENT_DB" "$ASSESSMENT_DB" "$GATEWAY_DB"; do
	sql postgres "create database $db" >/dev/null
done
echo "== fresh databases $CONTENT_DB, $ASSESSMENT_DB, $GATEWAY_DB"

# One signing key shared by both gateways, as in production.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
# One key for the start tokens and resume links, as production configures it: a token one gateway
# handed out is good on the other, and after a restart.
resume_key="$(openssl rand -base64 32)"
ISSUER="http://127.0.0.1:$PUBLIC_PORT"
ADMIN_EMAIL="admin@replicas.test"
ADMIN_PASSWORD="$(openssl rand -hex 12)"
WEBHOOK_SECRET="whsec_$(openssl rand -base64 32)"

python3 "$here/sinks.py" "$SMTP_PORT" "$WEBHOOK_PORT" "$WEBHOOK_SECRET" "$work/received.txt" >"$work/logs/sinks.log" 2>&1 &
sinks_pid=$!

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$http_host;
  proxy_connect_timeout 1s;
  proxy_read_timeout 30s;
  upstream gateways {
    server 127.0.0.1:${GATEWAY_PORTS[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${GATEWAY_PORTS[1]} max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  upstream assessments {
    server 127.0.0.1:${ASSESSMENT_PORTS[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${ASSESSMENT_PORTS[1]} max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  log_format timed '\$msec \$request_method \$uri \$status \$upstream_addr \$upstream_status \$request_time';
  server {
    listen 127.0.0.1:$PUBLIC_PORT;
    access_log $work/logs/nginx-gateways.log timed;
    location / { proxy_pass http://gateways; }
  }
  server {
    listen 127.0.0.1:$ASSESSMENT_LB_PORT;
    access_log $work/logs/nginx-assessments.log timed;
    location / { proxy_pass http://assessments; }
  }
}
CONF
chmod -R a+rwX "$work/nginx"
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx"

declare -A START=() READY=()
# start NAME JAR ENV... : starts a service in the background; its log is logs/NAME.log.
start() {
	local name=$1 jar=$2
	shift 2
	# shellcheck disable=SC2086
	env "$@" java $BENCH_JAVA_OPTS -jar "$root/$jar/target/$jar.jar" --spring.profiles.active=postgres --management.server.port=0 \
		>"$work/logs/$name.log" 2>&1 &
	PID[$name]=$!
	START[$name]=$SECONDS
}

# wait_ready NAME PORT: seconds from launch to readiness, or returns 1 if the process died.
wait_ready() {
	local name=$1 port=$2 deadline=$((SECONDS + STARTUP_TIMEOUT))
	until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
		kill -0 "${PID[$name]}" 2>/dev/null || return 1
		((SECONDS < deadline)) || return 1
		sleep 1
	done
	READY[$name]=$((SECONDS - START[$name]))
}

common=(GATEWAY_TOKEN_ISSUER="$ISSUER" GATEWAY_JWK_SET_URI="http://127.0.0.1:$PUBLIC_PORT/oauth2/jwks")
content_env=("${common[@]}" CONTENT_PORT=$CONTENT_PORT CONTENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$CONTENT_DB"
	CONTENT_DB_USER=postgres CONTENT_DB_PASSWORD=)
# Every assessment-service replica needs the same key for the webhook secrets stored encrypted:
# one that cannot read them fails each webhook delivery it claims.
assessment_env=("${common[@]}" ASSESSMENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$ASSESSMENT_DB"
	ASSESSMENT_DB_USER=postgres ASSESSMENT_DB_PASSWORD= SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT
	ASSESSMENT_NOTIFICATIONS_DASHBOARD_BASE_URL="$ISSUER/dashboard"
	ASSESSMENT_NOTIFICATIONS_SECRET_KEY="$(openssl rand -base64 32)")
gateway_env=("${common[@]}" GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$GATEWAY_DB" GATEWAY_DB_USER=postgres
	GATEWAY_DB_PASSWORD= CONTENT_SERVICE_URL="http://127.0.0.1:$CONTENT_PORT"
	ASSESSMENT_SERVICE_URL="http://127.0.0.1:$ASSESSMENT_LB_PORT" GATEWAY_PUBLIC_URL="$ISSUER"
	GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$work/key.pem")" PLATFORM_ADMIN_EMAIL="$ADMIN_EMAIL"
	PLATFORM_ADMIN_PASSWORD="$ADMIN_PASSWORD"
	# All the load comes from one address (nginx): lift the per-address limit on posts.
	GATEWAY_ASSESSMENT_RATELIMIT_CAPACITY=1000000 GATEWAY_ASSESSMENT_MINIMUMFILLTIME=0s
	GATEWAY_ASSESSMENT_RESUME_KEY="$resume_key")

declare -A PORT=([content]=$CONTENT_PORT [assessment-1]=${ASSESSMENT_PORTS[0]} [assessment-2]=${ASSESSMENT_PORTS[1]}
	[gateway-1]=${GATEWAY_PORTS[0]} [gateway-2]=${GATEWAY_PORTS[1]})
declare -A STARTUP_PROBLEM=()
# ready NAME...: waits for each; a replica that dies or hangs is started once more, as an orchestrator
# would, and its first start is reported as a failed claim.
ready() {
	local name
	for name in "$@"; do
		if ! wait_ready "$name" "${PORT[$name]}"; then
			# The root cause and the first frame of our code, e.g. "...StaffAccountProblems: ... at ...FirstAdmin.run"
			STARTUP_PROBLEM[$name]="$(grep -E '^(Caused by: )?[a-z]+(\.[A-Za-z0-9_$]+)+: ' "$work/logs/$name.log" | tail -1 || true)"
			STARTUP_PROBLEM[$name]="${STARTUP_PROBLEM[$name]:-not ready in time} $(grep -m1 -oE 'at com\.northbeam[^(]+' "$work/logs/$name.log" || true)"
			echo "!! $name did not become ready: ${STARTUP_PROBLEM[$name]}; starting it once more" >&2
			[[ $name == content ]] && exit 1
			cp "$work/logs/$name.log" "$work/logs/$name.first-start.log"
			kill "${PID[$name]}" 2>/dev/null || true
			wait "${PID[$name]}" 2>/dev/null || true
			case $name in
			assessment-*) start "$name" "assessment-service" "${assessment_env[@]}" ASSESSMENT_PORT="${PORT[$name]}" ;;
			gateway-*) start "$name" "web-gateway" "${gateway_env[@]}" GATEWAY_PORT="${PORT[$name]}" ;;
			esac
			wait_ready "$name" "${PORT[$name]}" || { echo "$name did not start on a second try either" >&2; exit 1; }
		fi
		echo "   $name ready on ${PORT[$name]} after ${READY[$name]} s${STARTUP_PROBLEM[$name]:+ on its second start} (pid ${PID[$name]})"
	done
}

# One after another, so the five JVMs do not all compete for the CPU at once; each pair of
# replicas starts at the same moment on its empty database.
echo "== starting content-service, then both assessment-services together, then both gateways together"
start content "content-service" "${content_env[@]}"
ready content
start assessment-1 "assessment-service" "${assessment_env[@]}" ASSESSMENT_PORT="${ASSESSMENT_PORTS[0]}"
start assessment-2 "assessment-service" "${assessment_env[@]}" ASSESSMENT_PORT="${ASSESSMENT_PORTS[1]}"
ready assessment-1 assessment-2
start gateway-1 "web-gateway" "${gateway_env[@]}" GATEWAY_PORT="${GATEWAY_PORTS[0]}"
start gateway-2 "web-gateway" "${gateway_env[@]}" GATEWAY_PORT="${GATEWAY_PORTS[1]}"
ready gateway-1 gateway-2

# flyway_report DB MODULE: "<versions in the jar> <versions applied> <versions applied more than once> <failed>"
flyway_report() {
	local files
	files=$(find "$root/$2/src/main/resources/db/migration/common" "$root/$2/src/main/resources/db/migration/postgresql" \
		-name 'V*__*.sql' 2>/dev/null | wc -l)
	echo "$files $(sql "$1" "select count(distinct version), count(*) - count(distinct version), count(*) filter (where not success)
		from flyway_schema_history where version is not null" | tr '|' ' ')"
}
read -r a_files a_applied a_twice a_failed <<<"$(flyway_report "$ASSESSMENT_DB" assessment-service)"
read -r g_files g_applied g_twice g_failed <<<"$(flyway_report "$GATEWAY_DB" web-gateway)"

echo "== notifications: sales inbox and a webhook, through assessment-service's admin API"
token="$(GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$work/key.pem")" GATEWAY_TOKEN_ISSUER="$ISSUER" \
	bin/service-token assessment-service "$ADMIN_EMAIL" admin)"
curl -fsS -X PUT "http://127.0.0.1:$ASSESSMENT_LB_PORT/api/admin/notifications/settings" \
	-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-d "{\"salesInbox\":\"sales@replicas.test\",\"maxAttempts\":8,
		\"webhooks\":[{\"url\":\"http://127.0.0.1:$WEBHOOK_PORT/leads\",\"secret\":\"$WEBHOOK_SECRET\"}]}" >/dev/null
echo "   $(curl -fsS "http://127.0.0.1:$ASSESSMENT_LB_PORT/api/admin/notifications/settings" -H "Authorization: Bearer $token")"

cat >"$work/load.json" <<JSON
{"public_port": $PUBLIC_PORT, "gateway_ports": [${GATEWAY_PORTS[0]}, ${GATEWAY_PORTS[1]}],
 "admin_email": "$ADMIN_EMAIL", "admin_password": "$ADMIN_PASSWORD",
 "submissions": $SUBMISSIONS, "concurrency": $CONCURRENCY, "attempts": 30, "max_seconds": $MAX_LOAD_SECONDS,
 "dashboard_every": 0.5,
 "kills": [{"what": "assessment-service", "at": $KILL_ASSESSMENT_AT, "pid": ${PID[assessment-1]}},
           {"what": "gateway", "at": $KILL_GATEWAY_AT, "pid": ${PID[gateway-1]}}]}
JSON
echo "== load: $SUBMISSIONS submissions, $CONCURRENCY clients through nginx; the staff member signs in on gateway-1"
echo "   and opens the dashboard every 0.5 s; SIGKILL assessment-1 at ${KILL_ASSESSMENT_AT} and gateway-1 at ${KILL_GATEWAY_AT}"
echo "   Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
python3 - "$work" "$ASSESSMENT_DB" "$GATEWAY_DB" "$CONTENT_DB" <<'PY' &
# Samples the connections each database has open while the load runs (their peak is printed).
import subprocess, sys, time, os
work, dbs = sys.argv[1], sys.argv[2:]
peak = {}
while not os.path.exists(f"{work}/load-done"):
    out = subprocess.run(["psql", "-qAtX", "-d", "postgres", "-c",
        "select datname, count(*) from pg_stat_activity where datname in ('" + "','".join(dbs) + "') group by 1"],
        capture_output=True, text=True).stdout
    for line in out.split():
        db, n = line.split("|")
        peak[db] = max(peak.get(db, 0), int(n))
    time.sleep(1)
with open(f"{work}/connections.txt", "w") as f:
    for db in dbs:
        f.write(f"{db} {peak.get(db, 0)}\n")
PY
sampler_pid=$!
load_status=0
python3 "$here/load.py" "$work/load.json" "$work" || load_status=$?
touch "$work/load-done"
wait "$sampler_pid" || true
sampler_pid=""
[ "$load_status" = 0 ] || { echo "The load failed (exit $load_status)" >&2; exit 1; }
summary="$work/summary.json"
j() { python3 -c "import json,sys; d=json.load(open('$summary')); print(eval(sys.argv[1]))" "$1"; }
# The killed ones are gone: forget them, so the clean-up never signals a process that reused the id.
for pid in $(j '" ".join(str(k["pid"]) for k in d["kills"])'); do
	for name in "${!PID[@]}"; do [ "${PID[$name]}" = "$pid" ] && unset "PID[$name]"; done
done

echo "== waiting for the queues to drain (gateway outbound_request, assessment outbox and deliveries)"
drain_start=$SECONDS
while :; do
	queued="$(sql "$GATEWAY_DB" "select count(*) from outbound_request where delivered_at is null and failed_at is null")"
	unexpanded="$(sql "$ASSESSMENT_DB" "select count(*) from outbox_event where expanded_at is null")"
	pending="$(sql "$ASSESSMENT_DB" "select count(*) from notification_delivery where state = 'pending'")"
	if [ "$queued" = 0 ] && [ "$unexpanded" = 0 ] && [ "$pending" = 0 ]; then
		break
	fi
	if ((SECONDS - drain_start > DRAIN_TIMEOUT)); then
		echo "   not drained after $DRAIN_TIMEOUT s" >&2
		break
	fi
	if (((SECONDS - drain_start) % 10 == 0)); then
		echo "   $((SECONDS - drain_start)) s: gateway queue $queued, unexpanded events $unexpanded, pending deliveries $pending"
	fi
	sleep 1
done
drained_after=$((SECONDS - drain_start))
sleep 1

# The client's and the sinks' records go into the throwaway assessment database to be compared there.
sql "$ASSESSMENT_DB" "create table bench_accepted (id uuid primary key, status int not null, attempts int not null);
	create table bench_received (channel text not null, event_id text not null, signed text not null, at float8 not null)" >/dev/null
psql -qX -d "$ASSESSMENT_DB" -c "\\copy bench_accepted from '$work/accepted.txt' with (delimiter ' ')"
psql -qX -d "$ASSESSMENT_DB" -c "\\copy bench_received from '$work/received.txt' with (delimiter ' ')"

read -r stored accepted_stored stored_not_accepted leads lead_submissions events event_leads <<<"$(sql "$ASSESSMENT_DB" "select
	(select count(*) from submission),
	(select count(*) from bench_accepted a join submission s on s.id = a.id),
	(select count(*) from submission s where not exists (select 1 from bench_accepted a where a.id = s.id)),
	(select count(*) from lead), (select count(distinct submission_id) from lead),
	(select count(*) from outbox_event), (select count(distinct lead_id) from outbox_event)" | tr '|' ' ')"
read -r q_total q_delivered q_failed q_pending q_max_attempts <<<"$(sql "$GATEWAY_DB" "select count(*),
	count(delivered_at), count(failed_at), count(*) filter (where delivered_at is null and failed_at is null),
	coalesce(max(attempts), 0) from outbound_request where kind = 'SUBMISSION'" | tr '|' ' ')"
# per channel: "<receipts> <distinct events> <events missed> <unknown ids> <bad signatures> <delivered rows> <dead rows> <pending rows>"
channel_report() {
	sql "$ASSESSMENT_DB" "select
		(select count(*) from bench_received where channel = '$1'),
		(select count(distinct r.event_id) from bench_received r join outbox_event e on e.id::text = r.event_id where r.channel = '$1'),
		(select count(*) from outbox_event e where not exists
			(select 1 from bench_received r where r.channel = '$1' and r.event_id = e.id::text)),
		(select count(distinct r.event_id) from bench_received r where r.channel = '$1' and not exists
			(select 1 from outbox_event e where e.id::text = r.event_id)),
		(select count(*) from bench_received where channel = '$1' and signed = '0'),
		(select count(*) from notification_delivery where channel = '$1' and state = 'delivered'),
		(select count(*) from notification_delivery where channel = '$1' and state = 'dead'),
		(select count(*) from notification_delivery where channel = '$1' and state = 'pending')" | tr '|' ' '
}
read -r e_receipts e_distinct e_missed e_unknown _ e_delivered e_dead e_pending <<<"$(channel_report email)"
read -r w_receipts w_distinct w_missed w_unknown w_badsig w_delivered w_dead w_pending <<<"$(channel_report webhook)"

accepted="$(j 'd["accepted"]')"

echo
echo "== counts"
python3 - "$summary" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"load:        {d['sent']} submissions answered in {d['seconds']} s ({d['rate']}/s); accepted {d['accepted']} "
      f"{d['accepted_by_status']}; never accepted {d['refused']}; accepted after a retry {d['retried']}")
print(f"answers:     {d['answers_seen']}  (every attempt, retries included)")
print("kills:       " + "; ".join(f"{k['what']} pid {k['pid']} at {k['second']} s, {k['answered']} answered" for k in d["kills"]))
PY
echo "startup:     $(for n in content assessment-1 assessment-2 gateway-1 gateway-2; do printf '%s %s s  ' "$n" "${READY[$n]:-?}"; done)"
echo "flyway:      assessment $a_applied versions applied of $a_files, $a_twice twice, $a_failed failed; gateway $g_applied of $g_files, $g_twice twice, $g_failed failed"
echo "assessment:  submissions stored $stored, of them accepted $accepted_stored, stored but not accepted $stored_not_accepted; leads $leads for $lead_submissions submissions; outbox events $events for $event_leads leads"
echo "gateway:     queued submissions $q_total, delivered $q_delivered, refused for good $q_failed, still queued $q_pending, most attempts $q_max_attempts; drained $drained_after s after the load"
echo "email:       $e_receipts received, $e_distinct distinct events of $events, $e_missed missed, $e_unknown unknown ids; rows delivered $e_delivered, dead $e_dead, pending $e_pending"
echo "webhook:     $w_receipts received, $w_distinct distinct events of $events, $w_missed missed, $w_unknown unknown ids, $w_badsig bad signatures; rows delivered $w_delivered, dead $w_dead, pending $w_pending"
# 0 when the load ended before the kill (then nothing can have been repeated because of it).
assessment_killed_at="$(j 'next((k["at"] for k in d["kills"] if k["what"] == "assessment-service"), 0)')"
for channel in email webhook; do
	echo "$channel repeats: $(sql "$ASSESSMENT_DB" "with r as (select event_id, count(*) - 1 as extra, min(at) as first, max(at) as again
		from bench_received where channel = '$channel' group by event_id having count(*) > 1)
		select case when count(*) = 0 then 'none' else count(*) || ' events sent more than once (' || sum(extra) || ' extra); first copies sent '
			|| round(min($assessment_killed_at - first)::numeric, 1) || '-' || round(max($assessment_killed_at - first)::numeric, 1)
			|| ' s before assessment-1 was killed, sent again ' || round(min(again - $assessment_killed_at)::numeric, 1) || '-'
			|| round(max(again - $assessment_killed_at)::numeric, 1) || ' s after' end from r")"
done
echo "staff:       signed in on port $(j 'd["signed_in_on"]'); dashboard before the gateway kill $(j 'd["dashboard"]["before-kill"]'), after $(j 'd["dashboard"]["after-kill"]')"
echo "             after the load, same cookie: $(j 'd["after_load"]')"
echo "connections: peak open during the load: $(awk -v c="$CONTENT_DB" -v a="$ASSESSMENT_DB" -v g="$GATEWAY_DB" \
	'{ n = ($1 == c) ? "content (1 replica)" : ($1 == a) ? "assessment (2, then 1)" : "gateway (2, then 1)"; printf "%s %s  ", n, $2 }' "$work/connections.txt")"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

claim() { # claim PASS-CONDITION TEXT
	if eval "$1"; then echo "PASS  $2"; else echo "FAIL  $2"; failed=1; fi
}
echo
echo "== claims"
assessment_starts="assessment-1 ${STARTUP_PROBLEM[assessment-1]:-ready first time}; assessment-2 ${STARTUP_PROBLEM[assessment-2]:-ready first time}"
gateway_starts="gateway-1 ${STARTUP_PROBLEM[gateway-1]:-ready first time}; gateway-2 ${STARTUP_PROBLEM[gateway-2]:-ready first time}"
claim '[ -z "${STARTUP_PROBLEM[assessment-1]:-}${STARTUP_PROBLEM[assessment-2]:-}" ] && [ "$a_applied" = "$a_files" ] && [ "$a_twice$a_failed" = 00 ]' \
	"start-up: two assessment-services started together on an empty database both became ready ($assessment_starts); Flyway applied $a_applied/$a_files migrations, each once"
claim '[ -z "${STARTUP_PROBLEM[gateway-1]:-}${STARTUP_PROBLEM[gateway-2]:-}" ] && [ "$g_applied" = "$g_files" ] && [ "$g_twice$g_failed" = 00 ]' \
	"start-up: two gateways started together on an empty database both became ready ($gateway_starts); Flyway applied $g_applied/$g_files migrations, each once"
claim '[ "$accepted" -gt 0 ] && [ "$accepted_stored" = "$accepted" ] && [ "$stored" = "$accepted" ] && [ "$stored_not_accepted" = 0 ] && [ "$leads" = "$accepted" ] && [ "$lead_submissions" = "$accepted" ]' \
	"every accepted submission stored exactly once: accepted $accepted, stored $stored, accepted and stored $accepted_stored, leads $leads (one per submission: $lead_submissions)"
claim '[ "$q_pending" = 0 ] && [ "$q_failed" = 0 ] && [ "$q_delivered" = "$q_total" ]' \
	"the gateway's queue drained: $q_total queued, $q_delivered delivered, $q_failed refused, $q_pending left"
# A delivery sent in the instant before its sender is SIGKILLed, with no time to record it, is sent
# again when its lease expires, under the same event id (the webhook-id header, which a Standard
# Webhooks receiver uses to drop repeats): no sender can rule that out without the receiver. Such a
# repeat is counted apart; any other repeat fails the claim.
unexplained_repeats() { # CHANNEL: repeated events whose first copy was not in flight at the kill
	sql "$ASSESSMENT_DB" "select count(*) from (select event_id, min(at) as first from bench_received
		where channel = '$1' group by event_id having count(*) > 1) r
		where $assessment_killed_at = 0 or r.first < $assessment_killed_at - 5 or r.first > $assessment_killed_at"
}
e_unexplained="$(unexplained_repeats email)"
w_unexplained="$(unexplained_repeats webhook)"
claim '[ "$events" = "$leads" ] && [ "$e_distinct" = "$events" ] && [ "$e_unexplained" = 0 ] && [ "$e_missed$e_unknown$e_dead$e_pending" = 0000 ]' \
	"each outbox event emailed once: $events events, $e_receipts emails, $e_distinct distinct, $((e_receipts - e_distinct)) repeats (all in flight when their sender was killed: $([ "$e_unexplained" = 0 ] && echo yes || echo "no, $e_unexplained not")), $e_missed missed"
claim '[ "$w_distinct" = "$events" ] && [ "$w_unexplained" = 0 ] && [ "$w_missed$w_unknown$w_badsig$w_dead$w_pending" = 00000 ]' \
	"each outbox event posted to the webhook once per webhook-id: $events events, $w_receipts calls, $w_distinct distinct, $((w_receipts - w_distinct)) repeats (all in flight when their sender was killed: $([ "$w_unexplained" = 0 ] && echo yes || echo "no, $w_unexplained not")), $w_missed missed, $w_badsig bad signatures"
staff_ok="$(j 'int(not any(d["dashboard"][p].get("signed-out") for p in d["dashboard"]) and d["dashboard"]["after-kill"].get("ok", 0) > 0
	and d["after_load"]["surviving gateway"] == "ok" and d["after_load"]["through nginx"] == "ok" and d["after_load"]["killed gateway"].startswith("error"))')"
claim '[ "$staff_ok" = 1 ]' \
	"the staff member stayed signed in: signed in on gateway-1, never sent to the sign-in page, the same cookie opens the dashboard on gateway-2 after gateway-1 was killed"
exit "$failed"
