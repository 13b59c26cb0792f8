# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationSelfApproval(CompensationCommon):
    """Nobody approves a proposal he proposed or owns."""

    def test_proposer_cannot_approve(self):
        # the department head proposes on a complaint he reviews himself
        comp = self._create_compensation(2000, user=self.head)
        comp.with_user(self.head).action_submit()
        self.assertIn(self.head, comp.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            comp.with_user(self.head).validate_tier()
        with self.assertRaises(UserError):
            comp.with_user(self.head).reject_tier()
        self.assertEqual(set(comp.review_ids.mapped("status")), {"pending", "waiting"})
        self.assertNotIn(self.head, comp.next_reviewer_ids)

    def test_owner_cannot_approve(self):
        self.tier_head.write(
            {"review_type": "individual", "reviewer_id": self.salesperson.id}
        )
        comp = self._create_compensation(2000, user=self.hotline)
        comp.with_user(self.hotline).action_submit()
        self.assertEqual(comp.owner_id, self.salesperson)
        with self.assertRaises(UserError):
            comp.with_user(self.salesperson).validate_tier()
        with self.assertRaises(UserError):
            comp.with_user(self.salesperson)._validate_tier()
        self.assertEqual(comp.state, "to_approve")

    def test_write_state_directly_refused(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        with self.assertRaises(Exception):  # noqa: B017 - ValidationError or UserError
            comp.with_user(self.salesperson).write({"state": "approved"})
        self.assertEqual(comp.state, "to_approve")

    def test_state_machine_holds_on_write(self):
        comp = self._create_compensation(2000)
        for state in ("approved", "done", "rejected"):
            with self.assertRaises(UserError):
                comp.with_user(self.salesperson).write({"state": state})
        self.assertEqual(comp.state, "draft")
        comp.line_ids.executed = True
        with self.assertRaises(UserError):
            comp.with_user(self.head).write({"state": "done"})
        empty = self.Compensation.create({"ticket_id": self.ticket.id})
        with self.assertRaises(UserError):
            empty.action_submit()

    def test_mixin_entry_points_guarded(self):
        comp = self._create_compensation(2000)
        with self.assertRaises(UserError):
            comp.with_user(self.salesperson).request_validation()
        self.assertFalse(comp.review_ids)
        comp.action_submit()
        comp.with_user(self.head).validate_tier()
        with self.assertRaises(UserError):
            comp.with_user(self.salesperson).restart_validation()
        self.assertEqual(len(comp.review_ids), 2)
