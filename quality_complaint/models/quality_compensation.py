# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from .number_guard import ensure_valid_numbers
from .quality_compensation_line import NUMBER_RULES as LINE_NUMBER_RULES

# Fields that may still change once a proposal has left the draft state:
# the state machine, the customer's acceptance and the chatter.
UNLOCKED_FIELDS = {
    "state",
    "customer_acceptance",
    "acceptance_partner_id",
    "acceptance_date",
    "rejection_reason",
    "review_ids",
    "last_review_date",
}
UNLOCKED_PREFIXES = ("message_", "activity_", "website_message")
# The state machine: every change of state must follow one of these arrows.
STATE_TRANSITIONS = {
    "draft": {"to_approve", "cancel"},
    "to_approve": {"approved", "rejected", "cancel"},
    "approved": {"done", "cancel"},
    "rejected": {"draft", "cancel"},
    "cancel": {"draft"},
    "done": set(),
}


class QualityCompensation(models.Model):
    _name = "quality.compensation"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _description = "Compensation Proposal"
    _order = "id desc"
    _mail_post_access = "read"

    # tier.validation: draft and under review are the states the chain guards
    _state_from = ["draft", "to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = True

    name = fields.Char(
        required=True, copy=False, readonly=True, default="/", index="trigram"
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        related="ticket_id.company_id",
        store=True,
        index=True,
        precompute=True,
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    commercial_partner_id = fields.Many2one(
        "res.partner", related="partner_id.commercial_partner_id"
    )
    proposer_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        help="Who wrote the proposal; a hotline operator may propose on behalf "
        "of the owner.",
    )
    owner_id = fields.Many2one(
        "res.users",
        compute="_compute_owner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="First-responsible person of the complaint: the proposal is made "
        "in his name.",
    )
    owner_manager_id = fields.Many2one(
        "res.users",
        string="Department Head",
        compute="_compute_owner_manager_id",
        store=True,
        help="Leader of the owner's sales team: reviews the proposal first.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    solution = fields.Html(help="The solution offered to the customer.")
    line_ids = fields.One2many(
        "quality.compensation.line", "compensation_id", string="Lines", copy=True
    )
    recovery_ids = fields.One2many(
        "quality.compensation.recovery",
        "compensation_id",
        string="Recoveries",
        copy=True,
    )
    amount_total = fields.Monetary(
        compute="_compute_amount_total", store=True, tracking=True
    )
    amount_recovered = fields.Monetary(
        string="Recovered", compute="_compute_net_amount", store=True
    )
    net_amount = fields.Monetary(
        compute="_compute_net_amount",
        store=True,
        help="What the compensation costs the company after recoveries.",
    )
    severity = fields.Selection(related="ticket_id.severity", store=True)
    customer_kind = fields.Selection(related="ticket_id.customer_kind", store=True)
    problem_class = fields.Selection(related="ticket_id.problem_class", store=True)
    responsible_party = fields.Selection(
        related="ticket_id.responsible_party", store=True
    )
    customer_acceptance = fields.Selection(
        [("pending", "Pending"), ("accepted", "Accepted"), ("refused", "Refused")],
        default="pending",
        required=True,
        copy=False,
        tracking=True,
    )
    acceptance_partner_id = fields.Many2one(
        "res.partner", string="Answered By", copy=False, readonly=True
    )
    acceptance_date = fields.Datetime(string="Answered On", copy=False, readonly=True)
    rejection_reason = fields.Text(copy=False, readonly=True)
    last_review_date = fields.Datetime(
        copy=False,
        readonly=True,
        help="Written by every approval and rejection under a row lock, so that "
        "two reviewers acting at once cannot both work on a stale proposal.",
    )
    next_reviewer_ids = fields.Many2many(
        "res.users",
        string="Next Reviewers",
        compute="_compute_next_reviewer_ids",
    )
    all_lines_executed = fields.Boolean(compute="_compute_all_lines_executed")
    owner_sales_count = fields.Integer(compute="_compute_owner_sales")
    owner_sales_amount = fields.Monetary(compute="_compute_owner_sales")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("company_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = (rec.company_id or self.env.company).currency_id

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for rec in self:
            rec.partner_id = rec.ticket_id.partner_id

    @api.depends("ticket_id")
    def _compute_owner_id(self):
        for rec in self:
            ticket = rec.ticket_id
            rec.owner_id = ticket.first_responsible_id or ticket.user_id

    @api.depends("owner_id")
    def _compute_owner_manager_id(self):
        for rec in self:
            rec.owner_manager_id = rec._get_owner_manager()

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for rec in self:
            rec.amount_total = sum(rec.line_ids.mapped("amount"))

    @api.depends("amount_total", "recovery_ids.amount_computed")
    def _compute_net_amount(self):
        for rec in self:
            rec.amount_recovered = sum(rec.recovery_ids.mapped("amount_computed"))
            rec.net_amount = rec.amount_total - rec.amount_recovered

    @api.depends("review_ids.status", "review_ids.reviewer_ids", "review_ids.sequence")
    def _compute_next_reviewer_ids(self):
        for rec in self:
            pending = rec.review_ids.filtered(lambda r: r.status == "pending")
            if any(pending.mapped("approve_sequence")):
                pending = pending.filtered(
                    lambda r, p=pending: r.sequence == min(p.mapped("sequence"))
                )
            rec.next_reviewer_ids = pending.reviewer_ids - rec._get_excluded_reviewers()

    @api.depends("line_ids.executed")
    def _compute_all_lines_executed(self):
        for rec in self:
            rec.all_lines_executed = bool(rec.line_ids) and all(
                rec.line_ids.mapped("executed")
            )

    @api.depends("owner_id", "partner_id")
    def _compute_owner_sales(self):
        for rec in self:
            groups = (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    rec._get_owner_sales_domain(), [], ["__count", "amount_total:sum"]
                )
            )
            rec.owner_sales_count, rec.owner_sales_amount = groups[0]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ensure_valid_line_commands(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "quality.compensation"
                )
            self._ensure_partners_active_vals(vals)
        records = super().create(vals_list)
        for rec, vals in zip(records, vals_list, strict=True):
            if "recovery_ids" not in vals:
                rec.recovery_ids = [
                    Command.create(v) for v in rec._prepare_default_recovery_vals()
                ]
        return records

    def write(self, vals):
        self._ensure_valid_line_commands(vals)
        self._ensure_unlocked(vals)
        if "state" in vals:
            self._ensure_state_transition(vals["state"])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(rec.state not in ("draft", "cancel") for rec in self):
            raise UserError(
                self.env._("Only draft or cancelled proposals can be deleted.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """Send the proposal into its approval chain."""
        self._ensure_partners_active()
        for rec in self:
            rec._ensure_state(["draft"])
            rec.write({"state": "to_approve", "rejection_reason": False})
            if rec.need_validation:
                rec.request_validation()
            rec._action_approve_if_validated()
        return True

    def action_done(self):
        self._ensure_state(["approved"])
        return self.write({"state": "done"})

    def action_cancel(self):
        for rec in self:
            rec._ensure_state(["draft", "to_approve", "approved", "rejected"])
            if any(rec.line_ids.mapped("executed")):
                raise UserError(self.env._("Proposal %s has executed lines.", rec.name))
        # Lock the proposals before the tier mixin deletes their reviews: a
        # reviewer approving at the same time locks the proposal first, then
        # its review; without this the two deadlock.
        self.lock_for_update()
        return self.write({"state": "cancel"})

    def action_draft(self):
        for rec in self:
            rec._ensure_state(["rejected", "cancel"])
        self.write({"state": "draft"})
        return True

    def action_customer_accept(self):
        self.ensure_one()
        return self._action_customer_accept(self.partner_id)

    def action_customer_refuse(self):
        self.ensure_one()
        return self._action_customer_refuse(self.partner_id)

    def action_view_owner_sales(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action.update(
            domain=self._get_owner_sales_domain(),
            context={"create": False},
            name=self.env._("Sales of %s", self.owner_id.name),
        )
        return action

    def reject_tier(self):
        """Rejection always asks for a reason (wizard)."""
        self.ensure_one()
        self._ensure_state(["to_approve"])
        self._ensure_not_own_proposal()
        return {
            "name": self.env._("Reject Compensation"),
            "type": "ir.actions.act_window",
            "res_model": "quality.compensation.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_compensation_id": self.id},
        }

    # ------------------------------------------------------------------
    # Tier validation hooks
    # ------------------------------------------------------------------

    def _validate_tier(self, tiers=False):
        self._ensure_state(["to_approve"])
        self._ensure_not_own_proposal()
        self._lock_for_review()
        if not self._get_sequences_to_approve(self.env.user):
            raise UserError(
                self.env._("Nothing left for you to approve on %s.", self.name)
            )
        before = self.review_ids.filtered(lambda r: r.status == "approved")
        res = super()._validate_tier(tiers)
        approved = self.review_ids.filtered(lambda r: r.status == "approved") - before
        self._post_review_audit(approved, self.env._("approved"))
        self._action_approve_if_validated()
        return res

    def request_validation(self):
        self._ensure_state(["to_approve"])
        reviews = super().request_validation()
        reviews._quality_freeze_reviewers()
        return reviews

    def restart_validation(self):
        """Reviews restart only through a rejection or cancellation and
        ``action_draft``: approvals gathered so far are never dropped silently."""
        self._ensure_state(["draft"])
        return super().restart_validation()

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._get_unlocked_fields()

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + self._get_unlocked_fields()

    def _compute_hide_reviews(self):
        for rec in self:
            rec.hide_reviews = rec.state == "draft" and not rec.review_ids

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _action_reject(self, reason):
        """Reject the reviews the current user may act on; called by the wizard."""
        self.ensure_one()
        self._ensure_state(["to_approve"])
        if not (reason or "").strip():
            raise UserError(self.env._("A rejection needs a reason."))
        sequences = self._get_sequences_to_approve(self.env.user)
        reviews = self.review_ids.filtered(lambda r: r.sequence in sequences)
        reviews.write({"comment": reason})
        return self._rejected_tier(reviews)

    def _rejected_tier(self, tiers=False):
        """Every path of rejection (our wizard, the mixin's comment wizard)
        needs a reason, leaves an audit line and moves to ``rejected``."""
        self._ensure_state(["to_approve"])
        self._ensure_not_own_proposal()
        self._lock_for_review()
        reviews = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending")
            and r.sequence in self._get_sequences_to_approve(self.env.user)
        )
        if not reviews:
            raise UserError(self.env._("You cannot review %s now.", self.name))
        reason = (reviews[:1].comment or "").strip()
        if not reason:
            raise UserError(self.env._("A rejection needs a reason."))
        res = super()._rejected_tier(reviews)
        self._post_review_audit(reviews, self.env._("rejected"), reason)
        self.sudo().with_context(skip_validation_check=True).write(
            {"state": "rejected", "rejection_reason": reason}
        )
        return res

    def _lock_for_review(self):
        """Lock the proposal row and touch it: a concurrent reviewer then fails
        (LockError, or a serialization failure that Odoo retries) instead of
        deciding on a stale view of the reviews."""
        self.ensure_one()
        self.lock_for_update()
        self.sudo().with_context(skip_validation_check=True).write(
            {"last_review_date": fields.Datetime.now()}
        )
        self.env.flush_all()
        self.invalidate_recordset()
        self.review_ids.invalidate_recordset()

    def _action_approve_if_validated(self):
        """Move to approved once every tier is approved (or none applies)."""
        for rec in self.filtered(lambda r: r.state == "to_approve"):
            if not rec.review_ids or rec.validation_status == "validated":
                rec.sudo().write({"state": "approved"})
                rec._action_approved()

    def _action_approved(self):
        """Hook run once the whole chain approved the proposal (as superuser
        when a reviewer's approval completed it). Empty here; execution addons
        may create their documents from it."""
        return True

    def _action_customer_accept(self, partner):
        """Record the customer's agreement; callable from a portal controller."""
        return self._set_customer_acceptance("accepted", partner)

    def _action_customer_refuse(self, partner):
        """Record the customer's refusal; callable from a portal controller."""
        return self._set_customer_acceptance("refused", partner)

    def _set_customer_acceptance(self, answer, partner):
        for rec in self:
            rec._ensure_state(["draft", "to_approve", "approved", "done"])
            rec.write(
                {
                    "customer_acceptance": answer,
                    "acceptance_partner_id": partner.id,
                    "acceptance_date": fields.Datetime.now(),
                }
            )
        return True

    def _post_review_audit(self, reviews, verb, reason=None):
        for review in reviews:
            body = self.env._(
                "Tier %(tier)s %(verb)s by %(user)s on %(date)s.",
                tier=review.name,
                verb=verb,
                user=self.env.user.name,
                date=fields.Datetime.to_string(review.reviewed_date),
            )
            if reason:
                body += " " + self.env._("Reason: %s", reason)
            self.sudo().message_post(body=body)

    def _prepare_default_recovery_vals(self):
        """Recoveries proposed from the complaint's responsible party; called by
        create()."""
        self.ensure_one()
        ticket = self.ticket_id
        partner = {
            "carrier": ticket.carrier_id,
            "distributor": ticket.distributor_id,
            "supplier": ticket.supplier_id,
        }.get(ticket.responsible_party)
        if not partner:
            return []
        return [
            {
                "recovery_party": ticket.responsible_party,
                "partner_id": partner.id,
                "share": 100.0,
            }
        ]

    def _get_owner_manager(self):
        """Department head of the owner: the manager he escalates to
        (``res.users._get_owner_manager``: his quality manager, else the
        leader of his sales team)."""
        self.ensure_one()
        if not self.owner_id:
            return self.env["res.users"]
        return self.owner_id.sudo()._get_owner_manager().sudo(False)

    def _get_owner_sales_domain(self):
        self.ensure_one()
        if not (self.owner_id and self.partner_id):
            return Domain.FALSE
        return Domain(
            [
                ("state", "=", "sale"),
                ("user_id", "=", self.owner_id.id),
                ("partner_id", "child_of", self.commercial_partner_id.id),
            ]
        )

    def _get_excluded_reviewers(self):
        """Users who may not approve this proposal: its proposer and owner."""
        self.ensure_one()
        return self.proposer_id | self.owner_id

    def _ensure_not_own_proposal(self):
        if self.env.user in self._get_excluded_reviewers():
            raise UserError(
                self.env._(
                    "You cannot review compensation %s: you proposed it or own "
                    "the complaint.",
                    self.name,
                )
            )

    @api.model
    def _ensure_valid_line_commands(self, vals):
        """Check the numbers of lines given inline, before the proposal's
        totals are computed from them (NaN would crash the rounding)."""
        for command in vals.get("line_ids") or []:
            if isinstance(command, list | tuple) and len(command) == 3:
                if command[0] in (Command.CREATE, Command.UPDATE) and command[2]:
                    line_model = self.env["quality.compensation.line"]
                    ensure_valid_numbers(line_model, command[2], LINE_NUMBER_RULES)

    @api.model
    def _ensure_partners_active_vals(self, vals):
        """create(): the customer given or the complaint's, before inserting."""
        Partner = self.env["res.partner"].sudo()
        partner = Partner.browse(vals.get("partner_id")) or (
            self.env["helpdesk.ticket"].sudo().browse(vals.get("ticket_id")).partner_id
        )
        self._ensure_active(partner | partner.commercial_partner_id, vals.get("name"))

    def _ensure_partners_active(self, partners=None):
        """Nothing is proposed to, or done for, an archived contact."""
        for rec in self:
            rec._ensure_active(
                partners or rec.partner_id | rec.commercial_partner_id, rec.name
            )

    @api.model
    def _ensure_active(self, partners, name):
        for partner in partners.sudo():
            if not partner.active:
                raise UserError(
                    self.env._(
                        "%(partner)s is archived: restore the contact before "
                        "going on with compensation %(name)s.",
                        partner=partner.display_name,
                        name=name,
                    )
                )

    def _ensure_state(self, states):
        for rec in self:
            if rec.state not in states:
                raise UserError(
                    self.env._(
                        "Compensation %(name)s is %(state)s: not possible now.",
                        name=rec.name,
                        state=dict(
                            rec._fields["state"]._description_selection(self.env)
                        )[rec.state],
                    )
                )

    @api.model
    def _get_unlocked_fields(self):
        """Fields that may change after submission (besides chatter fields);
        extend to let execution addons link their documents."""
        return list(UNLOCKED_FIELDS)

    def _ensure_state_transition(self, new_state):
        for rec in self:
            if rec.state == new_state:
                continue
            if new_state not in STATE_TRANSITIONS[rec.state]:
                rec._ensure_state(
                    [s for s, t in STATE_TRANSITIONS.items() if new_state in t]
                )
            if new_state == "done" and not rec.all_lines_executed:
                raise UserError(
                    self.env._(
                        "Proposal %s is not done: some lines are not executed yet.",
                        rec.name,
                    )
                )
            if new_state == "to_approve" and not rec.line_ids:
                raise UserError(
                    self.env._("Add at least one line before submitting %s.", rec.name)
                )

    def _ensure_unlocked(self, vals=None):
        """Only draft proposals may change their content."""
        fnames = set(vals or {}) if vals is not None else {"line_ids"}
        locked = {
            f
            for f in fnames - set(self._get_unlocked_fields())
            if not f.startswith(UNLOCKED_PREFIXES)
        }
        if locked and any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._(
                    "A submitted compensation proposal is locked; reset it to "
                    "draft to change it (fields: %s).",
                    ", ".join(sorted(locked)),
                )
            )

    # ------------------------------------------------------------------
    # Demo data helpers
    # ------------------------------------------------------------------

    def _quality_demo_review(self, user_ids, reason=False):
        """Demo data only: approve as each user in turn, or reject as the last
        one when a reason is given. Called from the compensation demo file."""
        users = self.env["res.users"].browse(user_ids)
        for rec in self:
            for user in users[:-1] if reason else users:
                rec.with_user(user)._validate_tier()
            if reason:
                rec.with_user(users[-1])._action_reject(reason)
        return True

    def _quality_demo_execute_and_done(self):
        """Demo data only: mark every line executed, then close the proposal."""
        for line in self.line_ids:
            line.write({"executed": True, "executed_qty": line.quantity})
        return self.action_done()
