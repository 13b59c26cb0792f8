# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestComplaintReportOrder(QualityOwnershipCommon):
    """The dashboard's top products: most complaints first (issue 9)."""

    def test_top_products_first(self):
        Product = self.env["product.product"]
        # "A..." sorts first by name, yet has fewer complaints
        few = Product.create({"name": "A QC few complaints"})
        many = Product.create({"name": "Z QC many complaints"})
        tickets = self._create_complaint(product_id=few.id)
        for _i in range(3):
            tickets |= self._create_complaint(product_id=many.id)
        Report = self.env["quality.complaint.report"]
        domain = [("ticket_id", "in", tickets.ids)]
        sets = [["product_id"]]

        def products(report):
            (groups,) = report.formatted_read_grouping_sets(domain, sets, ["__count"])
            return [(g["product_id"][0], g["__count"]) for g in groups]

        self.assertEqual(products(Report), [(few.id, 1), (many.id, 3)])
        top = Report.with_context(quality_group_order="__count desc")
        self.assertEqual(products(top), [(many.id, 3), (few.id, 1)])
