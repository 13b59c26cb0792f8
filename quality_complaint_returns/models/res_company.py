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

    # customer compensation
    quality_complaint_expense_account_id = fields.Many2one(
        "account.account",
        string="Quality Compensation Expense",
        check_company=True,
        help="Expense account of the compensation write-offs (goods given free, "
        "repairs). Created on first use when empty.",
    )
    quality_complaint_journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the write-offs and deductions (the first general "
        "journal when empty).",
    )
    quality_complaint_analytic_plan_id = fields.Many2one(
        "account.analytic.plan",
        help="Plan of the analytic accounts (one per defect category) the "
        "write-offs are analysed on.",
    )

    # recoveries (carrier, distributor, supplier)

    # customer compensation
    def _get_quality_complaint_journal(self):
        """Journal of complaint entries: the setting, else a general journal."""
        self.ensure_one()
        return self.quality_complaint_journal_id or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self),
                ("type", "=", "general"),
            ],
            limit=1,
        )

    def _get_quality_complaint_expense_account(self):
        """The compensation expense account; created (and set) on first use."""
        self.ensure_one()
        if not self.quality_complaint_expense_account_id:
            account = (
                self.env["account.account"]
                .sudo()
                .with_company(self)
                .create(self._prepare_quality_expense_account_vals())
            )
            self.sudo().quality_complaint_expense_account_id = account
        return self.quality_complaint_expense_account_id

    def _prepare_quality_expense_account_vals(self):
        """Default expense account (_get_quality_complaint_expense_account)."""
        Account = self.env["account.account"].with_company(self)
        code = 649100
        while Account.search_count(
            [*Account._check_company_domain(self), ("code", "=", str(code))]
        ):
            code += 1
        return {
            "name": self.env._("Quality Compensation Expense"),
            "code": str(code),
            "account_type": "expense",
            "company_ids": [fields.Command.set(self.ids)],
        }

    def _get_quality_complaint_analytic_plan(self):
        """The analytic plan of complaint costs (setting, else the default)."""
        self.ensure_one()
        return self.quality_complaint_analytic_plan_id or self.env.ref(
            "quality_complaint_returns.analytic_plan_quality_complaints",
            raise_if_not_found=False,
        )
