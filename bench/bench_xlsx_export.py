"""Benchmark: export 100,000 quality complaints to the XLSX complaint register.

Run by `make bench` (scripts/bench.sh):
    python bench/bench_xlsx_export.py --config CONF --db DB

Installs quality_complaint into the database when it is missing (updates it when
its schema predates the statistics fields), fills it once with 100,000
complaints by bulk SQL (generate_series; a few titles start with "=" so the
text-not-formula path is exercised), then renders
quality_complaint.action_report_complaint_register_xlsx end to end
(ir.actions.report._render_xlsx, as the web client does) as the admin user:
rows per second, SQL queries per 1,000 rows, peak Python memory
(tracemalloc, second run) and the process' peak RSS. The workbook is reopened
with openpyxl (read-only) to count its rows. Writes bench/results/xlsx_export.md.
"""

import argparse
import io
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import openpyxl

import odoo
from odoo.tools import SQL

COMPLAINTS = 100_000
REPORT = "quality_complaint.action_report_complaint_register_xlsx"
PREFIX = "BENCH-XLSX"
RESULTS = Path(__file__).resolve().parent / "results" / "xlsx_export.md"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
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


def fixtures(env):
    """Real records the synthetic complaints point to."""
    team = env["helpdesk.ticket.team"].create(
        {"name": "Bench quality team", "is_quality_team": True}
    )
    product = env["product.product"].create(
        {"name": "Bench Tile", "type": "consu", "is_storable": True, "tracking": "lot"}
    )
    lots = env["stock.lot"].create(
        [
            {"name": f"BENCH-XLSX-LOT-{i:03d}", "product_id": product.id}
            for i in range(50)
        ]
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench Customer {i:04d}", "is_company": True} for i in range(1000)]
    )
    return {
        "company": env.company.id,
        "team": team.id,
        "product": product.id,
        "lots": lots.ids,
        "partners": partners.ids,
        "owner": env.ref("base.user_admin").id,
        "stage_new": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id,
        "stage_done": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
        "category": env.ref("quality_complaint.defect_category_production").id,
    }


def generate(registry):
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        ids = fixtures(env)
        env.flush_all()
        cr.execute(
            SQL(
                """
                INSERT INTO helpdesk_ticket (
                    number, name, description, company_id, team_id, stage_id,
                    partner_id, user_id, first_responsible_id, active,
                    is_quality_complaint, received_date, response_deadline,
                    first_response_date, resolution_deadline, closed_date,
                    product_id, lot_id, complaint_qty,
                    defect_category_id, problem_class, severity, customer_kind,
                    responsible_party, warranty_state, root_cause,
                    first_response_hours, resolution_hours, reopen_count,
                    compensation_given_amount, compensation_recovered_amount,
                    compensation_net_amount, compensation_outcome,
                    satisfaction_score, priority, create_date, write_date,
                    create_uid, write_uid)
                SELECT %(prefix)s || lpad(g::text, 6, '0'),
                       CASE WHEN g %% 1000 = 0 THEN '=HYPERLINK("http://x","y")'
                            ELSE 'Cracked tiles ' || g END,
                       '<p>Bench complaint</p>', %(company)s, %(team)s,
                       CASE WHEN g %% 3 = 0 THEN %(stage_new)s ELSE %(stage_done)s END,
                       (%(partners)s::int[])[1 + g %% 1000], %(owner)s, %(owner)s,
                       TRUE, TRUE, ts, ts + interval '24 hours',
                       ts + (g %% 40) * interval '1 hour', ts + interval '7 days',
                       CASE WHEN g %% 3 = 0 THEN NULL ELSE ts + interval '5 days' END,
                       %(product)s, (%(lots)s::int[])[1 + g %% 50], 1 + g %% 20,
                       %(category)s,
                       (ARRAY['logistics_damage', 'improper_storage',
                              'improper_use', 'product_spec', 'design',
                              'production', 'material', 'service'])[1 + g %% 8],
                       (ARRAY['minor', 'general', 'serious'])[1 + g %% 3],
                       (ARRAY['retail', 'distributor'])[1 + g %% 2],
                       'company', 'in_warranty', 'Thin carton board',
                       g %% 40, CASE WHEN g %% 3 = 0 THEN 0 ELSE 120 END, 0,
                       g %% 500, g %% 100, g %% 500 - g %% 100, 'accepted',
                       1 + g %% 5, '1', ts, ts, 1, 1
                  FROM generate_series(1, %(n)s) g,
                       LATERAL (SELECT TIMESTAMP '2025-01-01'
                                       + g * interval '5 minutes' AS ts) t
                """,
                prefix=PREFIX,
                n=COMPLAINTS,
                **ids,
            )
        )
        cr.execute(SQL("ANALYZE helpdesk_ticket"))
    print(f"[bench] generated in {time.perf_counter() - started:.0f} s", flush=True)


def bench_ids(env):
    env.cr.execute(
        SQL(
            "SELECT id FROM helpdesk_ticket WHERE number LIKE %s ORDER BY id",
            PREFIX + "%",
        )
    )
    return [row[0] for row in env.cr.fetchall()]


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
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
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
