# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures of the intake and assessment tests: customers, a lot-tracked
product with real done deliveries, a quality team and the defect categories."""

import base64

from odoo.fields import Command

from odoo.addons.base.tests.common import BaseCommon

# 1x1 transparent PNG
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)


class QualityAssessmentCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "QA Complaints", "is_quality_team": True}
        )
        Partner = cls.env["res.partner"]
        cls.distributor = Partner.create(
            {"name": "QA Distributor Ltd", "is_company": True, "is_distributor": True}
        )
        cls.distributor_contact = Partner.create(
            {"name": "QA Buyer", "parent_id": cls.distributor.id}
        )
        cls.retail = Partner.create({"name": "QA Retail Consumer"})
        cls.carrier = Partner.create(
            {"name": "QA Freight", "is_company": True, "is_carrier": True}
        )
        cls.supplier = Partner.create({"name": "QA Clay Supplier"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "QA Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        cls.other_product = cls.env["product.product"].create(
            {
                "name": "QA Coating",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        Lot = cls.env["stock.lot"]
        cls.lot_a = Lot.create({"name": "QA-LOT-A", "product_id": cls.product.id})
        cls.lot_b = Lot.create({"name": "QA-LOT-B", "product_id": cls.product.id})
        cls.other_lot = Lot.create(
            {"name": "QA-LOT-C", "product_id": cls.other_product.id}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.ref_category = {
            key: cls.env.ref(f"quality_complaint.defect_category_{key}")
            for key in (
                "logistics_damage",
                "improper_storage",
                "improper_use",
                "product_spec",
                "design",
                "production",
                "material",
                "service",
            )
        }

    @classmethod
    def _stock(cls, product, lot, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, cls.warehouse.lot_stock_id, qty, lot_id=lot
        )

    @classmethod
    def _deliver(cls, partner, product, lot, qty=5.0):
        """A done outgoing picking of ``qty`` of ``product`` from ``lot``."""
        cls._stock(product, lot, qty)
        picking_type = cls.warehouse.out_type_id
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": partner.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": cls.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        cls._validate(picking, lot)
        return picking

    @classmethod
    def _validate(cls, picking, lot):
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.move_line_ids.lot_id = lot
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        assert picking.state == "done", picking.state
        assert picking.move_line_ids.lot_id == lot, picking.move_line_ids.lot_id

    @classmethod
    def _ticket(cls, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Cracked tiles",
                "description": "<p>Cracks after laying</p>",
                "team_id": cls.team.id,
                **vals,
            }
        )

    @classmethod
    def _image(cls, name="photo.png"):
        return cls.env["ir.attachment"].create(
            {"name": name, "datas": PNG, "mimetype": "image/png"}
        )

    @classmethod
    def _document(cls, name="delivery-note.pdf"):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "raw": b"%PDF-1.4 signed by the carrier",
                "mimetype": "application/pdf",
            }
        )
