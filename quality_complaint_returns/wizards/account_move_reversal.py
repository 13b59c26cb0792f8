# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    quality_compensation_line_id = fields.Many2one(
        "quality.compensation.line",
        string="Compensation Line",
        help="When set, the reversal is the partial credit note of this line "
        "of a complaint's compensation.",
    )
    quality_compensation_line_ids = fields.Many2many(
        "quality.compensation.line",
        string="Compensation Lines",
        help="When set, the reversal is the partial credit note of these lines "
        "of a complaint's compensation (one credit note for all of them).",
    )

    def _get_quality_compensation_lines(self):
        return self.quality_compensation_line_ids | self.quality_compensation_line_id

    def _prepare_default_reversal(self, move):
        vals = super()._prepare_default_reversal(move)
        lines = self._get_quality_compensation_lines()
        if lines:
            vals.update(lines[:1]._prepare_quality_move_link_vals("customer_credit"))
        return vals

    def reverse_moves(self, is_modify=False):
        action = super().reverse_moves(is_modify=is_modify)
        lines = self._get_quality_compensation_lines()
        if lines:
            for refund in self.new_move_ids.filtered(lambda m: m.state == "draft"):
                lines._apply_to_refund(refund)
        return action
