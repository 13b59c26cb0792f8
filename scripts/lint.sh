#!/usr/bin/env bash
# make lint: ruff (format + check) and pylint-odoo with OCA's mandatory checks.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
ADDONS=(quality_complaint quality_complaint_returns quality_complaint_loyalty)
echo "[lint] ruff format --check"
"$VENV/bin/ruff" format --check "${ADDONS[@]}" examples scripts bench load
echo "[lint] ruff check"
"$VENV/bin/ruff" check "${ADDONS[@]}" examples scripts bench load
echo "[lint] pylint-odoo"
"$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc-mandatory" "${ADDONS[@]}"
echo "[lint] clean"
