# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipMails(QualityOwnershipCommon):
    """Acknowledgement of receipt, written resolution notice, follow-up call."""

    def _messages_to_customer(self, ticket, subject_part):
        return ticket.message_ids.filtered(
            lambda m: subject_part in (m.subject or "")
            and ticket.partner_id in m.partner_ids
        )

    def test_acknowledgement_for_email_channel(self):
        ticket = self._create_complaint(
            channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").id
        )
        self.assertEqual(
            len(self._messages_to_customer(ticket, "We received your complaint")), 1
        )
        self.assertFalse(
            ticket.first_response_date, "an acknowledgement is not an answer"
        )

    def test_acknowledgement_for_letter(self):
        ticket = self._create_complaint(
            channel_id=self.env.ref(
                "quality_complaint.helpdesk_ticket_channel_letter"
            ).id
        )
        self.assertTrue(
            self._messages_to_customer(ticket, "We received your complaint")
        )

    def test_no_acknowledgement_for_phone(self):
        ticket = self._create_complaint(
            channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id
        )
        self.assertFalse(
            self._messages_to_customer(ticket, "We received your complaint")
        )

    def test_resolution_notice_and_follow_up_on_close(self):
        ticket = self._create_complaint()
        with freeze_time("2026-11-20 15:00:00"):
            ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertEqual(len(self._messages_to_customer(ticket, "is resolved")), 1)
        follow_up = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("quality_complaint.mail_activity_type_quality_satisfaction")
        )
        self.assertEqual(follow_up.user_id, self.salesperson)
        self.assertEqual(follow_up.date_deadline, date(2026, 11, 22))

    def test_no_resolution_notice_while_open(self):
        ticket = self._create_complaint()
        ticket.stage_id = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        self.assertFalse(self._messages_to_customer(ticket, "is resolved"))
