# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # recoveries (carrier, distributor, supplier)
    quality_carrier_deduction_mode = fields.Selection(
        related="company_id.quality_carrier_deduction_mode", readonly=False
    )
    quality_freight_account_id = fields.Many2one(
        related="company_id.quality_freight_account_id", readonly=False
    )
    quality_rebate_account_id = fields.Many2one(
        related="company_id.quality_rebate_account_id", readonly=False
    )
    quality_recovery_account_id = fields.Many2one(
        related="company_id.quality_recovery_account_id", readonly=False
    )
    quality_recovery_journal_id = fields.Many2one(
        related="company_id.quality_recovery_journal_id", readonly=False
    )
    quality_rebate_shortfall_rule = fields.Selection(
        related="company_id.quality_rebate_shortfall_rule", readonly=False
    )
