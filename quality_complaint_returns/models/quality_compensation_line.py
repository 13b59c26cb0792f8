# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

# Lines whose goods come back from the customer.
RETURN_TYPES = ("refund", "replacement")
# Lines whose goods are delivered to the customer.
DELIVERY_TYPES = ("replacement", "reissue")


class QualityCompensationLine(models.Model):
    _inherit = "quality.compensation.line"

    move_ids = fields.One2many(
        "stock.move", "quality_compensation_line_id", string="Stock Moves"
    )
    repair_ids = fields.One2many(
        "repair.order", "quality_compensation_line_id", string="Repairs"
    )
    sale_order_ids = fields.One2many(
        "sale.order", "quality_compensation_line_id", string="Sales"
    )

    def _quality_get_moves(self, code):
        """Moves of this line in transfers of type ``code``, not cancelled."""
        return self.move_ids.filtered(
            lambda m: m.state != "cancel" and m.picking_code == code
        )

    def _quality_qty(self, moves, done=True):
        self.ensure_one()
        return sum(
            m.product_uom._compute_quantity(
                m.quantity if done else m.product_uom_qty, self.product_uom_id
            )
            for m in moves
            if m.state == "done" or not done
        )

    def _quality_get_return_lot(self):
        self.ensure_one()
        ticket = self.compensation_id.ticket_id
        if self.lot_id:
            return self.lot_id
        return ticket.lot_id if ticket.product_id == self.product_id else self.lot_id

    def _quality_create_replacements(self):
        """Deliver replacement lines for what came back and is not yet shipped;
        called when a return receipt is validated."""
        for comp in self.compensation_id:
            lines = self.filtered(
                lambda ln, c=comp: ln.compensation_id == c
                and ln.compensation_type == "replacement"
            )
            to_ship = {}
            for line in lines:
                received = line._quality_qty(line._quality_get_moves("incoming"))
                shipped = line._quality_qty(line._quality_get_moves("outgoing"), False)
                if line.product_uom_id.compare(received, shipped) > 0:
                    to_ship[line] = received - shipped
            if to_ship:
                comp._quality_create_delivery(to_ship)
        return True

    def _quality_update_execution(self):
        """Mark lines executed once their document is done; close the
        proposal when every line is executed."""
        for line in self:
            executed, qty = line._quality_get_execution()
            if executed and (not line.executed or qty != line.executed_qty):
                line.write({"executed": True, "executed_qty": qty})
        for comp in self.compensation_id:
            if comp.state == "approved" and comp.all_lines_executed:
                comp.action_done()
        return True

    def _quality_get_execution(self):
        """(executed, executed quantity) of this line from its documents."""
        self.ensure_one()
        ctype = self.compensation_type
        if ctype in DELIVERY_TYPES:
            moves = self._quality_get_moves("outgoing")
            done = moves.filtered(lambda m: m.state == "done")
            return bool(done) and done == moves, self._quality_qty(done)
        if ctype == "repair":
            repairs = self.repair_ids.filtered(lambda r: r.state == "done")
            return bool(repairs), sum(repairs.mapped("product_qty"))
        if ctype == "packaging_at_cost":
            sales = self.sale_order_ids.filtered(lambda s: s.state == "sale")
            lines = sales.order_line.filtered(
                lambda sl: sl.product_id == self.product_id
            )
            return bool(sales), sum(lines.mapped("product_uom_qty"))
        return self.executed, self.executed_qty

    def _prepare_quality_return_line_vals(self, delivery):
        """Line of stock.return.picking returning this line's goods from
        ``delivery``; called by quality.compensation._quality_return_delivery()."""
        self.ensure_one()
        lot = self._quality_get_return_lot()
        moves = delivery.move_ids.filtered(
            lambda m: m.product_id == self.product_id and m.state == "done"
        )
        move = moves.filtered(lambda m: lot in m.move_line_ids.lot_id)[:1] or moves[:1]
        if not move:
            raise UserError(
                self.env._(
                    "Delivery %(picking)s did not deliver %(product)s.",
                    picking=delivery.name,
                    product=self.product_id.display_name,
                )
            )
        return {
            "product_id": self.product_id.id,
            "move_id": move.id,
            "quantity": self.product_uom_id._compute_quantity(
                self.quantity, move.product_uom
            ),
            "quality_compensation_line_id": self.id,
            "quality_lot_id": lot.id,
        }
