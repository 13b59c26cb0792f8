# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.fields import Command


class QualityLotCustomer(models.TransientModel):
    _name = "quality.lot.customer"
    _description = "Customer Who Received a Lot"
    _order = "lot_id, depth, delivered_qty desc, id"

    lot_id = fields.Many2one("stock.lot", required=True, ondelete="cascade")
    product_id = fields.Many2one(related="lot_id.product_id")
    product_uom_id = fields.Many2one(related="lot_id.product_id.uom_id")
    company_id = fields.Many2one(related="lot_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Customer")
    via_partner_id = fields.Many2one(
        "res.partner",
        string="Received From",
        help="The distributor who passed the lot on; empty when we delivered it.",
    )
    depth = fields.Integer(help="0: delivered by us, 1: through one distributor, ...")
    delivered_qty = fields.Float(string="Delivered", digits="Product Unit")
    returned_qty = fields.Float(string="Returned", digits="Product Unit")
    forwarded_qty = fields.Float(
        string="Passed On",
        digits="Product Unit",
        help="Quantity this customer delivered to its own customers.",
    )
    net_qty = fields.Float(
        string="Still Held",
        digits="Product Unit",
        help="Delivered, less returned, less passed on.",
    )
    first_delivery_date = fields.Datetime()
    last_delivery_date = fields.Datetime()
    picking_ids = fields.Many2many(
        "stock.picking",
        relation="quality_lot_customer_picking_rel",
        column1="lot_customer_id",
        column2="picking_id",
        string="Deliveries",
    )
    return_picking_ids = fields.Many2many(
        "stock.picking",
        relation="quality_lot_customer_return_picking_rel",
        column1="lot_customer_id",
        column2="picking_id",
        string="Returns",
    )

    def _create_from_lots(self, lots):
        """Fill the list for ``lots`` from stock.lot._get_quality_affected_customers."""
        rows = lots._get_quality_affected_customers()
        return self.create([self._prepare_lot_customer_vals(row) for row in rows])

    def _prepare_lot_customer_vals(self, row):
        """Values of one line; called by _create_from_lots."""
        vals = {
            key: row[key]
            for key in ("lot_id", "partner_id", "via_partner_id", "depth")
            + ("delivered_qty", "returned_qty", "forwarded_qty", "net_qty")
            + ("first_delivery_date", "last_delivery_date")
        }
        vals["picking_ids"] = [Command.set(row["picking_ids"])]
        vals["return_picking_ids"] = [Command.set(row["return_picking_ids"])]
        return vals
