# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    # lot recall
    quality_recall_id = fields.Many2one(
        "quality.lot.recall",
        string="Lot Recall",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The lot recall this transfer carries out.",
    )
