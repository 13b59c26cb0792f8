# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .returns_common import ReturnsCommon


@tagged("post_install", "-at_install")
class TestExecutionDocuments(ReturnsCommon):
    def test_reissue_delivery_without_return(self):
        comp = self._approved([("reissue", 3)])
        comp.with_user(self.complaint_user).action_quality_create_documents()
        delivery = comp.picking_ids
        self.assertEqual(delivery.picking_type_code, "outgoing")
        self.assertFalse(delivery.return_id)
        self.assertEqual(delivery.move_ids.product_uom_qty, 3)
        comp.action_quality_create_documents()
        self.assertEqual(comp.picking_ids, delivery, "created once")
        self._validate(delivery)
        self.assertEqual(comp.line_ids.executed_qty, 3)
        self.assertEqual(comp.state, "done")
        self.assertEqual(self._quant_qty(self.stock), 37)
        self.assertAlmostEqual(delivery.move_ids.value, 120.0)

    @freeze_time("2026-03-02 09:00:00")
    def test_repair_under_warranty_with_deadline(self):
        self.team.quality_repair_days = 3
        ticket = self._create_ticket(name="Scratched coating")
        ticket.warranty_state = "in_warranty"
        self.assertTrue(ticket.repair_deadline)
        comp = self._approved([("repair", 1)], ticket=ticket)
        comp.action_quality_create_documents()
        repair = comp.repair_ids
        self.assertEqual(len(repair), 1)
        self.assertEqual(repair.quality_ticket_id, ticket)
        self.assertEqual(repair.lot_id, self.lot)
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.schedule_date, ticket.repair_deadline)
        self.assertEqual(ticket.quality_repair_count, 1)
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertTrue(comp.line_ids.executed)
        self.assertEqual(comp.state, "done")

    def test_repair_out_of_warranty(self):
        self.ticket.warranty_state = "expired"
        comp = self._approved([("repair", 1)])
        comp.action_quality_create_documents()
        self.assertFalse(comp.repair_ids.under_warranty)

    def test_packaging_sold_at_cost(self):
        comp = self._approved([("packaging_at_cost", 4)])
        comp.with_user(self.complaint_user).action_quality_create_documents()
        sale = comp.sale_order_ids
        self.assertEqual(sale.partner_id, self.customer)
        self.assertEqual(sale.quality_ticket_id, self.ticket)
        self.assertEqual(sale.order_line.price_unit, self.product.standard_price)
        self.assertEqual(sale.order_line.product_uom_qty, 4)
        self.assertFalse(comp.line_ids.executed)
        sale.action_confirm()
        self.assertTrue(comp.line_ids.executed)
        self.assertEqual(comp.line_ids.executed_qty, 4)
        self.assertEqual(self.ticket.quality_sale_count, 1)
