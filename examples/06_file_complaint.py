"""Step 6: register a quality complaint and assess it, as a back office would.

A retail customer calls the hotline: lot TL-2026-0915 of the floor tiles shows
cracked glaze. The script files the complaint, lets Odoo propose the delivery,
invoice, problem class, responsible party, warranty and deadlines, records the
5 Why chain and root cause, and opens a corrective action that is only closed
after a positive effectiveness check.

    QC_API_KEY=... .stack/venv/bin/python examples/06_file_complaint.py
"""

from qc_client import Client


def file_complaint(odoo):
    ticket_id = odoo.create(
        "helpdesk.ticket",
        {
            "name": "Cracked glaze on floor tiles",
            "description": "<p>8 tiles show hairline cracks in the glaze.</p>",
            "team_id": odoo.ref("quality_complaint.demo_team_quality"),
            "channel_id": odoo.ref("quality_complaint.helpdesk_ticket_channel_hotline"),
            "partner_id": odoo.ref("quality_complaint.demo_partner_retail"),
            "product_id": odoo.ref("quality_complaint.demo_product_tile"),
            "lot_id": odoo.ref("quality_complaint.demo_lot_tile_a"),
            "complaint_qty": 8,
            "defect_category_id": odoo.ref(
                "quality_complaint.defect_category_product_spec"
            ),
            "severity": "general",
            "w_where": "Living room floor, laid two weeks ago",
        },
    )
    return ticket_id


def analyse(odoo, ticket_id):
    for seq, (question, answer) in enumerate(
        [
            ("Why is the glaze cracked?", "Thermal shock in the kiln"),
            ("Why was there thermal shock?", "Cooling zone fan failed on 14 Sept"),
            ("Why did the fan fail?", "Bearing not replaced at service"),
        ]
    ):
        odoo.create(
            "quality.complaint.why",
            {
                "ticket_id": ticket_id,
                "sequence": seq,
                "question": question,
                "answer": answer,
            },
        )
    odoo.call(
        "helpdesk.ticket",
        "write",
        ids=[ticket_id],
        vals={
            "fishbone_category": "machine",
            "root_cause": "Kiln fan bearing worn out",
        },
    )
    odoo.call("helpdesk.ticket", "action_confirm_root_cause", ids=[ticket_id])
    action_id = odoo.create(
        "quality.capa.action",
        {
            "ticket_id": ticket_id,
            "name": "Replace fan bearings every 6 months",
            "action_type": "corrective",
            "owner_id": odoo.ref("base.user_admin"),
            "due_date": "2030-12-31",
        },
    )
    check = odoo.create(
        "quality.capa.effectiveness.wizard",
        {
            "capa_action_id": action_id,
            "effectiveness_result": "effective",
            "effectiveness_note": "Three lots since: no cracked glaze",
        },
    )
    odoo.call("quality.capa.effectiveness.wizard", "action_confirm", ids=[check])
    odoo.call("quality.capa.action", "action_done", ids=[action_id])
    return action_id


def main():
    odoo = Client()
    ticket_id = file_complaint(odoo)
    fields = [
        "number", "is_quality_complaint", "delivery_picking_id", "invoice_id",
        "sale_order_id", "problem_class", "responsible_party", "customer_kind",
        "warranty_state", "missing_facts", "first_responsible_id",
        "response_deadline", "resolution_deadline",
    ]  # fmt: skip
    ticket = odoo.read("helpdesk.ticket", [ticket_id], fields)[0]
    for name in fields:
        value = ticket[name]
        print(f"{name}: {value[1] if isinstance(value, list) else value}")
    action_id = analyse(odoo, ticket_id)
    action = odoo.read("quality.capa.action", [action_id], ["state"])[0]
    print("corrective action:", action["state"])
    assert ticket["is_quality_complaint"] and ticket["delivery_picking_id"]
    assert action["state"] == "done"


if __name__ == "__main__":
    main()
