# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.fields import Command
from odoo.tests import Form, tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestDeliveryProposal(QualityAssessmentCommon):
    """The delivery that shipped the goods is proposed from the customer,
    the product and the lot, using real done deliveries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pick_a = cls._deliver(cls.distributor, cls.product, cls.lot_a)
        cls.pick_a.date_done = datetime(2026, 3, 1, 10, 0)
        cls.pick_b = cls._deliver(cls.distributor, cls.product, cls.lot_b)
        cls.pick_b.date_done = datetime(2026, 4, 1, 10, 0)
        cls.pick_retail = cls._deliver(cls.retail, cls.product, cls.lot_a)
        cls.pick_retail.date_done = datetime(2026, 5, 1, 10, 0)

    def test_latest_delivery_of_product_to_customer(self):
        ticket = self._ticket(
            partner_id=self.distributor_contact.id, product_id=self.product.id
        )
        self.assertEqual(ticket.delivery_picking_id, self.pick_b)

    def test_delivery_of_the_lot(self):
        ticket = self._ticket(
            partner_id=self.distributor_contact.id,
            product_id=self.product.id,
            lot_id=self.lot_a.id,
        )
        self.assertEqual(ticket.delivery_picking_id, self.pick_a)
        ticket.partner_id = self.retail
        self.assertEqual(ticket.delivery_picking_id, self.pick_retail)

    def test_nothing_shipped_nothing_proposed(self):
        ticket = self._ticket(
            partner_id=self.retail.id,
            product_id=self.other_product.id,
            lot_id=self.other_lot.id,
        )
        self.assertFalse(ticket.delivery_picking_id)
        self.assertFalse(self._ticket(partner_id=self.retail.id).delivery_picking_id)

    def test_user_can_override_in_form(self):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "Cracked tiles"
            form.description = "<p>x</p>"
            form.team_id = self.team
            form.partner_id = self.distributor_contact
            form.product_id = self.product
            self.assertEqual(form.delivery_picking_id, self.pick_b)
            form.delivery_picking_id = self.pick_a
        self.assertEqual(form.record.delivery_picking_id, self.pick_a)

    def test_sale_order_and_invoice_proposed(self):
        """A sold and invoiced delivery proposes its order and posted invoice."""
        if not self.env["account.account"].search_count(
            [("company_ids", "in", self.company.ids)], limit=1
        ):
            self.env["account.chart.template"].try_loading(False, self.company)
        self.product.invoice_policy = "delivery"
        self.product.lst_price = 10.0
        order = self.env["sale.order"].create(
            {
                "partner_id": self.retail.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 3}
                    )
                ],
            }
        )
        order.action_confirm()
        self._stock(self.product, self.lot_b, 3)
        self._validate(order.picking_ids, self.lot_b)
        invoice = order._create_invoices()
        invoice.action_post()
        ticket = self._ticket(
            partner_id=self.retail.id,
            product_id=self.product.id,
            lot_id=self.lot_b.id,
        )
        self.assertEqual(ticket.delivery_picking_id, order.picking_ids)
        self.assertEqual(ticket.sale_order_id, order)
        self.assertEqual(ticket.invoice_id, invoice)
