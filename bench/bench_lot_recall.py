"""Benchmark: find every customer who received a lot, on 1,000,000 done move lines.

Run by `make bench` (scripts/bench.sh):
    python bench/bench_lot_recall.py --config CONF --db DB

Creates the database with quality_complaint_returns when it is missing, fills it
once with 1,000,000 done move lines over 5,000 lots (bulk SQL, generate_series),
then times, warm (best of 5), with the SQL query count:
- stock.lot._get_quality_affected_customers() (ours, one recursive query), and
- Odoo 19's own lot customer look-up, stock.lot.partner_ids
  (_find_delivery_ids_by_lot_iterative + picking partners),
for lots delivered to 1, 100 and 2,000 customers, with the partial index
stock_move_line_quality_lot_done_index present and dropped (inside a transaction
that is rolled back). Prints a markdown table, writes bench/results/lot_recall.md.
"""

import os
import sys
import time
from pathlib import Path

from common import argument_parser, open_registry

import odoo
from odoo.tools import SQL

LINES = 1_000_000
LOTS = 5_000
PARTNERS = 2_100
PICKINGS = 5_000
SPECIAL_LOTS = 3  # lots 1..3 of the array: 1, 100 and 2,000 customers
INDEX = "stock_move_line_quality_lot_done_index"
RUNS = 5
RESULTS = Path(__file__).resolve().parent / "results" / "lot_recall.md"


def parse_args():
    parser = argument_parser(__doc__)
    return parser.parse_args()


def fixtures(env):
    """Real records the synthetic lines point to: product, partners, locations."""
    company = env.company
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)])[:1]
    product = env["product.product"].create(
        {
            "name": "Bench Tile",
            "default_code": "BENCH-RECALL",
            "type": "consu",
            "is_storable": True,
            "tracking": "lot",
        }
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Bench Customer {i:04d}", "is_company": True}
            for i in range(PARTNERS)
        ]
    )
    customers = env.ref("stock.stock_location_customers")
    distributor_location = env["stock.location"].create(
        {"name": "Bench Distributor", "usage": "customer", "location_id": customers.id}
    )
    return {
        "company": company.id,
        "product": product.id,
        "uom": product.uom_id.id,
        "partners": partners.ids,
        "supplier": env.ref("stock.stock_location_suppliers").id,
        "stock": warehouse.lot_stock_id.id,
        "customers": customers.id,
        "distributor": distributor_location.id,
        "out_type": warehouse.out_type_id.id,
    }


def insert_returning(cr, query):
    cr.execute(query)
    return [row[0] for row in cr.fetchall()]


def insert_pickings(cr, ids):
    """PICKINGS done deliveries; picking i belongs to partner i mod PARTNERS."""
    return insert_returning(
        cr,
        SQL(
            """
            INSERT INTO stock_picking (name, location_id, location_dest_id,
                picking_type_id, move_type, partner_id, state, company_id,
                date_done, scheduled_date)
            SELECT 'BENCH/OUT/' || lpad(g::text, 5, '0'), %(stock)s, %(customers)s,
                   %(out_type)s, 'direct', (%(partners)s::int[])[1 + (g - 1) %% %(np)s],
                   'done', %(company)s, ts, ts
              FROM generate_series(1, %(n)s) g,
                   LATERAL (SELECT TIMESTAMP '2024-01-01' + g * INTERVAL '1 hour') t(ts)
             ORDER BY g
            RETURNING id
            """,
            np=PARTNERS,
            n=PICKINGS,
            **ids,
        ),
    )


def insert_lots(cr, ids):
    return insert_returning(
        cr,
        SQL(
            """
            INSERT INTO stock_lot (name, product_id, company_id)
            SELECT 'BENCH-' || lpad(g::text, 5, '0'), %(product)s, %(company)s
              FROM generate_series(1, %(n)s) g ORDER BY g
            RETURNING id
            """,
            n=LOTS,
            **ids,
        ),
    )


# One INSERT ... SELECT per block of lines. Columns: lot index (1-based in the lot
# array), source, destination, picking index or NULL, date; `g` is the series.
LINE_COLUMNS = SQL(
    "company_id, product_id, product_uom_id, lot_id, location_id, location_dest_id,"
    " picking_id, quantity, quantity_product_uom, state, date"
)


def insert_lines(cr, ids, count, lot, src, dst, picking, date):
    """Insert ``count`` done lines; the SQL arguments are expressions of ``g``."""
    cr.execute(
        SQL(
            """
            INSERT INTO stock_move_line (%(columns)s)
            SELECT %(company)s, %(product)s, %(uom)s, (%(lots)s::int[])[%(lot)s],
                   %(src)s, %(dst)s, (%(pickings)s::int[])[%(picking)s],
                   1 + g %% 10, 1 + g %% 10, 'done', %(date)s
              FROM generate_series(1, %(count)s) g
            """,
            columns=LINE_COLUMNS,
            count=count,
            lot=lot,
            src=src,
            dst=dst,
            picking=picking,
            date=date,
            **ids,
        )
    )


