# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_complaint_ship_before_return = fields.Boolean(
        related="company_id.quality_complaint_ship_before_return", readonly=False
    )
