#!/usr/bin/env bash
# Runs once, when the PostgreSQL data directory is first initialised (the official image's
# /docker-entrypoint-initdb.d hook): one database per Ferry service, plus any other name listed in
# FERRY_DATABASES. Each service's Flyway migrations create its tables at start.
set -euo pipefail

databases=${FERRY_DATABASES:-ferry_inventory ferry_planner ferry_executor ferry_notifier}
for db in $databases; do
  if [[ ! $db =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "initdb: refusing database name '$db' (lower-case letters, digits and _ only)" >&2
    exit 1
  fi
  exists=$(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -tAc \
    "select 1 from pg_database where datname = '$db'")
  if [[ $exists != 1 ]]; then
    echo "initdb: creating database $db owned by $POSTGRES_USER"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
      -c "create database \"$db\" owner \"$POSTGRES_USER\""
  fi
done
