# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common_capa import QualityCapaCommon

REPORT = "quality_complaint.action_report_complaint_8d"


@tagged("post_install", "-at_install")
class TestComplaint8dReport(QualityCapaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket.write(
            {
                "fishbone_category": "material",
                "root_cause": "Carton board 2 mm thinner than specified.",
                "why_ids": [
                    Command.create(
                        {"sequence": 1, "question": "Why did the tiles crack?"}
                    )
                ],
            }
        )
        Capa = cls.env["quality.capa.action"]
        for action_type, name in (
            ("containment", "Quarantine lot in the warehouse"),
            ("corrective", "Return to the 5-ply carton board"),
            ("preventive", "Incoming inspection of carton board"),
        ):
            Capa.create(
                {
                    "name": name,
                    "action_type": action_type,
                    "ticket_id": cls.ticket.id,
                    "owner_id": cls.owner.id,
                    "due_date": "2026-04-01",
                }
            )

    def _html(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, self.ticket.ids
        )
        return html.decode()

    def test_8d_disciplines_filled(self):
        html = self._html()
        for text in (
            "8D Report",
            "D1. Team",
            "D3. Containment Actions",
            "Quarantine lot in the warehouse",
            "D4. Root Cause",
            "Why did the tiles crack?",
            "Carton board 2 mm thinner than specified.",
            "D5. Corrective Actions",
            "Return to the 5-ply carton board",
            "D6. Verification of Effectiveness",
            "D7. Preventive Actions",
            "Incoming inspection of carton board",
            "D8. Closure and Team Recognition",
        ):
            self.assertIn(text, html)
        self.assertLess(html.index("Quarantine lot"), html.index("Return to the 5-ply"))
        self.assertLess(
            html.index("Return to the 5-ply"), html.index("Incoming inspection")
        )

    def test_8d_in_english_and_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        view = self.env.ref("quality_complaint.report_complaint_8d_document")
        view.update_field_translations(
            "arch_db", {"zh_CN": {"D4. Root Cause": "D4. 根本原因"}}
        )
        reports = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )
        for lang, heading in (("en_US", "D4. Root Cause"), ("zh_CN", "D4. 根本原因")):
            self.partner.lang = lang
            html = self._html()
            self.assertIn(heading, html)
            self.assertIn(f'data-oe-lang="{lang}"', html)
            pdf, report_type = reports._render_qweb_pdf(REPORT, self.ticket.ids)
            self.assertEqual(report_type, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
