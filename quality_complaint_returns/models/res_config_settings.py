# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # customer compensation
    quality_complaint_expense_account_id = fields.Many2one(
        related="company_id.quality_complaint_expense_account_id", readonly=False
    )
    quality_complaint_journal_id = fields.Many2one(
        related="company_id.quality_complaint_journal_id", readonly=False
    )
    quality_complaint_analytic_plan_id = fields.Many2one(
        related="company_id.quality_complaint_analytic_plan_id", readonly=False
    )

    # recoveries (carrier, distributor, supplier)
