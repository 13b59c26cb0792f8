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
    quality_execution_job_threshold = fields.Integer(
        string="Proposal Execution: Background Above",
        # bench/bench_batch.py: about 0.55 s of CPU per proposal (return,
        # reissue delivery, partial credit note): 20 keep a job far inside
        # limit_time_cpu 60 s / limit_time_real 120 s on a loaded server.
        default=20,
        help="Executing more approved proposals than this at once queues "
        "background jobs of this many proposals each.",
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

    # recoveries (carrier, distributor, supplier)
    quality_carrier_deduction_mode = fields.Selection(
        [
            ("credit_note", "Vendor Credit Note"),
            ("bill_line", "Line on the Draft Freight Bill"),
        ],
        string="Carrier Deduction Mode",
        default="credit_note",
        required=True,
        help="Charge transport damage to the carrier with a vendor credit note "
        "matched to its open freight bills, or with a negative line on its "
        "next draft freight bill.",
    )
    quality_freight_account_id = fields.Many2one(
        "account.account",
        string="Freight Account",
        check_company=True,
        help="Expense account of freight costs credited by carrier deductions "
        "(default: the company's default expense account).",
    )
    quality_rebate_account_id = fields.Many2one(
        "account.account",
        string="Rebate Payable Account",
        check_company=True,
        help="Liability account holding the rebates owed to distributors, per "
        "partner. Created on first use when empty.",
    )
    quality_recovery_account_id = fields.Many2one(
        "account.account",
        string="Recovery Income Account",
        check_company=True,
        help="Account credited by rebate deductions and supplier recoveries "
        "(default: the company's default income account).",
    )
    quality_recovery_journal_id = fields.Many2one(
        "account.journal",
        string="Rebate Deduction Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal of rebate deductions (default: the first "
        "miscellaneous journal).",
    )
    quality_rebate_shortfall_rule = fields.Selection(
        [
            ("refuse", "Refuse the deduction"),
            ("receivable", "Deduct the balance, invoice the rest"),
        ],
        string="Rebate Shortfall Rule",
        default="refuse",
        required=True,
        help="What happens when a distributor's rebate balance does not cover "
        "a deduction.",
    )

    def _get_quality_freight_account(self):
        self.ensure_one()
        return self.quality_freight_account_id or self.expense_account_id

    def _get_quality_recovery_account(self):
        self.ensure_one()
        return self.quality_recovery_account_id or self.income_account_id

    def _get_quality_recovery_journal(self):
        self.ensure_one()
        return self.quality_recovery_journal_id or self.env["account.journal"].search(
            [("company_id", "=", self.id), ("type", "=", "general")], limit=1
        )

    def _get_quality_rebate_account(self, create=False):
        """Rebate payable account; created (and stored) on first use."""
        self.ensure_one()
        if not self.quality_rebate_account_id and create:
            self.sudo().quality_rebate_account_id = (
                self._create_quality_rebate_account()
            )
        return self.quality_rebate_account_id

    def _create_quality_rebate_account(self):
        Account = self.env["account.account"].sudo().with_company(self)
        return Account.create(
            {
                "name": self.env._("Distributor Rebates Payable"),
                "code": Account._search_new_account_code("219900", cache=set()),
                "account_type": "liability_current",
                "reconcile": True,
                "company_ids": [self.id],
            }
        )
