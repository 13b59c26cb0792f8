"""Seed a demo database with load-test volume (make load; issue 10).

Run with the Odoo venv's python on a database holding our addons and the demo
data:

    .stack/venv/bin/python load/seed.py -c CONF -d qc_load --keys keys.json

Adds, on top of the demo: ``--customers`` customers, each with a confirmed
sale of a lot-tracked tile delivered from one of 20 lots and a posted invoice;
``--complaints`` complaints on those deliveries; ``--to-approve`` proposals
submitted and waiting for the department head (then the accountant);
``--to-return`` and ``--to-credit`` approved proposals with a refund line,
ready for the return receipt and the credit note (defaults: 400, 3,000, 200,
150, 150; seeding them took 12 minutes on the busy 2-core machine, about 1 s
per delivered and invoiced sale, and ``make load`` keeps the seeded database
as a template). Writes API keys for the
demo users (and for ``load.billing``, a complaint user with invoicing rights
who drafts credit notes; ``sun.li`` posts them) to ``--keys`` with the ids
the load test picks from.
"""

import argparse
import json
import random
import time

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

LOGINS = ("li.wei", "chen.jing", "zhou.min", "wang.jun", "zhao.gang", "sun.li")
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
    "skip_sms": True,
}


START = time.time()


def log(msg):
    print(f"[seed] {time.time() - START:6.1f} s  {msg}", flush=True)


def batches(records, size):
    for i in range(0, len(records), size):
        yield records[i : i + size]


def seed_sales(env, n_customers, rng):
    tile = env.ref("quality_complaint.demo_product_tile")
    salesperson = env.ref("quality_complaint.demo_user_salesperson")
    stock = env.ref("stock.stock_location_stock")
    lots = env["stock.lot"].create(
        [{"name": f"LOAD-TL-{i:03d}", "product_id": tile.id} for i in range(20)]
    )
    per_lot = (n_customers * 60) // len(lots) + 100
    quants = env["stock.quant"].create(
        [
            {
                "product_id": tile.id,
                "lot_id": lot.id,
                "location_id": stock.id,
                "inventory_quantity": per_lot,
            }
            for lot in lots
        ]
    )
    quants.action_apply_inventory()
    log(f"{len(lots)} lots, {per_lot} boxes each in stock")
    partners = (
        env["res.partner"]
        .with_context(**QUIET)
        .create(
            [
                {
                    "name": f"Load Customer {i:05d}",
                    "is_company": i % 3 == 0,
                    "is_distributor": i % 10 == 0,
                    "user_id": salesperson.id,
                    "email": f"load{i:05d}@example.com",
                    "phone": f"+86 138 {i:04d} {i % 9999:04d}",
                }
                for i in range(n_customers)
            ]
        )
    )
    log(f"{len(partners)} customers")
    orders = env["sale.order"]
    for chunk in batches(partners, 250):
        batch = (
            env["sale.order"]
            .with_context(**QUIET)
            .create(
                [
                    {
                        "partner_id": partner.id,
                        "user_id": salesperson.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": tile.id,
                                    "product_uom_qty": rng.randint(10, 50),
                                    "price_unit": rng.choice((118.0, 122.0, 128.0)),
                                }
                            )
                        ],
                    }
                    for partner in chunk
                ]
            )
        )
        batch.action_confirm()
        pickings = batch.picking_ids
        pickings.action_assign()
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        res = pickings.with_context(
            skip_backorder=True, skip_sms=True
        ).button_validate()
        if res is not True:
            raise RuntimeError(f"deliveries not validated: {res}")
        invoices = batch._create_invoices()
        invoices.action_post()
        env.cr.commit()
        orders |= batch
        log(f"{len(orders)} sales delivered and invoiced")
    return orders


