# Sourced by bench/profile-server.sh and bench/compare-builds.sh (from the
# repository root, after a build): the 1,000 assessments x 10 events both load,
# written once into $1/events.sqlite and then reused.
ensure_profile_store() {
  local data=$1
  [ -f "$data/events.sqlite" ] && return 0
  mkdir -p "$data"
  node --input-type=module -e "
    const { SqliteEventStore } = await import('$PWD/dist/src/event-store/sqlite/sqlite-event-store.js');
    const { generateAssessments } = await import('$PWD/dist/bench/lib/generate-history.js');
    const store = new SqliteEventStore({ filename: '$data/events.sqlite', synchronous: 'OFF' });
    await generateAssessments(store, 1000, 10);
    await store.close();"
}
