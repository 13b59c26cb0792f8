# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_quality_complaint = fields.Boolean(
        string="Quality Complaint",
        compute="_compute_is_quality_complaint",
        store=True,
        readonly=False,
        index=True,
        help="Set by the team: tickets of a quality team are quality complaints.",
    )

    # ------------------------------------------------------------------
    # Intake and assessment: product, lot, documents, 5W1H, defect,
    # severity, responsible party, warranty
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time: first-responsible person, deadlines, breaches
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("team_id.is_quality_team")
    def _compute_is_quality_complaint(self):
        for ticket in self:
            if ticket.team_id.is_quality_team:
                ticket.is_quality_complaint = True

    # ------------------------------------------------------------------
    # Assessment methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------
