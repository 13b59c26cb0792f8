# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures shared by the return and replacement tests (no test methods here)."""

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.quality_complaint.tests.compensation_common import (
    USER,
    CompensationCommon,
)


class ReturnsCommon(CompensationCommon):
    """Approved proposals without tiers, a lot delivered from real stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.quarantine = cls.warehouse.quality_quarantine_location_id
        cls.customer_loc = env.ref("stock.stock_location_customers")
        cls.storekeeper = new_test_user(
            env, login="qc_storekeeper", groups="stock.group_stock_user"
        )
        cls.complaint_user = new_test_user(
            env,
            login="qc_complaint_user",
            groups=f"sales_team.group_sale_salesman,{USER}",
        )
        cls.team.user_ids = [Command.link(cls.complaint_user.id)]
        cls._setup_valuation()
        cls._receive(cls.product, cls.lot, 50, 40.0)
        cls.delivery = cls._deliver(cls.customer, cls.product, cls.lot, 10)
        cls.ticket.delivery_picking_id = cls.delivery

    @classmethod
    def _setup_tiers(cls):
        """No approval chain: a submitted proposal is approved at once."""
        model = cls.env["ir.model"]._get("quality.compensation")
        cls.env["tier.definition"].search([("model", "=", model.model)]).active = False

    @classmethod
    def _setup_valuation(cls):
        cls.category = cls.env["product.category"].create(
            {
                "name": "QC AVCO automated",
                "property_cost_method": "average",
                "property_valuation": "real_time",
            }
        )
        cls.product.categ_id = cls.category
        cls.lot_b = cls.env["stock.lot"].create(
            {"name": "QC-LOT-2", "product_id": cls.product.id}
        )

    @classmethod
    def _picking(cls, picking_type, src, dest, partner, product, lot, qty, price=0.0):
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": src.id,
                "location_dest_id": dest.id,
                "partner_id": partner.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "location_id": src.id,
                            "location_dest_id": dest.id,
                            "price_unit": price,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids._quality_set_lot(lot)
        cls._validate(picking)
        return picking

    @classmethod
    def _receive(cls, product, lot, qty, price):
        supplier_loc = cls.env.ref("stock.stock_location_suppliers")
        return cls._picking(
            cls.warehouse.in_type_id,
            supplier_loc,
            cls.stock,
            cls.supplier,
            product,
            lot,
            qty,
            price,
        )

    @classmethod
    def _deliver(cls, partner, product, lot, qty):
        return cls._picking(
            cls.warehouse.out_type_id,
            cls.stock,
            cls.customer_loc,
            partner,
            product,
            lot,
            qty,
        )

    @classmethod
    def _validate(cls, picking, qty=None, user=None):
        """Validate as a warehouse user, receiving ``qty`` (default: all)."""
        picking = picking.with_user(user or cls.storekeeper)
        if qty is not None:
            picking.move_ids.move_line_ids.quantity = qty
        picking.move_ids.picked = True
        return picking.with_context(
            skip_backorder=True, skip_sms=True, cancel_backorder=qty is not None
        ).button_validate()

    def _approved(self, lines, ticket=None, **vals):
        """An approved proposal with ``lines`` [(type, qty)], as the owner."""
        comp = self.Compensation.with_user(self.salesperson).create(
            dict(
                {
                    "ticket_id": (ticket or self.ticket).id,
                    "line_ids": [
                        Command.create({"compensation_type": ctype, "quantity": qty})
                        for ctype, qty in lines
                    ],
                },
                **vals,
            )
        )
        comp.action_submit()
        self.assertEqual(comp.state, "approved")
        return comp.with_user(self.env.user)

    def _quant_qty(self, location, lot=None):
        return sum(
            self.env["stock.quant"]
            .search(
                [
                    ("product_id", "=", self.product.id),
                    ("location_id", "=", location.id),
                    ("lot_id", "=", (lot or self.lot).id),
                ]
            )
            .mapped("quantity")
        )
