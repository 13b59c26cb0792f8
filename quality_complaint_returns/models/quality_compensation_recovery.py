# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

MOVE_KINDS = {
    "carrier": "carrier_deduction",
    "distributor": "rebate_deduction",
    "supplier": "supplier_recovery",
}


class QualityCompensationRecovery(models.Model):
    _inherit = "quality.compensation.recovery"

    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Credit note, freight bill or rebate deduction charging this "
        "recovery to the partner.",
    )
    state = fields.Selection(
        [
            ("pending", "To Charge"),
            ("draft", "Drafted"),
            ("posted", "Posted"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_state",
        store=True,
        default="pending",
    )

    @api.depends("move_id.state", "move_id.line_ids.quality_recovery_id")
    def _compute_state(self):
        for rec in self:
            move = rec.move_id
            if not move or (
                move.quality_move_kind not in MOVE_KINDS.values()
                and rec not in move.line_ids.quality_recovery_id
            ):
                rec.state = "pending"
            else:
                rec.state = move.state

    @api.model
    def _get_execution_fields(self):
        return super()._get_execution_fields() + ["move_id"]

    def action_print_quality_claim_letter(self):
        self.ensure_one()
        return self.env.ref(
            "quality_complaint_returns.action_report_quality_supplier_claim"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Execution
    # ------------------------------------------------------------------

    def _action_quality_charge(self):
        """Create (draft) the document charging each recovery to its partner."""
        moves = self.env["account.move"]
        for rec in self:
            rec._ensure_quality_chargeable()
            move = getattr(rec, f"_action_quality_charge_{rec.recovery_party}")()
            rec.sudo().move_id = move
            moves |= move
        return moves

    def _ensure_quality_chargeable(self):
        self.ensure_one()
        if self.company_id.currency_id.compare_amounts(self.amount_computed, 0) <= 0:
            raise UserError(
                self.env._(
                    "The recovery from %s has no amount to charge.",
                    self.partner_id.display_name,
                )
            )

    def _action_quality_charge_carrier(self):
        if self.company_id.quality_carrier_deduction_mode == "bill_line":
            bill = self._get_quality_draft_freight_bill()
            if bill:
                bill.write(
                    {
                        "invoice_line_ids": [
                            Command.create(self._prepare_carrier_bill_line_vals())
                        ]
                    }
                )
                self._quality_attach_evidence(bill)
                return bill
        move = self._quality_create_vendor_refund()
        self._quality_attach_evidence(move)
        return move

    def _action_quality_charge_supplier(self):
        return self._quality_create_vendor_refund()

    def _action_quality_charge_distributor(self):
        company = self.company_id
        company._get_quality_rebate_account(create=True)
        return (
            self.env["account.move"]
            .with_company(company)
            .create(self._prepare_rebate_move_vals())
        )

    def _quality_create_vendor_refund(self):
        return (
            self.env["account.move"]
            .with_company(self.company_id)
            .with_context(default_move_type="in_refund")
            .create(self._prepare_vendor_refund_vals())
        )

    def _get_quality_draft_freight_bill(self):
        """The carrier's next draft freight bill in the company currency."""
        return self.env["account.move"].search(
            [
                ("move_type", "=", "in_invoice"),
                ("state", "=", "draft"),
                ("company_id", "=", self.company_id.id),
                ("currency_id", "=", self.currency_id.id),
                (
                    "commercial_partner_id",
                    "=",
                    self.partner_id.commercial_partner_id.id,
                ),
            ],
            order="invoice_date, id",
            limit=1,
        )

    def _quality_attach_evidence(self, move):
        ticket = self.compensation_id.ticket_id.sudo()
        self.env["account.move"]._quality_copy_attachments(
            ticket.carrier_delivery_note_ids | ticket.damage_photo_ids, move
        )

    def _get_quality_description(self):
        ticket = self.compensation_id.ticket_id.sudo()
        labels = dict(self._fields["recovery_party"]._description_selection(self.env))
        return self.env._(
            "%(kind)s: complaint %(ticket)s (%(proposal)s)",
            kind=labels[self.recovery_party],
            ticket=ticket.number or ticket.name,
            proposal=self.compensation_id.name,
        )

    def _get_quality_recovery_account(self):
        company = self.company_id
        if self.recovery_party == "carrier":
            return company._get_quality_freight_account()
        return company._get_quality_recovery_account()

    def _prepare_move_link_vals(self):
        """Complaint links of a recovery's own journal entry."""
        comp = self.compensation_id
        return {
            "quality_ticket_id": comp.ticket_id.id,
            "quality_compensation_id": comp.id,
            "quality_move_kind": MOVE_KINDS[self.recovery_party],
            "ref": self._get_quality_description(),
        }

    def _prepare_carrier_bill_line_vals(self):
        """Deduction line of a draft freight bill (_action_quality_charge_carrier)."""
        return dict(
            self._prepare_vendor_refund_line_vals(), price_unit=-self.amount_computed
        )

    def _prepare_vendor_refund_line_vals(self):
        """Single line of the vendor credit note (_prepare_vendor_refund_vals)."""
        return {
            "name": self._get_quality_description(),
            "account_id": self._get_quality_recovery_account().id,
            "quantity": 1.0,
            "price_unit": self.amount_computed,
            "tax_ids": [Command.clear()],
            "quality_recovery_id": self.id,
        }

    def _prepare_vendor_refund_vals(self):
        """Vendor credit note to the carrier or supplier; called by
        _quality_create_vendor_refund()."""
        return dict(
            self._prepare_move_link_vals(),
            move_type="in_refund",
            partner_id=self.partner_id.id,
            invoice_date=fields.Date.context_today(self),
            invoice_origin=self.compensation_id.name,
            currency_id=self.currency_id.id,
            invoice_line_ids=[Command.create(self._prepare_vendor_refund_line_vals())],
        )

    def _get_quality_rebate_split(self):
        """(part deducted from the rebate, part charged as a receivable)."""
        company = self.company_id
        amount = self.amount_computed
        partner = self.partner_id.commercial_partner_id.with_company(company)
        balance = max(partner._get_quality_rebate_balance(), 0.0)
        if company.currency_id.compare_amounts(amount, balance) <= 0:
            return amount, 0.0
        if company.quality_rebate_shortfall_rule == "refuse":
            raise UserError(partner._quality_rebate_shortfall_message(balance, amount))
        return balance, company.currency_id.round(amount - balance)

    def _prepare_rebate_move_vals(self):
        """Rebate deduction entry (_action_quality_charge_distributor): debit
        the rebate payable (and the receivable for a shortfall), credit the
        recovery income."""
        company = self.company_id
        partner = self.partner_id.commercial_partner_id.with_company(company)
        rebate, rest = self._get_quality_rebate_split()
        name = self._get_quality_description()
        debits = [(company.quality_rebate_account_id, rebate)]
        if rest:
            debits.append((partner.property_account_receivable_id, rest))
        lines = [
            Command.create(
                {
                    "name": name,
                    "account_id": account.id,
                    "partner_id": partner.id,
                    "debit": amount,
                    "credit": 0.0,
                }
            )
            for account, amount in debits
            if amount
        ]
        lines.append(
            Command.create(
                {
                    "name": name,
                    "account_id": company._get_quality_recovery_account().id,
                    "partner_id": partner.id,
                    "debit": 0.0,
                    "credit": self.amount_computed,
                }
            )
        )
        return dict(
            self._prepare_move_link_vals(),
            move_type="entry",
            journal_id=company._get_quality_recovery_journal().id,
            partner_id=partner.id,
            date=fields.Date.context_today(self),
            line_ids=lines,
        )
