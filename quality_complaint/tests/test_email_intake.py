# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

EMAIL = """Return-Path: <{sender}>
To: {to}
Received: by mail1.example.com (Postfix, from userid 10002)
Message-ID: <{msg_id}@mail.example.com>
Date: Tue, 10 Nov 2026 12:43:21 +0800
From: {email_from}
MIME-Version: 1.0
Subject: {subject}
Content-Type: text/plain; charset=UTF-8

Hello,

The tiles of lot QCT-A arrived cracked, 3 boxes out of 20.

Regards
"""


@tagged("post_install", "-at_install")
class TestEmailIntake(BaseCommon):
    """An e-mail to a quality team's alias becomes a complaint on the e-mail
    channel, the sender being its customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.alias_domain_id:
            company.alias_domain_id = cls.env["mail.alias.domain"].create(
                {"name": "qc-intake.example.com"}
            )
        cls.domain = company.alias_domain_id.name
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "QC Mail", "is_quality_team": True, "alias_name": "qc-mail-test"}
        )
        cls.plain_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT Mail", "alias_name": "it-mail-test"}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Li Na", "email": "li.na@customer.example.com"}
        )
        cls.channel_email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")

    def _receive(self, alias, email_from, subject):
        message = EMAIL.format(
            to=f"{alias}@{self.domain}",
            sender=email_from,
            email_from=email_from,
            subject=subject,
            msg_id=subject.replace(" ", "."),
        )
        res_id = self.env["mail.thread"].message_process(False, message)
        return self.env["helpdesk.ticket"].browse(res_id)

    def test_known_sender(self):
        ticket = self._receive(
            "qc-mail-test", '"Li Na" <li.na@customer.example.com>', "Cracked tiles"
        )
        self.assertEqual(ticket.name, "Cracked tiles")
        self.assertEqual(ticket.team_id, self.team)
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.channel_id, self.channel_email)
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertIn("3 boxes out of 20", ticket.description)
        self._assert_acknowledged(ticket)

    def _assert_acknowledged(self, ticket, asks_phone=True):
        ack = ticket.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertEqual(len(ack), 1, "one acknowledgement")
        self.assertIn(ticket.number, ack.subject)
        self.assertIn(ticket.partner_id, ack.partner_ids)
        self.assertEqual(ack.author_id, ticket.company_id.partner_id)
        self.assertEqual("phone number" in ack.body, asks_phone)

    def test_unknown_sender_becomes_customer(self):
        ticket = self._receive(
            "qc-mail-test", '"Zhao Lei" <zhao.lei@new.example.com>', "Peeling paint"
        )
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.channel_id, self.channel_email)
        self.assertEqual(ticket.partner_id.email, "zhao.lei@new.example.com")
        self.assertEqual(ticket.partner_id.name, "Zhao Lei")
        self.assertEqual(ticket.partner_name, "Zhao Lei")
        self._assert_acknowledged(ticket)

    def test_known_phone_not_asked_again(self):
        self.customer.phone = "+86 138 0000 0000"
        ticket = self._receive(
            "qc-mail-test", '"Li Na" <li.na@customer.example.com>', "Faded colour"
        )
        self._assert_acknowledged(ticket, asks_phone=False)

    def test_other_team_untouched(self):
        """Only quality teams get the complaint treatment."""
        ticket = self._receive(
            "it-mail-test", '"Zhao Lei" <zhao.lei@new.example.com>', "Printer jam"
        )
        self.assertEqual(ticket.team_id, self.plain_team)
        self.assertFalse(ticket.is_quality_complaint)
        self.assertFalse(ticket.partner_id)
        self.assertFalse(
            ticket.message_ids.filtered(
                lambda m: m.subject and "We received your complaint" in m.subject
            )
        )
