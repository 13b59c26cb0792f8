# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_complaint_ship_before_return = fields.Boolean(
        string="Ship Replacements Before Return",
        help="Create the replacement delivery of a complaint as soon as the "
        "return receipt is created, without waiting for the goods to come back.",
    )
