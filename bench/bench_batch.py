"""Benchmark: execute 50 and 500 approved compensation proposals in one action.

Run by `make bench` (scripts/bench.sh):
    python bench/bench_batch.py --config CONF --db DB

Installs quality_complaint_returns into the database when it is missing, then
creates once (committed) 560 approved proposals through the ORM: 50 customers
with a posted invoice of 1,000 tiles each, one complaint per proposal on its
customer's invoice, each proposal with a refund line (return receipt + partial
credit note of the invoice) and a reissue line (delivery from stock). Tier
definitions are switched off while the proposals are submitted, then restored.

Then, as an invoicing user of the company (what an accountant or a manager does
with the list action "Execute Approved Proposals"), it times
quality.compensation._quality_execute_batch() - the work of one call or of one
queue_job job - on 10 proposals (warm-up), then on 50 and on 500 distinct
proposals, each in a transaction rolled back afterwards: wall time, process CPU
time, SQL queries, peak RSS; the 500/50 ratios; and the action itself on 500
(split into jobs of quality_execution_job_threshold proposals: the enqueuing
cost). Odoo's default worker limits: limit_time_cpu 60 s, limit_time_real 120 s,
limit_memory_soft 2 GiB. Writes bench/results/batch.md.
"""

import os
import resource
import sys
import time
from pathlib import Path

from common import argument_parser, open_registry

import odoo
from odoo.fields import Command
from odoo.tools import SQL

PREFIX = "BENCH-BATCH"
CUSTOMERS = 50
SIZES = (50, 500)
WARMUP = 10
TOTAL = WARMUP + sum(SIZES)
LIMITS = {"cpu": 60, "real": 120, "memory_mb": 2048}
RESULTS = Path(__file__).resolve().parent / "results" / "batch.md"


def parse_args():
    parser = argument_parser(__doc__)
    return parser.parse_args()


def bench_proposals(env):
    return env["quality.compensation"].search(
        [("ticket_id.number", "=like", PREFIX + "%"), ("state", "=", "approved")],
        order="id",
    )


def accountant(env):
    user = env["res.users"].search([("login", "=", "bench.batch")])
    if user:
        return user
    return env["res.users"].create(
        {
            "name": "Bench Batch Accountant",
            "login": "bench.batch",
            "company_id": env.company.id,
            "company_ids": [Command.set(env.company.ids)],
            "group_ids": [
                Command.link(env.ref("account.group_account_invoice").id),
                Command.link(env.ref("stock.group_stock_user").id),
                Command.link(
                    env.ref("quality_complaint.quality_complaint_group_manager").id
                ),
            ],
        }
    )


def generate(registry):
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
        )
        company = env.company
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        product = env["product.product"].create(
            {
                "name": "Bench Batch Tile",
                "type": "consu",
                "is_storable": True,
                "list_price": 100.0,
                "standard_price": 40.0,
            }
        )
        env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, TOTAL * 2
        )
        partners = env["res.partner"].create(
            [{"name": f"Bench Batch Customer {i:02d}"} for i in range(CUSTOMERS)]
        )
        invoices = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1000,
                                "price_unit": 100.0,
                            }
                        )
                    ],
                }
                for partner in partners
            ]
        )
        invoices.action_post()
        team = env["helpdesk.ticket.team"].create(
            {"name": "Bench batch team", "is_quality_team": True}
        )
        category = env["quality.defect.category"].search([], limit=1)
        tickets = env["helpdesk.ticket"].create(
            [
                {
                    "number": f"{PREFIX}-{i:04d}",
                    "name": f"Cracked tiles {i}",
                    "description": "Bench",
                    "team_id": team.id,
                    "partner_id": partners[i % CUSTOMERS].id,
                    "product_id": product.id,
                    "complaint_qty": 2,
                    "invoice_id": invoices[i % CUSTOMERS].id,
                    "defect_category_id": category.id,
                    "severity": "general",
                    "problem_class": "production",
                    "responsible_party": "company",
                    "customer_kind": "retail",
                }
                for i in range(TOTAL)
            ]
        )
        tiers = env["tier.definition"].search(
            [("model", "=", "quality.compensation"), ("active", "=", True)]
        )
        tiers.active = False
        proposals = env["quality.compensation"].create(
            [
                {
                    "ticket_id": ticket.id,
                    "line_ids": [
                        Command.create(
                            {
                                "compensation_type": "refund",
                                "product_id": product.id,
                                "quantity": 1,
                                "price_unit": 100.0,
                            }
                        ),
                        Command.create(
                            {
                                "compensation_type": "reissue",
                                "product_id": product.id,
                                "quantity": 1,
                            }
                        ),
                    ],
                }
                for ticket in tickets
            ]
        )
        proposals.action_submit()
        tiers.active = True
        assert set(proposals.mapped("state")) == {"approved"}, proposals.mapped("state")
        accountant(env)
        cr.execute(SQL("ANALYZE"))
    print(f"[bench] generated in {time.perf_counter() - started:.0f} s", flush=True)


