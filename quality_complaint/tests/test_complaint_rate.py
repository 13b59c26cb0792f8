# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestComplaintRate(QualityOwnershipCommon):
    """Complaints per 1,000 units shipped, by product and month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "QC Rate Tile", "type": "consu"}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )

    def _ship(self, qty, when):
        with freeze_time(when):
            move = self.env["stock.move"].create(
                {
                    "product_id": self.product.id,
                    "product_uom_qty": qty,
                    "product_uom": self.product.uom_id.id,
                    "location_id": self.warehouse.lot_stock_id.id,
                    "location_dest_id": self.env.ref(
                        "stock.stock_location_customers"
                    ).id,
                }
            )
            move._action_confirm()
            move.quantity = qty
            move.picked = True
            move._action_done()

    def _rates(self):
        return {
            month.month: (count, shipped, rate)
            for month, count, shipped, rate in self.env[
                "quality.complaint.rate.report"
            ]._read_group(
                [("product_id", "=", self.product.id)],
                ["month:month"],
                ["complaint_count:sum", "shipped_qty:sum", "complaint_rate:sum"],
            )
        }

    def test_rate_per_month(self):
        self._ship(600, "2026-03-03 10:00:00")
        self._ship(400, "2026-03-20 10:00:00")
        self._ship(500, "2026-04-10 10:00:00")
        for when in ("2026-03-05 10:00:00", "2026-03-25 10:00:00"):
            with freeze_time(when):
                self._create_complaint(product_id=self.product.id)
        with freeze_time("2026-05-02 10:00:00"):
            self._create_complaint(product_id=self.product.id)
        rates = self._rates()
        self.assertEqual(rates[3], (2, 1000.0, 2.0), "2 complaints / 1,000 shipped")
        self.assertEqual(rates[4], (0, 500.0, 0.0))
        self.assertEqual(rates[5][:2], (1, 0.0))
        self.assertFalse(rates[5][2], "nothing shipped: no rate")
        # over the whole period: 3 complaints per 1,500 units, not an average
        (total,) = self.env["quality.complaint.rate.report"]._read_group(
            [("product_id", "=", self.product.id)], [], ["complaint_rate:sum"]
        )[0]
        self.assertAlmostEqual(total, 2.0)
