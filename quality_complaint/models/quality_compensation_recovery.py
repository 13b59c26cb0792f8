# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .number_guard import MAX_NUMBER, ensure_valid_numbers

# A share is a percentage; a fixed amount is zero or more.
NUMBER_RULES = {
    "share": (0.0, False, 100.0),
    "amount": (0.0, False, MAX_NUMBER),
}


class QualityCompensationRecovery(models.Model):
    _name = "quality.compensation.recovery"
    _description = "Compensation Recovery"
    _order = "compensation_id, id"

    compensation_id = fields.Many2one(
        "quality.compensation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="compensation_id.company_id", store=True)
    currency_id = fields.Many2one(related="compensation_id.currency_id")
    recovery_party = fields.Selection(
        [
            ("carrier", "Carrier (freight bill)"),
            ("distributor", "Distributor (rebate)"),
            ("supplier", "Supplier"),
        ],
        required=True,
    )
    partner_id = fields.Many2one("res.partner", required=True)
    share = fields.Float(
        string="Share (%)",
        help="Percentage of the compensation recovered; ignored when a fixed "
        "amount is set.",
    )
    amount = fields.Monetary(
        string="Fixed Amount", help="Fixed amount recovered from the partner."
    )
    amount_computed = fields.Monetary(
        string="Recovered Amount", compute="_compute_amount_computed", store=True
    )
    note = fields.Char()

    @api.depends("amount", "share", "compensation_id.amount_total")
    def _compute_amount_computed(self):
        for rec in self:
            if rec.amount:
                rec.amount_computed = rec.amount
            else:
                rec.amount_computed = rec.currency_id.round(
                    rec.compensation_id.amount_total * rec.share / 100
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            ensure_valid_numbers(self, vals, NUMBER_RULES)
        self.env["quality.compensation"].browse(
            [v.get("compensation_id") for v in vals_list if v.get("compensation_id")]
        )._ensure_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        ensure_valid_numbers(self, vals, NUMBER_RULES)
        if set(vals) - set(self._get_execution_fields()):
            self.compensation_id._ensure_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.compensation_id._ensure_unlocked()

    @api.model
    def _get_execution_fields(self):
        """Fields that execution (accounting documents) may still write on the
        recoveries of an approved proposal; extend to add links."""
        return []
