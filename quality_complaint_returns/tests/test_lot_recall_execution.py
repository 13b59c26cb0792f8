# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .lot_recall_common import LotRecallCommon


@tagged("post_install", "-at_install")
class TestLotRecallExecution(LotRecallCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.quality_recall_alert_complaints = 99
        # A part of B's delivery came back already.
        cls._transfer(
            cls.warehouse.in_type_id, cls.customers, cls.stock, cls.partner_b, 5
        )

    def _mails(self, recall):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "quality.lot.recall.customer"),
                ("res_id", "in", recall.customer_ids.ids),
            ]
        )

    def _summary(self, recall):
        return (
            len(self._mails(recall)),
            len(recall.picking_ids),
            recall.notified_count,
            recall.return_count,
            sorted(recall.customer_ids.mapped("state")),
        )

    def test_affected_customers(self):
        recall = self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        lines = {line.partner_id: line for line in recall.customer_ids}
        self.assertEqual(set(lines), {self.partner_a, self.partner_b, self.partner_c})
        self.assertEqual(lines[self.partner_b].delivered_qty, 20)
        self.assertEqual(lines[self.partner_b].returned_qty, 5)
        self.assertEqual(lines[self.partner_b].net_qty, 15)
        self.assertEqual(lines[self.partner_c].net_qty, 30)
        self.assertEqual(recall.product_id, self.product)
        self.assertTrue(recall.name.startswith("RCL/"))

    def test_decision_requires_sample_test(self):
        recall = self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        recall.action_start_testing()
        with self.assertRaises(UserError):
            recall.decision = "recall"
        with self.assertRaises(UserError):
            recall.action_decide()
        recall.write({"sample_test_result": "fail", "sample_test_date": "2026-04-01"})
        recall.decision = "recall"
        recall.action_decide()
        self.assertEqual(recall.state, "decided")
        self.assertEqual(recall.decided_by_id, self.env.user)

    def test_execution_is_idempotent(self):
        recall = self._decided_recall()
        recall.action_execute()
        self.assertEqual(recall.state, "in_progress")
        first = self._summary(recall)
        self.assertEqual(first, (3, 4, 3, 3, ["done", "done", "done"]))
        self.assertEqual(recall.progress, 100.0)
        returns = recall.customer_ids.return_picking_id
        self.assertEqual(set(returns.mapped("picking_type_code")), {"incoming"})
        quarantine = self.warehouse._quality_get_quarantine_location()
        self.assertEqual(returns.location_dest_id, quarantine)
        self.assertEqual(returns.location_id, self.customers)
        line_c = recall.customer_ids.filtered(
            lambda line: line.partner_id == self.partner_c
        )
        self.assertEqual(line_c.return_picking_id.move_ids.product_uom_qty, 30)
        self.assertEqual(
            line_c.return_picking_id.move_ids.move_line_ids.lot_id, self.lot
        )
        self.assertEqual(line_c.return_picking_id.partner_id, self.partner_c)
        recall.action_execute()
        self.assertEqual(self._summary(recall), first, "running twice changes nothing")

    def test_notice_in_partner_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.partner_a.lang = "fr_FR"
        template = self.env.ref(
            "quality_complaint_returns.mail_template_quality_lot_recall_customer"
        )
        template.with_context(
            lang="fr_FR"
        ).subject = "Rappel du lot {{ object.lot_id.name }}"
        recall = self._decided_recall()
        recall.action_execute()
        mails = self._mails(recall)
        subjects = {mail.recipient_ids: mail.subject for mail in mails}
        self.assertEqual(subjects[self.partner_a], "Rappel du lot LOTRECALL-1")
        self.assertTrue(subjects[self.partner_b].startswith("Product recall"))

    def test_stock_moved_to_quarantine(self):
        Quant = self.env["stock.quant"]
        # 100 received - 60 delivered + 5 returned
        self.assertEqual(
            Quant._get_available_quantity(self.product, self.stock, self.lot), 45
        )
        recall = self._decided_recall("market_correction")
        recall.action_execute()
        quarantine = self.warehouse.quality_quarantine_location_id
        self.assertEqual(
            Quant._get_available_quantity(self.product, self.stock, self.lot), 0
        )
        self.assertEqual(
            Quant._get_available_quantity(self.product, quarantine, self.lot), 45
        )
        internal = recall.picking_ids.filtered(
            lambda p: p.picking_type_code == "internal"
        )
        self.assertEqual(internal.state, "done")
        recall.action_execute()
        self.assertEqual(
            recall.picking_ids.filtered(lambda p: p.picking_type_code == "internal"),
            internal,
        )

    def test_queue_job_path(self):
        self.company.quality_recall_job_threshold = 1
        recall = self._decided_recall()
        with trap_jobs() as trap:
            recall.action_execute()
            trap.assert_jobs_count(3)
            for line in recall.customer_ids:
                trap.assert_jobs_count(1, only=line._action_recall_customer)
            self.assertEqual(recall.notified_count, 0)
            trap.perform_enqueued_jobs()
        first = self._summary(recall)
        self.assertEqual(first, (3, 4, 3, 3, ["done", "done", "done"]))
        with trap_jobs() as trap:
            recall.action_execute()
            trap.assert_jobs_count(0)
        self.assertEqual(self._summary(recall), first)
        # a job that runs again skips its customer
        recall.customer_ids._action_recall_customer()
        self.assertEqual(self._summary(recall), first)

    def test_no_action_decision_cannot_execute(self):
        recall = self._decided_recall("no_action")
        with self.assertRaises(UserError):
            recall.action_execute()
        recall.action_done()
        self.assertEqual(recall.state, "done")

    def test_access(self):
        recall = self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        recall.write({"sample_test_result": "fail", "sample_test_date": "2026-04-01"})
        as_user = recall.with_user(self.quality_user)
        self.assertEqual(as_user.lot_id, self.lot)
        self.assertEqual(
            as_user.customer_ids.partner_id, recall.customer_ids.partner_id
        )
        with self.assertRaises(AccessError):
            as_user.write({"decision": "recall"})
        recall.decision = "recall"
        with self.assertRaises(AccessError):
            as_user.action_decide()
        with self.assertRaises(AccessError):
            self.env["quality.lot.recall"].with_user(self.quality_user).create(
                {"lot_id": self.lot.id}
            )
        recall.with_user(self.quality_manager).action_decide()
        self.assertEqual(recall.state, "decided")
