"""Step 3: draft the customer credit note of an approved proposal, read its
journal items.

The demo proposal "Two more tiles found chipped" is approved: its refund line
becomes a partial reversal of the customer's invoice (2 tiles at the price she
paid), left in draft for accounting to post.

    QC_API_KEY=... .stack/venv/bin/python examples/03_credit_note.py
"""

from qc_client import Client


def main():
    odoo = Client()
    proposal_id = odoo.ref("quality_complaint_returns.demo_compensation_credit_pending")
    [proposal] = odoo.call(
        "quality.compensation",
        "read",
        ids=[proposal_id],
        fields=["name", "state", "ticket_id"],
    )
    print("proposal:", proposal["name"], proposal["state"], proposal["ticket_id"][1])
    odoo.call("quality.compensation", "action_create_credit_notes", ids=[proposal_id])
    [line] = odoo.search_read(
        "quality.compensation.line",
        [("compensation_id", "=", proposal_id), ("compensation_type", "=", "refund")],
        ["account_move_id", "executed"],
    )
    move_id = line["account_move_id"][0]
    [move] = odoo.call(
        "account.move",
        "read",
        ids=[move_id],
        fields=["move_type", "state", "reversed_entry_id", "amount_total"],
    )
    print(
        "credit note:",
        move["move_type"],
        move["state"],
        "reverses",
        move["reversed_entry_id"][1],
        "total",
        move["amount_total"],
    )
    items = odoo.search_read(
        "account.move.line",
        [("move_id", "=", move_id)],
        ["account_id", "partner_id", "debit", "credit", "amount_residual"],
        order="id",
    )
    for item in items:
        print(
            "item:",
            item["account_id"][1],
            item["partner_id"] and item["partner_id"][1],
            "debit",
            item["debit"],
            "credit",
            item["credit"],
            "residual",
            item["amount_residual"],
        )
    assert move["move_type"] == "out_refund" and line["executed"], "not credited"


if __name__ == "__main__":
    main()
