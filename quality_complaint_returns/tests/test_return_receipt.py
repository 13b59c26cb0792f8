# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestReturnReceipt(ReturnsCommon):
    def test_full_return_into_quarantine(self):
        comp = self._approved([("refund", 10)])
        action = comp.with_user(self.complaint_user).action_quality_create_return()
        receipt = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(receipt.picking_type_code, "incoming")
        self.assertEqual(receipt.return_id, self.delivery)
        self.assertEqual(receipt.location_dest_id, self.quarantine)
        self.assertEqual(receipt.quality_ticket_id, self.ticket)
        self.assertEqual(receipt.quality_compensation_id, comp)
        self.assertEqual(
            receipt.quality_defect_category_id, self.ticket.defect_category_id
        )
        self.assertEqual(receipt.move_ids.quality_compensation_line_id, comp.line_ids)
        self.assertEqual(receipt.move_ids.move_line_ids.lot_id, self.lot)
        self.assertEqual(receipt.move_ids.product_uom_qty, 10)
        self._validate(receipt)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(self._quant_qty(self.quarantine), 10)
        self.assertEqual(self._quant_qty(self.stock), 40)
        # valued at the cost it left with (AVCO 40)
        self.assertAlmostEqual(receipt.move_ids.value, 400.0)
        self.assertAlmostEqual(self.delivery.move_ids.value, 400.0)

    def test_partial_return_then_rest(self):
        first = self._approved([("refund", 4)])
        receipt = first._quality_create_return()
        self.assertEqual(receipt.move_ids.product_uom_qty, 4)
        self._validate(receipt)
        second = self._approved([("refund", 6)])
        rest = second._quality_create_return()
        self.assertEqual(rest.move_ids.product_uom_qty, 6)
        self.assertEqual(self.delivery.move_ids._quality_get_returned_qty(), 10)

    def test_double_click_gives_one_receipt(self):
        comp = self._approved([("refund", 10)])
        first = comp.action_quality_create_return()
        second = comp.action_quality_create_return()
        self.assertEqual(first["res_id"], second["res_id"])
        self.assertEqual(comp.picking_count, 1)
        self.assertFalse(comp.can_create_return)

    def test_smart_buttons(self):
        comp = self._approved([("refund", 3)])
        receipt = comp._quality_create_return()
        self.assertEqual(self.ticket.quality_picking_count, 1)
        action = self.ticket.action_view_quality_pickings()
        self.assertEqual(action["res_id"], receipt.id)
        self.assertEqual(comp.action_view_quality_pickings()["res_id"], receipt.id)
