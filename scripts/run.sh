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
# A kept database is upgraded when the addons' code changed since it was last served
code_hash=$(find "$ROOT"/quality_complaint* -type f -not -path '*/__pycache__/*' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
stamp="$STACK/conf/$DB.code"
if [ "$(cat "$stamp" 2>/dev/null)" != "$code_hash" ] && [ "$exists" = 1 ]; then
    echo "[run] the addons changed: upgrading $MODULES in $DB (new demo data needs RESET=1)"
    odoo -d "$DB" -u "$MODULES" --stop-after-init --http-port="$PORT" --log-level=warn
fi
echo "$code_hash" >"$stamp"
echo "[run] serving $DB on http://localhost:$PORT (login admin / admin)"
exec "$PY" "$ODOO_BIN" -c "$CONF" -d "$DB" --db-filter="^$DB\$" "${@}"
