# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class QualityCapaCommon(BaseCommon):
    """A quality team with a complaint user, a manager, an outsider helpdesk
    user, and one complaint of that team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint_user = new_test_user(
            cls.env,
            login="qc-capa-user",
            groups="quality_complaint.quality_complaint_group_user",
        )
        cls.owner = new_test_user(
            cls.env,
            login="qc-capa-owner",
            groups="quality_complaint.quality_complaint_group_user",
        )
        cls.other_owner = new_test_user(
            cls.env,
            login="qc-capa-other-owner",
            groups="quality_complaint.quality_complaint_group_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="qc-capa-manager",
            groups="quality_complaint.quality_complaint_group_manager",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CAPA Quality Team",
                "is_quality_team": True,
                "user_ids": [
                    Command.set((cls.complaint_user | cls.owner | cls.other_owner).ids)
                ],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Lin Hua Tiles Retail",
                "street": "88 Nanjing Road",
                "city": "Shanghai",
                "phone": "+86 21 5555 0101",
                "email": "linhua@example.com",
            }
        )
        cls.ticket = cls._create_complaint(cls.team, cls.partner)

    @classmethod
    def _create_complaint(cls, team, partner, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Cracked tiles on arrival",
                "description": "<p>Forty tiles cracked at the corners.</p>",
                "team_id": team.id,
                "partner_id": partner.id,
                **vals,
            }
        )

    def _create_action(self, action_type="corrective", **vals):
        return self.env["quality.capa.action"].create(
            {
                "name": f"{action_type.title()} action",
                "ticket_id": self.ticket.id,
                "action_type": action_type,
                "owner_id": self.owner.id,
                "due_date": "2026-03-20",
                **vals,
            }
        )
