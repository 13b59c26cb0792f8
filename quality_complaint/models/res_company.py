# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_complaint_warranty_months = fields.Integer(
        string="Default Warranty (months)",
        default=12,
        help="Warranty period of products without their own period.",
    )
