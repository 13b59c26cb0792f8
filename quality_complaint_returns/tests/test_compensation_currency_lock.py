# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationCurrencyLock(QualityAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.foreign = cls.setup_other_currency(
            "EUR", rates=[("2026-01-01", 2.0), ("2026-06-01", 4.0)]
        )

    def test_foreign_currency_invoice(self):
        """Invoice in EUR at 2 EUR per company unit: the proposal's price (in
        company currency) becomes EUR at the invoice's rate; the credit note
        is right in both currencies and settles the invoice exactly."""
        invoice = self._create_tile_invoice(currency=self.foreign)
        ticket = self._create_complaint(invoice)
        proposal = self._approved_proposal(
            [self._refund_line(quantity=3.0, price=50.0)], ticket
        )
        proposal.with_user(self.staff_billing).action_create_credit_notes()
        refund = proposal.line_ids.account_move_id
        self.assertEqual(refund.currency_id, self.foreign)
        self.assertRecordValues(
            refund.invoice_line_ids, [{"quantity": 3.0, "price_unit": 100.0}]
        )
        self.assertAlmostEqual(refund.amount_total, 345.0)  # EUR
        refund.action_post()
        receivable = refund.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "asset_receivable"
        )
        self.assertAlmostEqual(receivable.amount_currency, -345.0)
        rate = refund.invoice_currency_rate
        self.assertAlmostEqual(receivable.balance, -345.0 / rate)
        self.assertTrue(receivable.reconciled)
        self.assertAlmostEqual(invoice.amount_residual, 1207.5 - 345.0)  # EUR
        self.assertAlmostEqual(ticket.quality_net_cost, 300.0 / rate)

    def test_credit_note_in_locked_period(self):
        """A credit note dated in a locked period is not booked there: Odoo
        moves its accounting date after the lock date when posting."""
        self.company.fiscalyear_lock_date = "2026-03-31"
        proposal = self._approved_proposal([self._refund_line(quantity=1.0)])
        line = proposal.line_ids
        refund = line.with_user(self.staff_billing)._action_create_credit_note(
            date=fields.Date.to_date("2026-02-10")
        )
        refund.with_user(self.accountant).action_post()
        self.assertEqual(refund.state, "posted")
        self.assertGreater(refund.date, fields.Date.to_date("2026-03-31"))
        self.assertAlmostEqual(self.invoice.amount_residual, 1207.5 - 115.0)
        # posted in an open period, it can no more go back into the locked one
        self.company.fiscalyear_lock_date = refund.date
        with self.assertRaisesRegex(UserError, "Lock Date"):
            refund.button_draft()
