#!/usr/bin/env bash
# make test: a fresh database with both addons, the whole pytest-odoo suite
# (HttpCase and browser tours included), the upgrade check
# (scripts/upgrade_check.sh), then lint.
# Fails when a test fails, when no test ran, and when any test was skipped.
set -euo pipefail
source "$(dirname "$0")/env.sh"
DB="${TEST_DB:-quality_test}"; PORT="${TEST_PORT:-8169}"
write_conf "$DB" "$PORT"
command -v chromium >/dev/null || { echo "[test] chromium is not on PATH: browser tours cannot run" >&2; exit 1; }

echo "[test] fresh database $DB with $MODULES"
dropdb --if-exists "$DB"
t0=$(date +%s)
odoo -d "$DB" -i "$MODULES" --with-demo --stop-after-init --http-port="$PORT" --log-level=warn
echo "[test] installed in $(( $(date +%s) - t0 )) s"

JUNIT="$STACK/junit.xml"; rm -f "$JUNIT"
set +e
(cd "$ROOT" && "$VENV/bin/pytest" -p no:cacheprovider --odoo-config="$CONF" --odoo-database="$DB" \
    --odoo-http --junitxml="$JUNIT" -rfEs ${PYTEST_ARGS:-} quality_complaint quality_complaint_returns quality_complaint_loyalty)
rc=$?
set -e
if [ "$rc" -eq 5 ]; then echo "[test] FAILED: pytest collected no test" >&2; exit 1; fi
"$PY" "$ROOT/scripts/check_junit.py" "$JUNIT" || rc=1
[ "$rc" -eq 0 ] || { echo "[test] FAILED (pytest exit $rc)" >&2; exit "$rc"; }

if [ "${SKIP_COMPAT:-0}" != 1 ]; then COMPAT_DB="$DB" COMPAT_PORT="$PORT" bash "$ROOT/scripts/compat.sh"; fi
# upgrade safety: uninstall and reinstall on the test database, seeded
if [ "${SKIP_UPGRADE_CHECK:-0}" != 1 ]; then bash "$ROOT/scripts/upgrade_check.sh" "$DB" "$PORT"; fi
"$PY" "$ROOT/scripts/i18n.py" check "$CONF" "$DB"
if [ "${SKIP_LINT:-0}" != 1 ]; then bash "$ROOT/scripts/lint.sh"; fi
echo "[test] all green"
