#!/usr/bin/env bash
# Runs every test suite: front-end unit tests, back-end tests on H2 and on PostgreSQL, and the browser suite in
# headless Chromium. Installs what is missing first (Debian/Ubuntu, as root or with sudo): Chromium, its driver,
# a CJK font and PostgreSQL, and creates a throw-away test database with a fresh random password.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-microhei)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: start the cluster if it is not running, then a fresh test database owned by a test role.
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
export TUANWU_TEST_PG_PASSWORD="t$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
$SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('tuanwu_test', 'tuanwu_test_nodes');
DROP DATABASE IF EXISTS tuanwu_test;
DROP DATABASE IF EXISTS tuanwu_test_nodes;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tuanwu_test') THEN CREATE ROLE tuanwu_test LOGIN; END IF;
END \$\$;
ALTER ROLE tuanwu_test PASSWORD '${TUANWU_TEST_PG_PASSWORD}';
CREATE DATABASE tuanwu_test OWNER tuanwu_test ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE tuanwu_test_nodes OWNER tuanwu_test ENCODING 'UTF8' TEMPLATE template0;
SQL

mvn -B verify "$@"

# Guard against a suite that silently ran nothing (a filter that matched no test, a skipped execution).
count() { cat "$1"/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*' | sed -n 's/.* tests="\([0-9]*\)".*/\1/p' | awk '{s+=$1} END {print s+0}'; }
pg=$(count target/surefire-reports-postgres || echo 0)
browser=$(grep -l 'testsuite [^>]*name="org.tuanwu.browser' target/surefire-reports/TEST-*.xml 2>/dev/null | wc -l)
nodes=$(count target/failsafe-reports || echo 0)
skipped=$({ cat target/surefire-reports*/TEST-*.xml target/failsafe-reports/TEST-*.xml 2>/dev/null || true; } | { grep -o '<testsuite [^>]*' || true; } | sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' | awk '{s+=$1} END {print s+0}')
echo "PostgreSQL suite: ${pg:-0} tests; browser suite classes: $browser; two-node tests: ${nodes:-0}; skipped tests: ${skipped:-0}"
if [ "${pg:-0}" -lt 1 ]; then echo "FAIL: the PostgreSQL suite ran no test" >&2; exit 1; fi
if [ "${nodes:-0}" -lt 1 ]; then echo "FAIL: the two-node test ran no test" >&2; exit 1; fi
if [ "$browser" -lt 1 ]; then echo "FAIL: the browser suite ran no test" >&2; exit 1; fi
if [ "${skipped:-0}" -gt 0 ]; then echo "FAIL: $skipped tests were skipped" >&2; exit 1; fi
