"""Step 4: charge transport damage to the carrier and watch its freight bill drop.

The demo holds an approved proposal for tiles broken in transport, with a
recovery from the carrier SwiftFreight, and an open freight bill of that
carrier. The script drafts the vendor credit note ("Charge carrier"), posts it
as an accountant and prints the amount still due on the freight bill.

    QC_API_KEY=... .stack/venv/bin/python examples/04_carrier_deduction.py
"""

from qc_client import Client


def open_bills(odoo, carrier_id):
    return odoo.search_read(
        "account.move",
        [
            ("move_type", "=", "in_invoice"),
            ("partner_id", "=", carrier_id),
            ("state", "=", "posted"),
        ],
        ["name", "amount_total", "amount_residual"],
        order="id",
    )


def main():
    odoo = Client()
    recoveries = odoo.search_read(
        "quality.compensation.recovery",
        [
            ("recovery_party", "=", "carrier"),
            ("compensation_id.state", "=", "approved"),
            ("state", "in", ["pending", "cancel"]),
        ],
        ["compensation_id", "partner_id", "amount_computed"],
        limit=1,
    )
    assert recoveries, "no approved proposal with a carrier recovery to charge"
    recovery = recoveries[0]
    carrier_id, carrier = recovery["partner_id"]
    print("proposal:", recovery["compensation_id"][1])
    print("carrier:", carrier, "amount:", recovery["amount_computed"])
    for bill in open_bills(odoo, carrier_id):
        print("before:", bill["name"], "due", bill["amount_residual"])
    action = odoo.call(
        "quality.compensation",
        "action_quality_charge_carrier",
        ids=[recovery["compensation_id"][0]],
    )
    move_id = action["res_id"]
    odoo.call("account.move", "action_post", ids=[move_id])
    [move] = odoo.search_read(
        "account.move", [("id", "=", move_id)], ["name", "move_type", "state"]
    )
    print("credit note:", move["name"], move["move_type"], move["state"])
    for line in odoo.search_read(
        "account.move.line",
        [("move_id", "=", move_id)],
        ["account_id", "debit", "credit", "amount_residual"],
        order="id",
    ):
        print(
            "  item:",
            line["account_id"][1],
            "debit",
            line["debit"],
            "credit",
            line["credit"],
            "residual",
            line["amount_residual"],
        )
    for bill in open_bills(odoo, carrier_id):
        print("after:", bill["name"], "due", bill["amount_residual"])


if __name__ == "__main__":
    main()
