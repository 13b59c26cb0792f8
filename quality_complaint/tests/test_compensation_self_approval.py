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
