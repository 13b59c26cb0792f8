# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOwnershipTour(HttpCase):
    """The ownership part of the complaint form and the breach log render."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "QC tour team",
                "is_quality_team": True,
                "user_id": cls.env.ref("base.user_admin").id,
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {"name": "QC tour complaint", "description": "x", "team_id": team.id}
        )
        cls.env["quality.complaint.breach"].create(
            {
                "ticket_id": cls.ticket.id,
                "owner_id": cls.ticket.first_responsible_id.id,
                "breach_type": "response",
                "deadline": datetime(2026, 11, 1, 9, 0),
                "hours_late": 3.0,
                "penalty_amount": 30.0,
            }
        )

    def test_ownership_form_tour(self):
        self.start_tour(
            f"/odoo/quality-complaints/{self.ticket.id}",
            "quality_complaint_ownership_tour",
            login="admin",
        )
        self.assertTrue(self.ticket.first_response_date)

    def test_breach_log_tour(self):
        self.start_tour(
            "/odoo/quality-complaint-breaches",
            "quality_complaint_breach_log_tour",
            login="admin",
        )
