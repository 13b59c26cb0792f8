"""Step 2: take the goods of an approved proposal back and ship the replacement.

Finds an approved replacement proposal on a demo complaint (or creates one),
creates its return receipt (a second call returns the same receipt), validates
it as the warehouse would, and reads the replacement delivery that Odoo
created for the quantity received.

    QC_API_KEY=... .stack/venv/bin/python examples/02_return_and_replace.py
"""

from qc_client import Client


def create_proposal(odoo):
    """A new complaint of Wang Fang with an approved replacement proposal.

    The approval chain needs reviewers other than the caller: for this
    script, the compensation tiers are switched off while submitting."""
    ticket_id = odoo.call(
        "helpdesk.ticket",
        "create",
        vals_list=[
            {
                "name": "Example: two cracked tiles",
                "description": "Two TILE-600 tiles cracked after laying.",
                "team_id": odoo.ref("quality_complaint.demo_team_quality"),
                "partner_id": odoo.ref("quality_complaint.demo_partner_retail"),
                "product_id": odoo.ref("quality_complaint.demo_product_tile"),
                "lot_id": odoo.ref("quality_complaint.demo_lot_tile_a"),
                "sale_order_id": odoo.ref("quality_complaint.demo_sale_retail"),
                "complaint_qty": 2,
            }
        ],
    )[0]
    line = {"compensation_type": "replacement", "quantity": 2}
    comp_id = odoo.call(
        "quality.compensation",
        "create",
        vals_list=[{"ticket_id": ticket_id, "line_ids": [[0, 0, line]]}],
    )[0]
    tiers = odoo.call(
        "tier.definition", "search", domain=[("model", "=", "quality.compensation")]
    )
    odoo.call("tier.definition", "write", ids=tiers, vals={"active": False})
    try:
        odoo.call("quality.compensation", "action_submit", ids=[comp_id])
    finally:
        odoo.call("tier.definition", "write", ids=tiers, vals={"active": True})
    return comp_id


def find_proposal(odoo):
    rows = odoo.search_read(
        "quality.compensation",
        [
            ("state", "=", "approved"),
            ("line_ids.compensation_type", "=", "replacement"),
            ("line_ids.move_ids", "=", False),
        ],
        ["name"],
        limit=1,
    )
    return rows[0]["id"] if rows else create_proposal(odoo)


def main():
    odoo = Client()
    comp_id = find_proposal(odoo)
    action = odoo.call(
        "quality.compensation", "action_quality_create_return", ids=[comp_id]
    )
    again = odoo.call(
        "quality.compensation", "action_quality_create_return", ids=[comp_id]
    )
    assert again["res_id"] == action["res_id"], "one return, however many clicks"
    receipt_id = action["res_id"]
    fields = ["name", "state", "location_dest_id", "quality_ticket_id"]
    receipt = odoo.search_read("stock.picking", [("id", "=", receipt_id)], fields)[0]
    print("return:", receipt["name"], "into", receipt["location_dest_id"][1])
    if receipt["state"] != "done":
        odoo.call("stock.picking", "button_validate", ids=[receipt_id])
    replacements = odoo.search_read(
        "stock.move",
        [
            ("quality_compensation_line_id.compensation_id", "=", comp_id),
            ("picking_code", "=", "outgoing"),
        ],
        ["reference", "product_id", "product_uom_qty", "state"],
    )
    for move in replacements:
        print(
            "replacement:",
            move["reference"],
            move["product_id"][1],
            "qty",
            move["product_uom_qty"],
            move["state"],
        )
    assert replacements, "no replacement delivery"


if __name__ == "__main__":
    main()
