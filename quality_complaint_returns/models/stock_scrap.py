# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", index="btree_not_null", copy=False
    )
    quality_receipt_id = fields.Many2one(
        "stock.picking",
        string="Quarantine Receipt",
        index="btree_not_null",
        copy=False,
    )
