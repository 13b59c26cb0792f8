#!/usr/bin/env bash
# make compat: Odoo's and OCA's own suites still pass with our addons installed
# (issue 10): OCA helpdesk_mgmt's whole suite, Odoo's stock return tests
# (stock, sale_stock, stock_account) and account's reversal / credit note tests.
#
# They run through pytest-odoo, i.e. on the complete registry, our overrides
# loaded (Odoo's own runner would run these at_install tests before our
# addons are loaded, or not at all without -u). Fails when a test fails or
# errors, when a suite runs nothing, and when any test is skipped.
#
#   COMPAT_DB=db      run on this existing database (make test passes its own);
#                     default: a fresh database quality_compat with our addons
#   COMPAT_BASELINE=1 the fresh database gets only our addons' dependencies
#                     (the control run: same suites without our addons)
set -euo pipefail
source "$(dirname "$0")/env.sh"
PORT="${COMPAT_PORT:-${TEST_PORT:-8169}}"
BASE_MODULES="helpdesk_mgmt,sale_stock,stock_account,repair,base_tier_validation,report_xlsx,rating,board,queue_job,loyalty"
if [ -n "${COMPAT_DB:-}" ]; then
    DB="$COMPAT_DB"
    write_conf "$DB" "$PORT"
else
    if [ "${COMPAT_BASELINE:-0}" = 1 ]; then
        DB=quality_compat_base
        mods="$BASE_MODULES"
    else
        DB=quality_compat
        mods="$MODULES"
    fi
    write_conf "$DB" "$PORT"
    echo "[compat] fresh database $DB with $mods"
    dropdb --if-exists "$DB"
    odoo -d "$DB" -i "$mods" --with-demo --stop-after-init --http-port="$PORT" --log-level=warn
fi

ODOO_ADDONS="$ODOO_ROOT/usr/lib/python3/dist-packages/odoo/addons"
OCA_ADDONS="$VENV/lib/python3.11/site-packages/odoo/addons"
A="$ODOO_ADDONS/account/tests"
rc=0
t_all=$(date +%s)

suite() {  # suite NAME PYTEST-ARGS...: one suite, its own JUnit file
    local name=$1; shift
    local junit="$STACK/junit-compat-$name.xml" t0 r
    rm -f "$junit"
    t0=$(date +%s)
    echo "[compat] $name on $DB"
    set +e
    (cd "$ROOT" && "$VENV/bin/pytest" -p no:cacheprovider -p no:warnings -q -rfEs \
        --odoo-config="$CONF" --odoo-database="$DB" --odoo-http --junitxml="$junit" "$@")
    r=$?
    set -e
    if [ "$r" -eq 5 ]; then echo "[compat] FAILED: $name collected no test" >&2; r=1; fi
    "$PY" "$ROOT/scripts/check_junit.py" "$junit" || r=1
    echo "[compat] $name: $(( $(date +%s) - t0 )) s, pytest exit $r"
    [ "$r" -eq 0 ] || rc=1
}

# helpdesk_mgmt: every test; test_js.py imports web's WebSuite, whose own and
# inherited methods pytest would collect too: keep only the addon's HOOT test.
suite helpdesk_mgmt "$OCA_ADDONS/helpdesk_mgmt/tests" \
    -k "not test_js or test_helpdesk_mgmt"

# stock returns: the return wizard's own tests and the return tests of the
# modules our addons build on (pick-ship chains, sales, valuation).
suite stock_returns -k return \
    "$ODOO_ADDONS/stock/tests/test_stock_return_picking.py" \
    "$ODOO_ADDONS/stock/tests/test_move2.py" \
    "$ODOO_ADDONS/sale_stock/tests/test_sale_stock.py" \
    "$ODOO_ADDONS/stock_account/tests/test_stockvaluationlayer.py"

# account reversals: credit notes (both refund suites) and every reversal test
# of the move suites (reverse charge taxes are not reversals).
suite account_reversal -k "(revers or refund) and not reverse_charge" \
    "$A/test_account_move_out_refund.py" "$A/test_account_move_in_refund.py" \
    "$A/test_account_move_date_algorithm.py" "$A/test_account_move_entry.py" \
    "$A/test_account_move_out_invoice.py" "$A/test_account_move_in_invoice.py" \
    "$A/test_account_move_reconcile.py"

echo "[compat] all suites in $(( $(date +%s) - t_all )) s"
[ "$rc" -eq 0 ] || { echo "[compat] FAILED" >&2; exit 1; }
echo "[compat] all green"
