# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    # Odoo 19 indexes no lot_id of done lines: a lot recall over the whole history
    # would scan the table. The lookup of stock.lot._get_quality_affected_customers
    # filters on (lot_id, state = 'done') and links a distributor's onward
    # delivery to the line that brought the lot into its location_dest_id.
    _quality_lot_done_index = models.Index(
        "(lot_id, location_dest_id) WHERE state = 'done' AND lot_id IS NOT NULL"
    )
