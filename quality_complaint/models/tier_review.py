# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class TierReview(models.Model):
    _inherit = "tier.review"

    quality_reviewer_snapshot_ids = fields.Many2many(
        "res.users",
        "tier_review_quality_snapshot_rel",
        string="Reviewers at Request",
        help="Reviewers resolved when the review was requested; later changes of "
        "the tier definition do not change them.",
    )

    def _get_reviewers(self):
        if self.quality_reviewer_snapshot_ids:
            return self.quality_reviewer_snapshot_ids
        return super()._get_reviewers()

    def _quality_freeze_reviewers(self):
        """Keep the reviewers resolved at request time; called by
        quality.compensation.request_validation()."""
        for review in self:
            review.quality_reviewer_snapshot_ids = review.reviewer_ids
