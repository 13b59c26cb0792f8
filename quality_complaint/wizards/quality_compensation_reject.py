# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityCompensationReject(models.TransientModel):
    _name = "quality.compensation.reject"
    _description = "Reject Compensation Proposal"

    compensation_id = fields.Many2one(
        "quality.compensation", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.compensation_id._action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
