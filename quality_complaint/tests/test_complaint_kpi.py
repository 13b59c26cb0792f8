# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""KPI figures against hand-counted fixtures (UTC calendar Mon-Fri 8-12, 13-17)."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon

NEW = "helpdesk_mgmt.helpdesk_ticket_stage_new"
DONE = "helpdesk_mgmt.helpdesk_ticket_stage_done"


@tagged("post_install", "-at_install")
class TestComplaintKpi(QualityOwnershipCommon):
    def _complaint_at(self, when, **vals):
        with freeze_time(when):
            return self._create_complaint(**vals)

    def _answer(self, ticket, when):
        with freeze_time(when):
            ticket.with_user(ticket.first_responsible_id).action_mark_answered()

    def _close(self, ticket, when):
        with freeze_time(when):
            ticket.stage_id = self.env.ref(DONE)

    def _report(self, tickets, aggregates):
        Report = self.env["quality.complaint.report"]
        return Report._read_group([("ticket_id", "in", tickets.ids)], [], aggregates)[0]

    def test_calendar_hours(self):
        """Monday 09:00 received, 15:00 answered, Wednesday 09:00 closed."""
        self.team.quality_response_working_hours = False
        ticket = self._complaint_at("2026-03-02 09:00:00")
        self._answer(ticket, "2026-03-02 15:00:00")
        self._close(ticket, "2026-03-04 09:00:00")
        self.assertAlmostEqual(ticket.first_response_hours, 6.0)
        self.assertAlmostEqual(ticket.resolution_hours, 48.0)

    def test_working_hours_over_weekend(self):
        """Friday 16:00 received, Monday 09:00 answered: 1 h Friday + 1 h Monday."""
        self.team.quality_response_working_hours = True
        ticket = self._complaint_at("2026-03-06 16:00:00")
        self._answer(ticket, "2026-03-09 09:00:00")
        self.assertAlmostEqual(ticket.first_response_hours, 2.0)
        # Tuesday 16:30: Fri 1 + Mon 8 + Tue 7.5 (lunch 12-13 excluded)
        self._close(ticket, "2026-03-10 16:30:00")
        self.assertAlmostEqual(ticket.resolution_hours, 16.5)

    def test_working_hours_received_outside_hours(self):
        """Saturday 10:00 received, Monday 10:00 answered: 2 working hours,
        48 calendar hours once the team counts calendar time."""
        self.team.quality_response_working_hours = True
        ticket = self._complaint_at("2026-03-07 10:00:00")
        self._answer(ticket, "2026-03-09 10:00:00")
        self.assertAlmostEqual(ticket.first_response_hours, 2.0)
        self.team.quality_response_working_hours = False
        self.assertAlmostEqual(ticket.first_response_hours, 48.0)

    def test_unanswered_complaint_has_no_time(self):
        ticket = self._complaint_at("2026-03-02 09:00:00")
        self.assertEqual(ticket.first_response_hours, 0.0)
        self.assertEqual(ticket.resolution_hours, 0.0)
        figures = self._report(ticket, ["first_response_hours:avg", "__count"])
        self.assertEqual(figures, (False, 1), "no 0 h pulls the average down")

    def test_on_time_rates(self):
        """Calendar 24 h rule: A answered in 5 h, B in 30 h, C not yet: 1 of 2."""
        self.team.write(
            {"quality_response_working_hours": False, "quality_response_hours": 24}
        )
        a = self._complaint_at("2026-03-02 09:00:00")
        b = self._complaint_at("2026-03-02 09:00:00")
        c = self._complaint_at("2026-03-02 09:00:00")
        self._answer(a, "2026-03-02 14:00:00")
        self._answer(b, "2026-03-03 15:00:00")
        rate, hours, late = self._report(
            a | b | c,
            [
                "response_on_time_rate:avg",
                "first_response_hours:avg",
                "is_response_late:sum",
            ],
        )
        self.assertAlmostEqual(rate, 50.0)
        self.assertAlmostEqual(hours, (5.0 + 30.0) / 2)
        self.assertEqual(late, 2, "B answered late and C still unanswered")

    def test_resolution_on_time(self):
        ticket = self._complaint_at("2026-03-02 09:00:00", severity="minor")
        deadline = ticket.resolution_deadline
        self.assertTrue(deadline)
        self._close(ticket, deadline.strftime("%Y-%m-%d %H:%M:%S"))
        (rate,) = self._report(ticket, ["resolution_on_time_rate:avg"])
        self.assertEqual(rate, 100.0)

    def test_reopen_and_first_time_resolution(self):
        once = self._complaint_at("2026-03-02 09:00:00")
        twice = self._complaint_at("2026-03-02 09:00:00")
        still_open = self._complaint_at("2026-03-02 09:00:00")
        self._close(once, "2026-03-03 09:00:00")
        self._close(twice, "2026-03-03 09:00:00")
        with freeze_time("2026-03-04 09:00:00"):
            twice.stage_id = self.env.ref(NEW)
        self.assertEqual(twice.reopen_count, 1)
        self.assertFalse(twice.closed_date, "reopened: no longer closed")
        self._close(twice, "2026-03-05 09:00:00")
        self.assertEqual(twice.closed_date, datetime(2026, 3, 5, 9, 0))
        self.assertAlmostEqual(twice.resolution_hours, 72.0)
        self.assertEqual(once.reopen_count, 0)
        ftr, reopen = self._report(
            once | twice | still_open,
            ["first_time_resolution_rate:avg", "reopen_rate:avg"],
        )
        self.assertAlmostEqual(ftr, 50.0, "of the two closed, one never reopened")
        self.assertAlmostEqual(reopen, 100.0 / 3)

    def test_moving_between_open_stages_is_no_reopening(self):
        ticket = self._complaint_at("2026-03-02 09:00:00")
        ticket.stage_id = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        ticket.stage_id = self.env.ref(NEW)
        self.assertEqual(ticket.reopen_count, 0)

    def test_group_by_owner_and_month(self):
        mine = self._complaint_at("2026-03-02 09:00:00")
        other = self._complaint_at("2026-04-02 09:00:00", partner=self.consumer)
        groups = self.env["quality.complaint.report"]._read_group(
            [("ticket_id", "in", (mine | other).ids)],
            ["first_responsible_id", "received_date:month"],
            ["__count"],
        )
        self.assertEqual(
            sorted((g[0].login, g[1].month, g[2]) for g in groups),
            [("qc_hotline", 4, 1), ("qc_sales", 3, 1)],
        )

    def test_report_for_managers_only(self):
        with self.assertRaises(AccessError):
            self.env["quality.complaint.report"].with_user(self.salesperson).search([])
        self.env["quality.complaint.report"].with_user(self.manager).search([])
