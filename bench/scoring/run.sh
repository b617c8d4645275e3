#!/usr/bin/env bash
# Scoring workbench trial-run benchmark: 100,000 generated stored submissions (with their results and,
# for most, leads) on a fresh PostgreSQL database, tried through the HTTP API of the built
# assessment-service jar: a new draft (a copy of the published rules) is run over the golden personas
# and every stored submission. Target: under 10 s per trial run.
#
# Needs: a built jar (./mvnw -pl assessment-service -am package -DskipTests), PostgreSQL on
# localhost:5432 whose user may create databases (PGUSER, default postgres), openssl, python3, curl.
# Settings: BENCH_SUBMISSIONS (default 100000), BENCH_RUNS (timed trial runs, 3), BENCH_PORT (18084),
# BENCH_JWKS_PORT (18092), BENCH_HEAP (512m).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib/service-token.sh"
jar="$root/assessment-service/target/assessment-service.jar"
count="${BENCH_SUBMISSIONS:-100000}"
runs="${BENCH_RUNS:-3}"
port="${BENCH_PORT:-18084}"
jwks_port="${BENCH_JWKS_PORT:-18092}"
heap="${BENCH_HEAP:-512m}"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
database="scoring_bench_$$"
work="$(mktemp -d)"
service_pid=""

