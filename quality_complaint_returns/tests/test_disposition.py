# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestDisposition(ReturnsCommon):
    def setUp(self):
        super().setUp()
        self.comp = self._approved([("refund", 6)])
        self.receipt = self.comp._quality_create_return()
        self._validate(self.receipt)
        self.receipt = self.receipt.with_user(self.storekeeper)

    def test_scrap_from_quarantine(self):
        self.assertTrue(self.receipt.quality_can_dispose)
        self.receipt.action_quality_scrap()
        scrap = self.env["stock.scrap"].search(
            [("quality_receipt_id", "=", self.receipt.id)]
        )
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.quality_ticket_id, self.ticket)
        self.assertEqual(scrap.scrap_qty, 6)
        self.assertEqual(self._quant_qty(self.quarantine), 0)
        self.assertFalse(self.receipt.quality_can_dispose)
        with self.assertRaisesRegex(UserError, "Nothing of"):
            self.receipt.action_quality_scrap()

    def test_back_to_stock_after_inspection(self):
        action = self.receipt.action_quality_back_to_stock()
        transfer = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(transfer.picking_type_code, "internal")
        self.assertEqual(transfer.location_id, self.quarantine)
        self.assertEqual(transfer.location_dest_id, self.stock)
        self.assertEqual(transfer.quality_ticket_id, self.ticket)
        self.assertEqual(transfer.move_ids.move_line_ids.lot_id, self.lot)
        self.assertFalse(self.receipt.quality_can_dispose, "pending transfer counts")
        self._validate(transfer)
        self.assertEqual(self._quant_qty(self.quarantine), 0)
        self.assertEqual(self._quant_qty(self.stock), 46)

    def test_return_to_supplier(self):
        self.ticket.supplier_id = self.supplier
        action = self.receipt.action_quality_return_supplier()
        transfer = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(transfer.partner_id, self.supplier)
        self.assertEqual(transfer.location_dest_id.usage, "supplier")
        self._validate(transfer)
        self.assertEqual(self._quant_qty(self.quarantine), 0)

    def test_return_to_supplier_needs_one(self):
        self.ticket.supplier_id = False
        with self.assertRaisesRegex(UserError, "Set a supplier"):
            self.receipt.action_quality_return_supplier()