def measure(env, proposals):
    """Execute ``proposals`` in one call; rolled back afterwards."""
    cr = env.cr
    env.invalidate_all()
    count = cr.sql_log_count
    cpu = time.process_time()
    started = time.perf_counter()
    failed = proposals._quality_execute_batch()
    env.flush_all()
    elapsed = time.perf_counter() - started
    result = {
        "n": len(proposals),
        "seconds": elapsed,
        "cpu": time.process_time() - cpu,
        "queries": cr.sql_log_count - count,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "failed": len(failed),
        "credit_notes": len(proposals.account_move_ids),
        "pickings": len(proposals.picking_ids | proposals.line_ids.move_ids.picking_id),
    }
    cr.rollback()
    env.invalidate_all()
    return result


def measure_enqueue(env, proposals):
    cr = env.cr
    env.invalidate_all()
    count = cr.sql_log_count
    started = time.perf_counter()
    proposals.action_quality_execute()
    env.flush_all()
    elapsed = time.perf_counter() - started
    queries = cr.sql_log_count - count
    jobs = (
        env["queue.job"]
        .sudo()
        .search_count(
            [("method_name", "=", "_quality_execute_batch"), ("state", "=", "pending")]
        )
    )
    cr.rollback()
    env.invalidate_all()
    return {"seconds": elapsed, "queries": queries, "jobs": jobs}


def run(registry):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = accountant(env)
        uenv = env(user=user, context={"lang": "en_US", "tz": "UTC"})
        proposals = bench_proposals(uenv)
        assert len(proposals) >= TOTAL, f"{len(proposals)} approved bench proposals"
        measure(uenv, proposals[:WARMUP])
        results, start = [], WARMUP
        for size in SIZES:
            results.append(measure(uenv, proposals[start : start + size]))
            start += size
        threshold = uenv.company.quality_execution_job_threshold
        enqueue = measure_enqueue(uenv, proposals[WARMUP : WARMUP + SIZES[-1]])
        cr.rollback()
    return results, enqueue, threshold


def table(results, enqueue, threshold):
    small, big = results
    lines = [
        "Executing approved compensation proposals in one call "
        "(_quality_execute_batch: per proposal a return receipt, a reissue delivery "
        "and a draft partial credit note of the customer's invoice), as an "
        f"invoicing user, {os.cpu_count()} CPU cores, load average "
        f"{os.getloadavg()[0]:.1f}.",
        "",
        "| proposals | wall s | CPU s | SQL queries | queries per proposal "
        "| ms per proposal | peak RSS MB | failed |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for res in results:
        lines.append(
            f"| {res['n']} | {res['seconds']:.1f} | {res['cpu']:.1f} "
            f"| {res['queries']:,} | {res['queries'] / res['n']:.1f} "
            f"| {res['seconds'] * 1000 / res['n']:.0f} | {res['rss_mb']:.0f} "
            f"| {res['failed']} |"
        )
    lines += [
        "",
        f"500 vs 50: queries x{big['queries'] / small['queries']:.2f}, wall time "
        f"x{big['seconds'] / small['seconds']:.2f}, CPU time "
        f"x{big['cpu'] / small['cpu']:.2f} (target: at most x10).",
        "",
        f"Odoo's default worker limits: limit_time_cpu {LIMITS['cpu']} s, "
        f"limit_time_real {LIMITS['real']} s, limit_memory_soft "
        f"{LIMITS['memory_mb']} MB. The list action executes up to {threshold} "
        "proposals (quality_execution_job_threshold) in the request and splits "
        f"more into queue_job jobs of {threshold}: on 500 it queued "
        f"{enqueue['jobs']} jobs in {enqueue['seconds'] * 1000:.0f} ms and "
        f"{enqueue['queries']} queries; by the {small['n']}-proposal row, one "
        f"job of {threshold} costs about {small['cpu'] * threshold / small['n']:.0f}"
        f" s CPU and {small['queries'] * threshold / small['n']:,.0f} queries.",
    ]
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    registry = open_registry(args)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        missing = len(bench_proposals(env)) < TOTAL
    if missing:
        generate(registry)
    report = table(*run(registry))
    sys.stdout.write(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)


if __name__ == "__main__":
    main()
