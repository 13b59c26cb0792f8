# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common_capa import QualityCapaCommon


@tagged("post_install", "-at_install")
class TestCapaAccess(QualityCapaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.helpdesk_user = new_test_user(
            cls.env,
            login="qc-capa-helpdesk-only",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
        )
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "CAPA Other Team", "is_quality_team": True}
        )
        cls.other_ticket = cls._create_complaint(cls.other_team, cls.partner)
        cls.company_b = cls.env["res.company"].create({"name": "CAPA Company B"})
        cls.team_b = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CAPA Team B",
                "is_quality_team": True,
                "company_id": cls.company_b.id,
            }
        )
        cls.ticket_b = cls._create_complaint(
            cls.team_b, cls.partner, company_id=cls.company_b.id
        )
        cls.manager.write({"company_ids": [Command.link(cls.company_b.id)]})

    def test_non_complaint_user_cannot_read(self):
        action = self._create_action()
        Action = self.env["quality.capa.action"].with_user(self.helpdesk_user)
        with self.assertRaises(AccessError):
            Action.search([])
        with self.assertRaises(AccessError):
            action.with_user(self.helpdesk_user).read(["name"])
        with self.assertRaises(AccessError):
            Action.create(
                {"name": "x", "ticket_id": self.ticket.id, "due_date": "2026-03-01"}
            )
        # the helpdesk user still opens the ticket; the CAPA fields are not his
        ticket = self.ticket.with_user(self.helpdesk_user)
        self.assertEqual(ticket.name, "Cracked tiles on arrival")
        self.assertNotIn("capa_action_ids", ticket.fields_get())

    def test_complaint_user_works_on_team_complaints(self):
        Action = self.env["quality.capa.action"].with_user(self.complaint_user)
        action = Action.create(
            {
                "name": "Re-pack the remaining stock",
                "ticket_id": self.ticket.id,
                "action_type": "containment",
                "owner_id": self.owner.id,
                "due_date": "2026-03-10",
            }
        )
        action.description = "Quarantine, then re-pack."
        action.action_start()
        self.assertEqual(action.state, "in_progress")
        why = self.env["quality.complaint.why"].with_user(self.complaint_user)
        why.create({"ticket_id": self.ticket.id, "question": "Why?"})

    def test_complaint_user_does_not_see_other_team_actions(self):
        foreign = self._create_action(ticket_id=self.other_ticket.id)
        Action = self.env["quality.capa.action"].with_user(self.complaint_user)
        self.assertFalse(Action.search([("id", "=", foreign.id)]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.complaint_user).read(["name"])
        # unless he owns it
        foreign.owner_id = self.complaint_user
        self.assertEqual(Action.search([("id", "=", foreign.id)]), foreign)

    def test_manager_sees_all_actions_of_his_companies(self):
        own = self._create_action()
        foreign = self._create_action(ticket_id=self.other_ticket.id)
        in_b = self._create_action(ticket_id=self.ticket_b.id)
        self.assertEqual(in_b.company_id, self.company_b)
        Action = self.env["quality.capa.action"].with_user(self.manager)
        ids = (own | foreign | in_b).ids
        self.assertEqual(
            Action.with_context(allowed_company_ids=[self.env.company.id]).search(
                [("id", "in", ids)]
            ),
            own | foreign,
            "the action of company B is invisible while B is not selected",
        )
        with self.assertRaises(AccessError):
            in_b.with_user(self.manager).with_context(
                allowed_company_ids=[self.env.company.id]
            ).read(["name"])
        both = [self.env.company.id, self.company_b.id]
        self.assertEqual(
            Action.with_context(allowed_company_ids=both).search([("id", "in", ids)]),
            own | foreign | in_b,
        )

    def test_other_company_action_invisible_to_user(self):
        in_b = self._create_action(ticket_id=self.ticket_b.id)
        Action = self.env["quality.capa.action"].with_user(self.complaint_user)
        self.assertFalse(Action.search([("id", "=", in_b.id)]))
        in_b.owner_id = self.complaint_user
        self.assertFalse(
            Action.search([("id", "=", in_b.id)]), "owner, yet other company"
        )
