#!/usr/bin/env bash
# Upgrade safety: on a database full of complaints (the given one plus
# QC_UPGRADE_SEED=200 seeded complaints with returns, credit notes and
# payments), uninstall the three addons, check that Odoo's own records are
# intact and nothing of ours is left, reinstall them, check again.
# Usage: scripts/upgrade_check.sh [DB [PORT]] (default: the test database);
# QC_UPGRADE_SEED=0 for a database seeded already.
# Fails loudly (exit 1) on any difference; prints the timings.
set -euo pipefail
source "$(dirname "$0")/env.sh"
DB="${1:-${TEST_DB:-quality_test}}"; PORT="${2:-${TEST_PORT:-8169}}"
write_conf "$DB" "$PORT"
SNAP="$(mktemp "${TMPDIR:-/tmp}/qc_upgrade_XXXXXX.json")"
QCONF="$(mktemp "${TMPDIR:-/tmp}/qc_upgrade_XXXXXX.conf")"  # same, errors only
trap 'rm -f "$SNAP" "$QCONF"' EXIT
sed 's/^log_level = .*/log_level = error/' "$CONF" >"$QCONF"
REVERSED="quality_complaint_loyalty quality_complaint_returns quality_complaint"
step() {  # step LABEL COMMAND...: run, time, fail loudly
    local label=$1; shift; local t0; t0=$(date +%s)
    if ! "$@"; then echo "[upgrade] FAILED: $label" >&2; exit 1; fi
    echo "[upgrade] $label: $(( $(date +%s) - t0 )) s"
}
odoo_module() { "$PY" "$ODOO_BIN" module "$1" -c "$QCONF" -d "$DB" "${@:2}"; }
seed() { "$PY" "$ODOO_BIN" shell -c "$QCONF" -d "$DB" --no-http <"$ROOT/scripts/upgrade_seed.py"; }

echo "[upgrade] database $DB"
if [ "${QC_UPGRADE_SEED:-200}" != 0 ]; then step "seed ${QC_UPGRADE_SEED:-200} complaints" seed; fi
step "snapshot" "$PY" "$ROOT/scripts/upgrade_check.py" snapshot "$DB" "$SNAP"
# shellcheck disable=SC2086
step "uninstall $REVERSED" odoo_module uninstall $REVERSED
step "check after uninstall" "$PY" "$ROOT/scripts/upgrade_check.py" compare "$DB" "$SNAP" uninstalled
step "reinstall $MODULES" odoo_module install ${MODULES//,/ }
step "check after reinstall" "$PY" "$ROOT/scripts/upgrade_check.py" compare "$DB" "$SNAP" installed
echo "[upgrade] install, uninstall and reinstall kept Odoo's own data intact"
