# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Seed for scripts/upgrade_check.sh, run through ``odoo shell`` (``env`` is
given): QC_UPGRADE_SEED (200) more complaints of customers invoiced
beforehand, each with an approved proposal and its documents: return
receipts (half of them received, which ships the replacements), customer
credit notes (reversals of the invoices, half of them posted) and cash
payments. Everything is plain user data (no XML id), committed at the end."""

import os
import time

from odoo.fields import Command

t0 = time.perf_counter()
count = int(os.environ.get("QC_UPGRADE_SEED", "200"))
env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))  # noqa: F821
company = env.company
tiers = env["tier.definition"].search(
    [("model", "=", "quality.compensation"), ("active", "=", True)]
)
tiers.active = False  # approved at once; restored below
team = env["helpdesk.ticket.team"].create(
    {"name": "Upgrade check complaints", "is_quality_team": True}
)
product = env["product.product"].create(
    {
        "name": "Upgrade check tile",
        "type": "consu",
        "is_storable": True,
        "list_price": 50.0,
        "standard_price": 20.0,
    }
)
partners = env["res.partner"].create(
    [
        {"name": f"Upgrade check customer {i}", "email": f"upg{i}@example.com"}
        for i in range(10)
    ]
)
invoices = env["account.move"].create(
    [
        {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "invoice_date": "2026-01-15",
            "invoice_line_ids": [
                Command.create(
                    {"product_id": product.id, "quantity": 1000, "price_unit": 50.0}
                )
            ],
        }
        for partner in partners
    ]
)
invoices.action_post()
tickets = env["helpdesk.ticket"].create(
    [
        {
            "name": f"Upgrade check complaint {i}",
            "description": "Cracked tiles",
            "team_id": team.id,
            "partner_id": partners[i % 10].id,
            "product_id": product.id,
            "invoice_id": invoices[i % 10].id,
            "complaint_qty": 1,
        }
        for i in range(count)
    ]
)
kinds = [
    {
        "compensation_type": "refund",
        "product_id": product.id,
        "quantity": 1.0,
        "price_unit": 50.0,
    },
    {"compensation_type": "credit", "name": "Goodwill", "price_unit": 10.0},
    {"compensation_type": "cash", "price_unit": 10.0},
    {"compensation_type": "replacement", "product_id": product.id, "quantity": 1.0},
]
comps = env["quality.compensation"].create(
    [
        {
            "ticket_id": ticket.id,
            "line_ids": [Command.create(kinds[i % 4])],
        }
        for i, ticket in enumerate(tickets)
    ]
)
comps.action_submit()
receipts = env["stock.picking"]
for i, comp in enumerate(comps):
    kind = kinds[i % 4]["compensation_type"]
    if kind in ("refund", "replacement"):
        receipts |= comp._quality_create_return()
    if kind in ("refund", "credit"):
        comp.action_create_credit_notes()
        if i % 8 < 4:
            comp.line_ids.account_move_id.action_post()
    if kind == "cash":
        comp.action_create_payments()
for picking in receipts[::2]:
    for move in picking.move_ids:
        move.quantity = move.product_uom_qty
    picking.move_ids.picked = True
    picking.button_validate()
tiers.active = True
env.cr.commit()
print(  # noqa: T201
    f"[upgrade] seeded {count} complaints, {len(receipts)} returns, "
    f"{len(comps.account_move_ids)} credit notes, {len(comps.payment_ids)} payments "
    f"in {time.perf_counter() - t0:.0f} s"
)
