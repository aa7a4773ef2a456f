#!/bin/sh
# Runs once, when the compose PostgreSQL volume is empty. One database and one role per service; each role owns
# its database and nothing else, cannot connect to the others' databases, and holds no server-wide powers.
# The names match infra/dev-stack (ServiceDatabases) and the services' DB_URL / DB_USER in docker-compose.yml.
set -eu

create() {
  db="$1"; role="$2"; password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v db="$db" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";
SQL
}

create identity identity_service "$IDENTITY_DB_PASSWORD"
create room room_service "$ROOM_DB_PASSWORD"
create prize prize_service "$PRIZE_DB_PASSWORD"
