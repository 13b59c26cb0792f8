# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QualityCompensationLine(models.Model):
    _inherit = "quality.compensation.line"

    loyalty_card_id = fields.Many2one(
        "loyalty.card", string="Coupon", copy=False, readonly=True
    )

    @api.model
    def _get_execution_fields(self):
        return super()._get_execution_fields() + ["loyalty_card_id"]

    def _action_create_loyalty_card(self):
        """Issue the coupon of this line on the company's complaint program
        (as superuser: the approved proposal is the authorisation)."""
        self.ensure_one()
        program = self.company_id.quality_complaint_loyalty_program_id
        if not program:
            raise UserError(
                self.env._(
                    "Set the complaint coupon program in the Accounting settings "
                    "of %s first.",
                    self.company_id.name,
                )
            )
        card = (
            self.env["loyalty.card"]
            .sudo()
            .create(self._prepare_loyalty_card_vals(program))
        )
        self.write({"loyalty_card_id": card.id, "executed": True, "executed_qty": 1.0})
        return card

    def _prepare_loyalty_card_vals(self, program):
        """Customer coupon worth the amount (_action_create_loyalty_card)."""
        comp = self.compensation_id
        return {
            "program_id": program.id,
            "partner_id": comp.partner_id.commercial_partner_id.id,
            "points": self.amount,
            "quality_ticket_id": comp.ticket_id.id,
            "quality_compensation_line_id": self.id,
            "quality_amount": self.amount,
        }

    def _get_loyalty_given_amount(self):
        """Company-currency value of the coupons issued for these lines."""
        total = 0.0
        for line in self.filtered("loyalty_card_id"):
            company = line.company_id
            total += line.currency_id._convert(
                line.amount,
                company.currency_id,
                company,
                fields.Date.context_today(line),
            )
        return total
