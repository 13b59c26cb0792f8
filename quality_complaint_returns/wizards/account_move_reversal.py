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

    def _prepare_default_reversal(self, move):
        vals = super()._prepare_default_reversal(move)
        line = self.quality_compensation_line_id
        if line:
            vals.update(line._prepare_quality_move_link_vals("customer_credit"))
        return vals

    def reverse_moves(self, is_modify=False):
        action = super().reverse_moves(is_modify=is_modify)
        line = self.quality_compensation_line_id
        if line:
            for refund in self.new_move_ids.filtered(lambda m: m.state == "draft"):
                line._apply_to_refund(refund)
        return action
