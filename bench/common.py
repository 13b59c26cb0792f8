"""What every benchmark needs before it measures: its database with our addons."""

import subprocess
import sys
from pathlib import Path

import odoo


def installed(db, module="quality_complaint_returns"):
    """True when ``db`` exists and holds ``module`` installed."""
    try:
        with odoo.sql_db.db_connect(db).cursor() as cr:
            cr.execute(
                "SELECT 1 FROM ir_module_module"
                " WHERE name = %s AND state = 'installed'",
                [module],
            )
            return bool(cr.fetchone())
    except Exception:  # noqa: BLE001 - a missing database or table both mean "no"
        return False


def install(conf, db, modules="quality_complaint_returns"):
    """Install ``modules`` (comma-separated) into ``db``, creating it if needed."""
    odoo_bin = Path(odoo.release.__file__).resolve().parents[4] / "bin" / "odoo"
    print(f"[bench] installing {modules} into {db} ...", flush=True)
    subprocess.run(
        [sys.executable, str(odoo_bin), "-c", conf, "-d", db, "-i", modules]
        + ["--stop-after-init", "--log-level=warn"],
        check=True,
    )
