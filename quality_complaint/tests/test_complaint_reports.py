# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common_capa import QualityCapaCommon

APPRAISAL = "quality_complaint.action_report_complaint_appraisal"
REGISTER = "quality_complaint.action_report_complaint_register"


@tagged("post_install", "-at_install")
class TestComplaintReports(QualityCapaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket.write(
            {
                "channel_id": cls.env.ref(
                    "quality_complaint.helpdesk_ticket_channel_hotline"
                ).id,
                "fishbone_category": "material",
                "root_cause": "Carton board 2 mm thinner than specified.",
                "why_ids": [
                    Command.create(
                        {"sequence": 2, "question": "Why did the cartons buckle?"}
                    ),
                    Command.create(
                        {"sequence": 1, "question": "Why did the tiles crack?"}
                    ),
                ],
            }
        )
        cls.env["quality.capa.action"].create(
            {
                "name": "Return to the 5-ply carton board",
                "ticket_id": cls.ticket.id,
                "owner_id": cls.owner.id,
                "due_date": "2026-04-01",
            }
        )

    def _html(self, report_ref, ticket=None, user=None):
        reports = self.env["ir.actions.report"]
        if user:
            reports = reports.with_user(user)
        html, _type = reports._render_qweb_html(report_ref, (ticket or self.ticket).ids)
        return html.decode()

    def test_appraisal_report_html(self):
        html = self._html(APPRAISAL, user=self.complaint_user)
        for text in (
            "Appraisal Report",
            self.ticket.number,
            "Forty tiles cracked at the corners.",
            "Cause Analysis",
            "Why did the tiles crack?",
            "Material",
            "Carton board 2 mm thinner than specified.",
            "Responsibility Decision",
            "Return to the 5-ply carton board",
            "qc-capa-owner",
            self.env.company.name,
        ):
            self.assertIn(text, html)
        self.assertLess(
            html.index("Why did the tiles crack?"),
            html.index("Why did the cartons buckle?"),
            "the 5 Why chain prints in its order",
        )

    def test_register_report_html(self):
        html = self._html(REGISTER, user=self.complaint_user)
        for text in (
            "Complaint Register",
            "Lin Hua Tiles Retail",
            "88 Nanjing Road",
            "+86 21 5555 0101",
            "linhua@example.com",
            "Hotline",
            "Forty tiles cracked at the corners.",
            "read back to the customer",
            "Customer Signature",
            "Operator Signature",
        ):
            self.assertIn(text, html)

    def test_reports_without_assessment_data(self):
        """A bare ticket, without partner or analysis, still prints."""
        bare = self.env["helpdesk.ticket"].create(
            {
                "name": "Bare",
                "description": "<p>Bare complaint</p>",
                "team_id": self.team.id,
            }
        )
        self.assertIn("No 5 Why analysis recorded.", self._html(APPRAISAL, bare))
        self.assertIn("Bare complaint", self._html(REGISTER, bare))

    def test_reports_print_as_pdf(self):
        reports = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )
        for report_ref in (APPRAISAL, REGISTER):
            pdf, report_type = reports._render_qweb_pdf(report_ref, self.ticket.ids)
            self.assertEqual(report_type, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"), report_ref)

    def test_reports_in_partner_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.partner.lang = "zh_CN"
        view = self.env.ref("quality_complaint.report_complaint_register_document")
        view.update_field_translations(
            "arch_db", {"zh_CN": {"Complaint Register": "客户投诉记录表"}}
        )
        html = self._html(REGISTER)
        self.assertIn("客户投诉记录表", html)
        self.assertIn('data-oe-lang="zh_CN"', html)
        self.assertIn("Appraisal Report", self._html(APPRAISAL))
        # the same complaint of an English-speaking customer stays in English
        self.partner.lang = "en_US"
        self.assertNotIn("客户投诉记录表", self._html(REGISTER))
