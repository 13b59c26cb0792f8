# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestReturnAccess(ReturnsCommon):
    def test_complaint_user_creates_storekeeper_validates(self):
        self.assertFalse(self.complaint_user.has_group("stock.group_stock_user"))
        comp = self._approved([("replacement", 2)])
        comp.with_user(self.complaint_user).action_quality_create_return()
        receipt = comp.picking_ids
        self._validate(receipt, user=self.storekeeper)
        self.assertEqual(len(comp._quality_get_pickings()), 2)

    def test_unapproved_refused(self):
        comp = self.Compensation.create({"ticket_id": self.ticket.id})
        with self.assertRaisesRegex(UserError, "not possible now"):
            comp.action_quality_create_return()

    def test_user_without_complaint_rights_refused(self):
        comp = self._approved([("refund", 1)])
        nobody = new_test_user(self.env, login="qc_nobody", groups="base.group_user")
        with self.assertRaises(AccessError):
            comp.with_user(nobody).action_quality_create_return()
