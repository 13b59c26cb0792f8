# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestReturnsInstall(BaseCommon):
    def test_menu_for_warehouse(self):
        menu = self.env.ref(
            "quality_complaint_returns.stock_picking_quality_returns_menu"
        )
        self.assertEqual(
            menu.parent_id,
            self.env.ref("quality_complaint.quality_complaint_root_menu"),
        )
        self.assertIn(self.env.ref("stock.group_stock_user"), menu.group_ids)
