# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )
    quality_compensation_id = fields.Many2one(
        "quality.compensation",
        string="Compensation",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )
    quality_compensation_line_id = fields.Many2one(
        "quality.compensation.line",
        string="Compensation Line",
        index="btree_not_null",
        copy=False,
    )

    def action_confirm(self):
        self.partner_id.sudo()._ensure_quality_no_sale_hold()
        res = super().action_confirm()
        self.quality_compensation_line_id.sudo()._quality_update_execution()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.partner_id.sudo()._ensure_quality_no_sale_hold()
        return orders
