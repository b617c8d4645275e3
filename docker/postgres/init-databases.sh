#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first created: one database and one owner per service.
set -euo pipefail

create() {
  local name=$1 password=$2
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
}

create content "$CONTENT_DB_PASSWORD"
create assessment "$ASSESSMENT_DB_PASSWORD"
create gateway "$GATEWAY_DB_PASSWORD"
