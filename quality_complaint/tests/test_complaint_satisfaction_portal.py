# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged

from .intake_common import IntakeFixtures

SATISFACTION = "quality_complaint.mail_activity_type_quality_satisfaction"


@tagged("post_install", "-at_install")
class TestComplaintSatisfactionPortal(IntakeFixtures, HttpCase):
    """The customer rates his closed complaint from its portal page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_intake()
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Rate QC-RATE",
                "description": "Broken",
                "team_id": cls.team.id,
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
            }
        )
        cls.complaint.stage_id = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def test_portal_page_offers_rating_and_low_rating_follows_up(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        page = self.url_open(f"/my/ticket/{self.complaint.id}").text
        self.assertIn("Your Satisfaction", page)
        token = self.complaint.rating_ids.access_token
        self.assertTrue(token)
        self.assertIn(f"/rate/{token}/1", page)
        resp = self.url_open(
            f"/rate/{token}/submit_feedback",
            data={
                "rate": 1,
                "feedback": "Still broken",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(self.complaint.satisfaction_score, 1)
        follow_ups = self.complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(SATISFACTION)
        )
        self.assertEqual(
            len(follow_ups), 2, "the 48 h follow-up and the low-rating one"
        )
        page = self.url_open(f"/my/ticket/{self.complaint.id}").text
        self.assertIn("Thank you for your rating.", page)
