"""Benchmark: export 100,000 quality complaints to the XLSX complaint register.

Run by `make bench` (scripts/bench.sh):
    python bench/bench_xlsx_export.py --config CONF --db DB

Installs quality_complaint into the database when it is missing (updates it when
its schema predates the statistics fields), fills it once with 100,000
complaints by bulk SQL (bench/complaint_data.py: generate_series; a few
titles start with "=" so the text-not-formula path is exercised), then renders
quality_complaint.action_report_complaint_register_xlsx end to end
(ir.actions.report._render_xlsx, as the web client does) as the admin user:
rows per second, SQL queries per 1,000 rows, peak Python memory
(tracemalloc, second run) and the process' peak RSS. The workbook is reopened
with openpyxl (read-only) to count its rows. Writes bench/results/xlsx_export.md.
"""

import io
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import openpyxl
from common import argument_parser, load_config
from complaint_data import bench_ids, generate

import odoo

REPORT = "quality_complaint.action_report_complaint_register_xlsx"
RESULTS = Path(__file__).resolve().parent / "results" / "xlsx_export.md"


def parse_args():
    parser = argument_parser(__doc__)
    return parser.parse_args()


def schema_state(db):
    """'missing', 'old' (no statistics columns yet) or 'ok'."""
    try:
        with odoo.sql_db.db_connect(db).cursor() as cr:
            cr.execute(
                "SELECT 1 FROM ir_module_module"
                " WHERE name = 'quality_complaint' AND state = 'installed'"
            )
            if not cr.fetchone():
                return "missing"
            cr.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name ="
                " 'helpdesk_ticket' AND column_name = 'first_response_hours'"
            )
            return "ok" if cr.fetchone() else "old"
    except Exception:  # noqa: BLE001 - a missing database or table both mean "missing"
        return "missing"


def install(conf, db, mode):
    odoo_bin = Path(odoo.release.__file__).resolve().parents[4] / "bin" / "odoo"
    flag = "-i" if mode == "missing" else "-u"
    print(f"[bench] {flag} quality_complaint on {db} ...", flush=True)
    subprocess.run(
        [sys.executable, str(odoo_bin), "-c", conf, "-d", db]
        + [flag, "quality_complaint", "--stop-after-init", "--log-level=warn"],
        check=True,
    )


def export(env, ids, trace=False):
    """Render the register; (seconds, queries, bytes, tracemalloc peak or None)."""
    env.invalidate_all()
    reports = env["ir.actions.report"]
    if trace:
        tracemalloc.start()
    count = env.cr.sql_log_count
    cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    started = time.perf_counter()
    content, _type = reports._render_xlsx(REPORT, ids, {})
    elapsed = time.perf_counter() - started
    export.cpu_seconds = resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu
    queries = env.cr.sql_log_count - count
    peak = None
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return elapsed, queries, content, peak


def check_workbook(content):
    """Rows of the workbook and the type of the first '=' cell (must be text)."""
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    rows, formula_type = 0, None
    for row in workbook.active.iter_rows(min_col=2, max_col=2):
        rows += 1
        cell = row[0]
        if formula_type is None and str(cell.value or "").startswith("="):
            formula_type = cell.data_type
    return rows - 1, formula_type


def run(registry):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        env = env(user=admin, context={"lang": "en_US", "tz": "UTC"})
        ids = bench_ids(env)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        elapsed, queries, content, _peak = export(env, ids)
        cpu_seconds = export.cpu_seconds
        load = os.getloadavg()[0]
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        _elapsed, _queries, _content, peak = export(env, ids, trace=True)
        rows, formula_type = check_workbook(content)
        cr.rollback()
    return {
        "complaints": len(ids),
        "rows": rows,
        "seconds": elapsed,
        "queries": queries,
        "bytes": len(content),
        "peak": peak,
        "rss_before": rss_before,
        "rss_after": rss_after,
        "formula_type": formula_type,
        "cpu_seconds": cpu_seconds,
        "load": load,
    }


def table(res):
    rate = res["rows"] / res["seconds"]
    lines = [
        f"Complaint register XLSX export of {res['complaints']:,} complaints "
        f"({res['rows']:,} rows, 35 columns), end to end through "
        f"ir.actions.report._render_xlsx, {os.cpu_count()} CPU cores.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| duration | {res['seconds']:.1f} s |",
        f"| rows per second | {rate:,.0f} |",
        f"| Python CPU time (user) of the export | {res['cpu_seconds']:.1f} s |",
        f"| rows per CPU second | {res['rows'] / res['cpu_seconds']:,.0f} |",
        f"| load average (1 min) at the end of the export | {res['load']:.1f} |",
        f"| SQL queries | {res['queries']:,} |",
        f"| SQL queries per 1,000 rows | {res['queries'] * 1000 / res['rows']:.1f} |",
        f"| file size | {res['bytes'] / 1e6:.1f} MB |",
        f"| peak Python memory (tracemalloc, 2nd run) | {res['peak'] / 1e6:.0f} MB |",
        f"| process peak RSS before / after | {res['rss_before'] / 1024:.0f} / "
        f"{res['rss_after'] / 1024:.0f} MB |",
        f"| '=' title cell type in the file (s = text) | {res['formula_type']} |",
    ]
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    load_config(args)
    state = schema_state(args.db)
    if state != "ok":
        install(args.config, args.db, state)
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        missing = not bench_ids(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
    if missing:
        generate(registry)
    report = table(run(registry))
    sys.stdout.write(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)


if __name__ == "__main__":
    main()
