# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationTierChange(CompensationCommon):
    """A changed tier definition leaves the reviews already requested alone."""

    def test_changed_reviewer_keeps_existing_review(self):
        comp = self._create_compensation(6000)
        comp.action_submit()
        review = comp.review_ids.filtered(
            lambda r: r.definition_id == self.tier_director
        )
        self.assertEqual(review.reviewer_ids, self.director)
        self.tier_director.reviewer_id = self.head
        self.env.flush_all()
        review.invalidate_recordset()
        self.assertEqual(review.reviewer_ids, self.director)
        comp.with_user(self.head).validate_tier()
        comp.with_user(self.director).validate_tier()
        self.assertEqual(review.status, "approved")
        # a proposal submitted afterwards uses the new reviewer
        other = self._create_compensation(7000)
        other.action_submit()
        new_review = other.review_ids.filtered(
            lambda r: r.definition_id == self.tier_director
        )
        self.assertEqual(new_review.reviewer_ids, self.head)

    def test_group_membership_change_keeps_reviewers(self):
        group = self.env["res.groups"].create(
            {"name": "QC reviewers", "user_ids": [Command.set(self.director.ids)]}
        )
        self.tier_director.write(
            {"review_type": "group", "reviewer_group_id": group.id}
        )
        comp = self._create_compensation(6000)
        comp.action_submit()
        review = comp.review_ids.filtered(
            lambda r: r.definition_id == self.tier_director
        )
        group.user_ids = [Command.link(self.accountant.id)]
        self.env.flush_all()
        review.invalidate_recordset()
        self.assertEqual(review.reviewer_ids, self.director)
