# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestFoundation(BaseCommon):
    """The groups chain and the demo data that every later flow relies on."""

    def test_group_chain(self):
        director = self.env.ref("quality_complaint.quality_complaint_group_director")
        manager = self.env.ref("quality_complaint.quality_complaint_group_manager")
        user = self.env.ref("quality_complaint.quality_complaint_group_user")
        self.assertIn(manager, director.all_implied_ids)
        self.assertIn(user, manager.all_implied_ids)
        self.assertIn(
            self.env.ref("helpdesk_mgmt.group_helpdesk_user"), manager.all_implied_ids
        )
        self.assertNotIn(
            self.env.ref("helpdesk_mgmt.group_helpdesk_user"), user.all_implied_ids
        )
        privilege = self.env.ref("quality_complaint.quality_complaint_privilege")
        self.assertEqual(
            (director | manager | user).privilege_id, privilege, "one privilege"
        )

    def test_demo_deliveries_invoiced(self):
        """Demo sales are delivered with lots and invoiced: returns and credit
        notes have real documents to work on."""
        for xmlid in ("demo_sale_distributor", "demo_sale_retail"):
            order = self.env.ref(f"quality_complaint.{xmlid}")
            self.assertEqual(order.state, "sale")
            # later demo data adds return receipts to these orders: look at the
            # deliveries
            pickings = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and not p.return_id
            )
            self.assertTrue(pickings)
            self.assertEqual(set(pickings.mapped("state")), {"done"})
            lots = pickings.move_line_ids.lot_id
            self.assertTrue(lots, "deliveries carry lots")
            for line in order.order_line:
                # what was shipped, whatever demo complaints returned since
                shipped = pickings.move_ids.filtered(
                    lambda m, sol=line: m.sale_line_id == sol
                )
                self.assertEqual(sum(shipped.mapped("quantity")), line.product_uom_qty)
                # what was invoiced, whatever demo complaints credited since
                invoiced = line.invoice_lines.filtered(
                    lambda aml: aml.move_id.move_type == "out_invoice"
                )
                self.assertEqual(sum(invoiced.mapped("quantity")), line.product_uom_qty)
            invoices = order.invoice_ids.filtered(
                lambda m: m.move_type == "out_invoice"
            )
            self.assertEqual(set(invoices.mapped("state")), {"posted"})

    def test_demo_partners_and_team(self):
        ref = self.env.ref
        self.assertTrue(
            ref("quality_complaint.demo_partner_distributor").is_distributor
        )
        self.assertTrue(ref("quality_complaint.demo_partner_carrier").is_carrier)
        team = ref("quality_complaint.demo_team_quality")
        self.assertTrue(team.is_quality_team)
        channels = self.env["helpdesk.ticket.channel"].search([]).mapped("name")
        for name in ("Hotline", "Phone", "Email", "Letter", "Walk-in", "Portal"):
            self.assertIn(name, channels)
        for product in (
            ref("quality_complaint.demo_product_tile"),
            ref("quality_complaint.demo_product_coating"),
        ):
            self.assertTrue(product.is_storable)
            self.assertEqual(product.tracking, "lot")

    def test_ticket_of_quality_team_is_complaint(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "QC", "is_quality_team": True}
        )
        other = self.env["helpdesk.ticket.team"].create({"name": "IT"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Cracked tiles", "description": "x", "team_id": team.id}
        )
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "x", "team_id": other.id}
        )
        self.assertTrue(ticket.is_quality_complaint)
        self.assertFalse(plain.is_quality_complaint)
