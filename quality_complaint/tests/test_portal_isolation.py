# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .intake_common import IntakeFixtures


@tagged("post_install", "-at_install")
class TestPortalIsolation(IntakeFixtures, HttpCase):
    """A portal customer sees his own complaints, never another customer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_intake()
        Ticket = cls.env["helpdesk.ticket"]
        cls.own = Ticket.create(cls._complaint_vals(cls.customer, "Own QC-ISO"))
        cls.foreign = Ticket.create(
            cls._complaint_vals(cls.other_customer, "Foreign QC-ISO", cls.lot_b)
        )

    @classmethod
    def _complaint_vals(cls, partner, name, lot=None):
        return {
            "name": name,
            "description": "Broken",
            "team_id": cls.team.id,
            "partner_id": partner.id,
            "product_id": cls.product.id,
            "lot_id": (lot or cls.lot_a).id,
            "complaint_qty": 1,
        }

    def test_list_shows_own_complaint_with_product_lot_stage(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open("/my/tickets")
        self.assertEqual(resp.status_code, 200)
        self.assertIn("Own QC-ISO", resp.text)
        self.assertIn("QC Test Tile", resp.text)
        self.assertIn("QCT-A", resp.text)
        self.assertIn(self.own.stage_id.name, resp.text)
        self.assertIn("/my/quality-complaint/new", resp.text)
        self.assertNotIn("Foreign QC-ISO", resp.text)
        self.assertNotIn("QCT-B", resp.text)

    def test_foreign_complaint_by_url(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open(f"/my/ticket/{self.foreign.id}", allow_redirects=False)
        self.assertIn(resp.status_code, (302, 303, 403, 404))
        self.assertNotIn("Foreign QC-ISO", resp.text)
        own = self.url_open(f"/my/ticket/{self.own.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Own QC-ISO", own.text)

    def test_foreign_complaint_by_rpc(self):
        foreign = self.foreign.with_user(self.customer_user)
        with self.assertRaises(AccessError):
            foreign.read(["name", "lot_id"])
        Ticket = self.env["helpdesk.ticket"].with_user(self.customer_user)
        self.assertEqual(Ticket.search([("is_quality_complaint", "=", True)]), self.own)
        with self.assertRaises(AccessError):
            self.own.with_user(self.customer_user).write({"complaint_qty": 99})

    def _call_kw(self, method, args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/helpdesk.ticket/{method}",
            {"model": "helpdesk.ticket", "method": method, "args": args, "kwargs": {}},
        )

    def test_foreign_complaint_by_http_rpc(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        own = self._call_kw("read", [self.own.ids, ["name"]])
        self.assertEqual(own[0]["name"], "Own QC-ISO")
        with self.assertRaises(JsonRpcException) as caught:
            self._call_kw("read", [self.foreign.ids, ["name", "lot_id"]])
        self.assertIn("AccessError", str(caught.exception))
