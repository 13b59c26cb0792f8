# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    quality_warranty_months = fields.Integer(
        string="Warranty (months)",
        help="Warranty period of this product for quality complaints, counted "
        "from the delivery (or purchase) date. 0: use the company default.",
    )

    _check_quality_warranty_months = models.Constraint(
        "CHECK (quality_warranty_months >= 0)",
        "The warranty period cannot be negative.",
    )
