# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""SQL query ceilings of execution (issue 9): return receipt and credit note.
Each test warms the caches with one call, then counts a second identical call
(cold counts depend on what ran before); the ceiling is a little above the
count measured when the test was written (in the comment). The per-line tests
hold the cost of one more line, so that an N+1 shows up as a failure."""

from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon
from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestReturnQueryCounts(ReturnsCommon):
    def _proposal(self, lines):
        return self._approved(
            [("refund" if i % 2 else "replacement", 1.0) for i in range(lines)]
        )

    def _count_return(self, comp):
        count = self.env.cr.sql_log_count
        self.env.flush_all()
        comp.action_quality_create_return()
        self.env.flush_all()
        return self.env.cr.sql_log_count - count

    def test_return_creation(self):
        self._proposal(2).action_quality_create_return()
        comp = self._proposal(2)
        # measured: 130 (Odoo's return wizard and picking confirmation: ~110)
        with self.assertQueryCount(145):
            comp.action_quality_create_return()
        receipt = comp.picking_ids
        self.assertEqual(len(receipt.move_ids), 2)
        self.assertEqual(receipt.move_ids.move_line_ids.lot_id, self.lot)

    def test_return_cost_per_line(self):
        """Four more lines cost what Odoo's return wizard costs for four more
        moves, not a lot assignment each (was 29 queries a line)."""
        self._count_return(self._proposal(1))
        one = self._count_return(self._proposal(1))
        five = self._count_return(self._proposal(5))
        # measured: 7.25 a line (134 for one line, 163 for five)
        self.assertLessEqual((five - one) / 4, 9, (one, five))


@tagged("post_install", "-at_install")
class TestCreditNoteQueryCounts(QualityAccountingCommon):
    def _credit_and_post(self, proposal):
        proposal.action_create_credit_notes()
        proposal.line_ids.account_move_id.action_post()
        return proposal.line_ids.account_move_id

    def test_credit_note_creation_and_post(self):
        self._credit_and_post(self._approved_proposal([self._refund_line(1.0)]))
        proposal = self._approved_proposal([self._refund_line(1.0)])
        # measured: 246 (Odoo's reversal wizard and posting: ~200)
        with self.assertQueryCount(270):
            refund = self._credit_and_post(proposal)
        self.assertEqual(refund.state, "posted")

    def test_one_credit_note_for_several_lines(self):
        """Every refund line of a proposal goes on one partial reversal of
        the invoice, a product credited twice on two of its lines."""
        proposal = self._approved_proposal(
            [
                self._refund_line(1.0),
                self._refund_line(2.0),
                {**self._refund_line(1.0, 50.0), "product_id": self.product_b.id},
            ]
        )
        proposal.action_create_credit_notes()
        refund = proposal.line_ids.account_move_id
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.reversed_entry_id, self.invoice)
        self.assertRecordValues(
            refund.invoice_line_ids.sorted(
                lambda aml: (aml.product_id.id, aml.quantity)
            ),
            sorted(
                [
                    {"product_id": self.tile.id, "quantity": 1.0, "price_unit": 100.0},
                    {"product_id": self.tile.id, "quantity": 2.0, "price_unit": 100.0},
                    {
                        "product_id": self.product_b.id,
                        "quantity": 1.0,
                        "price_unit": 50.0,
                    },
                ],
                key=lambda d: (d["product_id"], d["quantity"]),
            ),
        )
        self.assertAlmostEqual(refund.amount_untaxed, 350.0)
        self.assertTrue(all(proposal.line_ids.mapped("executed")))
        refund.action_post()
        self.assertAlmostEqual(self.invoice.amount_residual, 1207.5 - 402.5)
