# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QualityCompensation(models.Model):
    _inherit = "quality.compensation"

    loyalty_card_count = fields.Integer(compute="_compute_loyalty_card_count")
    can_create_coupons = fields.Boolean(compute="_compute_can_execute_money")

    @api.depends("line_ids.loyalty_card_id")
    def _compute_loyalty_card_count(self):
        for rec in self:
            rec.loyalty_card_count = len(rec.line_ids.loyalty_card_id)

    def _compute_can_execute_money(self):
        res = super()._compute_can_execute_money()
        for rec in self:
            rec.can_create_coupons = rec.state == "approved" and any(
                line.compensation_type == "coupon" and not line.executed
                for line in rec.line_ids
            )
        return res

    @api.depends(
        "account_move_ids.state",
        "account_move_ids.amount_total_signed",
        "account_move_ids.amount_untaxed_signed",
        "account_move_ids.quality_move_kind",
        "payment_ids.state",
        "payment_ids.amount_company_currency_signed",
        "line_ids.loyalty_card_id",
    )
    def _compute_net_cost(self):
        return super()._compute_net_cost()

    def _get_quality_extra_given(self):
        return super()._get_quality_extra_given() + (
            self.line_ids._get_loyalty_given_amount()
        )

    def action_create_coupons(self):
        """Issue the loyalty cards of the coupon lines."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self._lock_for_execution()
        lines = self.line_ids.filtered(
            lambda line: line.compensation_type == "coupon" and not line.executed
        )
        if not lines:
            raise UserError(self.env._("No coupon line is left to issue."))
        for line in lines:
            line._action_create_loyalty_card()
        return True

    def action_view_loyalty_cards(self):
        self.ensure_one()
        return self.line_ids.loyalty_card_id._get_records_action(
            name=self.env._("Coupons")
        )
