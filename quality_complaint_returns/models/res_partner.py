# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "quality_complaint.quality_complaint_group_manager"


class ResPartner(models.Model):
    _inherit = "res.partner"

    quality_rebate_balance = fields.Monetary(
        string="Rebate Balance",
        compute="_compute_quality_rebate_balance",
        currency_field="quality_rebate_currency_id",
        help="Rebates owed to this distributor: credit minus debit of the posted "
        "items on the company's rebate payable account.",
    )
    quality_rebate_currency_id = fields.Many2one(
        "res.currency", compute="_compute_quality_rebate_balance"
    )
    quality_sale_hold = fields.Boolean(
        string="Sales on Hold",
        copy=False,
        tracking=True,
        help="Set by a complaint manager: new sale orders of this partner are "
        "blocked.",
    )
    quality_sale_hold_reason = fields.Text(string="Hold Reason", copy=False)

    @api.depends_context("company")
    def _compute_quality_rebate_balance(self):
        for partner in self:
            partner.quality_rebate_currency_id = self.env.company.currency_id
            partner.quality_rebate_balance = partner._get_quality_rebate_balance()

    def _get_quality_rebate_domain(self):
        account = self.env.company.quality_rebate_account_id
        return [
            ("account_id", "=", account.id),
            ("partner_id", "child_of", self.commercial_partner_id.ids),
            ("parent_state", "=", "posted"),
            ("company_id", "=", self.env.company.id),
        ]

    def _get_quality_rebate_balance(self):
        """Posted rebate balance owed to the partner (credit - debit)."""
        self.ensure_one()
        if not self.id or not self.env.company.quality_rebate_account_id:
            return 0.0
        [(balance,)] = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(self._get_quality_rebate_domain(), [], ["balance:sum"])
        )
        return -(balance or 0.0)

    def _quality_rebate_shortfall_message(self, balance, amount):
        currency = self.env.company.currency_id
        return self.env._(
            "The rebate balance of %(partner)s (%(balance)s) does not cover the "
            "deduction of %(amount)s.",
            partner=self.display_name,
            balance=currency.format(balance),
            amount=currency.format(amount),
        )

    def action_view_quality_rebate_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rebates of %s", self.display_name),
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "domain": self._get_quality_rebate_domain(),
            "context": {"create": False},
        }

    def action_quality_sale_hold(self):
        self.ensure_one()
        self._ensure_quality_hold_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Put Sales on Hold"),
            "res_model": "quality.partner.hold",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_quality_sale_release(self):
        self._ensure_quality_hold_manager()
        for partner in self.filtered("quality_sale_hold"):
            partner.sudo().write(
                {
                    "quality_sale_hold": False,
                    "quality_sale_hold_reason": False,
                    "sale_warn_msg": False,
                }
            )
            partner._quality_log_hold(self.env._("Sales released."))
        return True

    def _quality_set_sale_hold(self, reason):
        """Block new sale orders of the partner and log the decision."""
        self._ensure_quality_hold_manager()
        for partner in self:
            message = self.env._("Sales on hold: %s", reason)
            partner.sudo().write(
                {
                    "quality_sale_hold": True,
                    "quality_sale_hold_reason": reason,
                    "sale_warn_msg": message,
                }
            )
            partner._quality_log_hold(message)

    def _quality_log_hold(self, body):
        """Log a hold decision in the partner's chatter, in the manager's name
        (managers need not be allowed to edit partners)."""
        self.sudo().message_post(
            body=body,
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )

    def _ensure_quality_hold_manager(self):
        """Complaint managers, on partners they may read (the hold is written
        as superuser: a manager of another company must not reach them)."""
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only complaint managers may put a partner on hold.")
            )
        self.check_access("read")

    def _ensure_quality_no_sale_hold(self):
        """Raise when the partner (or its company) has its sales on hold."""
        for partner in self:
            held = (partner | partner.commercial_partner_id).filtered(
                "quality_sale_hold"
            )
            if held:
                raise UserError(
                    self.env._(
                        "Sales to %(partner)s are on hold: %(reason)s",
                        partner=held[0].display_name,
                        reason=held[0].quality_sale_hold_reason or "",
                    )
                )
