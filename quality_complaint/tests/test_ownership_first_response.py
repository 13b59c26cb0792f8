# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipFirstResponse(QualityOwnershipCommon):
    """The first answer to the customer stops the response clock."""

    def test_internal_note_is_not_a_response(self):
        ticket = self._create_complaint()
        ticket.with_user(self.salesperson).message_post(
            body="Asked the lab for the batch records.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.dealer_contact.ids,
        )
        self.assertFalse(ticket.first_response_date)

    def test_message_to_customer_sets_first_response(self):
        ticket = self._create_complaint()
        with freeze_time("2026-11-20 11:30:00"):
            ticket.with_user(self.salesperson).message_post(
                body="We will visit your site tomorrow.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.dealer_contact.ids,
            )
        self.assertEqual(str(ticket.first_response_date), "2026-11-20 11:30:00")
        ticket.message_post(
            body="Second answer",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.dealer_contact.ids,
        )
        self.assertEqual(str(ticket.first_response_date), "2026-11-20 11:30:00")

    def test_message_not_reaching_customer_is_not_a_response(self):
        ticket = self._create_complaint()
        ticket.message_post(
            body="For the team only",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.manager.partner_id.ids,
        )
        self.assertFalse(ticket.first_response_date)

    def test_mark_as_answered(self):
        ticket = self._create_complaint()
        ticket.with_user(self.salesperson).action_mark_answered()
        self.assertTrue(ticket.first_response_date)
