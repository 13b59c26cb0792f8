# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_complaint_ship_before_return = fields.Boolean(
        related="company_id.quality_complaint_ship_before_return", readonly=False
    )

    # lot recall
    quality_recall_alert_complaints = fields.Integer(
        related="company_id.quality_recall_alert_complaints", readonly=False
    )
    quality_recall_alert_customers = fields.Integer(
        related="company_id.quality_recall_alert_customers", readonly=False
    )
    quality_recall_alert_days = fields.Integer(
        related="company_id.quality_recall_alert_days", readonly=False
    )
    quality_recall_job_threshold = fields.Integer(
        related="company_id.quality_recall_job_threshold", readonly=False
    )
    quality_execution_job_threshold = fields.Integer(
        related="company_id.quality_execution_job_threshold", readonly=False
    )
    quality_recurring_defect_count = fields.Integer(
        related="company_id.quality_recurring_defect_count", readonly=False
    )
    quality_recurring_defect_days = fields.Integer(
        related="company_id.quality_recurring_defect_days", readonly=False
    )

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
