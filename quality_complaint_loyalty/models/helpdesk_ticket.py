# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.depends(
        "quality_move_ids.state",
        "quality_move_ids.amount_total_signed",
        "quality_move_ids.amount_untaxed_signed",
        "quality_move_ids.quality_move_kind",
        "quality_payment_ids.state",
        "quality_payment_ids.amount_company_currency_signed",
        "compensation_ids.line_ids.loyalty_card_id",
    )
    def _compute_quality_net_cost(self):
        return super()._compute_quality_net_cost()

    def _get_quality_extra_given(self):
        return super()._get_quality_extra_given() + (
            self.compensation_ids.line_ids._get_loyalty_given_amount()
        )
