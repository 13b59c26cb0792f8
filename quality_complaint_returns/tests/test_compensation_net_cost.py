# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationNetCost(QualityAccountingCommon):
    def _recovery_refund(self, amount, kind=False):
        """A vendor credit note of the carrier, linked to the complaint (the
        recoveries addon makes these)."""
        move = self.env["account.move"].create(
            {
                "move_type": "in_refund",
                "partner_id": self.partner_b.id,
                "invoice_date": "2026-02-01",
                "quality_ticket_id": self.ticket.id,
                "quality_move_kind": kind,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Broken tiles", "quantity": 1, "price_unit": amount}
                    )
                ],
            }
        )
        return move

    def test_net_cost_given_minus_recovered_stored(self):
        proposal = self._approved_proposal([self._refund_line(quantity=3.0)])
        proposal.with_user(self.staff_billing).action_create_credit_notes()
        refund = proposal.line_ids.account_move_id
        self.assertAlmostEqual(self.ticket.quality_net_cost, 0.0)  # draft
        refund.action_post()
        self.assertAlmostEqual(self.ticket.quality_net_cost, 300.0)
        recovery = self._recovery_refund(120.0, "supplier_recovery")
        self.assertAlmostEqual(self.ticket.quality_net_cost, 300.0)
        recovery.action_post()
        self.assertAlmostEqual(self.ticket.quality_net_cost, 180.0)
        self.assertAlmostEqual(proposal.net_cost, 300.0)  # not this proposal's
        # stored: it can be grouped and summed
        self.env.flush_all()
        groups = self.env["helpdesk.ticket"]._read_group(
            [("id", "=", self.ticket.id)], [], ["quality_net_cost:sum"]
        )
        self.assertAlmostEqual(groups[0][0], 180.0)
        # cancelling the credit note takes it out again
        refund.button_draft()
        refund.button_cancel()
        self.assertAlmostEqual(self.ticket.quality_net_cost, -120.0)

    def test_unflagged_vendor_refund_is_a_recovery(self):
        self._recovery_refund(50.0).action_post()
        self.assertAlmostEqual(self.ticket.quality_net_cost, -50.0)
