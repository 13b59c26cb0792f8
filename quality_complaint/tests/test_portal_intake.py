# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged

from .intake_common import PNG, IntakeFixtures


@tagged("post_install", "-at_install")
class TestPortalIntake(IntakeFixtures, HttpCase):
    """A portal customer files a complaint about what he received, and only that."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_intake()

    def _submit(self, files=None, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "product_id": self.product.id,
            "lot_id": self.lot_a.id,
            "complaint_qty": "3",
            "purchase_date": "2026-01-15",
            "subject": "Cracked tiles QC-INTAKE",
            "description": "Three tiles arrived cracked.\nSee photos.",
        }
        data.update(values)
        return self.url_open("/my/quality-complaint/submit", data=data, files=files)

    def _complaints(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer.id)]
        )

    def test_portal_home_links_to_form(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open("/my")
        self.assertEqual(resp.status_code, 200)
        self.assertIn('href="/my/quality-complaint/new"', resp.text)

    def test_form_lists_only_received_products_and_lots(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open("/my/quality-complaint/new")
        self.assertEqual(resp.status_code, 200)
        self.assertIn("QC Test Tile", resp.text)
        self.assertIn("QCT-A", resp.text)
        self.assertNotIn("QC Test Glue", resp.text)
        self.assertNotIn("QCT-B", resp.text)
        self.assertIn('name="description"', resp.text)

    def test_submit_creates_complaint_with_photos(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self._submit(files=[("attachment", ("crack.png", PNG, "image/png"))])
        self.assertEqual(resp.status_code, 200)
        ticket = self._complaints()
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/ticket/{ticket.id}", resp.url)
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.channel_id, self.channel_portal)
        self.assertEqual(ticket.product_id, self.product)
        self.assertEqual(ticket.lot_id, self.lot_a)
        self.assertEqual(ticket.complaint_qty, 3)
        self.assertEqual(str(ticket.purchase_date), "2026-01-15")
        self.assertEqual(ticket.name, "Cracked tiles QC-INTAKE")
        self.assertIn("arrived cracked", ticket.description)
        self.assertIn(self.customer, ticket.message_partner_ids)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["crack.png"])
        self.assertEqual(ticket.attachment_ids.raw, PNG)
        ack = ticket.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertIn(self.customer, ack.partner_ids)
        # the customer sees the product and lot on his ticket page
        self.assertIn("QCT-A", resp.text)

    def _assert_refused(self, message, files=None, **values):
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self._submit(files=files, **values)
        self.assertEqual(resp.status_code, 200)
        self.assertIn("o_quality_complaint_error", resp.text)
        self.assertIn(message, resp.text)
        self.assertIn("arrived cracked", resp.text, "the form keeps what was typed")
        self.assertFalse(self._complaints(), "nothing is created")

    def test_refused_product_not_received(self):
        self._assert_refused(
            "only complain about products you received",
            product_id=self.other_product.id,
            lot_id=self.lot_glue.id,
        )

    def test_refused_lot_of_another_customer(self):
        self._assert_refused("was not delivered to you", lot_id=self.lot_b.id)

    def test_refused_lot_of_another_product(self):
        self._assert_refused("was not delivered to you", lot_id=self.lot_glue.id)

    def test_refused_quantity(self):
        self._assert_refused("at most 20", complaint_qty="21")
        self._assert_refused("more than 0", complaint_qty="0")
        self._assert_refused("check the product", complaint_qty="lots")

    def test_refused_future_purchase_date(self):
        self._assert_refused("cannot be in the future", purchase_date="2999-01-01")

    def test_refused_attachment_not_a_photo(self):
        self._assert_refused(
            "is not a photo or a PDF",
            files=[("attachment", ("run.exe", b"MZ\x90\x00" * 64, "image/png"))],
        )

    def test_refused_attachment_svg(self):
        """An SVG is an image that runs scripts: refused."""
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        self._assert_refused(
            "is not a photo or a PDF",
            files=[("attachment", ("crack.svg", svg, "image/svg+xml"))],
        )

    def test_refused_attachment_too_large(self):
        self.env["ir.config_parameter"].set_param(
            "quality_complaint.portal_attachment_max_mb", "0.001"
        )
        self._assert_refused(
            "is larger than",
            files=[("attachment", ("big.png", PNG + b"\0" * 2000, "image/png"))],
        )

    def test_anonymous_is_sent_to_login(self):
        resp = self.url_open("/my/quality-complaint/new", allow_redirects=False)
        self.assertIn(resp.status_code, (302, 303))
        self.assertIn("/web/login", resp.headers["Location"])

    def test_generic_form_for_quality_team(self):
        """helpdesk_mgmt's own form, quality team chosen: a portal complaint."""
        self.env.company.helpdesk_mgmt_portal_select_team = True
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "team": self.team.id,
                "subject": "Generic form QC-INTAKE",
                "description": "Tiles cracked",
            },
        )
        self.assertEqual(resp.status_code, 200)
        ticket = self._complaints()
        self.assertEqual(ticket.name, "Generic form QC-INTAKE")
        self.assertTrue(ticket.is_quality_complaint)
        self.assertEqual(ticket.channel_id, self.channel_portal)
