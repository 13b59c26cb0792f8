"""Step 5: lot intelligence: who received a lot, how often it fails, its recall.

Lists the customers who received lot TL-2026-0915 (directly or through a
distributor), reads the lot's complaint statistics and the draft recall the
demo complaints raised. Run against ``make run`` with an API key of the admin:

    QC_API_KEY=... .stack/venv/bin/python examples/05_lot_recall.py
"""

from qc_client import Client

LOT = "TL-2026-0915"
STATS = [
    "name",
    "product_id",
    "quality_shipped_qty",
    "quality_customer_count",
    "quality_complaint_count",
    "quality_complaint_partner_count",
    "quality_complaint_region_count",
    "quality_complaint_qty",
    "quality_complaint_rate",
]


def main():
    odoo = Client()
    lot = odoo.search_read("stock.lot", [("name", "=", LOT)], STATS, limit=1)[0]
    print(f"lot {lot['name']} of {lot['product_id'][1]}")
    for field in STATS[2:]:
        print(f"  {field}: {lot[field]}")
    # The lot form's "Affected Customers" button fills the list on the server.
    action = odoo.call(
        "stock.lot", "action_view_quality_affected_customers", ids=[lot["id"]]
    )
    customers = odoo.search_read(
        "quality.lot.customer",
        action["domain"],
        ["partner_id", "via_partner_id", "delivered_qty", "returned_qty", "net_qty"],
    )
    for row in customers:
        via = f" via {row['via_partner_id'][1]}" if row["via_partner_id"] else ""
        print(
            f"customer: {row['partner_id'][1]}{via} delivered {row['delivered_qty']}"
            f" returned {row['returned_qty']} holds {row['net_qty']}"
        )
    recalls = odoo.search_read(
        "quality.lot.recall",
        [("lot_id", "=", lot["id"])],
        ["name", "state", "trigger_reason", "customer_count", "notified_count"],
    )
    for recall in recalls:
        print(
            f"recall {recall['name']} ({recall['state']}): {recall['trigger_reason']}"
            f" {recall['notified_count']}/{recall['customer_count']} notified"
        )
    assert customers and lot["quality_complaint_count"], "the demo data is missing"


if __name__ == "__main__":
    main()
