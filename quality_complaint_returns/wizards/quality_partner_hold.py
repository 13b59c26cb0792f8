# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityPartnerHold(models.TransientModel):
    _name = "quality.partner.hold"
    _description = "Put a Partner's Sales on Hold"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.partner_id._quality_set_sale_hold(self.reason)
        return {"type": "ir.actions.act_window_close"}
