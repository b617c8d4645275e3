#!/usr/bin/env bash
# Test of bin/db-backup and bin/db-restore on the three service schemas with data: for each service,
# a fresh database gets the service's migrations (applied with psql in Flyway's order) and generated
# rows in its main tables; it is backed up, restored into another fresh database, and the two are
# compared table by table (row count and a digest of every row) and sequence by sequence. Then a
# restore into a database that already holds tables must be refused. Prints PASS/FAIL per check and
# exits non-zero on any failure; a missing pg_dump or pg_restore is a failure, never a skip.
#
#   bench/backup/run.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (PGHOST, PGPORT, PGUSER: postgres, may create databases),
# psql, pg_dump and pg_restore. Settings: LEADS (20000 generated submissions and leads).
# Creates throwaway databases backup_test_*_<pid> and drops them at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
LEADS="${LEADS:-20000}"
failed=0
work="$(mktemp -d /tmp/backup-test.XXXXXX)"
databases=()
cleanup() {
	for db in "${databases[@]}"; do
		psql -qX -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

for tool in psql pg_dump pg_restore; do
	if ! command -v "$tool" >/dev/null; then
		echo "FAIL  $tool is missing (Debian: apt-get install postgresql-client): backups cannot be tested" >&2
		exit 1
	fi
done

# fresh NAME: creates the database backup_test_NAME_<pid> and sets db to its name (not run in a
# subshell, so that clean-up knows every database).
fresh() {
	db="backup_test_$1_$$"
	databases+=("$db")
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c "create database $db" >/dev/null
}

# migrate DB MODULE: the module's PostgreSQL migrations, in version order, each in one transaction.
migrate() {
	local file
	find "$root/$2/src/main/resources/db/migration/common" "$root/$2/src/main/resources/db/migration/postgresql" \
		-name 'V*__*.sql' -printf '%f %p\n' | sort -V | while read -r _ file; do
		psql -qX -v ON_ERROR_STOP=1 -1 -d "$1" -f "$file" >/dev/null
	done
}

# fingerprint DB: one line per table (rows and a digest of all rows) and per sequence (last value).
fingerprint() {
	local table
	for table in $(psql -qAtX -d "$1" -c "select quote_ident(schemaname) || '.' || quote_ident(tablename)
		from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1"); do
		echo "$table $(psql -qAtX -d "$1" -c "select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\n' order by t::text)), '-') from $table t")"
	done
	psql -qAtX -d "$1" -c "select 'sequence ' || schemaname || '.' || sequencename || ' ' || coalesce(last_value::text, 'unused')
		from pg_sequences order by 1"
}

check() { # check CONDITION TEXT
	if eval "$1"; then echo "PASS  $2"; else echo "FAIL  $2"; failed=1; fi
}

fresh content
content=$db
migrate "$content" content-service
psql -qX -v ON_ERROR_STOP=1 -d "$content" -f bench/content/generate-articles.sql >/dev/null

fresh assessment
assessment=$db
migrate "$assessment" assessment-service
psql -qX -v ON_ERROR_STOP=1 -d "$assessment" >/dev/null <<SQL
insert into submission (id, questionnaire_version, answers, utm_source, utm_medium, created_at)
select md5('s' || i)::uuid, 1, '{"employees":"11-50"}', (array['newsletter', 'google', null])[1 + i % 3], 'cpc',
	timestamp with time zone '2026-11-28 00:00:00+00' - i * interval '30 seconds'
from generate_series(1, $LEADS) i;
insert into lead (id, submission_id, name, email, company, phone, job_role, recommendation, priority, status, owner,
	source, version, created_at, updated_at)
select md5('l' || i)::uuid, md5('s' || i)::uuid, 'Person ' || i, 'person' || i || '@example.com', 'Company ' || (i % 500),
	'+1 555 0100', 'IT manager', (array['co_managed', 'fully_managed', 'hybrid'])[1 + i % 3], i % 101, 'new', null,
	'direct', 0, now(), now()
from generate_series(1, $LEADS) i;
insert into outbox_event (id, kind, lead_id, created_at, expanded_at)
select md5('e' || i)::uuid, 'lead.created', md5('l' || i)::uuid, now(), now() from generate_series(1, $LEADS) i;
insert into notification_delivery (event_id, channel, target, state, attempts, next_attempt_at, delivered_at, created_at)
select md5('e' || i)::uuid, 'email', 'sales@example.com', 'delivered', 1, now(), now(), now()
from generate_series(1, $LEADS) i;
SQL

fresh gateway
gateway=$db
migrate "$gateway" web-gateway
psql -qX -v ON_ERROR_STOP=1 -d "$gateway" >/dev/null <<SQL
insert into staff_account (id, email, name, password_hash, roles, enabled, created_at, version)
select md5('a' || i)::uuid, 'staff' || i || '@example.com', 'Staff ' || i, '{noop}x', 'SALES', true, now(), 0
from generate_series(1, 50) i;
insert into sign_in_attempt (email, client_address, succeeded, attempted_at)
select 'staff' || (i % 50) || '@example.com', '10.0.0.' || (i % 250), i % 7 <> 0, now() from generate_series(1, 5000) i;
insert into outbound_request (id, kind, submission_id, payload, created_at, attempts, next_attempt_at, delivered_at)
select md5('o' || i)::uuid, 'SUBMISSION', md5('s' || i)::uuid, '{"answers":{}}', now(), 1, now(),
	case when i % 10 = 0 then null else now() end
from generate_series(1, 2000) i;
insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time,
	principal_name)
select md5('p' || i)::uuid::text, md5('q' || i)::uuid::text, 0, 0, 1800, 1800000, 'staff' || i || '@example.com'
from generate_series(1, 200) i;
insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
select md5('p' || i)::uuid::text, 'SPRING_SECURITY_CONTEXT', decode(md5('b' || i), 'hex') from generate_series(1, 200) i;
SQL

for source in "$content" "$assessment" "$gateway"; do
	name=${source#backup_test_}
	fresh "restored_${name%_$$}"
	restored=$db
	bin/db-backup "$source" "$work/$source.dump"
	bin/db-restore "$work/$source.dump" "$restored"
	fingerprint "$source" >"$work/$source.before"
	fingerprint "$restored" >"$work/$source.after"
	tables=$(grep -vc '^sequence ' "$work/$source.before")
	rows=$(grep -v '^sequence ' "$work/$source.before" | awk '{ n += $2 } END { print n }')
	sequences=$(grep -c '^sequence ' "$work/$source.before" || true)
	check 'cmp -s "$work/$source.before" "$work/$source.after"' \
		"${source%_$$}: $tables tables, $rows rows, $sequences sequences restored identical (row counts, row digests, sequence values)"
	cmp -s "$work/$source.before" "$work/$source.after" || diff "$work/$source.before" "$work/$source.after" | head -20
done

refused=0
bin/db-restore "$work/$content.dump" "$assessment" 2>"$work/refused.txt" || refused=1
check '[ "$refused" = 1 ]' "a restore into a database that already holds tables is refused: $(cat "$work/refused.txt")"
exit "$failed"
