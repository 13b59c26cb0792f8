# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import io

import openpyxl
from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import CompensationCommon

REGISTER = "quality_complaint.action_report_complaint_register_xlsx"
LEDGER = "quality_complaint.action_report_compensation_ledger_xlsx"
BREACHES = "quality_complaint.action_report_complaint_breach_xlsx"


@tagged("post_install", "-at_install")
class TestComplaintXlsx(CompensationCommon):
    def _sheet(self, report_ref, records, user=None):
        reports = self.env["ir.actions.report"]
        if user:
            reports = reports.with_user(user)
        content, file_type = reports._render_xlsx(report_ref, records.ids, {})
        self.assertEqual(file_type, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return list(workbook.active.iter_rows(values_only=True))

    def test_register_one_row_per_complaint(self):
        formula = self._create_ticket(name='=HYPERLINK("http://evil","x")')
        tickets = self.ticket | formula
        rows = self._sheet(REGISTER, tickets, user=self.salesperson)
        header, body = rows[0], rows[1:]
        self.assertEqual(len(body), 2)
        self.assertEqual(header[0], "Number")
        self.assertIn("Problem Class", header)
        by_number = {row[0]: dict(zip(header, row, strict=True)) for row in body}
        row = by_number[formula.number]
        self.assertEqual(row["Subject"], '=HYPERLINK("http://evil","x")')
        self.assertEqual(row["Problem Class"], "Production", "labels, not keys")
        self.assertEqual(row["Product"], self.product.display_name)
        self.assertEqual(row["Quantity Affected"], 10)

    def test_formula_stored_as_text(self):
        ticket = self._create_ticket(name="=1+1")
        content, _type = self.env["ir.actions.report"]._render_xlsx(
            REGISTER, ticket.ids, {}
        )
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        cell = workbook.active["B2"]
        self.assertEqual(cell.value, "=1+1")
        self.assertEqual(cell.data_type, "s", "text, not a formula")

    def test_headers_in_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.salesperson.lang = "zh_CN"
        rows = self._sheet(REGISTER, self.ticket, user=self.salesperson)
        self.assertEqual(len(rows), 2)
        self.assertTrue(all(rows[0]))

    def test_compensation_ledger_rows(self):
        comp = self._create_compensation(
            1000,
            recovery_ids=[
                Command.create(
                    {
                        "recovery_party": "supplier",
                        "partner_id": self.supplier.id,
                        "share": 40,
                    }
                )
            ],
        )
        comp.write(
            {
                "line_ids": [
                    Command.create({"compensation_type": "coupon", "price_unit": 5})
                ]
            }
        )
        rows = self._sheet(LEDGER, comp, user=self.head)
        header, body = rows[0], rows[1:]
        kinds = [dict(zip(header, r, strict=True))["Row"] for r in body]
        self.assertEqual(kinds, ["Proposal", "Line", "Line", "Recovery"])
        proposal = dict(zip(header, body[0], strict=True))
        self.assertEqual(proposal["Amount"], 1005)
        self.assertEqual(proposal["Recovered"], 402)
        self.assertEqual(proposal["Net"], 603)
        recovery = dict(zip(header, body[-1], strict=True))
        self.assertEqual(recovery["Recovered"], 402)
        self.assertEqual(recovery["Customer"], "QC Supplier")

    def test_breach_log_rows(self):
        with freeze_time("2026-03-02 09:00:00"):
            ticket = self._create_ticket()
        with freeze_time("2026-03-20 09:00:00"):
            breaches = self.env["helpdesk.ticket"]._cron_check_quality_deadlines()
        breaches = breaches.filtered(lambda b: b.ticket_id == ticket)
        self.assertTrue(breaches)
        rows = self._sheet(BREACHES, breaches, user=self.head)
        self.assertEqual(len(rows) - 1, len(breaches))
        header = rows[0]
        types = {dict(zip(header, r, strict=True))["Type"] for r in rows[1:]}
        self.assertLessEqual(types, {"Response", "Resolution"})
        self.assertTrue(
            all(dict(zip(header, r, strict=True))["Hours Late"] > 0 for r in rows[1:])
        )
