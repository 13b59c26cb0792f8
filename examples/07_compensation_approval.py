"""Step 7: propose compensation and take it through the approval chain (flow B).

The hotline operator (chen.jing) proposes compensation on behalf of the
salesperson who owns the customer (li.wei); the department head (zhou.min), the
director (wang.jun, the amount is above 5,000) and the accountant (sun.li)
approve in turn. Each person acts with his own session; the demo users' password
is their login.

    QC_API_KEY=... .stack/venv/bin/python examples/07_compensation_approval.py
"""

from qc_client import Client, OdooError


def new_complaint(admin):
    return admin.create(
        "helpdesk.ticket",
        {
            "name": "Colour deviation on 50 boxes",
            "description": "<p>Two shades of grey in the same lot.</p>",
            "team_id": admin.ref("quality_complaint.demo_team_quality"),
            "partner_id": admin.ref("quality_complaint.demo_partner_distributor"),
            "product_id": admin.ref("quality_complaint.demo_product_tile"),
            "lot_id": admin.ref("quality_complaint.demo_lot_tile_a"),
            "complaint_qty": 50,
            "severity": "general",
        },
    )


def propose(hotline, ticket_id, product_id):
    return hotline.create(
        "quality.compensation",
        {
            "ticket_id": ticket_id,
            "solution": "Refund 30 boxes, replace 20 boxes.",
            "line_ids": [
                (0, 0, {"compensation_type": "refund", "product_id": product_id,
                        "quantity": 30, "price_unit": 118.0}),
                (0, 0, {"compensation_type": "replacement", "product_id": product_id,
                        "quantity": 20, "price_unit": 118.0}),
            ],
        },
    )  # fmt: skip


def show(client, comp_id, who):
    row = client.read(
        "quality.compensation",
        [comp_id],
        ["name", "state", "amount_total", "owner_id", "next_reviewer_ids"],
    )[0]
    ids = row["next_reviewer_ids"]
    users = client.read("res.users", ids, ["name"]) if ids else []
    print(
        f"{who}: {row['name']} {row['state']} {row['amount_total']:.2f}"
        f" owner={row['owner_id'][1]}"
        f" next reviewers={', '.join(u['name'] for u in users) or '-'}"
    )
    return row


def main():
    admin = Client()
    ticket_id = new_complaint(admin)
    product_id = admin.ref("quality_complaint.demo_product_tile")
    hotline = Client.login("chen.jing", "chen.jing")
    comp_id = propose(hotline, ticket_id, product_id)
    hotline.call("quality.compensation", "action_submit", ids=[comp_id])
    show(hotline, comp_id, "submitted by chen.jing")
    try:
        hotline.call("quality.compensation", "validate_tier", ids=[comp_id])
    except OdooError as error:
        print("the proposer cannot approve:", error)
    for login in ("zhou.min", "wang.jun", "sun.li"):
        reviewer = Client.login(login, login)
        reviewer.call("quality.compensation", "validate_tier", ids=[comp_id])
        row = show(reviewer, comp_id, f"approved by {login}")
    assert row["state"] == "approved", row


if __name__ == "__main__":
    main()
