# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Command


class QualityLotRecallCustomer(models.Model):
    _name = "quality.lot.recall.customer"
    _description = "Lot Recall Customer"
    _order = "recall_id, id"

    recall_id = fields.Many2one(
        "quality.lot.recall", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="recall_id.company_id", store=True)
    lot_id = fields.Many2one(related="recall_id.lot_id")
    product_id = fields.Many2one(related="recall_id.product_id")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    via_partner_id = fields.Many2one(
        "res.partner", string="Received From", help="Distributor who delivered it."
    )
    delivered_qty = fields.Float(digits="Product Unit")
    returned_qty = fields.Float(
        digits="Product Unit", help="Returned to us or passed on to other customers."
    )
    net_qty = fields.Float(string="Held Quantity", digits="Product Unit")
    notified = fields.Boolean(readonly=True, copy=False)
    notified_date = fields.Datetime(readonly=True, copy=False)
    return_picking_id = fields.Many2one(
        "stock.picking", string="Return Receipt", readonly=True, copy=False
    )
    state = fields.Selection(
        [("pending", "Pending"), ("notified", "Notified"), ("done", "Done")],
        compute="_compute_state",
        store=True,
    )

    @api.depends("notified", "return_picking_id", "net_qty")
    def _compute_state(self):
        for line in self:
            if line.notified and (line.return_picking_id or line.net_qty <= 0):
                line.state = "done"
            elif line.notified:
                line.state = "notified"
            else:
                line.state = "pending"

    def _action_recall_customer(self):
        """Notify the customer and create the return receipt, once each."""
        for line in self:
            if line.recall_id.state != "in_progress":
                continue
            if not line.notified:
                line._action_notify_customer()
            if not line.return_picking_id and line.net_qty > 0:
                line._action_create_return()
        return True

    def _action_notify_customer(self):
        self.ensure_one()
        template = self.env.ref(
            "quality_complaint_returns.mail_template_quality_lot_recall_customer"
        )
        template.send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")
        self.write({"notified": True, "notified_date": fields.Datetime.now()})

    def _action_create_return(self):
        self.ensure_one()
        picking = self.env["stock.picking"].create(self._prepare_return_picking_vals())
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        move.move_line_ids = [
            Command.create(
                {
                    "picking_id": picking.id,
                    "product_id": self.product_id.id,
                    "lot_id": self.lot_id.id,
                    "quantity": self.net_qty,
                    "location_id": picking.location_id.id,
                    "location_dest_id": picking.location_dest_id.id,
                }
            )
        ]
        self.return_picking_id = picking
        return picking

    def _get_customer_location(self):
        return self.partner_id.with_company(
            self.company_id
        ).property_stock_customer or self.env.ref("stock.stock_location_customers")

    def _prepare_return_picking_vals(self):
        """Values of the customer's return receipt (_action_create_return)."""
        recall = self.recall_id
        warehouse = recall.warehouse_id
        src = self._get_customer_location()
        dst = warehouse._quality_get_quarantine_location()
        return {
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": self.partner_id.id,
            "location_id": src.id,
            "location_dest_id": dst.id,
            "origin": recall.name,
            "quality_recall_id": recall.id,
            "company_id": recall.company_id.id,
            "move_ids": [
                Command.create(
                    {
                        "product_id": self.product_id.id,
                        "product_uom_qty": self.net_qty,
                        "product_uom": self.product_id.uom_id.id,
                        "location_id": src.id,
                        "location_dest_id": dst.id,
                    }
                )
            ],
        }
