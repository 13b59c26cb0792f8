# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_quality_team = fields.Boolean(
        string="Quality Complaints",
        help="Tickets of this team are product-quality complaints.",
    )

    # Ownership and time: response and resolution deadlines
    quality_response_hours = fields.Float(
        string="Response Time (hours)",
        default=24.0,
        help="The customer must get an answer within this time after reception.",
    )
    quality_response_working_hours = fields.Boolean(
        string="Count Working Hours Only",
        help="Plan the response time on the company's working calendar "
        "instead of around the clock.",
    )
    quality_resolution_days_minor = fields.Integer(
        string="Resolution Days (Minor)",
        default=15,
        help="Working days to resolve a minor complaint.",
    )
    quality_resolution_days_general = fields.Integer(
        string="Resolution Days (General)",
        default=10,
        help="Working days to resolve a general complaint.",
    )
    quality_resolution_days_serious = fields.Integer(
        string="Resolution Days (Serious)",
        default=5,
        help="Working days to resolve a serious complaint.",
    )
    quality_repair_days = fields.Integer(
        string="Repair Days",
        help="Working days to finish a repair; empty: the company's setting.",
    )

    _quality_response_hours_positive = models.Constraint(
        "CHECK(quality_response_hours >= 0)",
        "The response time cannot be negative.",
    )

    def _get_quality_resolution_days(self, severity):
        """Working days to resolve a complaint of ``severity`` (general if unset)."""
        if not self:
            return 0
        self.ensure_one()
        return self[f"quality_resolution_days_{severity or 'general'}"]
