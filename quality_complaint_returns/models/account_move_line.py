# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    quality_recovery_id = fields.Many2one(
        "quality.compensation.recovery",
        string="Complaint Recovery",
        index="btree_not_null",
        copy=False,
        help="Deduction line added on a carrier's freight bill for a complaint.",
    )
