# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationCreditNote(QualityAccountingCommon):
    def _credit(self, proposal, user=None):
        proposal.with_user(user or self.staff_billing).action_create_credit_notes()
        return proposal.line_ids.account_move_id

    def test_partial_credit_note_lines_and_reconciliation(self):
        proposal = self._approved_proposal([self._refund_line(quantity=3.0)])
        refund = self._credit(proposal)
        self.assertRecordValues(
            refund,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "partner_id": self.customer.id,
                    "reversed_entry_id": self.invoice.id,
                    "quality_ticket_id": self.ticket.id,
                    "quality_compensation_id": proposal.id,
                    "quality_move_kind": "customer_credit",
                    "amount_untaxed": 300.0,
                    "amount_total": 345.0,
                }
            ],
        )
        self.assertRecordValues(
            refund.invoice_line_ids,
            [{"product_id": self.tile.id, "quantity": 3.0, "price_unit": 100.0}],
        )
        self.assertTrue(proposal.line_ids.executed)
        self.assertIn(refund, self.ticket.quality_move_ids)
        self.assertEqual(proposal.account_move_count, 1)
        refund.with_user(self.accountant).action_post()
        receivable = self.company_data["default_account_receivable"]
        tax_account = self.tax_sale_a.invoice_repartition_line_ids.account_id
        self.assertLines(
            refund,
            [
                {
                    "account_id": self.company_data["default_account_revenue"],
                    "partner_id": self.customer,
                    "balance": 300.0,
                    "amount_residual": 0.0,
                },
                {
                    "account_id": tax_account,
                    "partner_id": self.customer,
                    "balance": 45.0,
                    "amount_residual": 0.0,
                },
                {
                    "account_id": receivable,
                    "partner_id": self.customer,
                    "balance": -345.0,
                    "amount_residual": 0.0,
                },
            ],
        )
        self.assertEqual(refund.payment_state, "paid")
        self.assertAlmostEqual(self.invoice.amount_residual, 1207.5 - 345.0)
        self.assertAlmostEqual(self.ticket.quality_net_cost, 300.0)
        self.assertAlmostEqual(proposal.net_cost, 300.0)

    def test_over_credit_refused_with_figures(self):
        first = self._approved_proposal([self._refund_line(quantity=8.0)])
        self._credit(first)  # 920 of 1207.50, still draft: it counts
        second = self._approved_proposal([self._refund_line(quantity=3.0)])
        with self.assertRaisesRegex(UserError, "345.00.*1,207.50.*920.00.*287.50"):
            self._credit(second)
        self.assertFalse(second.line_ids.account_move_id)

    def test_unlinked_reversal_counts(self):
        """A credit note made in Accounting without the complaint counts too."""
        wizard = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=self.invoice.ids)
            .create({"journal_id": self.invoice.journal_id.id})
        )
        wizard.refund_moves()
        proposal = self._approved_proposal([self._refund_line(quantity=1.0)])
        with self.assertRaisesRegex(UserError, "only .*0.00 is left"):
            self._credit(proposal)

    def test_credit_line_without_product(self):
        proposal = self._approved_proposal(
            [
                {
                    "compensation_type": "credit",
                    "name": "Goodwill discount",
                    "product_id": False,
                    "quantity": 1.0,
                    "price_unit": 80.0,
                }
            ]
        )
        refund = self._credit(proposal)
        self.assertRecordValues(
            refund.invoice_line_ids,
            [{"name": "Goodwill discount", "quantity": 1.0, "price_unit": 80.0}],
        )
        self.assertEqual(refund.invoice_line_ids.tax_ids, self.tax_sale_a)
        self.assertAlmostEqual(refund.amount_total, 92.0)

    def test_free_credit_note_without_invoice(self):
        ticket = self._create_complaint()
        proposal = self._approved_proposal([self._refund_line(quantity=2.0)], ticket)
        refund = self._credit(proposal)
        self.assertRecordValues(
            refund,
            [
                {
                    "move_type": "out_refund",
                    "reversed_entry_id": False,
                    "partner_id": self.customer.id,
                    "quality_ticket_id": ticket.id,
                }
            ],
        )
        self.assertRecordValues(
            refund.invoice_line_ids,
            [{"product_id": self.tile.id, "quantity": 2.0, "price_unit": 100.0}],
        )

    def test_product_not_on_invoice_refused(self):
        other = self._create_product(name="QC Grout", lst_price=10.0)
        proposal = self._approved_proposal(
            [self._refund_line(quantity=1.0, price=10.0) | {"product_id": other.id}]
        )
        with self.assertRaisesRegex(UserError, "QC Grout"):
            self._credit(proposal)

    def test_only_approved_proposals(self):
        proposal = self.env["quality.compensation"].create(
            {
                "ticket_id": self.ticket.id,
                "line_ids": [Command.create(self._refund_line())],
            }
        )
        with self.assertRaises(UserError):
            proposal.with_user(self.staff_billing).action_create_credit_notes()

    def test_ledger_lists_the_credit_note(self):
        """The compensation ledger XLSX has one row per journal entry."""
        proposal = self._approved_proposal([self._refund_line(quantity=3.0)])
        refund = self._credit(proposal)
        refund.with_user(self.accountant).action_post()
        content, _type = self.env["ir.actions.report"]._render_xlsx(
            "quality_complaint.action_report_compensation_ledger_xlsx", proposal.ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        entries = [
            dict(zip(header, row, strict=True))
            for row in body
            if dict(zip(header, row, strict=True))["Row"] == "Journal Entry"
        ]
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0]["Document"], refund.name)
        self.assertEqual(entries[0]["Amount"], 345.0)
        self.assertEqual(entries[0]["Document Status"], "Posted")
        self.assertEqual(entries[0]["Type / Party"], "Customer Credit Note")
