# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class StockReturnPickingLine(models.TransientModel):
    _inherit = "stock.return.picking.line"

    quality_compensation_line_id = fields.Many2one("quality.compensation.line")
    quality_lot_id = fields.Many2one(
        "stock.lot",
        string="Lot",
        help="Lot taken back; it must be one the returned move delivered.",
    )

    def _prepare_move_default_values(self, new_picking):
        vals = super()._prepare_move_default_values(new_picking)
        vals["quality_compensation_line_id"] = self.quality_compensation_line_id.id
        return vals


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    quality_compensation_id = fields.Many2one("quality.compensation")
    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        compute="_compute_quality_ticket_id",
        store=True,
        readonly=False,
    )

    @api.depends("quality_compensation_id", "picking_id")
    def _compute_quality_ticket_id(self):
        for wizard in self:
            wizard.quality_ticket_id = (
                wizard.quality_compensation_id.ticket_id
                or wizard.picking_id.quality_ticket_id
            )

    def _prepare_picking_default_values(self):
        vals = super()._prepare_picking_default_values()
        vals["quality_ticket_id"] = self.quality_ticket_id.id
        if self.quality_compensation_id:
            warehouse = self.picking_id.picking_type_id.warehouse_id
            vals["quality_compensation_id"] = self.quality_compensation_id.id
            vals["location_dest_id"] = warehouse.quality_quarantine_location_id.id
        return vals

    def _create_return(self):
        self._ensure_quality_returnable()
        picking = super()._create_return()
        self._quality_set_return_lots(picking)
        return picking

    def _ensure_quality_returnable(self):
        """Never take back from a customer more than delivered minus returned,
        nor another lot.

        Only goods that reached a customer are capped (a complaint's return, or
        Odoo's own *Return* button on a customer delivery): Odoo lets internal
        and supplier returns carry an extra quantity (stock's
        ``test_mto_moves_return_extra``), and that stays as it is."""
        qty_by_move = {}
        for line in self.product_return_moves.filtered("move_id"):
            move = line.move_id
            if (
                not self.quality_compensation_id
                and move.location_dest_id.usage != "customer"
            ):
                continue
            qty = line.uom_id._compute_quantity(line.quantity, move.product_uom)
            qty_by_move[move] = qty_by_move.get(move, 0.0) + qty
            move._ensure_quality_delivered_lot(line.quality_lot_id)
        for move, qty in qty_by_move.items():
            move._ensure_quality_returnable(qty)

    def _quality_set_return_lots(self, picking):
        lot_by_key = {
            (line.move_id, line.quality_compensation_line_id): line.quality_lot_id
            for line in self.product_return_moves.filtered("quality_lot_id")
        }
        lot_by_move = {}
        for move in picking.move_ids:
            key = (move.origin_returned_move_id, move.quality_compensation_line_id)
            if key in lot_by_key:
                lot_by_move[move] = lot_by_key[key]
        if lot_by_move:
            self.env["stock.move"]._quality_set_lots(lot_by_move)
