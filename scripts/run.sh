#!/usr/bin/env bash
# make run: demo database with both addons and demo data, served on localhost.
set -euo pipefail
source "$(dirname "$0")/env.sh"
DB="${DB:-quality_demo}"; PORT="${PORT:-8069}"
write_conf "$DB" "$PORT"
exists=$(psql -d postgres -tAc "select 1 from pg_database where datname='$DB'" || true)
if [ "${RESET:-0}" = 1 ] && [ "$exists" = 1 ]; then
    echo "[run] dropping $DB"; dropdb "$DB"; exists=""
fi
if [ "$exists" != 1 ]; then
    echo "[run] creating $DB with $MODULES and demo data (about a minute)"
    odoo -d "$DB" -i "$MODULES" --with-demo --stop-after-init --http-port="$PORT" --log-level=warn
    odoo shell -d "$DB" --log-level=warn <<'PY' >/dev/null
env.ref("base.user_admin").write({"password": "admin"})
env.cr.commit()
PY
fi
echo "[run] serving $DB on http://localhost:$PORT (login admin / admin)"
exec "$PY" "$ODOO_BIN" -c "$CONF" -d "$DB" --db-filter="^$DB\$" "${@}"
