"""Step 1: look at what the demo database holds for complaints to refer to.

Run against ``make run`` with an API key of the admin user:

    QC_API_KEY=... .stack/venv/bin/python examples/01_inspect_demo.py
"""

from qc_client import Client


def main():
    odoo = Client()
    teams = odoo.search_read(
        "helpdesk.ticket.team", [("is_quality_team", "=", True)], ["name"]
    )
    print("quality teams:", ", ".join(t["name"] for t in teams))
    for kind in ("is_distributor", "is_carrier"):
        partners = odoo.search_read("res.partner", [(kind, "=", True)], ["name"])
        print(f"{kind}:", ", ".join(p["name"] for p in partners))
    lines = odoo.search_read(
        "stock.move.line",
        [
            ("picking_code", "=", "outgoing"),
            ("state", "=", "done"),
            ("lot_id", "!=", False),
        ],
        ["picking_id", "product_id", "lot_id", "quantity", "picking_partner_id"],
        order="id",
    )
    for line in lines:
        print(
            "delivered:",
            line["picking_id"][1],
            line["picking_partner_id"][1],
            line["product_id"][1],
            "lot",
            line["lot_id"][1],
            "qty",
            line["quantity"],
        )
    assert teams and lines, "the demo data is missing"


if __name__ == "__main__":
    main()
