# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipBreachCron(QualityOwnershipCommon):
    """The hourly cron logs each missed deadline once and escalates it."""

    def _breaches(self, ticket):
        return self.env["quality.complaint.breach"].search(
            [("ticket_id", "=", ticket.id)]
        )

    def _run_cron(self):
        cron = self.env.ref("quality_complaint.ir_cron_quality_complaint_deadlines")
        self.assertEqual(cron.code, "model._cron_check_quality_deadlines()")
        self.env[cron.model_id.model].with_user(
            cron.user_id
        )._cron_check_quality_deadlines()

    def test_cron_is_hourly(self):
        cron = self.env.ref("quality_complaint.ir_cron_quality_complaint_deadlines")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "hours"))

    def test_response_breach_written_once(self):
        with freeze_time("2026-11-16 09:00:00"):
            ticket = self._create_complaint(severity="serious")
        with freeze_time("2026-11-17 12:00:00"):
            self._run_cron()
            self._run_cron()
        breach = self._breaches(ticket)
        self.assertEqual(len(breach), 1)
        self.assertEqual(breach.breach_type, "response")
        self.assertEqual(breach.owner_id, self.salesperson)
        self.assertEqual(breach.manager_id, self.manager)
        self.assertAlmostEqual(breach.hours_late, 3.0)
        self.assertEqual(breach.penalty_amount, 50.0)
        self.assertEqual(breach.company_id, self.company)

    def test_no_breach_before_deadline_or_once_answered(self):
        with freeze_time("2026-11-16 09:00:00"):
            ticket = self._create_complaint()
        with freeze_time("2026-11-17 08:00:00"):
            self._run_cron()
            self.assertFalse(self._breaches(ticket))
            ticket.action_mark_answered()
        with freeze_time("2026-11-17 12:00:00"):
            self._run_cron()
        self.assertFalse(self._breaches(ticket))

    def test_penalty_per_severity_and_resolution_breach(self):
        settings = self.env["res.config.settings"].create(
            {"quality_complaint_penalty_minor": 15.0}
        )
        settings.execute()
        self.assertEqual(self.company.quality_complaint_penalty_minor, 15.0)
        tickets = {}
        with freeze_time("2026-11-16 09:00:00"):
            for severity in ("minor", "general", "serious"):
                tickets[severity] = self._create_complaint(severity=severity)
        with freeze_time("2026-12-31 09:00:00"):
            self._run_cron()
        expected = {"minor": 15.0, "general": 30.0, "serious": 50.0}
        for severity, ticket in tickets.items():
            breaches = self._breaches(ticket)
            self.assertEqual(
                sorted(breaches.mapped("breach_type")), ["resolution", "response"]
            )
            self.assertEqual(
                set(breaches.mapped("penalty_amount")), {expected[severity]}
            )
            self.assertEqual(set(breaches.mapped("severity")), {severity})

    def test_cron_escalates_to_manager(self):
        with freeze_time("2026-11-16 09:00:00"):
            ticket = self._create_complaint()
        with freeze_time("2026-11-17 12:00:00"):
            self._run_cron()
        self.assertEqual(ticket.escalated_to_id, self.manager)
        self.assertEqual(ticket.first_responsible_id, self.salesperson)
        activity = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("quality_complaint.mail_activity_type_quality_escalation")
        )
        self.assertEqual(activity.user_id, self.manager)

    def test_closed_complaint_is_not_breached(self):
        with freeze_time("2026-11-16 09:00:00"):
            ticket = self._create_complaint()
            ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with freeze_time("2026-11-17 12:00:00"):
            self._run_cron()
        self.assertFalse(self._breaches(ticket))
