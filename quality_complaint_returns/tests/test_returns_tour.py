# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReturnsTour(HttpCase):
    def _setup_delivery(self, product, lot):
        env = self.env
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, 20, lot_id=lot
        )
        delivery = env["stock.picking"].create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": self.customer.id,
                "move_ids": [
                    Command.create({"product_id": product.id, "product_uom_qty": 5})
                ],
            }
        )
        delivery.action_confirm()
        delivery.action_assign()
        delivery.move_ids.picked = True
        delivery.button_validate()
        return delivery

    def test_return_and_replacement_tour(self):
        env = self.env
        model = env["ir.model"]._get("quality.compensation")
        env["tier.definition"].search([("model", "=", model.model)]).active = False
        new_test_user(env, login="qc_tour_storekeeper", groups="stock.group_stock_user")
        self.customer = env["res.partner"].create({"name": "Tour Customer"})
        product = env["product.product"].create(
            {
                "name": "Tour Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        lot = env["stock.lot"].create({"name": "TOUR-LOT", "product_id": product.id})
        delivery = self._setup_delivery(product, lot)
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Tour cracked tiles",
                "description": "x",
                "partner_id": self.customer.id,
                "product_id": product.id,
                "lot_id": lot.id,
                "complaint_qty": 5,
            }
        )
        ticket.delivery_picking_id = delivery
        comp = env["quality.compensation"].create(
            {
                "ticket_id": ticket.id,
                "line_ids": [Command.create({"compensation_type": "replacement"})],
            }
        )
        comp.action_submit()
        self.assertEqual(comp.state, "approved")
        url = f"/odoo/quality-compensation/{comp.id}"
        self.start_tour(url, "quality_complaint_returns_create_tour", login="admin")
        receipt = comp.picking_ids
        self.assertEqual(len(receipt), 1)
        self.assertEqual(
            receipt.location_dest_id,
            receipt.picking_type_id.warehouse_id.quality_quarantine_location_id,
        )
        self.start_tour(
            f"/odoo/action-stock.action_picking_tree_all/{receipt.id}",
            "quality_complaint_returns_validate_tour",
            login="qc_tour_storekeeper",
        )
        self.assertEqual(receipt.state, "done")
        self.start_tour(
            url, "quality_complaint_returns_replacement_tour", login="admin"
        )
        replacement = comp.picking_ids - receipt
        self.assertEqual(replacement.picking_type_code, "outgoing")
        self.assertEqual(replacement.move_ids.product_uom_qty, 5)
