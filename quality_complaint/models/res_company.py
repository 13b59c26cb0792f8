# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_complaint_penalty_minor = fields.Monetary(
        string="Breach Penalty (Minor)",
        currency_field="currency_id",
        default=10.0,
        help="Charged to the owner for each missed deadline of a minor complaint.",
    )
    quality_complaint_penalty_general = fields.Monetary(
        string="Breach Penalty (General)",
        currency_field="currency_id",
        default=30.0,
    )
    quality_complaint_penalty_serious = fields.Monetary(
        string="Breach Penalty (Serious)",
        currency_field="currency_id",
        default=50.0,
    )
    quality_complaint_repair_days = fields.Integer(
        string="Repair Days",
        default=7,
        help="Working days to finish the repair of a complaint.",
    )

    def _get_quality_complaint_penalty(self, severity):
        """Penalty of one breach for ``severity`` (general if unset)."""
        self.ensure_one()
        return self[f"quality_complaint_penalty_{severity or 'general'}"]

    quality_complaint_warranty_months = fields.Integer(
        string="Default Warranty (months)",
        default=12,
        help="Warranty period of products without their own period.",
    )
