# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
