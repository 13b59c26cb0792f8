# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestExchange(ReturnsCommon):
    def _replacement_delivery(self, comp):
        return comp.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")

    def test_replacement_for_what_came_back(self):
        comp = self._approved([("replacement", 10)])
        receipt = comp._quality_create_return()
        self.assertFalse(self._replacement_delivery(comp), "waits for the goods")
        self._validate(receipt, qty=6)
        delivery = self._replacement_delivery(comp)
        self.assertEqual(delivery.move_ids.product_uom_qty, 6)
        self.assertEqual(delivery.partner_id, self.customer)
        self.assertEqual(delivery.location_id, self.stock)
        self.assertEqual(delivery.quality_ticket_id, self.ticket)
        self.assertEqual(delivery.move_ids.quality_compensation_line_id, comp.line_ids)
        self.assertFalse(comp.line_ids.executed)
        self._validate(delivery)
        self.assertTrue(comp.line_ids.executed)
        self.assertEqual(comp.line_ids.executed_qty, 6)
        self.assertEqual(comp.state, "done", "closed once every line is executed")
        self.assertEqual(self._quant_qty(self.quarantine), 6)
        self.assertEqual(self._quant_qty(self.stock), 34)
        self.assertAlmostEqual(receipt.move_ids.value, 240.0)
        self.assertAlmostEqual(delivery.move_ids.value, 240.0)

    def test_refund_line_is_not_replaced(self):
        comp = self._approved([("refund", 3)])
        self._validate(comp._quality_create_return())
        self.assertFalse(self._replacement_delivery(comp))
        self.assertFalse(comp.line_ids.executed, "the credit note executes it")


@tagged("post_install", "-at_install")
class TestShipBeforeReturn(ReturnsCommon):
    def _outgoing(self, comp):
        return comp.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")

    def test_per_proposal(self):
        comp = self._approved([("replacement", 5)], ship_before_return=True)
        receipt = comp._quality_create_return()
        delivery = self._outgoing(comp)
        self.assertEqual(delivery.move_ids.product_uom_qty, 5)
        self._validate(receipt, qty=5)
        self.assertEqual(self._outgoing(comp), delivery, "no second delivery")
        self._validate(delivery)
        self.assertEqual(comp.state, "done")

    def test_per_company(self):
        self.env.company.quality_complaint_ship_before_return = True
        comp = self._approved([("replacement", 2)])
        comp._quality_create_return()
        self.assertEqual(self._outgoing(comp).move_ids.product_uom_qty, 2)
