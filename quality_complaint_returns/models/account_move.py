# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# What each kind of complaint document does to the complaint's net cost.
GIVEN_KINDS = ("customer_credit", "write_off")
RECOVERED_KINDS = ("carrier_deduction", "rebate_deduction", "supplier_recovery")

RECOVERY_KINDS = ("carrier_deduction", "rebate_deduction", "supplier_recovery")


class AccountMove(models.Model):
    _inherit = "account.move"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('is_quality_complaint', '=', True)]",
        help="Quality complaint this credit note or entry settles or recovers.",
    )
    quality_compensation_id = fields.Many2one(
        "quality.compensation",
        string="Compensation Proposal",
        index="btree_not_null",
        copy=False,
    )
    quality_move_kind = fields.Selection(
        [
            ("customer_credit", "Customer Credit Note"),
            ("cash", "Cash Compensation"),
            ("write_off", "Compensation Write-off"),
            ("carrier_deduction", "Carrier Deduction"),
            ("rebate_deduction", "Rebate Deduction"),
            ("supplier_recovery", "Supplier Recovery"),
        ],
        string="Complaint Document Kind",
        copy=False,
        help="Given to the customer (credit notes, cash, write-offs) or "
        "recovered from a carrier, distributor or supplier: drives the "
        "complaint's net cost.",
    )

    def _post(self, soft=True):
        self._ensure_quality_post_rights()
        recoveries = self._get_quality_recovery_moves()
        if recoveries:
            recoveries._ensure_quality_can_post()
            recoveries.filtered(
                lambda m: m.quality_move_kind == "rebate_deduction"
            )._ensure_quality_rebate_balance()
        posted = super()._post(soft=soft)
        posted._quality_reconcile_reversed_invoice()
        posted.filtered(
            lambda m: m.quality_move_kind == "carrier_deduction"
            and m.move_type == "in_refund"
        )._quality_match_freight_bills()
        posted.filtered(
            lambda m: m.move_type == "in_invoice"
        )._quality_match_open_carrier_deductions()
        return posted

    def _ensure_quality_post_rights(self):
        """Complaint documents are posted by accounting only."""
        if self.filtered("quality_ticket_id"):
            self._ensure_quality_accountant()

    @api.model
    def _ensure_quality_accountant(self):
        """Raise unless the user is an accountant (or the superuser)."""
        user = self.env.user
        if self.env.su:
            return
        if not (
            user.has_group("account.group_account_user")
            or user.has_group("account.group_account_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only accounting may post the credit notes and entries of a "
                    "quality complaint; %(user)s may only prepare them as drafts.",
                    user=user.name,
                )
            )

    def _quality_reconcile_reversed_invoice(self):
        """Reconcile our posted credit notes with the still open receivable of
        the invoice they reverse (the reversal wizard leaves them draft)."""
        refunds = self.filtered(
            lambda m: m.quality_ticket_id
            and m.move_type == "out_refund"
            and m.reversed_entry_id.state == "posted"
        )
        for refund in refunds:
            for account in refund.line_ids.account_id.filtered(
                lambda a: a.account_type == "asset_receivable"
            ):
                lines = (refund.line_ids | refund.reversed_entry_id.line_ids).filtered(
                    lambda aml, acc=account: aml.account_id == acc
                    and not aml.reconciled
                )
                if lines.filtered(lambda aml: aml.balance > 0) and lines.filtered(
                    lambda aml: aml.balance < 0
                ):
                    lines.reconcile()

    @api.model
    def _quality_net_cost(self, moves, payments, extra_given=0.0):
        """Net cost in company currency: given (posted customer credit notes,
        write-offs, cash payments) minus recovered (posted deductions and
        vendor refunds). Credit notes count without their taxes (the tax is
        reclaimed from the tax office). Used by the complaint and the proposal."""
        given = extra_given
        recovered = 0.0
        for move in moves.filtered(lambda m: m.state == "posted"):
            amount = abs(
                move.amount_untaxed_signed
                if move.is_invoice(include_receipts=True)
                else move.amount_total_signed
            )
            if move.quality_move_kind in RECOVERED_KINDS or (
                not move.quality_move_kind and move.move_type == "in_refund"
            ):
                recovered += amount
            elif move.quality_move_kind in GIVEN_KINDS or (
                not move.quality_move_kind and move.move_type == "out_refund"
            ):
                given += amount
        for payment in payments.filtered(lambda p: p.state in ("in_process", "paid")):
            given += abs(payment.amount_company_currency_signed)
        return given - recovered

    quality_recovery_ids = fields.One2many(
        "quality.compensation.recovery", "move_id", string="Complaint Recoveries"
    )

    def _get_quality_recovery_moves(self):
        """Moves that charge a complaint's cost to a carrier, distributor or
        supplier (own documents, or a freight bill holding a deduction line)."""
        return self.filtered(
            lambda m: m.quality_move_kind in RECOVERY_KINDS
            or m.line_ids.quality_recovery_id
        )

    def _ensure_quality_can_post(self):
        """Complaint staff draft recoveries; only accounting posts them."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group("account.group_account_user")
            or user.has_group("account.group_account_manager")
        ):
            return
        raise AccessError(
            self.env._(
                "Only accountants may post complaint recoveries (%s).",
                ", ".join(self.mapped("display_name")),
            )
        )

    def _ensure_quality_rebate_balance(self):
        """Under the 'refuse' rule, a rebate deduction never overdraws the
        distributor's rebate balance (drafts do not count in the balance)."""
        for move in self:
            company = move.company_id
            if company.quality_rebate_shortfall_rule != "refuse":
                continue
            account = company.quality_rebate_account_id
            lines = move.line_ids.filtered(lambda ln, a=account: ln.account_id == a)
            amount = sum(lines.mapped("debit")) - sum(lines.mapped("credit"))
            partner = move.partner_id.commercial_partner_id
            balance = partner.with_company(company)._get_quality_rebate_balance()
            if company.currency_id.compare_amounts(amount, balance) > 0:
                raise UserError(
                    partner._quality_rebate_shortfall_message(balance, amount)
                )

    def _quality_match_freight_bills(self):
        """Reconcile a posted carrier deduction with the carrier's open freight
        bills, oldest first, so that the amount due to the carrier drops."""
        for refund in self:
            lines = refund.line_ids.filtered(
                lambda ln: ln.account_id.account_type == "liability_payable"
                and not ln.reconciled
            )
            for account in lines.account_id:
                bill_lines = self.env["account.move.line"].search(
                    refund._get_quality_freight_bill_domain(account),
                    order="date, id",
                )
                if bill_lines:
                    (
                        lines.filtered(lambda ln, a=account: ln.account_id == a)
                        | bill_lines
                    ).reconcile()

    def _quality_match_open_carrier_deductions(self):
        """A new freight bill absorbs what earlier deductions left open."""
        partners = self.commercial_partner_id.filtered("is_carrier")
        if not partners:
            return
        self.env["account.move"].search(
            [
                ("quality_move_kind", "=", "carrier_deduction"),
                ("move_type", "=", "in_refund"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("commercial_partner_id", "in", partners.ids),
                ("company_id", "in", self.company_id.ids),
            ],
            order="date, id",
        )._quality_match_freight_bills()

    def _get_quality_freight_bill_domain(self, account):
        self.ensure_one()
        return [
            ("move_id.move_type", "=", "in_invoice"),
            ("parent_state", "=", "posted"),
            ("company_id", "=", self.company_id.id),
            ("partner_id", "=", self.commercial_partner_id.id),
            ("account_id", "=", account.id),
            ("reconciled", "=", False),
            ("amount_residual", "!=", 0.0),
        ]

    @api.model
    def _quality_copy_attachments(self, attachments, record):
        """Copy evidence (delivery note, photos) onto ``record``."""
        for attachment in attachments.sudo():
            attachment.copy({"res_model": record._name, "res_id": record.id})
