# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .ownership_common import QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipOwner(QualityOwnershipCommon):
    """The first-responsible person: set at creation, changed by managers only."""

    def test_owner_is_salesperson_of_commercial_partner(self):
        ticket = self._create_complaint(self.dealer_contact)
        self.assertEqual(ticket.first_responsible_id, self.salesperson)

    def test_owner_falls_back_to_hotline_owner(self):
        ticket = self._create_complaint(self.consumer)
        self.assertEqual(ticket.first_responsible_id, self.hotline)

    def test_non_complaint_has_no_owner(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "IT desk"})
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Printer",
                "description": "x",
                "team_id": team.id,
                "partner_id": self.dealer_contact.id,
            }
        )
        self.assertFalse(ticket.first_responsible_id)

    def test_non_manager_cannot_write_owner(self):
        ticket = self._create_complaint()
        with self.assertRaises(UserError):
            ticket.with_user(self.salesperson).write(
                {"first_responsible_id": self.colleague.id}
            )
        with self.assertRaises(UserError):
            ticket.with_user(self.hotline).first_responsible_id = self.hotline
        self.assertEqual(ticket.first_responsible_id, self.salesperson)

    def test_non_manager_cannot_open_wizard(self):
        ticket = self._create_complaint()
        with self.assertRaises(AccessError):
            self.env["quality.complaint.owner.change"].with_user(
                self.salesperson
            ).create(
                {
                    "ticket_id": ticket.id,
                    "new_owner_id": self.colleague.id,
                    "reason": "holiday",
                }
            )

    def _wizard_form(self, ticket):
        action = ticket.with_user(self.manager).action_open_first_responsible_change()
        wizard_model = self.env[action["res_model"]].with_user(self.manager)
        return Form(wizard_model.with_context(**action["context"]))

    def test_manager_wizard_requires_reason(self):
        ticket = self._create_complaint()
        form = self._wizard_form(ticket)
        form.new_owner_id = self.colleague
        with self.assertRaises(AssertionError):
            form.save()
        self.assertEqual(ticket.first_responsible_id, self.salesperson)

    def test_manager_wizard_changes_owner_and_logs_reason(self):
        ticket = self._create_complaint()
        form = self._wizard_form(ticket)
        form.new_owner_id = self.colleague
        form.reason = "Li Wei left the company"
        form.save().action_confirm()
        self.assertEqual(ticket.first_responsible_id, self.colleague)
        notes = ticket.message_ids.filtered(
            lambda m: "Li Wei left the company" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertIn(self.colleague.name, notes.body)
