#!/usr/bin/env bash
# Passenger declarations load run against a local stack started by ./hnsw run (issue 4; docs/passenger-bench.md).
# For the measurement only, it lets the realm's web client use the password grant and gives tokens 30 minutes, on
# the running Keycloak through its admin API (the realm file is not changed). N and C set declarations and concurrency,
# S the load's own receipt sample, K and R the paced latency declarations and their rate per second.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
KC=http://127.0.0.1:8180
adm=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin $KC/realms/master/protocol/openid-connect/token | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
cid=$(curl -sf -H "Authorization: Bearer $adm" "$KC/admin/realms/hnsw/clients?clientId=hnsw-web" | python3 -c 'import json,sys;print(json.load(sys.stdin)[0]["id"])')
curl -sf -H "Authorization: Bearer $adm" "$KC/admin/realms/hnsw/clients/$cid" | python3 -c 'import json,sys;c=json.load(sys.stdin);c["directAccessGrantsEnabled"]=True;print(json.dumps(c))' > /tmp/client.json
curl -sf -X PUT -H "Authorization: Bearer $adm" -H 'Content-Type: application/json' "$KC/admin/realms/hnsw/clients/$cid" -d @/tmp/client.json
curl -sf -X PUT -H "Authorization: Bearer $adm" -H 'Content-Type: application/json' "$KC/admin/realms/hnsw" -d '{"accessTokenLifespan":1800}'
tok() { curl -sf -d grant_type=password -d client_id=hnsw-web -d username=$1 -d 'password=Hnsw@2026' -d scope=openid $KC/realms/hnsw/protocol/openid-connect/token | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])'; }
tok traveler > var/traveler-token.txt
tok sw-operator > var/operator-token.txt
curl -s -o /dev/null -w 'settings %{http_code}\n' -X PUT -H "Authorization: Bearer $(cat var/operator-token.txt)" -H 'Content-Type: application/json' \
  http://127.0.0.1:8090/api/simulators/v1/passenger-simulators/settings \
  -d '{"decisionDelay":"PT0S","inspectionRate":0,"paymentDelay":"PT1S"}'
uptime
$JAVA_HOME/bin/java -cp bench/target/benchmarks.jar cn.hnsw.bench.passenger.DeclarationLoadDriver \
  --base http://127.0.0.1:8080/api/passenger --token-file var/traveler-token.txt \
  --declarations ${N:-3000} --concurrency ${C:-32} --receipt-sample ${S:-200} --seal-seconds 10 --max-seconds 500 \
  --latency-declarations ${K:-100} --latency-rate ${R:-5}
uptime
