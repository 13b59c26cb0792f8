# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

# Fields whose change can make a lot alert or a recurring defect.
QUALITY_ALERT_FIELDS = {
    "lot_id",
    "product_id",
    "problem_class",
    "severity",
    "defect_category_id",
    "is_quality_complaint",
    "partner_id",
    "complaint_qty",
}


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

    # lot recall
    is_recurring_defect = fields.Boolean(
        string="Recurring Defect",
        readonly=True,
        copy=False,
        index=True,
        help="The same product and defect category were complained about "
        "repeatedly within the company's period: review it for a CAPA.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._quality_check_lot_alerts()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if QUALITY_ALERT_FIELDS & set(vals):
            self._quality_check_lot_alerts()
        return res

    def _quality_check_lot_alerts(self):
        """Raise lot alerts and flag recurring defects for these complaints."""
        complaints = self.filtered("is_quality_complaint")
        if not complaints:
            return
        complaints.lot_id._quality_check_recall_alert()
        complaints._quality_check_recurring_defect()

    def _quality_check_recurring_defect(self):
        """Flag the complaints whose product and defect recur too often."""
        tickets = self.filtered(
            lambda t: t.is_quality_complaint and t.product_id and t.defect_category_id
        )
        for company, company_tickets in tickets.grouped("company_id").items():
            company = company or self.env.company
            since = fields.Datetime.now() - timedelta(
                days=company.quality_recurring_defect_days
            )
            for key in {(t.product_id, t.defect_category_id) for t in company_tickets}:
                self._quality_flag_recurring(company, since, *key)

    @api.model
    def _quality_flag_recurring(self, company, since, product, category):
        recent = self.sudo().search(
            Domain("is_quality_complaint", "=", True)
            & Domain("product_id", "=", product.id)
            & Domain("defect_category_id", "=", category.id)
            & Domain("company_id", "in", [company.id, False])
            & Domain("received_date", ">=", since)
        )
        if len(recent) >= max(company.quality_recurring_defect_count, 1):
            recent.filtered(lambda t: not t.is_recurring_defect).write(
                {"is_recurring_defect": True}
            )

    quality_move_ids = fields.One2many(
        "account.move", "quality_ticket_id", string="Credit Notes / Entries"
    )
    quality_move_count = fields.Integer(compute="_compute_quality_move_count")
    quality_payment_ids = fields.One2many(
        "account.payment", "quality_ticket_id", string="Compensation Payments"
    )
    quality_company_currency_id = fields.Many2one(related="company_id.currency_id")
    quality_net_cost = fields.Monetary(
        string="Net Cost",
        compute="_compute_quality_net_cost",
        store=True,
        currency_field="quality_company_currency_id",
        help="Compensation given (posted credit notes, cash, write-offs, "
        "coupons) minus recoveries posted, in company currency.",
    )

    def _compute_quality_move_count(self):
        counts = dict(
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("quality_ticket_id", "in", self.ids)],
                ["quality_ticket_id"],
                ["__count"],
            )
        )
        for ticket in self:
            ticket.quality_move_count = counts.get(ticket._origin, 0)

    @api.depends(
        "quality_move_ids.state",
        "quality_move_ids.amount_total_signed",
        "quality_move_ids.amount_untaxed_signed",
        "quality_move_ids.quality_move_kind",
        "quality_payment_ids.state",
        "quality_payment_ids.amount_company_currency_signed",
    )
    def _compute_quality_net_cost(self):
        Move = self.env["account.move"]
        for ticket in self:
            ticket.quality_net_cost = Move._quality_net_cost(
                ticket.sudo().quality_move_ids,
                ticket.sudo().quality_payment_ids,
                ticket._get_quality_extra_given(),
            )

    def _get_quality_extra_given(self):
        """Compensation given outside journal entries (coupons: bridge addon)."""
        return 0.0

    def action_view_quality_moves(self):
        self.ensure_one()
        return (
            self.env["account.move"]
            .search([("quality_ticket_id", "=", self.id)])
            ._get_records_action(name=self.env._("Credit Notes / Entries"))
        )
