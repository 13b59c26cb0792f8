# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    quality_compensation_line_id = fields.Many2one(
        "quality.compensation.line",
        string="Compensation Line",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    quality_amount = fields.Monetary(
        string="Complaint Value",
        copy=False,
        readonly=True,
        help="Value given to the customer when the card was issued, in the "
        "proposal's currency.",
    )
