"""Bulk complaints for the benchmarks (bench_xlsx_export.py, bench_lists.py).

generate(registry) fills a database once with COMPLAINTS quality complaints by
one INSERT ... SELECT over generate_series, spread over 4 quality teams, every
helpdesk stage, the complaint users, 10 lot-tracked products with 50 lots each,
every defect category, 1,000 customers, problem classes, severities and
customer kinds; every 1,000th title starts with "=" (the XLSX text-not-formula
path). bench_ids(env) returns their ids (number prefix PREFIX).
"""

import time

import odoo
from odoo.tools import SQL

COMPLAINTS = 100_000
PREFIX = "BENCH-XLSX"
TEAMS = 4
PRODUCTS = 10
LOTS_PER_PRODUCT = 50
PARTNERS = 1000


def fixtures(env):
    """Real records the synthetic complaints point to (ids as int arrays)."""
    teams = env["helpdesk.ticket.team"].create(
        [
            {"name": f"Bench quality team {i}", "is_quality_team": True}
            for i in range(TEAMS)
        ]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench Tile {i}",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
            for i in range(PRODUCTS)
        ]
    )
    # lot k belongs to product k mod PRODUCTS (the INSERT relies on it)
    lots = env["stock.lot"].create(
        [
            {
                "name": f"BENCH-XLSX-LOT-{k:04d}",
                "product_id": products[k % PRODUCTS].id,
            }
            for k in range(PRODUCTS * LOTS_PER_PRODUCT)
        ]
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Bench Customer {i:04d}", "is_company": True}
            for i in range(PARTNERS)
        ]
    )
    users = env.ref("quality_complaint.quality_complaint_group_user").all_user_ids
    return {
        "company": env.company.id,
        "teams": teams.ids,
        "products": products.ids,
        "lots": lots.ids,
        "partners": partners.ids,
        "users": (users or env.ref("base.user_admin")).ids,
        "stages": env["helpdesk.ticket.stage"].search([]).ids,
        "categories": env["quality.defect.category"].search([]).ids,
    }


def generate(registry, n=COMPLAINTS):
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
                       '<p>Bench complaint</p>', %(company)s,
                       (%(teams)s::int[])[1 + g %% %(nteams)s],
                       st.stage,
                       (%(partners)s::int[])[1 + g %% %(npartners)s],
                       (%(users)s::int[])[1 + g %% %(nusers)s],
                       (%(users)s::int[])[1 + (g / 7) %% %(nusers)s],
                       TRUE, TRUE, ts, ts + interval '24 hours',
                       ts + (g %% 40) * interval '1 hour', ts + interval '7 days',
                       CASE WHEN st.closed THEN ts + interval '5 days' END,
                       (%(products)s::int[])[1 + (g %% %(nlots)s) %% %(nproducts)s],
                       (%(lots)s::int[])[1 + g %% %(nlots)s], 1 + g %% 20,
                       (%(categories)s::int[])[1 + g %% %(ncategories)s],
                       (ARRAY['logistics_damage', 'improper_storage',
                              'improper_use', 'product_spec', 'design',
                              'production', 'material', 'service'])[1 + g %% 8],
                       (ARRAY['minor', 'general', 'serious'])[1 + g %% 3],
                       (ARRAY['retail', 'distributor'])[1 + g %% 2],
                       'company', 'in_warranty', 'Thin carton board',
                       g %% 40, CASE WHEN st.closed THEN 120 ELSE 0 END, 0,
                       g %% 500, g %% 100, g %% 500 - g %% 100, 'accepted',
                       1 + g %% 5, (g %% 4)::text, ts, ts, 1, 1
                  FROM generate_series(1, %(n)s) g,
                       LATERAL (SELECT TIMESTAMP '2025-01-01'
                                       + g * interval '5 minutes' AS ts) t,
                       LATERAL (SELECT s.id AS stage, s.closed
                                  FROM helpdesk_ticket_stage s
                                 WHERE s.id = (%(stages)s::int[])[1 + g %% %(nstages)s]
                               ) st
                """,
                prefix=PREFIX,
                n=n,
                nteams=len(ids["teams"]),
                npartners=len(ids["partners"]),
                nusers=len(ids["users"]),
                nproducts=len(ids["products"]),
                nlots=len(ids["lots"]),
                ncategories=len(ids["categories"]),
                nstages=len(ids["stages"]),
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
