#!/bin/sh
# Finds, or installs, what the tests need on this machine: Debian's Chromium (never a downloaded
# browser) and a running PostgreSQL on 127.0.0.1:5432. Run by `npm test` before the tests.
set -e

if [ -z "${MACARON_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-test-env: installing Debian's chromium..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ensure-test-env: Chromium is missing: run 'apt-get install -y chromium' or set MACARON_CHROMIUM" >&2
    exit 1
  fi
fi

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "ensure-test-env: starting PostgreSQL..." >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    tries=0
    until pg_isready -q -h 127.0.0.1 -p 5432 || [ "$tries" -ge 30 ]; do tries=$((tries + 1)); sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || echo "ensure-test-env: PostgreSQL is not reachable on 127.0.0.1:5432" >&2
fi
exit 0
