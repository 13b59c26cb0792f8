# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationAccess(CompensationCommon):
    def setUp(self):
        super().setUp()
        self.comp = self._create_compensation(1000, user=self.hotline)

    def test_team_user_reads_and_creates(self):
        self.assertTrue(self.comp.with_user(self.salesperson).read(["amount_total"]))
        self.assertTrue(self.comp.with_user(self.salesperson).line_ids.read(["amount"]))

    def test_outsider_cannot_read(self):
        with self.assertRaises(AccessError):
            self.comp.with_user(self.outsider).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.comp.line_ids.with_user(self.outsider).read(["amount"])
        self.assertFalse(
            self.Compensation.with_user(self.outsider).search(
                [("id", "=", self.comp.id)]
            )
        )
        with self.assertRaises(AccessError):
            self._create_compensation(10, user=self.outsider)

    def test_manager_sees_all(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Other"})
        ticket = self._create_ticket(
            team_id=other_team.id, user_id=False, first_responsible_id=False
        )
        comp = self.Compensation.create({"ticket_id": ticket.id})
        self.assertTrue(comp.with_user(self.head).read(["name"]))
        self.assertTrue(comp.with_user(self.director).read(["name"]))
        with self.assertRaises(AccessError):
            comp.with_user(self.salesperson).read(["name"])

    def test_accountant_reads_only(self):
        comp = self.comp.with_user(self.accountant)
        self.assertTrue(comp.read(["amount_total"]))
        with self.assertRaises(AccessError):
            comp.write({"solution": "<p>x</p>"})
        with self.assertRaises(AccessError):
            self._create_compensation(10, user=self.accountant)

    def test_user_cannot_delete(self):
        with self.assertRaises(AccessError):
            self.comp.with_user(self.hotline).unlink()
        self.comp.with_user(self.head).unlink()

    def test_other_company_hidden(self):
        company = self.env["res.company"].create({"name": "QC Other Co"})
        self.head.write({"company_ids": [(4, company.id)]})
        ticket = self._create_ticket(company_id=company.id, team_id=False)
        comp = self.Compensation.create({"ticket_id": ticket.id})
        self.assertEqual(comp.company_id, company)
        with self.assertRaises(AccessError):
            comp.with_user(self.director).read(["name"])
