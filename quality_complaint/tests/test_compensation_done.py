# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationDone(CompensationCommon):
    def _approved(self):
        comp = self._create_compensation(1000)
        comp.write(
            {
                "line_ids": [
                    Command.create({"compensation_type": "coupon", "price_unit": 5})
                ]
            }
        )
        comp.action_submit()
        comp.with_user(self.head).validate_tier()
        comp.with_user(self.accountant).validate_tier()
        self.assertEqual(comp.state, "approved")
        return comp

    def test_done_only_when_all_lines_executed(self):
        comp = self._approved()
        with self.assertRaises(UserError):
            comp.action_done()
        comp.line_ids[0].executed = True
        with self.assertRaises(UserError):
            comp.action_done()
        comp.line_ids[1].executed = True
        comp.action_done()
        self.assertEqual(comp.state, "done")
        with self.assertRaises(UserError):
            comp.action_cancel()

    def test_done_needs_approval(self):
        comp = self._create_compensation(1000)
        comp.line_ids.executed = True
        with self.assertRaises(UserError):
            comp.action_done()

    def test_cancel_and_back_to_draft(self):
        comp = self._approved()
        comp.action_cancel()
        self.assertEqual(comp.state, "cancel")
        self.assertFalse(comp.review_ids)
        comp.action_draft()
        self.assertEqual(comp.state, "draft")
        with self.assertRaises(UserError):
            comp.action_draft()

    def test_cancel_refused_once_executed(self):
        comp = self._approved()
        comp.line_ids[0].executed = True
        with self.assertRaises(UserError):
            comp.action_cancel()

    def test_customer_answer_from_portal_hook(self):
        comp = self._create_compensation(1000)
        comp._action_customer_accept(self.customer)
        self.assertEqual(comp.customer_acceptance, "accepted")
        self.assertEqual(comp.acceptance_partner_id, self.customer)
        comp._action_customer_refuse(self.customer)
        self.assertEqual(comp.customer_acceptance, "refused")

    def test_ticket_smart_button(self):
        comp = self._create_compensation(1000)
        self.assertEqual(self.ticket.compensation_count, 1)
        action = self.ticket.action_view_compensation()
        self.assertEqual(action["res_id"], comp.id)
        action = self.ticket.action_propose_compensation()
        self.assertEqual(action["context"]["default_ticket_id"], self.ticket.id)
