# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class StockPicking(models.Model):
    _inherit = "stock.picking"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        check_company=True,
        domain="[('is_quality_complaint', '=', True)]",
    )
    quality_compensation_id = fields.Many2one(
        "quality.compensation",
        string="Compensation",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )
    quality_receipt_id = fields.Many2one(
        "stock.picking",
        string="Quarantine Receipt",
        index="btree_not_null",
        copy=False,
        help="Return receipt whose quarantined goods this transfer moves on.",
    )
    quality_defect_category_id = fields.Many2one(
        related="quality_ticket_id.defect_category_id", string="Defect Category"
    )
    quality_problem_class = fields.Selection(
        related="quality_ticket_id.problem_class", string="Problem Class"
    )
    quality_can_dispose = fields.Boolean(compute="_compute_quality_can_dispose")

    @api.depends("state", "quality_ticket_id", "move_ids.quantity")
    def _compute_quality_can_dispose(self):
        for picking in self:
            picking.quality_can_dispose = bool(
                picking.state == "done"
                and picking.picking_type_code == "incoming"
                and picking.move_ids.quality_compensation_line_id
                and picking._quality_get_undisposed()
            )

    # ------------------------------------------------------------------
    # Actions: disposition of the quarantined goods
    # ------------------------------------------------------------------

    def action_quality_scrap(self):
        self.ensure_one()
        scraps = self._quality_dispose("scrap")
        return scraps._get_records_action(name=self.env._("Scrap"))

    def action_quality_back_to_stock(self):
        self.ensure_one()
        picking = self._quality_dispose("stock")
        return picking._get_records_action(name=self.env._("Back to Stock"))

    def action_quality_return_supplier(self):
        self.ensure_one()
        picking = self._quality_dispose("supplier")
        return picking._get_records_action(name=self.env._("Return to Supplier"))

    def action_quality_view_ticket(self):
        self.ensure_one()
        return self.quality_ticket_id._get_records_action()

    # ------------------------------------------------------------------
    # Validation post-processing
    # ------------------------------------------------------------------

    def _action_done(self):
        res = super()._action_done()
        done = self.filtered(lambda p: p.state == "done")
        lines = done.move_ids.quality_compensation_line_id.sudo()
        if lines:
            received = done.filtered(lambda p: p.picking_type_code == "incoming")
            received.move_ids.quality_compensation_line_id.sudo()._quality_create_replacements()
            lines._quality_update_execution()
        return res

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _quality_get_undisposed(self):
        """Quantities of this receipt still in quarantine, as
        {(product, lot): qty in the product's unit}."""
        self.ensure_one()
        qty = {}
        for line in self.move_line_ids.filtered(lambda ml: ml.state == "done"):
            key = (line.product_id, line.lot_id)
            qty[key] = qty.get(key, 0.0) + line.quantity_product_uom
        disposed = self.env["stock.move.line"].search(
            [
                ("picking_id.quality_receipt_id", "=", self.id),
                ("move_id.state", "!=", "cancel"),
            ]
        )
        for line in disposed:
            key = (line.product_id, line.lot_id)
            qty[key] = qty.get(key, 0.0) - line.quantity_product_uom
        for scrap in self._quality_get_scraps():
            key = (scrap.product_id, scrap.lot_id)
            qty[key] = qty.get(key, 0.0) - scrap.product_uom_id._compute_quantity(
                scrap.scrap_qty, scrap.product_id.uom_id
            )
        return {k: q for k, q in qty.items() if k[0].uom_id.compare(q, 0) > 0}

    def _quality_get_scraps(self):
        return self.env["stock.scrap"].search(
            [("quality_receipt_id", "=", self.id), ("state", "!=", "cancel")]
        )

    def _quality_dispose(self, target):
        """Move what is left of this receipt in quarantine to ``target``
        (scrap, stock or supplier); one document, linked to the complaint."""
        self.ensure_one()
        self.check_access("write")
        self.lock_for_update()
        undisposed = self._quality_get_undisposed()
        if self.state != "done" or not undisposed:
            raise UserError(
                self.env._("Nothing of %s is left in quarantine.", self.name)
            )
        self.invalidate_recordset(["quality_can_dispose"])
        if target == "scrap":
            return self._quality_create_scraps(undisposed)
        return self._quality_create_disposition_picking(target, undisposed)

    def _quality_create_scraps(self, undisposed):
        scraps = self.env["stock.scrap"].create(
            [
                self._prepare_quality_scrap_vals(product, lot, qty)
                for (product, lot), qty in undisposed.items()
            ]
        )
        scraps.action_validate()
        return scraps

    def _prepare_quality_scrap_vals(self, product, lot, qty):
        """Scrap of quarantined goods; called by _quality_create_scraps()."""
        return {
            "product_id": product.id,
            "lot_id": lot.id,
            "scrap_qty": qty,
            "product_uom_id": product.uom_id.id,
            "location_id": self.location_dest_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "quality_ticket_id": self._quality_get_ticket().id,
            "quality_receipt_id": self.id,
        }

    def _quality_get_ticket(self):
        self.ensure_one()
        tickets = self.move_ids.quality_compensation_line_id.compensation_id.ticket_id
        return self.quality_ticket_id or tickets[:1]

    def _quality_create_disposition_picking(self, target, undisposed):
        picking = self.create(self._prepare_quality_disposition_vals(target))
        moves = self.env["stock.move"].create(
            [
                picking._prepare_quality_move_vals(product, qty, product.uom_id)
                for (product, _lot), qty in undisposed.items()
            ]
        )
        lot_by_move = {
            move: lot for move, (_product, lot) in zip(moves, undisposed, strict=True)
        }
        moves._action_confirm(merge=False)
        self.env["stock.move"]._quality_set_lots(lot_by_move)
        return picking

    def _prepare_quality_disposition_vals(self, target):
        """Internal transfer back to stock or delivery to the supplier of
        quarantined goods; called by _quality_create_disposition_picking()."""
        warehouse = self.picking_type_id.warehouse_id
        vals = {
            "location_id": self.location_dest_id.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "quality_ticket_id": self._quality_get_ticket().id,
            "quality_compensation_id": self.quality_compensation_id.id,
            "quality_receipt_id": self.id,
        }
        if target == "stock":
            vals.update(
                picking_type_id=warehouse.int_type_id.id,
                location_dest_id=warehouse.lot_stock_id.id,
            )
            return vals
        supplier = self._quality_get_supplier()
        vals.update(
            picking_type_id=warehouse.out_type_id.id,
            partner_id=supplier.id,
            location_dest_id=supplier.property_stock_supplier.id,
        )
        return vals

    def _quality_get_supplier(self):
        ticket = self._quality_get_ticket()
        product = self.move_ids.product_id[:1]
        supplier = ticket.supplier_id or product.seller_ids[:1].partner_id
        if not supplier:
            raise UserError(
                self.env._(
                    "Set a supplier on complaint %(ticket)s or on product "
                    "%(product)s to return the goods.",
                    ticket=ticket.display_name,
                    product=product.display_name,
                )
            )
        return supplier

    def _prepare_quality_move_vals(self, product, qty, uom, line=None):
        """A move of this transfer; called when complaint documents are built."""
        self.ensure_one()
        return {
            "product_id": product.id,
            "product_uom_qty": qty,
            "product_uom": uom.id,
            "picking_id": self.id,
            "location_id": self.location_id.id,
            "location_dest_id": self.location_dest_id.id,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "quality_compensation_line_id": line.id if line else False,
            "move_line_ids": [Command.clear()],
        }

    # lot recall
    quality_recall_id = fields.Many2one(
        "quality.lot.recall",
        string="Lot Recall",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The lot recall this transfer carries out.",
    )
