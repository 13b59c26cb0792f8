# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_complaint_loyalty_program_id = fields.Many2one(
        "loyalty.program",
        string="Complaint Coupon Program",
        check_company=True,
        help="Loyalty program of the coupons and points given to complaining "
        "customers (one point per currency unit).",
    )
