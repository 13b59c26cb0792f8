# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.quality_complaint.tests.compensation_common import MANAGER


@tagged("post_install", "-at_install")
class TestCompensationRpc(HttpCase):
    """The proposal's buttons over RPC, as the web client calls them (ids
    first): action_done was an @api.model method in this addon, so the
    Mark as Done button failed with a TypeError."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["tier.definition"].search(
            [("model", "=", "quality.compensation")]
        ).active = False
        cls.manager = new_test_user(env, login="qc_rpc_manager", groups=MANAGER)
        ticket = env["helpdesk.ticket"].create(
            {"name": "QC RPC done", "description": "x", "is_quality_complaint": True}
        )
        cls.comp = env["quality.compensation"].create(
            {
                "ticket_id": ticket.id,
                "line_ids": [
                    Command.create({"compensation_type": "cash", "price_unit": 10.0})
                ],
            }
        )
        cls.comp.action_submit()
        cls.comp.line_ids.executed = True

    def test_mark_as_done_button(self):
        self.assertEqual(self.comp.state, "approved")
        self.authenticate("qc_rpc_manager", "qc_rpc_manager")
        self.make_jsonrpc_request(
            "/web/dataset/call_button/quality.compensation/action_done",
            {
                "model": "quality.compensation",
                "method": "action_done",
                "args": [self.comp.ids],
                "kwargs": {},
            },
        )
        self.comp.invalidate_recordset()
        self.assertEqual(self.comp.state, "done")