cleanup() {
	status=$?
	set +e
	if [ "$status" -ne 0 ] && [ -f "$work/service.log" ]; then
		echo "== service log (errors)" >&2
		grep -E "ERROR|Exception" "$work/service.log" | tail -20 >&2
	fi
	[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
	bench_token_stop
	psql -qX -d postgres -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

[ -f "$jar" ] || { echo "Build the jar first: ./mvnw -pl assessment-service -am package -DskipTests" >&2; exit 1; }
for tool in psql openssl python3 curl; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done

if curl -s -o /dev/null "http://127.0.0.1:$port/" || curl -s -o /dev/null "http://127.0.0.1:$jwks_port/"; then
	echo "Port $port or $jwks_port is in use; set BENCH_PORT / BENCH_JWKS_PORT" >&2
	exit 1
fi

echo "== fresh database $database"
psql -qX -d postgres -c "create database $database" >/dev/null

echo "== signing key and token (throwaway, generated for this run; bench/lib/service-token.sh)"
bench_token_setup "$work" "$jwks_port"
bench_token assessment-service bench@northbeam.test scoring:read scoring:draft scoring:try >"$work/token"

start_service() {
	ASSESSMENT_PORT="$port" \
		ASSESSMENT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
		ASSESSMENT_DB_USER="$PGUSER" ASSESSMENT_DB_PASSWORD="${PGPASSWORD:-}" \
		GATEWAY_JWK_SET_URI="$BENCH_JWK_SET_URI" GATEWAY_TOKEN_ISSUER="$BENCH_ISSUER" \
		ASSESSMENT_SCHEDULING_ENABLED=false \
		java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Xlog:gc:file="$work/gc.log" -jar "$jar" \
		--spring.profiles.active=postgres --management.server.port=0 >"$work/service.log" 2>&1 &
	service_pid=$!
	for _ in $(seq 1 120); do
		curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
		kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
		sleep 1
	done
	tail -50 "$work/service.log" >&2
	exit 1
}

echo "== starting assessment-service with -Xmx$heap (Flyway creates the schema)"
start_service

echo "== generating $count stored submissions with results and leads (INSERT ... SELECT generate_series)"
started=$(date +%s)
psql -qX -v ON_ERROR_STOP=1 -d "$database" <<SQL
create temporary table answers_bench as
select i, md5('s' || i)::uuid as id,
	(array['1-10', '11-50', '51-200', '201-1000', '1000+'])[1 + (i * 7) % 5] as employees,
	(array['none', 'tech_savvy_staff', 'it_person', 'it_team', 'it_department'])[1 + (i * 13 / 5) % 5] as internal_it,
	(array['flat', 'moderate', 'fast'])[1 + (i * 17) % 3] as growth,
	(array['manageable', 'stretched', 'overloaded'])[1 + (i * 19) % 3] as workload,
	(array['["none"]', '["cybersecurity"]', '["cloud_migration","compliance"]',
		'["cybersecurity","microsoft_365","infrastructure_modernization"]'])[1 + (i * 23) % 4] as skills_gaps,
	(array['rarely', 'sometimes', 'often'])[1 + (i * 29) % 3] as project_delays,
	(array['rarely', 'sometimes', 'often'])[1 + (i * 31) % 3] as support_wait,
	(array['business_hours', 'extended_hours', '24x7'])[1 + (i * 37) % 3] as coverage,
	(array['basic', 'growing', 'complex'])[1 + (i * 41) % 3] as security_complexity,
	(array['["none"]', '["cloud"]', '["cloud","remote_work"]',
		'["cloud","remote_work","security_controls","collaboration_platforms"]'])[1 + (i * 43) % 4] as tech_footprint,
	(array['keep_control', 'balanced', 'hand_off'])[1 + (i * 47) % 3] as control_preference,
	(array['easy', 'somewhat_hard', 'very_hard'])[1 + (i * 53) % 3] as hiring,
	(array['low', 'medium', 'high'])[1 + (i * 59) % 3] as predictability,
	timestamp with time zone '2026-11-28 00:00:00+00' - i * interval '30 seconds' as created_at
from generate_series(1, $count) i;
insert into submission (id, questionnaire_version, answers, created_at)
select id, 1, '{"employees":["' || employees || '"],"internal_it":["' || internal_it || '"],"growth":["' || growth
	|| '"],"workload":["' || case when internal_it in ('none', 'tech_savvy_staff') then 'no_team' else workload end
	|| '"],"skills_gaps":' || skills_gaps || ',"project_delays":["' || project_delays || '"],"support_wait":["'
	|| support_wait || '"],"coverage":["' || coverage || '"],"security_complexity":["' || security_complexity
	|| '"],"tech_footprint":' || tech_footprint || ',"control_preference":["' || control_preference
	|| '"],"hiring":["' || hiring || '"],"predictability":["' || predictability || '"]}', created_at
from answers_bench;
insert into submission_result (submission_id, rules_version, price_assumptions_version, recommendation,
	fit_co_managed, fit_fully_managed, fit_hybrid, confidence, priority, body, created_at)
select id, 1, 1, case when internal_it in ('none', 'tech_savvy_staff') then 'fully_managed' else 'co_managed' end,
	60, 50, 30, 50, 40, '{}', created_at
from answers_bench;
insert into lead (id, submission_id, name, email, company, recommendation, priority, status, source, version,
	created_at, updated_at)
select md5('l' || i)::uuid, id, 'Person ' || i, 'person' || i || '@company.example', 'Company ' || i,
	case when internal_it in ('none', 'tech_savvy_staff') then 'fully_managed' else 'co_managed' end, 40, 'new',
	'direct', 0, created_at, created_at
from answers_bench where i % 5 <> 0;
vacuum analyze submission;
vacuum analyze submission_result;
vacuum analyze lead;
SQL
echo "generated in $(( $(date +%s) - started )) s: $(psql -qAtX -d "$database" -c 'select count(*) from submission') submissions, $(psql -qAtX -d "$database" -c 'select count(*) from lead') leads"

echo "== trial runs of a new draft (a copy of the published rules) through the HTTP API"
python3 - "$port" "$(cat "$work/token")" "$runs" <<'PY'
import http.client, json, sys, time
port, token, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
def call(method, path):
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.status not in (200, 201):
        raise SystemExit(f"{method} {path}: {response.status} {body[:500]}")
    return json.loads(body)
draft = call("POST", "/api/admin/scoring/drafts")
worst = 0
for run in range(1, runs + 1):
    start = time.perf_counter()
    trial = call("POST", f"/api/admin/scoring/drafts/{draft['id']}/trial?limit=1000")
    seconds = time.perf_counter() - start
    worst = max(worst, seconds)
    s = trial["submissions"]
    print(f"run {run}: {seconds:5.2f} s over HTTP (server {trial['elapsedMillis'] / 1000:5.2f} s): "
          f"{s['scored']} scored, {s['changed']} would change ({s['leadsChanged']} leads, {len(s['leads'])} listed), "
          f"personas {trial['personasPassed']}/{trial['personasPassed'] + trial['personasFailed']} pass")
print("moves (rows: now, columns: under the draft):", json.dumps(s["moves"]))
print("before:", json.dumps(s["before"]), " after:", json.dumps(s["after"]))
print(f"slowest trial run: {worst:.2f} s (target < 10 s): {'OK' if worst < 10 else 'MISSED'}")
PY
