# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipAccess(QualityOwnershipCommon):
    """Users see the breaches of their own complaints; companies stay apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Breach = cls.env["quality.complaint.breach"]
        cls.own = cls._create_complaint(cls.dealer_contact)  # owner: salesperson
        cls.other = cls._create_complaint(cls.consumer)  # owner: hotline
        cls.own_breach = Breach.create(cls._breach_vals(cls.own))
        cls.other_breach = Breach.create(cls._breach_vals(cls.other))
        cls.company_b = cls.env["res.company"].create({"name": "QC Other Co."})
        team_b = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "QC B",
                "is_quality_team": True,
                "company_id": cls.company_b.id,
                "user_id": cls.env.user.id,
            }
        )
        cls.foreign = cls.env["helpdesk.ticket"].create(
            {"name": "B", "description": "x", "team_id": team_b.id}
        )
        cls.foreign_breach = Breach.create(cls._breach_vals(cls.foreign))

    @classmethod
    def _breach_vals(cls, ticket):
        return {
            "ticket_id": ticket.id,
            "owner_id": ticket.first_responsible_id.id,
            "breach_type": "response",
            "deadline": datetime(2026, 11, 1, 9, 0),
            "hours_late": 5.0,
            "penalty_amount": 30.0,
            "company_id": ticket.company_id.id,
        }

    def test_user_sees_only_own_breaches(self):
        Breach = self.env["quality.complaint.breach"].with_user(self.salesperson)
        visible = Breach.search([])
        self.assertIn(self.own_breach, visible)
        self.assertNotIn(self.other_breach, visible)
        with self.assertRaises(AccessError):
            self.other_breach.with_user(self.salesperson).read(["penalty_amount"])

    def test_user_cannot_edit_breach(self):
        with self.assertRaises(AccessError):
            self.own_breach.with_user(self.salesperson).penalty_amount = 0.0

    def test_manager_sees_all_of_his_company_only(self):
        Breach = self.env["quality.complaint.breach"].with_user(self.manager)
        visible = Breach.search([])
        self.assertIn(self.own_breach, visible)
        self.assertIn(self.other_breach, visible)
        self.assertNotIn(self.foreign_breach, visible)
        with self.assertRaises(AccessError):
            self.foreign_breach.with_user(self.manager).read(["penalty_amount"])

    def test_breach_unique_per_ticket_and_type(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["quality.complaint.breach"].create(self._breach_vals(self.own))
