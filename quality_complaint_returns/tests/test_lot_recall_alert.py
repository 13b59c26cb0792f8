# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time
from psycopg2.errors import UniqueViolation

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .lot_recall_common import LotRecallCommon


@tagged("post_install", "-at_install")
class TestLotRecallAlert(LotRecallCommon):
    def test_alert_raised_once_at_threshold(self):
        """N-1 complaints: no recall; N: one; N+1: still one."""
        self._complain(self.partner_a)
        self._complain(self.partner_b)
        self.assertFalse(self._recalls())
        self._complain(self.partner_a)
        recall = self._recalls()
        self.assertEqual(len(recall), 1)
        self.assertEqual(recall.state, "draft")
        self.assertIn("3 complaints from 2 customers", recall.trigger_reason)
        self._complain(self.partner_c)
        self.env["stock.lot"]._cron_quality_check_recall_alert()
        self.assertEqual(self._recalls(), recall)

    def test_alert_needs_distinct_customers(self):
        for _i in range(4):
            self._complain(self.partner_a)
        self.assertFalse(self._recalls())
        self._complain(self.partner_b)
        self.assertEqual(len(self._recalls()), 1)

    def test_alert_counts_recent_complaints_only(self):
        with freeze_time("2026-01-01 10:00:00"):
            self._complain(self.partner_a, received_date="2026-01-01 10:00:00")
            self._complain(self.partner_b, received_date="2026-01-01 10:00:00")
        with freeze_time("2026-03-15 10:00:00"):
            self._complain(self.partner_c, received_date="2026-03-15 10:00:00")
            self.assertFalse(self._recalls())

    def test_serious_product_spec_alerts_at_once(self):
        self._complain(self.partner_a, severity="serious", problem_class="design")
        self.assertFalse(self._recalls())
        ticket = self._complain(self.partner_b)
        self.assertFalse(self._recalls())
        ticket.severity = "serious"
        recall = self._recalls()
        self.assertEqual(len(recall), 1)
        self.assertIn("serious", recall.trigger_reason)

    def test_alert_notifies_quality_managers(self):
        self._complain(self.partner_a, severity="serious")
        recall = self._recalls()
        self.assertIn(
            self.quality_manager,
            recall.activity_ids.user_id,
            "every Complaint Manager gets an activity",
        )
        self.assertNotIn(self.quality_user, recall.activity_ids.user_id)
        self.assertIn(self.quality_manager.partner_id, recall.message_ids.partner_ids)

    def test_no_second_alert_while_a_recall_exists(self):
        self._complain(self.partner_a, severity="serious")
        recall = self._recalls()
        recall.action_cancel()
        self._complain(self.partner_b, severity="serious")
        new = self._recalls() - recall
        self.assertEqual(len(new), 1, "a cancelled recall does not block")
        self._complain(self.partner_c, severity="serious")
        self.assertEqual(len(self._recalls()), 2)

    def test_one_open_recall_per_lot(self):
        self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        with (
            self.assertRaises(UniqueViolation),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self.env["quality.lot.recall"].create({"lot_id": self.lot.id})

    def test_cron_raises_missed_alerts(self):
        self.lot.company_id = self.company
        tickets = self.env["helpdesk.ticket"]
        self.company.quality_recall_alert_complaints = 10
        for partner in (self.partner_a, self.partner_b, self.partner_c):
            tickets |= self._complain(partner)
        self.assertFalse(self._recalls())
        self.company.quality_recall_alert_complaints = 3
        self.env["stock.lot"]._cron_quality_check_recall_alert()
        self.assertEqual(len(self._recalls()), 1)

    def test_lot_statistics(self):
        self.company.quality_recall_alert_complaints = 99
        self._complain(self.partner_a, complaint_qty=3)
        self._complain(self.partner_b, complaint_qty=4)
        self._complain(self.partner_c, complaint_qty=5)
        self.lot.invalidate_recordset()
        self.assertEqual(self.lot.quality_complaint_count, 3)
        self.assertEqual(self.lot.quality_complaint_partner_count, 3)
        self.assertEqual(self.lot.quality_complaint_region_count, 2)
        self.assertEqual(self.lot.quality_complaint_qty, 12)
        self.assertEqual(self.lot.quality_shipped_qty, 60)
        self.assertAlmostEqual(self.lot.quality_complaint_rate, 20.0)
        self.env.flush_all()
        row = self.env["quality.lot.report"].search([("lot_id", "=", self.lot.id)])
        self.assertEqual(row.complaint_count, 3)
        self.assertEqual(row.customer_count, 3)
        self.assertEqual(row.region_count, 2)
        self.assertEqual(row.shipped_qty, 60)
        self.assertAlmostEqual(row.complaint_rate, 20.0)

    def test_lot_statistics_batch(self):
        other = self.env["stock.lot"].create(
            {"name": "LOTRECALL-2", "product_id": self.product.id}
        )
        self._complain(self.partner_a, lot_id=other.id, complaint_qty=1)
        lots = self.lot | other
        lots.invalidate_recordset()
        self.assertEqual(lots.mapped("quality_complaint_count"), [0, 1])
        self.assertEqual(other.quality_complaint_rate, 0.0, "nothing shipped")

    def test_warehouse_user_reads_lot_figures(self):
        self.company.quality_recall_alert_complaints = 99
        self._complain(self.partner_a, complaint_qty=6)
        clerk = new_test_user(
            self.env, login="recall_clerk", groups="stock.group_stock_user"
        )
        lot = self.lot.with_user(clerk)
        self.assertEqual(lot.quality_complaint_count, 1)
        self.assertAlmostEqual(lot.quality_complaint_rate, 10.0)
