# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.fields import Domain


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    quality_picking_count = fields.Integer(compute="_compute_quality_documents")
    quality_repair_count = fields.Integer(compute="_compute_quality_documents")
    quality_sale_count = fields.Integer(compute="_compute_quality_documents")

    def _compute_quality_documents(self):
        env = self.sudo().env  # counts only: complaint staff may lack stock rights
        for ticket in self:
            ticket.quality_picking_count = env["stock.picking"].search_count(
                ticket._get_quality_picking_domain()
            )
            ticket.quality_repair_count = env["repair.order"].search_count(
                [("quality_ticket_id", "=", ticket.id)]
            )
            ticket.quality_sale_count = env["sale.order"].search_count(
                [("quality_ticket_id", "=", ticket.id)]
            )

    def _get_quality_picking_domain(self):
        self.ensure_one()
        return Domain("quality_ticket_id", "=", self.id) | Domain(
            "move_ids.quality_compensation_line_id.compensation_id.ticket_id",
            "=",
            self.id,
        )

    def action_view_quality_pickings(self):
        self.ensure_one()
        pickings = self.env["stock.picking"].search(self._get_quality_picking_domain())
        return pickings._get_records_action(name=self.env._("Returns and Deliveries"))

    def action_view_quality_repairs(self):
        self.ensure_one()
        repairs = self.env["repair.order"].search([("quality_ticket_id", "=", self.id)])
        return repairs._get_records_action(name=self.env._("Repairs"))

    def action_view_quality_sales(self):
        self.ensure_one()
        sales = self.env["sale.order"].search([("quality_ticket_id", "=", self.id)])
        return sales._get_records_action(name=self.env._("Sales"))
