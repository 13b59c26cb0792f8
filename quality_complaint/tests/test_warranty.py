# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestWarranty(QualityAssessmentCommon):
    """Warranty from the delivery (else purchase) date, product or company
    period, exclusions, and the state at the boundaries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.quality_complaint_warranty_months = 12
        cls.product.quality_warranty_months = 0

    def test_unknown_without_dates(self):
        ticket = self._ticket(product_id=self.product.id)
        self.assertFalse(ticket.warranty_end_date)
        self.assertEqual(ticket.warranty_state, "unknown")

    def test_company_default_then_product_months(self):
        ticket = self._ticket(
            product_id=self.product.id, purchase_date=date(2025, 3, 10)
        )
        self.assertEqual(ticket.warranty_months, 12)
        self.assertEqual(ticket.warranty_end_date, date(2026, 3, 10))
        self.product.quality_warranty_months = 24
        self.assertEqual(ticket.warranty_months, 24)
        self.assertEqual(ticket.warranty_end_date, date(2027, 3, 10))
        self.product.quality_warranty_months = 0
        self.company.quality_complaint_warranty_months = 6
        self.assertEqual(ticket.warranty_end_date, date(2025, 9, 10))

    def test_in_warranty_on_last_day_expired_the_day_after(self):
        with freeze_time("2026-03-10 12:00:00"):
            ticket = self._ticket(
                product_id=self.product.id, purchase_date=date(2025, 3, 10)
            )
            self.assertEqual(ticket.warranty_state, "in_warranty")
            self.env["helpdesk.ticket"]._cron_quality_update_warranty_state()
            self.assertEqual(ticket.warranty_state, "in_warranty")
        with freeze_time("2026-03-11 00:30:00"):
            self.env["helpdesk.ticket"]._cron_quality_update_warranty_state()
            self.assertEqual(ticket.warranty_state, "expired")
            self.assertEqual(
                self.env["helpdesk.ticket"].search(
                    [("id", "=", ticket.id), ("warranty_state", "=", "expired")]
                ),
                ticket,
            )
        with freeze_time("2026-03-11 08:00:00"):
            late = self._ticket(
                product_id=self.product.id, purchase_date=date(2025, 3, 10)
            )
            self.assertEqual(late.warranty_state, "expired")

    def test_delivery_date_before_purchase_date(self):
        picking = self._deliver(self.retail, self.product, self.lot_a)
        picking.date_done = datetime(2025, 6, 1, 9, 0)
        ticket = self._ticket(
            partner_id=self.retail.id,
            product_id=self.product.id,
            lot_id=self.lot_a.id,
            purchase_date=date(2025, 1, 5),
        )
        self.assertEqual(ticket.delivery_picking_id, picking)
        self.assertEqual(ticket.warranty_end_date, date(2026, 6, 1))
        with freeze_time("2026-06-01"):
            self.env["helpdesk.ticket"]._cron_quality_update_warranty_state()
            self.assertEqual(ticket.warranty_state, "in_warranty")
        with freeze_time("2026-06-02"):
            self.env["helpdesk.ticket"]._cron_quality_update_warranty_state()
            self.assertEqual(ticket.warranty_state, "expired")

    @freeze_time("2026-01-15")
    def test_excluded_needs_a_reason(self):
        ticket = self._ticket(
            product_id=self.product.id, purchase_date=date(2025, 12, 1)
        )
        self.assertEqual(ticket.warranty_state, "in_warranty")
        with self.assertRaises(ValidationError):
            ticket.write({"warranty_exclusion": "natural_disaster"})
        with self.assertRaises(ValidationError):
            ticket.write(
                {"warranty_exclusion": "human_damage", "warranty_exclusion_reason": " "}
            )
        ticket.write(
            {
                "warranty_exclusion": "human_damage",
                "warranty_exclusion_reason": "Tiles hit with a hammer during laying.",
            }
        )
        self.assertEqual(ticket.warranty_state, "excluded")
        self.env["helpdesk.ticket"]._cron_quality_update_warranty_state()
        self.assertEqual(ticket.warranty_state, "excluded")
        ticket.warranty_exclusion = False
        self.assertEqual(ticket.warranty_state, "in_warranty")

    def test_cron_is_scheduled_daily(self):
        cron = self.env.ref("quality_complaint.ir_cron_quality_update_warranty_state")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))

    def test_company_default_in_settings(self):
        with Form(self.env["res.config.settings"]) as settings:
            self.assertEqual(settings.quality_complaint_warranty_months, 12)
            settings.quality_complaint_warranty_months = 18
        settings.record.execute()
        self.assertEqual(self.company.quality_complaint_warranty_months, 18)
        ticket = self._ticket(
            product_id=self.product.id, purchase_date=date(2025, 1, 31)
        )
        self.assertEqual(ticket.warranty_end_date, date(2026, 7, 31))
