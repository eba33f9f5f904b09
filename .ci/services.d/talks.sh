#!/usr/bin/env bash
# Talks services, from Debian packages: PostgreSQL (talks store tests) and Chromium
# (browser tests). Idempotent and quick when everything is already installed and running.
# Prints the PostgreSQL connection string the tests read from PARLEY_TEST_PG; the tests fall back
# to the same string when the variable is unset, so .ci/run need not pass it on.
set -uo pipefail

PG_CONN="Host=127.0.0.1;Port=5432;Username=parley;Password=parley;Database=parley_test"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "services: missing ${need[*]} and not root; the tests that need them will skip" >&2
  else
    echo "services: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
  fi
fi

if command -v pg_ctlcluster >/dev/null 2>&1; then
  ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -n "$ver" ]; then
    pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$ver main$" || pg_createcluster "$ver" main >/dev/null
    pg_lsclusters -h | grep -q "^$ver *main .* online" || pg_ctlcluster "$ver" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
    as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
    as_pg "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='parley'\"" | grep -q 1 \
      || as_pg "psql -q -c \"CREATE ROLE parley LOGIN PASSWORD 'parley' CREATEDB\""
    as_pg "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='parley_test'\"" | grep -q 1 \
      || as_pg "createdb -O parley parley_test"
    export PARLEY_TEST_PG="$PG_CONN"
    echo "services: PostgreSQL $ver ready: PARLEY_TEST_PG=\"$PG_CONN\""
  fi
fi
[ -x /usr/bin/chromium ] && echo "services: Chromium ready: $(/usr/bin/chromium --version 2>/dev/null)"
exit 0
