#!/usr/bin/env bash
# Lead list, CSV export and lead detail benchmark: 1,000,000 generated leads on a fresh PostgreSQL
# database, measured through the HTTP API of the built assessment-service jar running with -Xmx256m,
# and through the built web-gateway jar for the lead detail page.
#
# Prints, for three typical filters, the p95 latency of the first page and of a page 10,000 rows
# deep (keyset cursor; targets: under 30 ms each), then the time and the peak heap of a full CSV
# export of all leads (targets: under 20 s, heap under 256 MB), then the p95 of the dashboard's
# lead detail page with its call-prep brief, as a signed-in salesperson gets it from web-gateway
# (target: under 150 ms), for leads posted through the submission API on top of the million.
#
# Needs: built jars (./mvnw -pl assessment-service,web-gateway -am package -DskipTests), PostgreSQL
# on localhost:5432 whose user may create databases (PGUSER, default postgres), openssl, python3,
# curl, jstat. Settings: BENCH_LEADS (default 1000000), BENCH_SAMPLES (timed requests per case,
# 200), BENCH_PORT (18083), BENCH_JWKS_PORT (18091), BENCH_GATEWAY_PORT (18080), BENCH_HEAP (256m),
# BENCH_GATEWAY_JAVA_OPTS (-Xms256m -Xmx512m), BENCH_DETAIL_LEADS (leads posted for the detail
# page, 50), BENCH_DETAIL_WARMUP (untimed requests per detail case, 300).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib/service-token.sh"
jar="$root/assessment-service/target/assessment-service.jar"
gateway_jar="$root/web-gateway/target/web-gateway.jar"
count="${BENCH_LEADS:-1000000}"
samples="${BENCH_SAMPLES:-200}"
port="${BENCH_PORT:-18083}"
jwks_port="${BENCH_JWKS_PORT:-18091}"
gateway_port="${BENCH_GATEWAY_PORT:-18080}"
heap="${BENCH_HEAP:-256m}"
gateway_java_opts="${BENCH_GATEWAY_JAVA_OPTS:--Xms256m -Xmx512m}"
detail_leads="${BENCH_DETAIL_LEADS:-50}"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
database="leads_bench_$$"
gateway_database="leads_bench_gateway_$$"
work="$(mktemp -d)"
service_pid=""
gateway_pid=""

