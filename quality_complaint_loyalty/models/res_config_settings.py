# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_complaint_loyalty_program_id = fields.Many2one(
        related="company_id.quality_complaint_loyalty_program_id", readonly=False
    )
