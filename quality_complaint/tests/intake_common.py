# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures of the intake tests: customers with real, validated deliveries."""

import base64

from odoo.fields import Command
from odoo.tests import new_test_user

# a 1x1 PNG: a real image for the photo uploads
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class IntakeFixtures:
    """Mixed into test classes; builds products, lots and deliveries."""

    @classmethod
    def _setup_intake(cls):
        env = cls.env
        cls.team = env["helpdesk.ticket.team"].create(
            {
                "name": "QC Intake Test",
                "is_quality_team": True,
                "show_in_portal": True,
                "sequence": -100,  # first quality team even with demo data
            }
        )
        cls.product = cls._create_lot_product("QC Test Tile")
        cls.other_product = cls._create_lot_product("QC Test Glue")
        cls.lot_a = cls._create_lot(cls.product, "QCT-A")
        cls.lot_b = cls._create_lot(cls.product, "QCT-B")
        cls.lot_glue = cls._create_lot(cls.other_product, "QCG-A")
        cls.customer_user = new_test_user(
            env, login="qc_portal_a", groups="base.group_portal", name="Customer A"
        )
        cls.other_user = new_test_user(
            env, login="qc_portal_b", groups="base.group_portal", name="Customer B"
        )
        cls.customer = cls.customer_user.partner_id
        cls.other_customer = cls.other_user.partner_id
        cls._deliver(cls.customer, cls.product, cls.lot_a, 20)
        cls._deliver(cls.other_customer, cls.product, cls.lot_b, 5)
        cls._deliver(cls.other_customer, cls.other_product, cls.lot_glue, 5)
        cls.channel_portal = env.ref("quality_complaint.helpdesk_ticket_channel_portal")

    @classmethod
    def _create_lot_product(cls, name):
        return cls.env["product.product"].create(
            {"name": name, "type": "consu", "is_storable": True, "tracking": "lot"}
        )

    @classmethod
    def _create_lot(cls, product, name):
        return cls.env["stock.lot"].create({"name": name, "product_id": product.id})

    @classmethod
    def _deliver(cls, partner, product, lot, qty):
        """A validated delivery of ``qty`` units of ``lot`` to ``partner``."""
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        stock = warehouse.lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(
            product, stock, qty, lot_id=lot
        )
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": partner.id,
                "location_id": stock.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": stock.id,
                            "location_dest_id": cls.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        return picking
