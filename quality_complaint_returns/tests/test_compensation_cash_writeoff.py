# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationCashWriteOff(QualityAccountingCommon):
    def _cash_line(self, amount):
        return {
            "compensation_type": "cash",
            "name": "Site delay",
            "product_id": False,
            "quantity": 1.0,
            "price_unit": amount,
        }

    def test_cash_payment_draft_for_accounting(self):
        proposal = self._approved_proposal([self._cash_line(500.0)])
        proposal.with_user(self.staff_billing).action_create_payments()
        payment = proposal.line_ids.payment_id
        self.assertRecordValues(
            payment,
            [
                {
                    "state": "draft",
                    "payment_type": "outbound",
                    "partner_type": "customer",
                    "partner_id": self.customer.id,
                    "amount": 500.0,
                    "quality_ticket_id": self.ticket.id,
                    "quality_compensation_id": proposal.id,
                }
            ],
        )
        with self.assertRaises(AccessError):
            payment.with_user(self.staff_billing).action_post()
        self.assertAlmostEqual(self.ticket.quality_net_cost, 0.0)
        payment.with_user(self.accountant).action_post()
        self.assertEqual(payment.move_id.quality_move_kind, "cash")
        self.assertEqual(payment.move_id.quality_ticket_id, self.ticket)
        self.assertLines(
            payment.move_id,
            [
                {
                    "account_id": payment.outstanding_account_id,
                    "partner_id": self.customer,
                    "balance": -500.0,
                },
                {
                    "account_id": self.company_data["default_account_receivable"],
                    "partner_id": self.customer,
                    "balance": 500.0,
                },
            ],
        )
        self.assertAlmostEqual(self.ticket.quality_net_cost, 500.0)
        self.assertAlmostEqual(proposal.net_cost, 500.0)

    def _done_goods_proposal(self):
        proposal = self._approved_proposal(
            [
                {
                    "compensation_type": "replacement",
                    "product_id": self.tile.id,
                    "quantity": 2.0,
                },
                {
                    "compensation_type": "repair",
                    "name": "Re-glazing",
                    "product_id": self.tile.id,
                    "quantity": 1.0,
                    "price_unit": 150.0,
                },
            ]
        )
        for line in proposal.line_ids:
            line.write({"executed": True, "executed_qty": line.quantity})
        proposal.action_done()
        return proposal

    def test_write_off_on_done_with_analytics(self):
        proposal = self._done_goods_proposal()
        move = proposal.write_off_move_id
        self.assertEqual(move.state, "draft")
        self.assertEqual(move.quality_move_kind, "write_off")
        self.assertEqual(move.journal_id.type, "general")
        expense = self.company.quality_complaint_expense_account_id
        self.assertEqual(expense.account_type, "expense")
        analytic = self.env["account.analytic.account"].search(
            [("code", "=", f"QC-CAT-{self.category.id}")]
        )
        self.assertEqual(analytic.plan_id.name, "Quality Complaints")
        cogs = self.company_data["default_account_expense"]
        dist = {str(analytic.id): 100.0}
        self.assertLines(
            move,
            [
                {"account_id": expense, "balance": 80.0, "analytic_distribution": dist},
                {
                    "account_id": expense,
                    "balance": 150.0,
                    "analytic_distribution": dist,
                },
                {"account_id": cogs, "balance": -150.0, "analytic_distribution": False},
                {"account_id": cogs, "balance": -80.0, "analytic_distribution": False},
            ],
        )
        self.assertIn(proposal.name, move.line_ids[0].name)
        self.assertIn(self.ticket.display_name, str(move.narration))
        # staff cannot post it, the accountant's button posts the same entry
        with self.assertRaises(AccessError):
            proposal.with_user(self.staff_billing).action_write_off()
        proposal.with_user(self.accountant).action_write_off()
        self.assertEqual(move.state, "posted")
        self.assertEqual(proposal.write_off_move_id, move)
        with self.assertRaisesRegex(UserError, "already written off"):
            proposal.with_user(self.accountant).action_write_off()
        self.assertAlmostEqual(self.ticket.quality_net_cost, 230.0)

    def test_mark_as_done_button(self):
        """The form's Mark as Done button reaches action_done with the ids
        of the proposal (call_kw, as /web/dataset/call_button does)."""
        proposal = self._approved_proposal(
            [{"compensation_type": "replacement", "product_id": self.tile.id}]
        )
        proposal.line_ids.write({"executed": True, "executed_qty": 1.0})
        call_kw(self.env["quality.compensation"], "action_done", [proposal.ids], {})
        self.assertEqual(proposal.state, "done")
        self.assertEqual(proposal.write_off_move_id.quality_move_kind, "write_off")

    def test_write_off_in_locked_period_untouched(self):
        """Once the period is locked, Odoo refuses to reset the posted
        write-off, and the proposal does not book a second one."""
        proposal = self._done_goods_proposal()
        proposal.with_user(self.accountant).action_write_off()
        move = proposal.write_off_move_id
        self.company.fiscalyear_lock_date = move.date
        with self.assertRaisesRegex(UserError, "Lock Date"):
            move.button_draft()
        with self.assertRaisesRegex(UserError, "already written off"):
            proposal.with_user(self.accountant).action_write_off()
        self.assertEqual(move.state, "posted")

    def test_nothing_to_write_off(self):
        proposal = self._approved_proposal([self._cash_line(10.0)])
        with self.assertRaisesRegex(UserError, "nothing to write off"):
            proposal.with_user(self.accountant).action_write_off()
