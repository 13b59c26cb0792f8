# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon

DONE = "helpdesk_mgmt.helpdesk_ticket_stage_done"
SATISFACTION = "quality_complaint.mail_activity_type_quality_satisfaction"


@tagged("post_install", "-at_install")
class TestComplaintSatisfaction(QualityOwnershipCommon):
    def setUp(self):
        super().setUp()
        with freeze_time("2026-03-02 09:00:00"):
            self.ticket = self._create_complaint()
        with freeze_time("2026-03-03 09:00:00"):
            self.ticket.stage_id = self.env.ref(DONE)

    def _follow_ups(self):
        return self.ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(SATISFACTION)
        )

    def test_survey_mail_carries_rating_links(self):
        self.ticket.with_user(self.salesperson).action_send_satisfaction_survey()
        self.assertTrue(self.ticket.satisfaction_survey_date)
        token = self.ticket.rating_ids.access_token
        self.assertTrue(token, "a rating request waits for the customer")
        message = self.ticket.message_ids.filtered(lambda m: token in (m.body or ""))
        self.assertTrue(message, "the mail holds the /rate/<token>/ links")
        self.assertIn(f"/rate/{token}/1", message.body)

    def test_survey_only_for_closed_complaints(self):
        with freeze_time("2026-03-02 09:00:00"):
            open_ticket = self._create_complaint()
        with self.assertRaises(UserError):
            open_ticket.action_send_satisfaction_survey()

    def test_rating_lands_on_complaint(self):
        token = self.ticket._rating_get_access_token()
        self.ticket.rating_apply(5, token=token, feedback="Fast and fair")
        self.assertEqual(self.ticket.rating_last_value, 5)
        self.assertEqual(self.ticket.satisfaction_score, 5)
        self.assertEqual(len(self._follow_ups()), 1, "only the 48 h follow-up")
        (score,) = self.env["quality.complaint.report"]._read_group(
            [("ticket_id", "=", self.ticket.id)], [], ["satisfaction_score:avg"]
        )[0]
        self.assertEqual(score, 5)

    def test_low_rating_reopens_follow_up(self):
        self._follow_ups().action_feedback(feedback="Called back")
        self.assertFalse(self._follow_ups())
        token = self.ticket._rating_get_access_token()
        self.ticket.sudo().rating_apply(1, token=token, feedback="Still cracked")
        follow_up = self._follow_ups()
        self.assertEqual(len(follow_up), 1)
        self.assertEqual(follow_up.user_id, self.salesperson, "the owner calls back")
        self.assertIn("Still cracked", str(follow_up.note))
        self.assertEqual(self.ticket.satisfaction_score, 1)

    def test_cron_sends_survey_when_follow_up_due(self):
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-03-04 10:00:00"):
            self.assertNotIn(self.ticket, Ticket._cron_send_satisfaction_surveys())
        with freeze_time("2026-03-05 10:00:00"):
            self.assertIn(self.ticket, Ticket._cron_send_satisfaction_surveys())
        self.assertTrue(self.ticket.satisfaction_survey_date)
        with freeze_time("2026-03-06 10:00:00"):
            self.assertNotIn(self.ticket, Ticket._cron_send_satisfaction_surveys())
