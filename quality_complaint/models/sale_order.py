# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _quality_demo_fulfil(self):
        """Demo data only: confirm, deliver the reserved lots and post the invoice.

        Called from ``demo/quality_complaint_demo.xml`` so that complaints have
        real deliveries, lots and invoices to refer to.
        """
        company = self.company_id or self.env.company
        if not self.env["account.account"].search_count(
            [("company_ids", "in", company.ids)], limit=1
        ):
            self.env["account.chart.template"].try_loading(False, company)
        self.action_confirm()
        pickings = self.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        pickings.action_assign()
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        pickings.with_context(skip_backorder=True, skip_sms=True).button_validate()
        invoices = self._create_invoices()
        invoices.action_post()
        return invoices
