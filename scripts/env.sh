# Sourced by the other scripts: paths and the Odoo configuration file.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK="${STACK:-$ROOT/.stack}"
VENV="$STACK/venv"
PY="$VENV/bin/python"
ODOO_ROOT="$STACK/odoo-root"
ODOO_BIN="$ODOO_ROOT/usr/bin/odoo"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-odoo}"
ADDONS_PATH="$ROOT,$VENV/lib/python3.11/site-packages/odoo/addons,$ODOO_ROOT/usr/lib/python3/dist-packages/odoo/addons"
CONF="$STACK/conf/odoo.conf"
MODULES="quality_complaint,quality_complaint_returns,quality_complaint_loyalty"

write_conf() {  # write_conf DB PORT: one configuration file per database (sets $CONF)
    CONF="$STACK/conf/$1.conf"
    mkdir -p "$STACK/data" "$STACK/conf"
    cat >"$CONF" <<CONF
[options]
addons_path = $ADDONS_PATH
data_dir = $STACK/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_name = $1
http_interface = 127.0.0.1
http_port = $2
list_db = False
admin_passwd = admin
without_demo = False
log_level = info
CONF
}

odoo() {  # odoo [SUBCOMMAND] ARGS...: Odoo with the project's configuration
    if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
        local sub=$1; shift; "$PY" "$ODOO_BIN" "$sub" -c "$CONF" "$@"
    else
        "$PY" "$ODOO_BIN" -c "$CONF" "$@"
    fi
}
