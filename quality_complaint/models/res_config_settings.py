# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_complaint_penalty_minor = fields.Monetary(
        related="company_id.quality_complaint_penalty_minor", readonly=False
    )
    quality_complaint_penalty_general = fields.Monetary(
        related="company_id.quality_complaint_penalty_general", readonly=False
    )
    quality_complaint_penalty_serious = fields.Monetary(
        related="company_id.quality_complaint_penalty_serious", readonly=False
    )
    quality_complaint_repair_days = fields.Integer(
        related="company_id.quality_complaint_repair_days", readonly=False
    )
    quality_complaint_warranty_months = fields.Integer(
        related="company_id.quality_complaint_warranty_months",
        readonly=False,
    )