def seed_complaints(env, orders, n_complaints, rng):
    team = env.ref("quality_complaint.demo_team_quality")
    phone = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone", False)
    severities = ("minor", "general", "serious")
    rows = []
    for order in orders:
        picking = order.picking_ids.filtered(lambda p: p.state == "done")[:1]
        invoice = order.invoice_ids[:1]
        rows.append((order, picking, picking.move_line_ids.lot_id[:1], invoice))
    tickets = env["helpdesk.ticket"]
    for start in range(0, n_complaints, 500):
        vals = []
        for i in range(start, min(start + 500, n_complaints)):
            order, picking, lot, invoice = rows[i % len(rows)]
            vals.append(
                {
                    "name": f"Load complaint {i:05d}: cracked tiles",
                    "description": "<p>Some tiles cracked after laying.</p>",
                    "team_id": team.id,
                    "partner_id": order.partner_id.id,
                    "product_id": order.order_line.product_id.id,
                    "lot_id": lot.id,
                    "complaint_qty": rng.randint(1, 5),
                    "severity": severities[i % 3],
                    "sale_order_id": order.id,
                    "delivery_picking_id": picking.id,
                    "invoice_id": invoice.id,
                    **({"channel_id": phone.id} if phone else {}),
                }
            )
        tickets |= env["helpdesk.ticket"].with_context(**QUIET).create(vals)
        env.cr.commit()
        log(f"{len(tickets)} complaints")
    return tickets


def seed_proposals(env, tickets, n_approve, n_return, n_credit):
    """Proposals on distinct complaints, one refund line of 1 to 2 boxes."""
    users = {
        login: env["res.users"].search([("login", "=", login)]) for login in LOGINS
    }
    head, accountant = users["zhou.min"], users["sun.li"]
    Comp = env["quality.compensation"].with_context(**QUIET)
    pools = {}
    picked = iter(tickets.sorted("id"))
    for kind, count in (
        ("approve", n_approve),
        ("return", n_return),
        ("credit", n_credit),
    ):
        comps = Comp.create(
            [
                {
                    "ticket_id": next(picked).id,
                    "solution": f"Load test: refund ({kind}).",
                    "line_ids": [
                        Command.create({"compensation_type": "refund", "quantity": 1})
                    ],
                }
                for _i in range(count)
            ]
        )
        comps.action_submit()
        if kind != "approve":
            comps._quality_demo_review([head.id, accountant.id])
        env.cr.commit()
        pools[kind] = comps.ids
        states = set(comps.mapped("state"))
        log(f"{len(comps)} proposals for {kind}: {states}")
    return pools


def seed_keys(env):
    """API keys of the users the load test acts as; load.billing drafts credit notes."""
    billing = env["res.users"].search([("login", "=", "load.billing")])
    if not billing:
        billing = env["res.users"].create(
            {
                "name": "Load Billing Clerk",
                "login": "load.billing",
                "password": "load.billing",
                "group_ids": [
                    Command.set(
                        [
                            env.ref("base.group_user").id,
                            env.ref(
                                "quality_complaint.quality_complaint_group_manager"
                            ).id,
                            env.ref("account.group_account_invoice").id,
                        ]
                    )
                ],
            }
        )
    keys = {}
    for login in (*LOGINS, "load.billing"):
        user = env["res.users"].search([("login", "=", login)])
        keys[login] = {
            "uid": user.id,
            "key": env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(None, "load test", None),
        }
    return keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--keys", required=True)
    parser.add_argument("--customers", type=int, default=400)
    parser.add_argument("--complaints", type=int, default=3000)
    parser.add_argument("--to-approve", type=int, default=200)
    parser.add_argument("--to-return", type=int, default=150)
    parser.add_argument("--to-credit", type=int, default=150)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    odoo.netsvc.init_logger()
    rng = random.Random(10)
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {"tz": "Asia/Shanghai"})
        orders = seed_sales(env, args.customers, rng)
        tickets = seed_complaints(env, orders, args.complaints, rng)
        pools = seed_proposals(
            env, tickets, args.to_approve, args.to_return, args.to_credit
        )
        keys = seed_keys(env)
        cr.commit()
        team = env.ref("quality_complaint.demo_team_quality")
        data = {
            "keys": keys,
            "pools": pools,
            "team_id": team.id,
            "ticket_ids": tickets.ids,
            "order_rows": [
                [o.partner_id.id, o.order_line.product_id.id] for o in orders[:500]
            ],
        }
    with open(args.keys, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    log(f"done; keys and pools in {args.keys}")


if __name__ == "__main__":
    main()
