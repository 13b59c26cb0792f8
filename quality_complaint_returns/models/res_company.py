# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_complaint_ship_before_return = fields.Boolean(
        string="Ship Replacements Before Return",
        help="Create the replacement delivery of a complaint as soon as the "
        "return receipt is created, without waiting for the goods to come back.",
    )

    # lot recall
    quality_recall_alert_complaints = fields.Integer(
        string="Lot Alert: Complaints",
        default=3,
        help="A lot with at least this many complaints (from enough distinct "
        "customers, within the period) raises a draft recall.",
    )
    quality_recall_alert_customers = fields.Integer(
        string="Lot Alert: Distinct Customers",
        default=2,
        help="Distinct complaining customers needed to raise a lot alert.",
    )
    quality_recall_alert_days = fields.Integer(
        string="Lot Alert: Period (days)",
        default=30,
        help="Only complaints received within this many days are counted.",
    )
    quality_recall_job_threshold = fields.Integer(
        string="Recall: Background Above",
        default=20,
        help="A recall with more affected customers than this is carried out "
        "in background jobs, one per customer.",
    )
    quality_recurring_defect_count = fields.Integer(
        string="Recurring Defect: Complaints",
        default=3,
        help="Complaints on the same product with the same defect category "
        "that make the defect recurring (flagged for CAPA review).",
    )
    quality_recurring_defect_days = fields.Integer(
        string="Recurring Defect: Period (days)",
        default=90,
    )
