#!/usr/bin/env bash
# Runs browser tests (web/e2e) against the whole platform, as CI does, but only the specs named:
#   scripts/e2e.sh e2e/passenger.spec.ts [more specs]     (no spec: all of them)
# Builds the web app and every module (tests skipped), then runs deploy/local's WebE2EIT, which starts Keycloak, the
# services, the simulators and the gateway on their usual ports. Only one platform can run on a machine at a time:
# the script waits for /tmp/hnsw-e2e.lock. Reports: web/playwright-report, logs in deploy/local/target/e2e-var/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
. scripts/web-tools.sh
hnsw_need_chromium || exit 1
hnsw_need_node || exit 1
exec 9>/tmp/hnsw-e2e.lock
echo "[e2e] waiting for the lock /tmp/hnsw-e2e.lock (another platform may be running)…" >&2
flock 9
echo "[e2e] building…" >&2
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd web && npm run --silent build)
# package, not install: ~/.m2 is shared by every checkout on this machine, and each service resolves the simulators
# (its test dependency) from this reactor.
mvn -B -ntp -o -q -DskipTests package
mvn -B -ntp -o -pl deploy/local verify -Dtest=WebE2EIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhnsw.e2e.specs="$*"
