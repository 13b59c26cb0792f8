# Quality Complaint for Odoo: see README.md
.PHONY: setup run test lint shell bench clean-stack format i18n compat load

setup:
	bash scripts/setup.sh

run: setup
	bash scripts/run.sh

test: setup
	bash scripts/test.sh

lint: setup
	bash scripts/lint.sh

format: setup
	.stack/venv/bin/ruff format quality_complaint quality_complaint_returns quality_complaint_loyalty examples scripts bench load
	.stack/venv/bin/ruff check --fix quality_complaint quality_complaint_returns quality_complaint_loyalty examples scripts bench load

shell: setup
	bash -c 'source scripts/env.sh && write_conf $${DB:-quality_demo} $${PORT:-8069} && odoo shell -d $${DB:-quality_demo}'

bench: setup
	bash scripts/bench.sh

# Odoo's/OCA's own suites with our addons installed (COMPAT_BASELINE=1: without them)
compat: setup
	bash scripts/compat.sh

# Load test on loopback (not in make test): LOAD_USERS, LOAD_TIME, LOAD_DB
load: setup
	bash scripts/load.sh

clean-stack:
	rm -rf .stack

# Re-export the .pot files from the demo database and merge them into zh_CN/zh_TW
i18n: setup
	bash -c 'source scripts/env.sh && write_conf $${DB:-quality_demo} $${PORT:-8069} && odoo -d $${DB:-quality_demo} -u quality_complaint,quality_complaint_returns,quality_complaint_loyalty --stop-after-init --log-level=warn && $$PY scripts/i18n.py export $$CONF $${DB:-quality_demo}'
