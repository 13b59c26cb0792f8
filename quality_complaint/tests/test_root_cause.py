# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_capa import QualityCapaCommon


@tagged("post_install", "-at_install")
class TestRootCause(QualityCapaCommon):
    def test_why_chain_follows_sequence(self):
        Why = self.env["quality.complaint.why"]
        third = Why.create(
            {"ticket_id": self.ticket.id, "sequence": 30, "question": "Why 3?"}
        )
        first = Why.create(
            {"ticket_id": self.ticket.id, "sequence": 10, "question": "Why 1?"}
        )
        second = Why.create(
            {"ticket_id": self.ticket.id, "sequence": 20, "question": "Why 2?"}
        )
        self.ticket.invalidate_recordset(["why_ids"])
        self.assertEqual(self.ticket.why_ids, first | second | third)
        self.assertEqual(self.ticket.why_ids.ids, [first.id, second.id, third.id])
        # dragging the handle writes new sequences
        third.sequence = 5
        self.ticket.invalidate_recordset(["why_ids"])
        self.assertEqual(self.ticket.why_ids.ids, [third.id, first.id, second.id])

    def test_why_chain_entered_on_the_form(self):
        """A complaint user fills the chain on the Root Cause & CAPA tab."""
        with Form(self.ticket.with_user(self.complaint_user)) as form:
            for question, answer in (
                ("Why did the tiles crack?", "The cartons buckled."),
                ("Why did the cartons buckle?", "The board is too thin."),
            ):
                with form.why_ids.new() as line:
                    line.question = question
                    line.answer = answer
            form.fishbone_category = "material"
            form.root_cause = "Carton board 2 mm thinner than specified."
        self.assertEqual(
            self.ticket.why_ids.mapped("question"),
            ["Why did the tiles crack?", "Why did the cartons buckle?"],
        )
        self.assertEqual(self.ticket.fishbone_category, "material")

    @freeze_time("2026-03-02 09:30:00")
    def test_confirm_root_cause_records_who_and_when(self):
        ticket = self.ticket.with_user(self.complaint_user)
        ticket.root_cause = "Carton board too thin."
        ticket.action_confirm_root_cause()
        self.assertTrue(ticket.root_cause_confirmed)
        self.assertEqual(ticket.root_cause_confirmed_by_id, self.complaint_user)
        self.assertEqual(str(ticket.root_cause_confirmed_date), "2026-03-02 09:30:00")
        ticket.action_reset_root_cause()
        self.assertFalse(ticket.root_cause_confirmed_by_id)
        self.assertFalse(ticket.root_cause_confirmed_date)

    def test_cannot_confirm_empty_root_cause(self):
        with self.assertRaisesRegex(ValidationError, "root cause"):
            self.ticket.action_confirm_root_cause()
        with self.assertRaises(ValidationError):
            self.ticket.write({"root_cause": " ", "root_cause_confirmed": True})