def insert_special_lines(cr, ids):
    """Lots 1, 2, 3: delivered to 1, 100 and 2,000 customers."""
    s = {k: SQL("%s", v) for k, v in ids.items() if isinstance(v, int)}
    day = SQL("TIMESTAMP '2025-06-01' + g * INTERVAL '1 minute'")
    later = SQL("TIMESTAMP '2025-09-01' + g * INTERVAL '1 minute'")
    null = SQL("NULL")
    for lot in (1, 2, 3):  # receipts and internal moves of each lot
        insert_lines(cr, ids, 100, SQL("%s", lot), s["supplier"], s["stock"], null, day)
    # lot 1: 100 deliveries to one customer (picking 1)
    insert_lines(cr, ids, 100, SQL("1"), s["stock"], s["customers"], SQL("1"), day)
    # lot 2: 300 deliveries to 100 customers, 20 returns
    insert_lines(
        cr,
        ids,
        300,
        SQL("2"),
        s["stock"],
        s["customers"],
        SQL("1 + (g - 1) %% 100"),
        day,
    )
    insert_lines(cr, ids, 20, SQL("2"), s["customers"], s["stock"], SQL("g"), later)
    # lot 3: 1,950 customers directly (picking 1 to the distributor), 50 through it
    insert_lines(cr, ids, 1, SQL("3"), s["stock"], s["distributor"], SQL("1"), day)
    insert_lines(cr, ids, 1949, SQL("3"), s["stock"], s["customers"], SQL("g + 1"), day)
    insert_lines(
        cr, ids, 50, SQL("3"), s["distributor"], s["customers"], SQL("1950 + g"), later
    )
    return 3 * 100 + 100 + 300 + 20 + 2000


def insert_generic_lines(cr, ids, count):
    """The other lots: receipts, internal moves, deliveries and a few returns."""
    lot = SQL("%s + 1 + g %% %s", SPECIAL_LOTS, LOTS - SPECIAL_LOTS)
    kind = SQL("g %% 5")
    src = SQL(
        "CASE WHEN %s = 0 THEN %s WHEN g %% 97 = 0 THEN %s ELSE %s END",
        kind,
        ids["supplier"],
        ids["customers"],
        ids["stock"],
    )
    dst = SQL(
        "CASE WHEN %s < 3 OR g %% 97 = 0 THEN %s ELSE %s END",
        kind,
        ids["stock"],
        ids["customers"],
    )
    picking = SQL(
        "CASE WHEN %s < 3 THEN NULL ELSE 1 + (g / %s) %% %s END",
        kind,
        LOTS,
        PICKINGS,
    )
    date = SQL("TIMESTAMP '2024-01-01' + g * INTERVAL '20 seconds'")
    insert_lines(cr, ids, count, lot, src, dst, picking, date)


def generate(registry):
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        ids = fixtures(env)
        env.flush_all()
        ids["pickings"] = insert_pickings(cr, ids)
        ids["lots"] = insert_lots(cr, ids)
        special = insert_special_lines(cr, ids)
        insert_generic_lines(cr, ids, LINES - special)
    with registry.cursor() as cr:
        cr.execute(SQL("ANALYZE stock_move_line"))
        cr.execute(SQL("ANALYZE stock_picking"))
    print(f"[bench] generated in {time.perf_counter() - started:.0f} s", flush=True)


def bench_lots(env):
    lots = env["stock.lot"].search(
        [("name", "in", ["BENCH-00001", "BENCH-00002", "BENCH-00003"])], order="name"
    )
    return lots if len(lots) == SPECIAL_LOTS else None


def measure(env, func):
    """Warm best of RUNS: (milliseconds, SQL queries, size of the result)."""
    func()
    best, queries, size = None, 0, 0
    for _run in range(RUNS):
        env.invalidate_all()
        count = env.cr.sql_log_count
        started = time.perf_counter()
        size = len(func())
        elapsed = (time.perf_counter() - started) * 1000
        queries = env.cr.sql_log_count - count
        best = elapsed if best is None else min(best, elapsed)
    return best, queries, size


def measure_lots(env, lots, index):
    rows = []
    for lot in lots:
        ours = measure(env, lambda lot=lot: lot._get_quality_affected_customers())
        theirs = measure(env, lambda lot=lot: lot.partner_ids)
        rows.append((index, lot.name, ours, theirs))
    return rows


def run(registry):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        lots = bench_lots(env)
        cr.execute(SQL("SELECT count(*) FROM stock_move_line"))
        total = cr.fetchone()[0]
        rows = measure_lots(env, lots, "present")
        cr.execute(SQL("DROP INDEX %s", SQL.identifier(INDEX)))
        rows += measure_lots(env, lots, "dropped")
        cr.rollback()  # the index comes back
    return total, rows


def table(total, rows):
    lines = [
        f"Lot recall on {total:,} move lines ({LOTS:,} lots), warm, best of {RUNS}, "
        f"{os.cpu_count()} CPU cores.",
        "",
        "| index | lot | ours: ms | ours: queries | ours: customers "
        "| Odoo partner_ids: ms | Odoo: queries | Odoo: partners |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for index, lot, ours, theirs in rows:
        lines.append(
            f"| {index} | {lot} | {ours[0]:.1f} | {ours[1]} | {ours[2]} "
            f"| {theirs[0]:.1f} | {theirs[1]} | {theirs[2]} |"
        )
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    registry = open_registry(args)
    with registry.cursor() as cr:
        missing = bench_lots(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})) is None
    if missing:
        generate(registry)
    total, rows = run(registry)
    report = table(total, rows)
    sys.stdout.write(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)


if __name__ == "__main__":
    main()
