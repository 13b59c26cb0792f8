# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    quality_compensation_line_id = fields.Many2one(
        "quality.compensation.line",
        string="Compensation Line",
        index="btree_not_null",
        copy=False,
    )

    def _action_done(self, cancel_backorder=False):
        self._ensure_quality_returned_lots()
        return super()._action_done(cancel_backorder=cancel_backorder)

    @api.model
    def _prepare_merge_moves_distinct_fields(self):
        """Moves of different compensation lines stay apart (one per line)."""
        return super()._prepare_merge_moves_distinct_fields() + [
            "quality_compensation_line_id"
        ]

    def _quality_get_returned_qty(self):
        """Quantity already returned (or being returned) of this move, in its unit."""
        self.ensure_one()
        qty = 0.0
        for ret in self.returned_move_ids.filtered(lambda m: m.state != "cancel"):
            ret_qty = ret.quantity if ret.state == "done" else ret.product_uom_qty
            qty += ret.product_uom._compute_quantity(ret_qty, self.product_uom)
        return qty

    def _ensure_quality_returnable(self, qty):
        """Refuse to return more of this move than delivered minus returned."""
        self.ensure_one()
        returned = self._quality_get_returned_qty()
        remaining = self.quantity - returned
        if self.product_uom.compare(qty, remaining) > 0:
            raise UserError(
                self.env._(
                    "You cannot return %(qty)s %(uom)s of %(product)s from "
                    "%(picking)s: delivered %(delivered)s, already returned "
                    "%(returned)s, still returnable %(remaining)s.",
                    qty=qty,
                    uom=self.product_uom.name,
                    product=self.product_id.display_name,
                    picking=self.picking_id.name,
                    delivered=self.quantity,
                    returned=returned,
                    remaining=max(remaining, 0.0),
                )
            )

    def _ensure_quality_delivered_lot(self, lot):
        """Refuse a lot this move did not deliver."""
        self.ensure_one()
        delivered = self.move_line_ids.lot_id
        if lot and delivered and lot not in delivered:
            raise UserError(
                self.env._(
                    "Lot %(lot)s of %(product)s was not delivered by %(picking)s "
                    "(delivered lots: %(lots)s).",
                    lot=lot.name,
                    product=self.product_id.display_name,
                    picking=self.picking_id.name,
                    lots=", ".join(delivered.mapped("name")),
                )
            )

    def _ensure_quality_returned_lots(self):
        """A return brings back only lots its origin move delivered."""
        for move in self.filtered("origin_returned_move_id"):
            for lot in move.move_line_ids.lot_id:
                move.origin_returned_move_id._ensure_quality_delivered_lot(lot)

    def _quality_set_lot(self, lot):
        """Replace the move lines of these confirmed moves by one line of ``lot``
        for the whole demand (reserving it when the source is internal)."""
        return self._quality_set_lots(dict.fromkeys(self, lot))

    @api.model
    def _quality_set_lots(self, lot_by_move):
        """``_quality_set_lot`` for many moves at once ({move: lot}): one unlink
        and one create for all of them, not one per move."""
        moves = self.env["stock.move"].union(*lot_by_move)
        moves.move_line_ids.unlink()
        vals_list = []
        for move, lot in lot_by_move.items():
            vals = move._prepare_move_line_vals(quantity=move.product_qty)
            vals["lot_id"] = lot.id
            vals["quantity"] = move.product_uom_qty
            vals["product_uom_id"] = move.product_uom.id
            vals_list.append(vals)
        self.env["stock.move.line"].create(vals_list)
        return True
