# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestRecoverySupplier(RecoveryCommon):
    def setUp(self):
        super().setUp()
        self.ticket.write(
            {
                "responsible_party": "supplier",
                "supplier_id": self.supplier.id,
                "root_cause": "Glaze supplier changed the frit without notice",
            }
        )

    def test_supplier_credit_note(self):
        comp = self._approved_with_recovery("supplier", 750)
        comp.with_user(self.clerk).action_quality_claim_supplier()
        refund = comp.recovery_ids.move_id
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(refund.partner_id, self.supplier)
        self.assertEqual(refund.quality_move_kind, "supplier_recovery")
        refund.with_user(self.accountant).action_post()
        payable = self.supplier.property_account_payable_id
        self.assertEqual(
            self._lines(refund),
            sorted(
                [
                    (self.income_account.id, self.supplier.id, 0.0, 750.0),
                    (payable.id, self.supplier.id, 750.0, 0.0),
                ]
            ),
        )
        self.assertEqual(refund.amount_residual, 750.0)
        self.assertEqual(comp.recovery_ids.state, "posted")

    def test_letter_of_complaint(self):
        comp = self._approved_with_recovery("supplier", 750)
        recovery = comp.recovery_ids
        self.company.external_report_layout_id = self.env.ref(
            "web.external_layout_standard"
        )
        action = recovery.action_print_quality_claim_letter()
        self.assertEqual(action["report_type"], "qweb-pdf")
        report = self.env.ref(
            "quality_complaint_returns.action_report_quality_supplier_claim"
        )
        html = str(report._render_qweb_html(report.report_name, recovery.ids)[0])
        for text in ("Letter of Complaint", "QC-LOT-1", "frit", "750.00", "QC Tile"):
            self.assertIn(text, html)
        # without wkhtmltopdf (test mode) Odoo hands back the HTML
        content, kind = report._render_qweb_pdf(report.report_name, recovery.ids)
        self.assertIn(kind, ("pdf", "html"))
        self.assertTrue(content)
