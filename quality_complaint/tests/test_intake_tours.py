# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .intake_common import IntakeFixtures


@tagged("post_install", "-at_install")
class TestIntakeTours(IntakeFixtures, HttpCase):
    """Complaints entered the way people do: back office and portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "QC Tour Team",
                "is_quality_team": True,
                "show_in_portal": True,
                "sequence": -100,
            }
        )
        cls.product = cls._create_lot_product("QC Tour Tile")
        cls.lot = cls._create_lot(cls.product, "QCTOUR-A")
        cls.customer_user = new_test_user(
            cls.env,
            login="qc_tour_portal",
            groups="base.group_portal",
            name="Tour Customer",
        )
        cls.customer = cls.customer_user.partner_id
        cls._deliver(cls.customer, cls.product, cls.lot, 10)
        cls.complaint_user = new_test_user(
            cls.env,
            login="qc_tour_user",
            groups="quality_complaint.quality_complaint_group_user,"
            "sales_team.group_sale_salesman",
        )
        cls.team.user_ids = [Command.link(cls.complaint_user.id)]

    def _complaints(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer.id)]
        )

    def test_backoffice_intake_tour(self):
        self.start_tour(
            "/odoo", "quality_complaint_backoffice_intake_tour", login="qc_tour_user"
        )
        ticket = self._complaints()
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.name, "Tour: cracked tiles on arrival")
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.product_id, self.product)
        self.assertEqual(ticket.lot_id, self.lot)
        self.assertEqual(ticket.complaint_qty, 6)
        self.assertIn("cracked", ticket.description)

    def test_portal_intake_tour(self):
        self.start_tour(
            "/my/tickets",
            "quality_complaint_portal_intake_tour",
            login="qc_tour_portal",
        )
        ticket = self._complaints()
        self.assertEqual(len(ticket), 1)
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("quality_complaint.helpdesk_ticket_channel_portal"),
        )
        self.assertEqual(ticket.product_id, self.product)
        self.assertEqual(ticket.lot_id, self.lot)
        self.assertEqual(ticket.complaint_qty, 4)
