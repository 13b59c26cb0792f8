# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "quality.compensation.document.mixin"]

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
