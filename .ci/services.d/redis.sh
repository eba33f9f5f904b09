#!/usr/bin/env bash
# Redis for the Orleans cluster tests (tests/Parley.Cluster.Tests) and for trying `parley cluster` by hand.
# Installs Debian's redis-server when missing and makes sure one answers on 127.0.0.1:6379. Idempotent.
# The tests start their own private redis-server on a free port; they only need the binary.
set -uo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "services: redis-server missing and not root; the cluster tests will skip" >&2
    exit 0
  fi
  echo "services: installing redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
fi

if command -v redis-server >/dev/null 2>&1; then
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.25; done
  fi
  echo "services: Redis ready: $(redis-server --version | cut -d' ' -f3) on 127.0.0.1:6379"
fi
exit 0
