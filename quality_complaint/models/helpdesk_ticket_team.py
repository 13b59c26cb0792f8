# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_quality_team = fields.Boolean(
        string="Quality Complaints",
        help="Tickets of this team are product-quality complaints.",
    )
