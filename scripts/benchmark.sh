#!/usr/bin/env bash
# Loads the province demo (≈ 300 000 orgs) into a throw-away PostgreSQL database with the jar, then times the org
# tree's everyday reads and the name search beside the plain LIKE scan it replaced (bench command). Usage: scripts/benchmark.sh [--scale province|city|county] [--no-build] [--start]
# --start: only the start figures (the server's start beside a small command's, plain and fast), on an empty database.
# Needs the local PostgreSQL cluster (started if it is not running) and root or sudo for `su postgres`.
# The database password is fresh and random on every run and never written to a file.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=province
build=1
start_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --start) start_only=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
export SPRING_DATASOURCE_PASSWORD="b$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# A database server needs the audit log's key (docs/security.md); a throw-away one for these throw-away databases.
export TUANWU_AUDIT_KEY="k$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
$SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'tuanwu_bench';
DROP DATABASE IF EXISTS tuanwu_bench;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tuanwu_bench') THEN CREATE ROLE tuanwu_bench LOGIN; END IF;
END \$\$;
ALTER ROLE tuanwu_bench PASSWORD '${SPRING_DATASOURCE_PASSWORD}';
CREATE DATABASE tuanwu_bench OWNER tuanwu_bench ENCODING 'UTF8' TEMPLATE template0;
SQL

if [ "$build" -eq 1 ] || [ ! -f target/tuanwu.jar ]; then
  mvn -B -q package -Dskip.frontend=true -DskipTests
fi

# Start figures: the server until it answers HTTP (the baseline), and the small command `template organizations`
# started as the README shows it and with scripts/tuanwu.sh; the median of 3 runs each, wall clock.
now_ms() { date +%s%3N; }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
start_figures() {
  local dir port t0 pid server=() plain=() fast=() prep
  dir=$(mktemp -d)
  port=${TUANWU_BENCH_PORT:-18089}
  # Not timed: the schema is migrated by a first command, so that every timed run finds it ready.
  java -jar target/tuanwu.jar template organizations "$dir/warm.xlsx" "$@" >/dev/null 2>&1
  t0=$(now_ms); scripts/tuanwu.sh template organizations "$dir/warm.xlsx" "$@" >/dev/null 2>&1; prep=$(( $(now_ms) - t0 ))
  for _ in 1 2 3; do
    t0=$(now_ms)
    java -jar target/tuanwu.jar --server.port="$port" --tuanwu.demo.on-first-start=false "$@" >/dev/null 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/auth/csrf")" != "000" ]; do
      kill -0 "$pid" 2>/dev/null || { echo "the server did not start" >&2; return 1; }
      sleep 0.05
    done
    server+=($(( $(now_ms) - t0 )))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    t0=$(now_ms); java -jar target/tuanwu.jar template organizations "$dir/t.xlsx" "$@" >/dev/null 2>&1
    plain+=($(( $(now_ms) - t0 )))
    t0=$(now_ms); scripts/tuanwu.sh template organizations "$dir/t.xlsx" "$@" >/dev/null 2>&1
    fast+=($(( $(now_ms) - t0 )))
  done
  rm -rf "$dir"
  echo "   server start until it answers HTTP (baseline)      $(median3 "${server[@]}") ms   (runs: ${server[*]})"
  echo "   command start: java -jar … template organizations  $(median3 "${plain[@]}") ms   (runs: ${plain[*]})"
  echo "   command start: scripts/tuanwu.sh template …         $(median3 "${fast[@]}") ms   (runs: ${fast[*]}; target < 3000)"
  echo "   (first scripts/tuanwu.sh run of this jar, untimed above, with the archive prepared if it was missing: ${prep} ms)"
}

db=(--spring.datasource.url="jdbc:postgresql://localhost:5432/tuanwu_bench?reWriteBatchedInserts=true"
    --spring.datasource.username=tuanwu_bench)
echo "== $(date -Iseconds) on $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$start_only" -eq 1 ]; then
  echo "== start figures on an empty database"
  start_figures "${db[@]}"
  exit 0
fi
echo "== load: demo --scale $scale (through OrganizationManagement.importOrganizations, one transaction per county)"
/usr/bin/time -f "   wall %e s, max RSS %M kB" java -Xmx1g -jar target/tuanwu.jar demo --scale "$scale" "${db[@]}"
echo "== statistics after the bulk load (what autovacuum would do shortly after)"
$SUDO su postgres -c "psql -q -d tuanwu_bench -c 'VACUUM ANALYZE'" >/dev/null
echo "== reads, name search (村, 新华, 团支部 at the root and under a city; old LIKE plan as the baseline) and ORG_* source queries: bench"
java -Xmx512m -jar target/tuanwu.jar bench "${db[@]}"
echo "== full evaluation of every ORG_* indicator for the root: bench-scorecard"
java -Xmx1g -jar target/tuanwu.jar bench-scorecard --org P01 --runs 5 "${db[@]}"

# The file path: export the whole tree to csv, then import that file into an empty database in one transaction
# (every row checked first, all-or-nothing), as an office migrating from another system would.
csv=$(mktemp --suffix=.csv)
echo "== export organizations (all $(date +%T))"
/usr/bin/time -f "   wall %e s, max RSS %M kB" java -Xmx1g -jar target/tuanwu.jar export organizations "$csv" "${db[@]}"
echo "   $(($(wc -l < "$csv") - 1)) rows, $(du -h "$csv" | cut -f1)"
$SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null
DROP DATABASE IF EXISTS tuanwu_bench_import;
CREATE DATABASE tuanwu_bench_import OWNER tuanwu_bench ENCODING 'UTF8' TEMPLATE template0;
SQL
echo "== import organizations of that file into an empty database (one transaction)"
/usr/bin/time -f "   wall %e s, max RSS %M kB" java -Xmx1g -jar target/tuanwu.jar import organizations "$csv" \
  --spring.datasource.url="jdbc:postgresql://localhost:5432/tuanwu_bench_import" --spring.datasource.username=tuanwu_bench
rm -f "$csv"

echo "== start figures on the loaded database (load $(cut -d' ' -f1-3 /proc/loadavg))"
start_figures "${db[@]}"
