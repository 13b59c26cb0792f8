# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .lot_recall_common import LotRecallCommon


@tagged("post_install", "-at_install")
class TestLotRecurringDefect(LotRecallCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.quality_recall_alert_complaints = 99

    def _defect(self, partner, **values):
        return self._complain(
            partner, lot_id=False, defect_category_id=self.category.id, **values
        )

    def test_recurring_defect_flagged_at_threshold(self):
        first = self._defect(self.partner_a)
        second = self._defect(self.partner_b)
        self.assertEqual((first | second).mapped("is_recurring_defect"), [False] * 2)
        third = self._defect(self.partner_c)
        self.assertEqual(
            (first | second | third).mapped("is_recurring_defect"), [True] * 3
        )
        found = self.env["helpdesk.ticket"].search(
            [("is_recurring_defect", "=", True), ("product_id", "=", self.product.id)]
        )
        self.assertEqual(found, first | second | third)

    def test_other_category_or_old_complaints_do_not_count(self):
        other = self.env["quality.defect.category"].create({"name": "Chipped edge"})
        with freeze_time("2025-10-01 10:00:00"):
            self._defect(self.partner_a, received_date="2025-10-01 10:00:00")
        with freeze_time("2026-03-20 10:00:00"):
            self._defect(self.partner_b, received_date="2026-03-20 10:00:00")
            self._complain(self.partner_c, lot_id=False, defect_category_id=other.id)
            ticket = self._defect(self.partner_c, received_date="2026-03-20 10:00:00")
            self.assertFalse(ticket.is_recurring_defect)

    def test_recurring_defect_set_on_category_change(self):
        tickets = self._defect(self.partner_a) | self._defect(self.partner_b)
        late = self._complain(self.partner_c, lot_id=False)
        self.assertFalse(late.is_recurring_defect)
        late.defect_category_id = self.category
        self.assertTrue(all((tickets | late).mapped("is_recurring_defect")))
