# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestGroupedReturn(ReturnsCommon):
    def test_one_receipt_for_two_complaints(self):
        other = self._create_ticket(name="Chipped edges")
        first = self._approved([("refund", 2)])
        second = self._approved([("replacement", 3)], ticket=other)
        action = (first | second).action_quality_create_grouped_return()
        receipt = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(len(receipt.move_ids), 2)
        self.assertEqual(receipt.location_id, self.customer_loc)
        self.assertEqual(receipt.location_dest_id, self.quarantine)
        self.assertEqual(
            receipt.move_ids.quality_compensation_line_id,
            first.line_ids | second.line_ids,
        )
        self.assertEqual(self.ticket.quality_picking_count, 1)
        self.assertEqual(other.quality_picking_count, 1)
        self._validate(receipt)
        self.assertEqual(self._quant_qty(self.quarantine), 5)
        delivery = second._quality_get_pickings().filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(delivery.move_ids.product_uom_qty, 3)

    def test_other_customer_refused(self):
        stranger = self.env["res.partner"].create({"name": "QC Stranger"})
        other = self._create_ticket(partner_id=stranger.id)
        first = self._approved([("refund", 2)])
        second = self._approved([("refund", 1)], ticket=other)
        with self.assertRaisesRegex(UserError, "one customer"):
            (first | second).action_quality_create_grouped_return()


@tagged("post_install", "-at_install")
class TestManualReceipt(ReturnsCommon):
    def test_receipt_without_delivery(self):
        ticket = self._create_ticket(name="Bought at a fair")
        ticket.delivery_picking_id = False
        comp = self._approved([("refund", 2)], ticket=ticket)
        receipt = comp._quality_create_return()
        self.assertFalse(receipt.return_id)
        self.assertEqual(receipt.picking_type_code, "incoming")
        self.assertEqual(receipt.partner_id, self.customer)
        self.assertEqual(receipt.location_id, self.customer_loc)
        self.assertEqual(receipt.location_dest_id, self.quarantine)
        self.assertEqual(receipt.move_ids.move_line_ids.lot_id, self.lot)
        self._validate(receipt)
        self.assertEqual(self._quant_qty(self.quarantine), 2)
