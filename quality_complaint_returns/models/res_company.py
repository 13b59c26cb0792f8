# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

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
