# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

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
