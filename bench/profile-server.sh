#!/usr/bin/env bash
# Profiles the server under one kind of read: a data directory of 1,000
# assessments x 10 events (made once, then reused), the built server started
# under `node --cpu-prof`, autocannon with 64 connections on one path, then
# the profile summarised by part of the service.
#   npm run build && bash bench/profile-server.sh '/assessments?status=draft&region=Moldova&limit=20' [seconds]
#   bash bench/profile-server.sh /assessments/<id>     (an id: sqlite3 "$DATA_DIR/events.sqlite" 'SELECT stream FROM events LIMIT 1')
# Environment: DATA_DIR (default /tmp/ledger-profile-data), PORT (3999), and any
# server setting, e.g. LIST_CACHE_ENTRIES=0. The profile stays in $DATA_DIR/profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
path=${1:?a path to load, e.g. /assessments?status=draft}
seconds=${2:-10}
data=${DATA_DIR:-/tmp/ledger-profile-data}
port=${PORT:-3999}
# shellcheck source=bench/lib/profile-store.sh
source bench/lib/profile-store.sh
ensure_profile_store "$data"
token=$(node --input-type=module -e "const m = await import('$PWD/dist/bench/lib/bearer-token.js'); console.log(m.benchBearerToken());")
secret=$(node --input-type=module -e "const m = await import('$PWD/dist/bench/lib/bearer-token.js'); console.log(m.BENCH_JWT_SECRET);")
rm -rf "$data/profile" && mkdir -p "$data/profile"
PORT=$port DATA_DIR=$data RATE_LIMIT_PER_MINUTE=10000000 JWT_SECRET=$secret LOG_LEVEL=silent \
  node --cpu-prof --cpu-prof-dir="$data/profile" dist/src/main.js > "$data/profile/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
node_modules/.bin/autocannon -c 64 -d "$seconds" -H "authorization=Bearer $token" "http://127.0.0.1:$port$path" 2>&1 | grep -E "Req/Sec|Latency|requests in|non 2xx"
kill -TERM "$server"; wait "$server" || true
node dist/bench/lib/cpu-profile-summary.js "$data"/profile/*.cpuprofile 20
