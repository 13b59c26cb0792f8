# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestReturnLimits(ReturnsCommon):
    def test_more_than_remaining_refused(self):
        self._validate(self._approved([("refund", 7)])._quality_create_return())
        comp = self._approved([("refund", 5)])
        with self.assertRaisesRegex(
            UserError,
            r"QC Tile.*delivered 10\.0, already returned 7\.0, still returnable 3\.0",
        ):
            comp._quality_create_return()
        self.assertFalse(comp.picking_ids)

    def test_pending_return_counts(self):
        """A return not validated yet already reserves its quantity."""
        self._approved([("refund", 8)])._quality_create_return()
        with self.assertRaisesRegex(UserError, "still returnable 2.0"):
            self._approved([("refund", 3)])._quality_create_return()

    def test_standard_wizard_is_guarded_too(self):
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_model="stock.picking", active_id=self.delivery.id
            )
        ).save()
        wizard.product_return_moves.quantity = 11
        with self.assertRaisesRegex(UserError, "still returnable 10.0"):
            wizard.action_create_returns()

    def test_supplier_return_keeps_odoo_extra_quantity(self):
        """Only goods taken back from a customer are capped: Odoo's own extra
        quantity on other returns stays (stock's test_mto_moves_return_extra)."""
        receipt = self._receive(self.product, self.lot, 5, 40.0)
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_model="stock.picking", active_id=receipt.id
            )
        ).save()
        wizard.product_return_moves.quantity = 7
        action = wizard.action_create_returns()
        back = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(back.move_ids.product_uom_qty, 7)
        self.assertEqual(back.move_ids.origin_returned_move_id, receipt.move_ids)

    def test_lot_not_delivered_refused(self):
        comp = self._approved([("refund", 2)])
        wizard = self.env["stock.return.picking"].create(
            {
                "picking_id": self.delivery.id,
                "quality_compensation_id": comp.id,
                "product_return_moves": [
                    Command.clear(),
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "move_id": self.delivery.move_ids.id,
                            "quantity": 2,
                            "quality_lot_id": self.lot_b.id,
                        }
                    ),
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "QC-LOT-2.*was not delivered"):
            wizard._create_return()

    def test_other_lot_refused_at_validation(self):
        receipt = self._approved([("refund", 2)])._quality_create_return()
        receipt.move_ids.move_line_ids.lot_id = self.lot_b
        with self.assertRaisesRegex(UserError, "QC-LOT-2.*was not delivered"):
            self._validate(receipt)
