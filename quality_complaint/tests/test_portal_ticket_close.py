# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .intake_common import IntakeFixtures


@tagged("post_install", "-at_install")
class TestPortalTicketClose(IntakeFixtures, HttpCase):
    """helpdesk_mgmt's /ticket/close closes any ticket by id (OCA helpdesk#1089):
    our override lets only the ticket's customer close it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_intake()
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Close QC-CLOSE",
                "description": "Broken",
                "team_id": cls.team.id,
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
            }
        )
        cls.done = cls.env["helpdesk.ticket.stage"].search(
            [("close_from_portal", "=", True), ("closed", "=", True)], limit=1
        )

    def _close(self, ticket):
        return self.url_open(
            f"/ticket/close?ticket_id={ticket.id}&stage_id={self.done.id}",
            allow_redirects=False,
        )

    def test_other_customer_cannot_close(self):
        self.assertTrue(self.done)
        self.authenticate("qc_portal_b", "qc_portal_b")
        self._close(self.complaint)
        self.assertFalse(self.complaint.closed)
        self.assertNotEqual(self.complaint.stage_id, self.done)

    def test_follower_of_another_company_cannot_close(self):
        """Readable as a follower, yet not his complaint: refused."""
        self.complaint.message_subscribe(partner_ids=self.other_customer.ids)
        self.authenticate("qc_portal_b", "qc_portal_b")
        self._close(self.complaint)
        self.assertFalse(self.complaint.closed)

    def test_stage_of_another_team_refused(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "QC other"})
        foreign_stage = self.done.copy(
            {"name": "Done elsewhere", "team_ids": [Command.set(other_team.ids)]}
        )
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open(
            f"/ticket/close?ticket_id={self.complaint.id}&stage_id={foreign_stage.id}",
            allow_redirects=False,
        )
        self.assertIn(resp.status_code, (302, 303))
        self.assertNotEqual(self.complaint.stage_id, foreign_stage)

    def test_malformed_request(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open("/ticket/close?ticket_id=abc", allow_redirects=False)
        self.assertIn(resp.status_code, (302, 303))
        self.assertFalse(self.complaint.closed)

    def test_unknown_ticket(self):
        self.authenticate("qc_portal_b", "qc_portal_b")
        resp = self._close(self.env["helpdesk.ticket"].browse(999999999))
        self.assertIn(resp.status_code, (302, 303))

    def test_customer_closes_own_complaint(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self._close(self.complaint)
        self.assertIn(resp.status_code, (302, 303))
        self.assertTrue(self.complaint.closed)
        self.assertEqual(self.complaint.stage_id, self.done)
