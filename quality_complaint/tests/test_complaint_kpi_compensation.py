# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import MANAGER, CompensationCommon


@tagged("post_install", "-at_install")
class TestComplaintKpiCompensation(CompensationCommon):
    """Compensation given / recovered / net: approved and done proposals only."""

    def _approve(self, comp):
        comp.action_submit()
        comp.with_user(self.head).validate_tier()
        comp.with_user(self.accountant).validate_tier()
        self.assertEqual(comp.state, "approved")
        return comp

    def test_only_granted_proposals_count(self):
        granted = self._create_compensation(
            1000,
            recovery_ids=[
                Command.create(
                    {
                        "recovery_party": "supplier",
                        "partner_id": self.supplier.id,
                        "amount": 300,
                    }
                )
            ],
        )
        self._approve(granted)
        draft = self._create_compensation(500)
        self.assertEqual(self.ticket.compensation_given_amount, 1000)
        self.assertEqual(self.ticket.compensation_recovered_amount, 300)
        self.assertEqual(self.ticket.compensation_net_amount, 700)
        self.assertEqual(self.ticket.compensation_outcome, "pending")
        draft.action_cancel()
        granted.customer_acceptance = "accepted"
        self.assertEqual(self.ticket.compensation_outcome, "accepted")
        report = self.env["quality.complaint.report"].with_user(self.head)
        given, recovered, net = report._read_group(
            [("ticket_id", "=", self.ticket.id)],
            [],
            [
                "compensation_given_amount:sum",
                "compensation_recovered_amount:sum",
                "compensation_net_amount:sum",
            ],
        )[0]
        self.assertEqual((given, recovered, net), (1000, 300, 700))
        self.assertTrue(self.head.has_group(MANAGER))

    def test_no_proposal(self):
        ticket = self._create_ticket()
        self.assertEqual(ticket.compensation_outcome, "none")
        self.assertEqual(ticket.compensation_net_amount, 0)
