#!/usr/bin/env bash
# Install and start what the tests need beside Python: a PostgreSQL server, Java
# (for Spark local mode) and Chromium (browser tests). Debian packages, as root.
# Writes .test-env with the variables the tests read.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "services.sh: need ${need[*]}; run as root or install them" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: start the default cluster and create a test role and database
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | grep -q . || pg_createcluster "$ver" main >/dev/null
  pg_ctlcluster "$ver" main start
fi
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='sitrep'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE sitrep LOGIN SUPERUSER PASSWORD 'sitrep'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='sitrep_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O sitrep sitrep_test"

cat > .test-env <<ENV
export SITREP_TEST_PG=postgresql+psycopg://sitrep:sitrep@127.0.0.1:5432/sitrep_test
export SITREP_CHROMIUM=$(command -v chromium)
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
ENV
echo "services.sh: PostgreSQL, Java and Chromium ready (.test-env)"
