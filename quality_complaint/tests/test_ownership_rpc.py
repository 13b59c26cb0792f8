# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestOwnershipRpc(HttpCase):
    """The owner rule holds over RPC, not only in the form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "base.group_user,quality_complaint.quality_complaint_group_user"
        cls.seller = new_test_user(cls.env, login="qc_rpc_seller", groups=groups)
        cls.colleague = new_test_user(cls.env, login="qc_rpc_colleague", groups=groups)
        team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "QC RPC",
                "is_quality_team": True,
                "user_ids": [Command.set((cls.seller | cls.colleague).ids)],
            }
        )
        customer = cls.env["res.partner"].create(
            {"name": "QC RPC customer", "user_id": cls.seller.id}
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Broken pallet",
                "description": "x",
                "team_id": team.id,
                "partner_id": customer.id,
            }
        )

    def _rpc_write(self, vals):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw/helpdesk.ticket/write",
            {
                "model": "helpdesk.ticket",
                "method": "write",
                "args": [self.ticket.ids, vals],
                "kwargs": {},
            },
        )

    @mute_logger("odoo.http")
    def test_rpc_write_of_owner_refused(self):
        self.assertEqual(self.ticket.first_responsible_id, self.seller)
        self.authenticate("qc_rpc_seller", "qc_rpc_seller")
        with self.assertRaises(JsonRpcException) as error:
            self._rpc_write({"first_responsible_id": self.colleague.id})
        self.assertIn("UserError", str(error.exception))
        self.assertTrue(self._rpc_write({"name": "Broken pallet (2)"}))
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.first_responsible_id, self.seller)
