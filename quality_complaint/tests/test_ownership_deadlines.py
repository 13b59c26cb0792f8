# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipDeadlines(QualityOwnershipCommon):
    """Response, resolution and repair deadlines from the reception time."""

    @freeze_time("2026-11-20 10:00:00")  # a Friday
    def test_response_deadline_24_hours(self):
        ticket = self._create_complaint()
        self.assertEqual(ticket.received_date, datetime(2026, 11, 20, 10, 0))
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 21, 10, 0))

    def test_response_deadline_working_hours_across_weekend(self):
        self.team.write(
            {"quality_response_hours": 24.0, "quality_response_working_hours": True}
        )
        ticket = self._create_complaint(received_date=datetime(2026, 11, 20, 10, 0))
        # Fri 6 h, Mon 8 h, Tue 8 h, Wed 2 h (weekend skipped)
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 25, 10, 0))

    def test_resolution_deadline_per_severity(self):
        monday = datetime(2026, 11, 16, 9, 0)
        expected = {
            "serious": datetime(2026, 11, 23, 9, 0),  # 5 working days
            "general": datetime(2026, 11, 30, 9, 0),  # 10
            "minor": datetime(2026, 12, 7, 9, 0),  # 15
        }
        for severity, deadline in expected.items():
            ticket = self._create_complaint(received_date=monday, severity=severity)
            self.assertEqual(ticket.resolution_deadline, deadline, severity)
        ticket.team_id.quality_resolution_days_minor = 1
        self.assertEqual(ticket.resolution_deadline, datetime(2026, 11, 17, 9, 0))

    def test_repair_deadline_company_then_team(self):
        ticket = self._create_complaint(received_date=datetime(2026, 11, 16, 9, 0))
        self.assertEqual(self.company.quality_complaint_repair_days, 7)
        self.assertEqual(ticket.repair_deadline, datetime(2026, 11, 25, 9, 0))
        self.team.quality_repair_days = 2
        self.assertEqual(ticket.repair_deadline, datetime(2026, 11, 18, 9, 0))

    def test_overdue_flags_and_search(self):
        with freeze_time("2026-11-16 09:00:00"):
            ticket = self._create_complaint(severity="serious")
        with freeze_time("2026-11-17 10:00:00"):
            ticket.invalidate_recordset(["is_response_overdue"])
            self.assertTrue(ticket.is_response_overdue)
            self.assertFalse(ticket.is_resolution_overdue)
            Ticket = self.env["helpdesk.ticket"]
            self.assertIn(ticket, Ticket.search([("is_response_overdue", "=", True)]))
            self.assertNotIn(
                ticket, Ticket.search([("is_response_overdue", "=", False)])
            )
            ticket.action_mark_answered()
            ticket.invalidate_recordset(["is_response_overdue"])
            self.assertFalse(ticket.is_response_overdue)
            self.assertNotIn(
                ticket, Ticket.search([("is_response_overdue", "=", True)])
            )
