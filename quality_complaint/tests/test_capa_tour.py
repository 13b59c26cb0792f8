# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCapaTour(HttpCase):
    def test_capa_tour(self):
        """From the complaint's Root Cause & CAPA tab to a closed action."""
        admin = self.env.ref("base.user_admin")
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "CAPA Tour Team",
                "is_quality_team": True,
                "user_ids": [Command.link(admin.id)],
            }
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Tour complaint",
                "description": "<p>Cracked tiles</p>",
                "team_id": team.id,
                "why_ids": [
                    Command.create({"question": "Why did the tour tiles crack?"})
                ],
                "capa_action_ids": [
                    Command.create(
                        {
                            "name": "Tour corrective action",
                            "owner_id": admin.id,
                            "due_date": "2026-05-01",
                        }
                    )
                ],
            }
        )
        self.start_tour(
            f"/odoo/quality-complaints/{ticket.id}", "quality_capa_tour", login="admin"
        )
        action = ticket.capa_action_ids
        self.assertEqual(action.state, "done")
        self.assertEqual(action.effectiveness_note, "Checked in the tour")
