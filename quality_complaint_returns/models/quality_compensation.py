# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from .quality_compensation_line import CREDIT_TYPES


class QualityCompensation(models.Model):
    _inherit = "quality.compensation"

    account_move_ids = fields.One2many(
        "account.move", "quality_compensation_id", string="Credit Notes / Entries"
    )
    account_move_count = fields.Integer(compute="_compute_account_move_count")
    payment_ids = fields.One2many(
        "account.payment", "quality_compensation_id", string="Payments"
    )
    write_off_move_id = fields.Many2one(
        "account.move", string="Write-off Entry", copy=False, readonly=True
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    net_cost = fields.Monetary(
        compute="_compute_net_cost",
        store=True,
        currency_field="company_currency_id",
        help="Posted compensation (credit notes, cash, write-off, coupons) minus "
        "posted recoveries, in company currency.",
    )
    can_create_credit_notes = fields.Boolean(compute="_compute_can_execute_money")
    can_create_payments = fields.Boolean(compute="_compute_can_execute_money")

    def _compute_account_move_count(self):
        counts = dict(
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("quality_compensation_id", "in", self.ids)],
                ["quality_compensation_id"],
                ["__count"],
            )
        )
        for rec in self:
            rec.account_move_count = counts.get(rec._origin, 0)

    @api.depends(
        "account_move_ids.state",
        "account_move_ids.amount_total_signed",
        "account_move_ids.amount_untaxed_signed",
        "account_move_ids.quality_move_kind",
        "payment_ids.state",
        "payment_ids.amount_company_currency_signed",
    )
    def _compute_net_cost(self):
        Move = self.env["account.move"]
        for rec in self:
            rec.net_cost = Move._quality_net_cost(
                rec.sudo().account_move_ids,
                rec.sudo().payment_ids,
                rec._get_quality_extra_given(),
            )

    def _get_quality_extra_given(self):
        """Compensation given outside journal entries (coupons: bridge addon)."""
        return 0.0

    @api.depends("state", "line_ids.executed", "line_ids.compensation_type")
    def _compute_can_execute_money(self):
        for rec in self:
            todo = rec.line_ids.filtered(lambda line: not line.executed)
            approved = rec.state == "approved"
            rec.can_create_credit_notes = approved and any(
                t in CREDIT_TYPES for t in todo.mapped("compensation_type")
            )
            rec.can_create_payments = approved and "cash" in todo.mapped(
                "compensation_type"
            )

    @api.model
    def _get_unlocked_fields(self):
        return super()._get_unlocked_fields() + ["write_off_move_id"]

    def action_done(self):
        res = super().action_done()
        for rec in self:
            journal = rec.company_id._get_quality_complaint_journal()
            if journal and not rec.write_off_move_id and rec._get_write_off_lines():
                rec.sudo()._create_write_off()
        return res

    def action_create_credit_notes(self):
        """Draft the customer credit notes of the refund and credit lines."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self._ensure_invoicing_rights()
        self._lock_for_execution()
        lines = self.line_ids.filtered(
            lambda line: line.compensation_type in CREDIT_TYPES and not line.executed
        )
        if not lines:
            raise UserError(self.env._("No refund or credit line is left to credit."))
        refunds = self.env["account.move"]
        for line in lines:
            refunds |= line._action_create_credit_note()
        return refunds._get_records_action(name=self.env._("Credit Notes"))

    def action_create_payments(self):
        """Draft the outbound payments of the cash lines, for accounting."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self._ensure_invoicing_rights()
        self._lock_for_execution()
        lines = self.line_ids.filtered(
            lambda line: line.compensation_type == "cash" and not line.executed
        )
        payments = self.env["account.payment"]
        for line in lines:
            payments |= line._action_create_payment()
        return payments._get_records_action(name=self.env._("Payments"))

    def action_write_off(self):
        """Accountants: book (and post) the write-off of the proposal."""
        self.ensure_one()
        self._ensure_state(["approved", "done"])
        self.env["account.move"]._ensure_quality_accountant()
        move = self.write_off_move_id
        if move.state == "posted":
            raise UserError(
                self.env._("Proposal %s is already written off.", self.name)
            )
        if not move or move.state == "cancel":
            move = self._create_write_off()
        if not move:
            raise UserError(
                self.env._("Proposal %s has nothing to write off.", self.name)
            )
        move.action_post()
        return move._get_records_action()

    def action_view_account_moves(self):
        self.ensure_one()
        return (
            self.env["account.move"]
            .search([("quality_compensation_id", "=", self.id)])
            ._get_records_action(name=self.env._("Credit Notes / Entries"))
        )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _ensure_invoicing_rights(self):
        if not self.env.su and not self.env.user.has_group(
            "account.group_account_invoice"
        ):
            raise UserError(
                self.env._(
                    "Only users with invoicing rights may prepare credit notes "
                    "and payments of a compensation."
                )
            )

    def _lock_for_execution(self):
        """Lock the proposal row: two users executing it at once would both
        create documents (inserts do not conflict)."""
        self.env.cr.execute(
            "SELECT id FROM quality_compensation WHERE id IN %s FOR NO KEY UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["line_ids"])
        self.line_ids.invalidate_recordset(["executed"])

    def _get_write_off_lines(self):
        return self.line_ids.filtered(
            lambda line: not line.company_id.currency_id.is_zero(
                line._get_write_off_cost()
            )
        )

    def _create_write_off(self):
        """Draft the write-off entry of the proposal (once)."""
        self.ensure_one()
        if not self._get_write_off_lines():
            return self.env["account.move"]
        move = self.env["account.move"].create(self._prepare_write_off_vals())
        self.write_off_move_id = move
        return move

    def _prepare_write_off_vals(self):
        """Write-off entry: debit the compensation expense (analytic by defect
        category), credit where the cost sits (_create_write_off)."""
        company = self.company_id
        expense = company._get_quality_complaint_expense_account()
        analytic = self._get_quality_analytic_distribution()
        line_cmds = []
        for line in self._get_write_off_lines():
            cost = company.currency_id.round(line._get_write_off_cost())
            label = self._get_write_off_label(line)
            common = {"name": label, "product_id": line.product_id.id}
            line_cmds += [
                Command.create(
                    dict(
                        common,
                        account_id=expense.id,
                        debit=cost,
                        analytic_distribution=analytic,
                    )
                ),
                Command.create(
                    dict(
                        common,
                        account_id=line._get_write_off_counterpart_account().id,
                        credit=cost,
                    )
                ),
            ]
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": company._get_quality_complaint_journal().id,
            "date": fields.Date.context_today(self),
            "ref": self.env._("Write-off of %s", self.name),
            "narration": self._get_write_off_narration(),
            "line_ids": line_cmds,
            "quality_ticket_id": self.ticket_id.id,
            "quality_compensation_id": self.id,
            "quality_move_kind": "write_off",
        }

    def _get_write_off_label(self, line):
        type_name = dict(
            line._fields["compensation_type"]._description_selection(self.env)
        )[line.compensation_type]
        return self.env._(
            "%(proposal)s - %(type)s: %(what)s",
            proposal=self.name,
            type=type_name,
            what=line.name or line.product_id.display_name or "",
        )

    def _get_write_off_narration(self):
        docs = self.sudo().account_move_ids.filtered("name").mapped("name")
        docs += self.sudo().payment_ids.mapped("name")
        return self.env._(
            "Complaint %(complaint)s, proposal %(proposal)s. Other documents: "
            "%(docs)s",
            complaint=self.ticket_id.display_name,
            proposal=self.name,
            docs=", ".join(d for d in docs if d and d != "/") or "-",
        )

    def _get_quality_analytic_distribution(self):
        """{analytic account of the defect category: 100} or False."""
        category = self.ticket_id.defect_category_id
        plan = self.company_id._get_quality_complaint_analytic_plan()
        if not (category and plan):
            return False
        Analytic = self.env["account.analytic.account"].sudo()
        code = f"QC-CAT-{category.id}"
        domain = [("plan_id", "=", plan.id), ("code", "=", code)]
        domain += [("company_id", "in", [False, self.company_id.id])]
        account = Analytic.search(domain, limit=1) or Analytic.create(
            {
                "name": category.display_name,
                "code": code,
                "plan_id": plan.id,
                "company_id": self.company_id.id,
            }
        )
        return {str(account.id): 100.0}
