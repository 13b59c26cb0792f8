"""What every benchmark needs before it measures: its arguments, and its
database with our addons."""

import argparse
import subprocess
import sys
from pathlib import Path

import odoo


def argument_parser(doc):
    """--config and --db, which scripts/bench.sh passes to every bench."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    return parser


def load_config(args):
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])


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


def ensure_installed(args, modules=("quality_complaint_returns",)):
    """Install into args.db each of ``modules`` it lacks, in order."""
    for module in modules:
        if not installed(args.db, module):
            install(args.config, args.db, module)


def open_registry(args):
    """The configuration loaded, our addons installed: the bench's registry."""
    load_config(args)
    ensure_installed(args)
    return odoo.modules.registry.Registry(args.db)