cleanup() {
	status=$?
	set +e
	if [ "$status" -ne 0 ]; then
		for log in service gateway; do
			[ -f "$work/$log.log" ] || continue
			echo "== $log log (errors)" >&2
			grep -E "ERROR|Exception" "$work/$log.log" | tail -20 >&2
		done
	fi
	[ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true
	[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
	bench_token_stop
	psql -qX -d postgres -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true
	psql -qX -d postgres -c "drop database if exists $gateway_database with (force)" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

for built in "$jar" "$gateway_jar"; do
	[ -f "$built" ] || { echo "Build the jars first: ./mvnw -pl assessment-service,web-gateway -am package -DskipTests" >&2; exit 1; }
done
for tool in psql openssl python3 curl jstat; do
	command -v "$tool" >/dev/null || { echo "Missing $tool" >&2; exit 1; }
done

for used in "$port" "$jwks_port" "$gateway_port"; do
	if curl -s -o /dev/null "http://127.0.0.1:$used/"; then
		echo "Port $used is in use; set BENCH_PORT / BENCH_JWKS_PORT / BENCH_GATEWAY_PORT" >&2
		exit 1
	fi
done

echo "== fresh database $database"
psql -qX -d postgres -c "create database $database" >/dev/null

echo "== signing key and token (throwaway, generated for this run; bench/lib/service-token.sh)"
bench_token_setup "$work" "$jwks_port"
bench_token assessment-service bench@northbeam.test leads:read >"$work/token"

start_service() {
	ASSESSMENT_PORT="$port" ASSESSMENT_MANAGEMENT_PORT=0 \
		ASSESSMENT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
		ASSESSMENT_DB_USER="$PGUSER" ASSESSMENT_DB_PASSWORD="${PGPASSWORD:-}" \
		GATEWAY_JWK_SET_URI="$BENCH_JWK_SET_URI" GATEWAY_TOKEN_ISSUER="$BENCH_ISSUER" \
		ASSESSMENT_SCHEDULING_ENABLED=false \
		java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Xlog:gc:file="$work/gc.log" -jar "$jar" \
		--spring.profiles.active=postgres >"$work/service.log" 2>&1 &
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

echo "== generating $count leads (INSERT ... SELECT generate_series)"
started=$(date +%s)
psql -qX -v ON_ERROR_STOP=1 -d "$database" <<SQL
insert into submission (id, questionnaire_version, answers, utm_source, utm_medium, created_at)
select md5('s' || i)::uuid, 1, '{}', (array['newsletter', 'google', 'linkedin', null])[1 + i % 4],
	case when i % 4 = 3 then null else 'cpc' end,
	timestamp with time zone '2026-11-28 00:00:00+00' - i * interval '30 seconds'
from generate_series(1, $count) i;
insert into lead (id, submission_id, name, email, company, phone, job_role, recommendation, priority, status, owner,
	source, version, created_at, updated_at, first_contact_at, first_contact_seconds, overdue_notified_at)
select md5('l' || i)::uuid, md5('s' || i)::uuid, 'Person ' || i, 'person' || i || '@company' || (i % 20000) || '.example',
	case when i % 997 = 0 then '=cmd|' || i else 'Company ' || (i % 20000) end, '+1 555 ' || lpad((i % 10000)::text, 4, '0'),
	'IT manager', (array['co_managed', 'fully_managed', 'hybrid'])[1 + i % 3], ((i::bigint * 7919) % 101)::int,
	status, case when i % 4 = 0 then null else 'rep' || (i % 10) || '@northbeam.test' end,
	coalesce((array['newsletter', 'google', 'linkedin', null])[1 + i % 4], 'direct'), 0, created_at, created_at,
	-- every lead that left new was first contacted within four hours; those still new were
	-- announced as overdue an hour after they arrived, as the overdue check would have done
	case when status <> 'new' then created_at + (i % 240) * interval '1 minute' end,
	case when status <> 'new' then (i % 240) * 60 end,
	case when status = 'new' then created_at + interval '1 hour' end
from (select i, (array['new', 'new', 'new', 'contacted', 'qualified', 'proposal', 'won', 'lost'])[1 + (i::bigint * 31) % 8] status,
	timestamp with time zone '2026-11-28 00:00:00+00' - i * interval '30 seconds' created_at
	from generate_series(1, $count) i) generated;
-- every lead has its first assessment, as the migration that introduced retakes gave every lead
insert into lead_assessment (submission_id, lead_id, taken_at) select submission_id, id, created_at from lead;
vacuum analyze submission;
vacuum analyze lead;
vacuum analyze lead_assessment;
SQL
echo "generated in $(( $(date +%s) - started )) s: $(psql -qAtX -d "$database" -c 'select count(*) from lead') leads"

echo "== lead list through the HTTP API ($samples timed requests per case after 30 warm-up requests, one keep-alive connection)"
# The deep page is 10,000 rows down, or a hundredth of the leads when fewer are generated.
python3 - "$port" "$(cat "$work/token")" "$samples" "$(( count / 100 < 10000 ? count / 100 : 10000 ))" <<'PY'
import http.client, json, sys, time
port, token, samples, depth = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": "Bearer " + token}
def get(path):
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: {response.status} {body[:300]}")
    return json.loads(body)
def p95(path):
    for _ in range(30):
        get(path)
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[int(len(times) * 0.95) - 1], times[len(times) // 2]
filters = {
    "status=new, by priority (the sales queue)": "status=new&sort=priority",
    "co_managed, priority >= 50, newest first": "recommendation=co_managed&minPriority=50&sort=newest",
    "one owner, contacted or qualified, by priority": "owner=rep3@northbeam.test&status=contacted&status=qualified&sort=priority",
    "past the response target, by priority": "overdue=true&sort=priority",
}
worst = 0
for name, query in filters.items():
    first = f"/api/leads?{query}&limit=50"
    p95_first, median_first = p95(first)
    cursor, rows = None, 0
    while rows < depth:
        page = get(first + (f"&after={cursor}" if cursor else ""))
        rows += len(page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            break
    if cursor is None:
        raise SystemExit(f"{name}: fewer than {depth} matching leads ({rows}); generate more")
    deep = first + f"&after={cursor}"
    p95_deep, median_deep = p95(deep)
    worst = max(worst, p95_first, p95_deep)
    print(f"{name:50s} first page p95 {p95_first:6.1f} ms (median {median_first:5.1f})   "
          f"after {rows} rows p95 {p95_deep:6.1f} ms (median {median_deep:5.1f})")
print(f"worst p95: {worst:.1f} ms (target < 30 ms): {'OK' if worst < 30 else 'MISSED'}")
for name, query in {"free text q=company 1234 (trigram indexes), by priority": "q=company%201234&sort=priority",
                    "free text q=person12345 (trigram indexes), newest first": "q=person12345&sort=newest"}.items():
    p95_text, median_text = p95(f"/api/leads?{query}&limit=50")
    print(f"{name:50s} first page p95 {p95_text:6.1f} ms (median {median_text:5.1f})  (extra, not a target)")
PY

echo "== full CSV export of all leads (heap sampled with jstat every 100 ms)"
jstat -gc "$service_pid" | tail -1 >"$work/gc-before.txt"
(while kill -0 "$service_pid" 2>/dev/null; do jstat -gc "$service_pid" | tail -1; sleep 0.1; done) >"$work/heap.txt" 2>/dev/null &
sampler=$!
started=$(date +%s.%N)
curl -fsS -H "Authorization: Bearer $(cat "$work/token")" "http://127.0.0.1:$port/api/leads/export.csv" -o "$work/leads.csv"
finished=$(date +%s.%N)
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
jstat -gc "$service_pid" | tail -1 >"$work/gc-after.txt"
rows=$(($(wc -l <"$work/leads.csv") - 1))
python3 - "$work" "$started" "$finished" "$rows" "$(stat -c %s "$work/leads.csv")" <<'PY'
import sys
work, started, finished, rows, size = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
# jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT (KB, counts, s)
header = "S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT".split()
def parse(line):
    values = line.split()
    return dict(zip(header, [float(v) if v != '-' else 0.0 for v in values]))
peak = 0.0
for line in open(f"{work}/heap.txt"):
    try:
        sample = parse(line)
    except ValueError:
        continue
    if len(sample) == len(header):
        peak = max(peak, sample["S0U"] + sample["S1U"] + sample["EU"] + sample["OU"])
before, after = parse(open(f"{work}/gc-before.txt").read()), parse(open(f"{work}/gc-after.txt").read())
seconds = finished - started
print(f"exported {rows} rows ({size / 1e6:.0f} MB) in {seconds:.1f} s (target < 20 s): {'OK' if seconds < 20 else 'MISSED'}")
print(f"peak used heap {peak / 1024:.0f} MB of a {int(after['S0C'] + after['S1C'] + after['EC'] + after['OC']) // 1024} MB heap "
      f"(-Xmx limit; target < 256 MB): {'OK' if peak / 1024 < 256 else 'MISSED'}")
print(f"GC during the export: {int(after['YGC'] - before['YGC'])} young, {int(after['FGC'] - before['FGC'])} full, "
      f"{int(after['CGC'] - before['CGC'])} concurrent; {after['GCT'] - before['GCT']:.2f} s paused")
PY
echo "formula cells neutralised in the export: $(grep -c "'=cmd|" "$work/leads.csv")"

echo "== lead detail page through web-gateway, as a signed-in salesperson"
# The generated leads have no scoring result, so no brief: these are posted through the submission
# API, scored and briefed by the service as a finished assessment is, on top of the million.
bench_token assessment-service bench submissions:write >"$work/submit-token"
consent="$(curl -fsS "http://127.0.0.1:$port/api/questionnaires/current" | python3 -c 'import json,sys; print(json.load(sys.stdin)["consent"]["version"])')"
python3 "$here/detail.py" submit "$port" "$(cat "$work/submit-token")" "$consent" "$detail_leads" >"$work/submissions"
mapfile -t detail_ids < <(psql -qAtX -d "$database" \
	-c "select id from lead where submission_id = any('{$(paste -sd, "$work/submissions")}'::uuid[]) order by created_at")
[ "${#detail_ids[@]}" -eq "$detail_leads" ] \
	|| { echo "Expected $detail_leads leads from the submissions, found ${#detail_ids[@]} (quarantined?)" >&2; exit 1; }
echo "posted $detail_leads submissions through the API: $detail_leads leads with a brief among $(psql -qAtX -d "$database" -c 'select count(*) from lead')"

# The gateway signs its service tokens with the benchmark's throwaway key under the same issuer, so
# the running assessment-service accepts them as it accepts the benchmark's own. It gets its own
# fresh database and a first admin; content-service is left out (nothing listens on port 9): the
# dashboard's lead pages do not need it.
psql -qX -d postgres -c "create database $gateway_database" >/dev/null
admin_password="$(openssl rand -hex 16)"
content_url="http://127.0.0.1:9"
if curl -s -o /dev/null "$content_url/"; then
	echo "Something answers on $content_url; the benchmark runs the gateway without content-service" >&2
	exit 1
fi
# shellcheck disable=SC2086
GATEWAY_PORT="$gateway_port" GATEWAY_MANAGEMENT_PORT=0 \
	GATEWAY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$gateway_database" \
	GATEWAY_DB_USER="$PGUSER" GATEWAY_DB_PASSWORD="${PGPASSWORD:-}" \
	GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$BENCH_KEY_FILE")" GATEWAY_TOKEN_ISSUER="$BENCH_ISSUER" \
	GATEWAY_PUBLIC_URL="http://127.0.0.1:$gateway_port" \
	ASSESSMENT_SERVICE_URL="http://127.0.0.1:$port" CONTENT_SERVICE_URL="$content_url" \
	PLATFORM_ADMIN_EMAIL=bench-admin@northbeam.test PLATFORM_ADMIN_PASSWORD="$admin_password" \
	java $gateway_java_opts -jar "$gateway_jar" --spring.profiles.active=postgres >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 180); do
	curl -fsS "http://127.0.0.1:$gateway_port/readyz" >/dev/null 2>&1 && break
	kill -0 "$gateway_pid" 2>/dev/null || { tail -50 "$work/gateway.log" >&2; exit 1; }
	sleep 1
done
curl -fsS "http://127.0.0.1:$gateway_port/readyz" >/dev/null || { tail -50 "$work/gateway.log" >&2; exit 1; }
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "($samples timed requests per case after ${BENCH_DETAIL_WARMUP:-300} warm-up requests, one keep-alive connection each, cycling through the $detail_leads leads)"
python3 "$here/detail.py" measure "$gateway_port" "$gateway_pid" "$port" "$service_pid" "$(cat "$work/token")" bench-admin@northbeam.test \
	"$admin_password" "$samples" "${detail_ids[@]}"
echo "load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
