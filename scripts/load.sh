#!/usr/bin/env bash
# make load: load test on loopback (issue 10), not part of make test.
#
# 1. a seeded database LOAD_DB_seed (made once: a fresh install with demo data,
#    or a copy of LOAD_FROM, then load/seed.py; LOAD_RESEED=1 makes it again);
# 2. LOAD_DB (qc_load) refreshed from it;
# 3. Odoo with --workers=4 on 127.0.0.1:LOAD_PORT (8314), no cron;
# 4. Locust headless over JSON-2, LOAD_USERS clients (30) for LOAD_TIME (120s),
#    each waiting LOAD_WAIT="0.5,2.0" seconds between actions;
# 5. the server stopped, then load/report.py: p50/p95 per operation, errors,
#    lost races, retries in the server log, SQL audit of duplicate returns and
#    credit notes -> bench/results/load.md (or LOAD_REPORT).
set -euo pipefail
source "$(dirname "$0")/env.sh"
DB="${LOAD_DB:-qc_load}"; SEED_DB="${DB}_seed"; PORT="${LOAD_PORT:-8314}"
USERS="${LOAD_USERS:-30}"; SPAWN="${LOAD_SPAWN:-5}"; DURATION="${LOAD_TIME:-120s}"
OUT="$STACK/load"; KEYS="$OUT/$SEED_DB.json"; LOG="$OUT/server-$DB.log"
LOADVENV="$STACK/loadvenv"
mkdir -p "$OUT"

if [ ! -x "$LOADVENV/bin/locust" ]; then
    echo "[load] Locust in its own venv $LOADVENV"
    python3.11 -m venv "$LOADVENV"
    "$LOADVENV/bin/pip" install -q "locust==2.47.0"
fi

db_exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }
copy_db() {  # copy_db FROM TO: database and filestore
    dropdb --if-exists "$2"; createdb -T "$1" "$2"
    rm -rf "$STACK/data/filestore/$2"
    if [ -d "$STACK/data/filestore/$1" ]; then cp -r "$STACK/data/filestore/$1" "$STACK/data/filestore/$2"; fi
}

t0=$(date +%s)
if [ "${LOAD_RESEED:-0}" = 1 ] || ! db_exists "$SEED_DB" || [ ! -s "$KEYS" ]; then
    write_conf "$SEED_DB" "$PORT"
    if [ -n "${LOAD_FROM:-}" ]; then
        echo "[load] $SEED_DB from $LOAD_FROM"
        copy_db "$LOAD_FROM" "$SEED_DB"
    else
        echo "[load] fresh $SEED_DB with $MODULES and demo data"
        dropdb --if-exists "$SEED_DB"
        odoo -d "$SEED_DB" -i "$MODULES" --with-demo --stop-after-init --http-port="$PORT" --log-level=warn
    fi
    # shellcheck disable=SC2086
    "$PY" "$ROOT/load/seed.py" -c "$CONF" -d "$SEED_DB" --keys "$KEYS" ${LOAD_SEED_ARGS:-}
fi
echo "[load] refresh $DB from $SEED_DB"
copy_db "$SEED_DB" "$DB"
write_conf "$DB" "$PORT"
# the seed may be older than the addons' code: bring the copy up to date
odoo -d "$DB" -u "$MODULES" --stop-after-init --http-port="$PORT" --log-level=warn
echo "[load] database ready in $(( $(date +%s) - t0 )) s"

rm -f "$LOG"
"$PY" "$ODOO_BIN" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --workers=4 --max-cron-threads=0 \
    --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port="$((PORT + 100))" \
    --limit-time-real=120 --limit-time-cpu=60 --limit-request=8192 \
    --logfile="$LOG" --log-level=info &
SERVER=$!
stop_server() {
    if kill -0 "$SERVER" 2>/dev/null; then
        kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    fi
}
trap stop_server EXIT
for _ in $(seq 120); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login"; then break; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "[load] the server died, see $LOG" >&2; exit 1; }
    sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" || { echo "[load] no /web/login after 120 s" >&2; exit 1; }
# warm up: every worker loads the registry on its first request
warm=()
for _ in $(seq 12); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" & warm+=($!); done
wait "${warm[@]}"
echo "[load] server up (workers=4) on 127.0.0.1:$PORT; Locust: $USERS users, +$SPAWN/s, $DURATION"

rm -f "$OUT"/locust_*.csv
set +e
LOAD_KEYS="$KEYS" LOAD_DB="$DB" "$LOADVENV/bin/locust" -f "$ROOT/load/locustfile.py" --headless \
    -H "http://127.0.0.1:$PORT" -u "$USERS" -r "$SPAWN" -t "$DURATION" --stop-timeout 15 \
    --csv "$OUT/locust" --only-summary --loglevel WARNING
set -e
stop_server
trap - EXIT

"$PY" "$ROOT/load/report.py" --db "$DB" --stats "$OUT/locust_stats.csv" \
    --failures "$OUT/locust_failures.csv" --log "$LOG" --keys "$KEYS" \
    --users "$USERS" --duration "$DURATION" --out "${LOAD_REPORT:-$ROOT/bench/results/load.md}"
