# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDashboardRecalls(BaseCommon):
    def test_dashboard_shows_open_recalls(self):
        """The quality manager's dashboard has an Open Recalls panel that
        lists the recalls not done or cancelled."""
        view = self.env.ref("quality_complaint.quality_complaint_dashboard_view_form")
        arch = self.env["board.board"].get_views([(view.id, "form")])["views"]["form"][
            "arch"
        ]
        action = self.env.ref(
            "quality_complaint_returns.quality_dashboard_open_recalls_action"
        )
        panels = etree.fromstring(arch).xpath(f"//action[@name='{action.id}']")
        self.assertEqual(len(panels), 1)
        self.assertEqual(panels[0].get("string"), "Open Recalls")
        self.assertEqual(action.res_model, "quality.lot.recall")
