# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    is_quality_category = fields.Boolean(
        string="Quality Complaints",
        help="Tickets of this category are product-quality complaints, "
        "whatever their team.",
    )
