# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationChain(CompensationCommon):
    """Department head, director above 5000, accountant last."""

    def _approve(self, compensation, user):
        compensation.with_user(user).validate_tier()

    def test_under_threshold(self):
        comp = self._create_compensation(2000)
        self.assertTrue(comp.name.startswith("QCP/"))
        comp.with_user(self.salesperson).action_submit()
        self.assertEqual(comp.state, "to_approve")
        self.assertEqual(
            comp.review_ids.mapped("name"), ["QC Department Head", "QC Accountant"]
        )
        self.assertEqual(comp.next_reviewer_ids, self.head)
        self._approve(comp, self.head)
        self.assertEqual(comp.state, "to_approve")
        self.assertEqual(comp.next_reviewer_ids, self.accountant)
        self._approve(comp, self.accountant)
        self.assertEqual(comp.state, "approved")
        self.assertFalse(comp.next_reviewer_ids)

    def test_over_threshold(self):
        comp = self._create_compensation(6000)
        comp.with_user(self.salesperson).action_submit()
        self.assertEqual(len(comp.review_ids), 3)
        self.assertEqual(comp.review_ids.sorted("sequence")[1].name, "QC Director")
        self._approve(comp, self.head)
        self.assertEqual(comp.next_reviewer_ids, self.director)
        with self.assertRaises(UserError):
            self._approve(comp, self.accountant)  # not his turn yet
        self._approve(comp, self.director)
        self.assertEqual(comp.state, "to_approve")
        self._approve(comp, self.accountant)
        self.assertEqual(comp.state, "approved")
        self.assertEqual(
            set(comp.review_ids.mapped("done_by")),
            {self.head, self.director, self.accountant},
        )

    def test_audit_in_chatter(self):
        comp = self._create_compensation(6000)
        comp.action_submit()
        self._approve(comp, self.head)
        bodies = " ".join(comp.message_ids.mapped("body"))
        self.assertIn("QC Department Head", bodies)
        self.assertIn(self.head.name, bodies)

    def test_second_approval_fails_cleanly(self):
        comp = self._create_compensation(6000)
        comp.action_submit()
        self._approve(comp, self.head)
        with self.assertRaises(UserError):
            self._approve(comp, self.head)
        self.assertEqual(
            comp.review_ids.filtered(lambda r: r.status == "approved").done_by,
            self.head,
        )

    def test_flow_b_hotline_on_behalf_of_owner(self):
        comp = self._create_compensation(500, user=self.hotline)
        self.assertEqual(comp.proposer_id, self.hotline)
        self.assertEqual(comp.owner_id, self.salesperson)
        self.assertEqual(comp.owner_manager_id, self.head)
        comp.with_user(self.hotline).action_submit()
        self.assertEqual(comp.next_reviewer_ids, self.head)

    def test_no_tier_applies_approves_directly(self):
        (self.tier_head | self.tier_director | self.tier_accountant).active = False
        comp = self._create_compensation(100)
        comp.action_submit()
        self.assertEqual(comp.state, "approved")
        self.assertFalse(comp.review_ids)

    def test_to_approve_by_me_filter(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        mine = self.Compensation.with_user(self.head).search(
            [("can_review", "=", True), ("state", "=", "to_approve")]
        )
        self.assertIn(comp, mine)
        self.assertNotIn(
            comp,
            self.Compensation.with_user(self.director).search(
                [("can_review", "=", True)]
            ),
        )
