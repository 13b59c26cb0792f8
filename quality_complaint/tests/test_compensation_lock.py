# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationLock(CompensationCommon):
    """A submitted or approved proposal cannot change its content."""

    def setUp(self):
        super().setUp()
        self.comp = self._create_compensation(2000)
        self.comp.action_submit()

    def test_locked_fields(self):
        comp = self.comp
        for user in (self.env.user, self.salesperson, self.head):
            as_user = comp.with_user(user)
            with self.assertRaises(UserError):
                as_user.line_ids.write({"price_unit": 1})
            with self.assertRaises(UserError):
                as_user.line_ids.write({"quantity": 5})
            with self.assertRaises(UserError):
                as_user.write({"partner_id": self.carrier.id})
            with self.assertRaises(UserError):
                as_user.write({"solution": "<p>more</p>"})
            with self.assertRaises(UserError):
                as_user.write(
                    {"line_ids": [Command.create({"compensation_type": "cash"})]}
                )
            with self.assertRaises(UserError):
                as_user.line_ids.unlink()
            with self.assertRaises(UserError):
                as_user.write(
                    {
                        "recovery_ids": [
                            Command.create(
                                {
                                    "recovery_party": "carrier",
                                    "partner_id": self.carrier.id,
                                    "share": 50,
                                }
                            )
                        ]
                    }
                )
        self.assertEqual(comp.amount_total, 2000)

    def test_allowed_while_locked(self):
        comp = self.comp.with_user(self.salesperson)
        comp.message_post(body="Customer called again")
        comp.action_customer_accept()
        self.assertEqual(comp.customer_acceptance, "accepted")
        self.assertEqual(comp.acceptance_partner_id, self.customer)
        self.assertTrue(comp.acceptance_date)

    def test_execution_fields_after_approval(self):
        comp = self.comp
        comp.with_user(self.head).validate_tier()
        comp.with_user(self.accountant).validate_tier()
        self.assertEqual(comp.state, "approved")
        comp.line_ids.write({"executed": True, "executed_qty": 1})
        self.assertTrue(comp.all_lines_executed)
        with self.assertRaises(UserError):
            comp.line_ids.write({"price_unit": 3})
        with self.assertRaises(UserError):
            comp.unlink()
