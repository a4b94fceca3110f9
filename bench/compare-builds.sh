#!/usr/bin/env bash
# Compares two builds of the service on one read path: both servers run side
# by side, each on its own copy of the same 1,000 x 10 store (the one
# bench/profile-server.sh makes), and autocannon (64 connections) loads them
# in turns, A then B, round after round, so a slow spell of the machine falls
# on both. Prints each round's req/s and the B/A ratio per round.
#   bash bench/compare-builds.sh <checkout A> <checkout B> '<path>' [rounds=4] [seconds=5]
# Each checkout must be built (npm run build, or `npx tsc -p tsconfig.build.json`
# in a git worktree whose node_modules links to this one's). <path> may hold
# {id}, replaced by the store's first assessment id.
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?checkout A}
b=${2:?checkout B}
path=${3:?a path to load, e.g. /assessments/ID}
rounds=${4:-4}
seconds=${5:-5}
data=${DATA_DIR:-/tmp/ledger-profile-data}
# shellcheck source=bench/lib/profile-store.sh
source bench/lib/profile-store.sh
ensure_profile_store "$data"
id=$(node -e "const D=require('better-sqlite3');const d=new D('$data/events.sqlite',{readonly:true});console.log(d.prepare('SELECT stream FROM events ORDER BY position LIMIT 1').get().stream.replace(/^assessment-/,''))")
path=${path/'{id}'/$id}
token=$(node --input-type=module -e "const m = await import('$PWD/dist/bench/lib/bearer-token.js'); console.log(m.benchBearerToken());")
secret=$(node --input-type=module -e "const m = await import('$PWD/dist/bench/lib/bearer-token.js'); console.log(m.BENCH_JWT_SECRET);")
work=$(mktemp -d /tmp/ledger-compare-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
ports=(3991 3992)
checkouts=("$a" "$b")
for i in 0 1; do
  mkdir -p "$work/$i"
  cp "$data/events.sqlite" "$work/$i/"
  (cd "${checkouts[$i]}" && PORT=${ports[$i]} DATA_DIR=$work/$i RATE_LIMIT_PER_MINUTE=10000000 JWT_SECRET=$secret LOG_LEVEL=silent \
    exec node dist/src/main.js > "$work/server-$i.log" 2>&1) &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
done
load() { # port seconds -> requests/s (average), or the failure
  node_modules/.bin/autocannon -c 64 -d "$2" -j -H "authorization=Bearer $token" "http://127.0.0.1:$1$path" 2> /dev/null |
    node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);console.log(j.non2xx>0?'non-2xx: '+j.non2xx:Math.round(j.requests.average))})"
}
# Projections caught up and code warm on both before anything counts.
sleep 3
for port in "${ports[@]}"; do load "$port" 3 > /dev/null; done
echo "A = $a, B = $b, $path, $rounds rounds of $seconds s"
for round in $(seq 1 "$rounds"); do
  ra=$(load "${ports[0]}" "$seconds")
  rb=$(load "${ports[1]}" "$seconds")
  echo "round $round: A $ra req/s, B $rb req/s, B/A $(node -e "console.log((Number('$rb')/Number('$ra')).toFixed(3))")"
done
