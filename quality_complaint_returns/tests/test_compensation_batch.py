# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationBatch(QualityAccountingCommon):
    """The list action Execute Approved Proposals (issue 9, batch scale)."""

    def _cash_line(self, amount=50.0):
        return {
            "compensation_type": "cash",
            "product_id": False,
            "quantity": 1,
            "price_unit": amount,
        }

    def _draft(self, lines):
        return self.env["quality.compensation"].create(
            {
                "ticket_id": self.ticket.id,
                "line_ids": [Command.create(vals) for vals in lines],
            }
        )

    def _documents(self, proposals):
        return [
            (
                p.name,
                len(p._quality_get_pickings()),
                len(p.account_move_ids),
                len(p.payment_ids),
            )
            for p in proposals
        ]

    def test_batch_executes_the_approved_selection(self):
        refund = self._approved_proposal([self._refund_line(quantity=1.0)])
        cash = self._approved_proposal([self._cash_line()])
        draft = self._draft([self._refund_line(quantity=1.0)])
        selection = (refund | cash | draft).with_user(self.staff_billing)
        action = selection.action_quality_execute()
        self.assertEqual(action["params"]["type"], "success")
        receipt = refund._quality_get_pickings()
        self.assertEqual(receipt.picking_type_code, "incoming")
        self.assertEqual(receipt.move_ids.product_uom_qty, 1.0)
        self.assertEqual(refund.line_ids.account_move_id.move_type, "out_refund")
        self.assertEqual(refund.line_ids.account_move_id.state, "draft")
        self.assertEqual(cash.line_ids.payment_id.amount, 50.0)
        self.assertEqual(self._documents(draft), [(draft.name, 0, 0, 0)])
        self.assertEqual(draft.state, "draft")
        before = self._documents(refund | cash)
        self.assertEqual([row[1:] for row in before], [(1, 1, 0), (0, 0, 1)])
        selection.action_quality_execute()
        self.assertEqual(self._documents(refund | cash), before, "created once")

    def test_without_invoicing_rights_only_goods(self):
        refund = self._approved_proposal([self._refund_line(quantity=1.0)])
        refund.with_user(self.staff).action_quality_execute()
        self.assertEqual(self._documents(refund), [(refund.name, 1, 0, 0)])
        self.assertFalse(refund.line_ids.account_move_id)

    def test_one_failure_does_not_undo_the_others(self):
        too_much = self._approved_proposal([self._refund_line(quantity=11.0)])
        fine = self._approved_proposal([self._refund_line(quantity=1.0)])
        action = (
            (too_much | fine).with_user(self.staff_billing).action_quality_execute()
        )
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn(too_much.name, action["params"]["message"])
        self.assertNotIn(fine.name, action["params"]["message"])
        self.assertEqual(self._documents(too_much), [(too_much.name, 0, 0, 0)])
        self.assertEqual(self._documents(fine), [(fine.name, 1, 1, 0)])
        self.assertIn("Not executed", too_much.message_ids[:1].body)

    def test_above_threshold_queued_in_jobs(self):
        self.company.quality_execution_job_threshold = 2
        proposals = self.env["quality.compensation"]
        for _i in range(5):
            proposals |= self._approved_proposal([self._refund_line(quantity=1.0)])
        with trap_jobs() as trap:
            action = proposals.with_user(self.staff_billing).action_quality_execute()
            trap.assert_jobs_count(3)
            self.assertEqual(
                {job.method_name for job in trap.enqueued_jobs},
                {"_quality_execute_batch"},
            )
            self.assertEqual(
                sorted(len(job.recordset) for job in trap.enqueued_jobs), [1, 2, 2]
            )
            self.assertEqual(
                {job.recordset.env.user for job in trap.enqueued_jobs},
                {self.staff_billing},
            )
            self.assertIn("background", action["params"]["message"])
            self.assertFalse(proposals.account_move_ids, "nothing done yet")
            trap.perform_enqueued_jobs()
        self.assertEqual(
            [row[1:] for row in self._documents(proposals)], [(1, 1, 0)] * 5
        )
        with trap_jobs() as trap:
            proposals.with_user(self.staff_billing).action_quality_execute()
            trap.perform_enqueued_jobs()
        self.assertEqual(
            [row[1:] for row in self._documents(proposals)], [(1, 1, 0)] * 5
        )

    def test_queries_grow_linearly(self):
        """No N+1: three proposals cost at most three times one (each with a
        return receipt and a partial credit note of the same invoice)."""
        proposals = [
            self._approved_proposal([self._refund_line(quantity=1.0)])
            for _i in range(5)
        ]

        def queries(batch):
            batch = batch.with_user(self.staff_billing)
            self.env.flush_all()
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            batch._quality_execute_batch()
            self.env.flush_all()
            return self.env.cr.sql_log_count - count

        queries(proposals[0])  # warm-up: caches, sequences
        one = queries(proposals[1])
        three = queries(proposals[2] | proposals[3] | proposals[4])
        self.assertEqual(len(proposals[4].account_move_ids), 1)
        self.assertLessEqual(three, 3 * one, f"1 proposal: {one}, 3: {three}")
