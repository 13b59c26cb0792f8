# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

TODO_ACTIVITY = "mail.mail_activity_data_todo"


class QualityCapaAction(models.Model):
    _name = "quality.capa.action"
    _description = "Corrective and Preventive Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"

    name = fields.Char(string="Action", required=True, tracking=True)
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    action_type = fields.Selection(
        selection=[
            ("containment", "Containment"),
            ("corrective", "Corrective"),
            ("preventive", "Preventive"),
        ],
        string="Type",
        required=True,
        default="corrective",
        tracking=True,
        help="Containment limits the damage now; corrective removes the root cause; "
        "preventive stops the same cause elsewhere. Corrective and preventive "
        "actions close only after an effective effectiveness check.",
    )
    owner_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    due_date = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        selection=[
            ("open", "Open"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="open",
        copy=False,
        tracking=True,
        index=True,
    )
    description = fields.Text()
    effectiveness_note = fields.Text(
        copy=False, help="How the effect of the action was verified."
    )
    effectiveness_result = fields.Selection(
        selection=[("effective", "Effective"), ("not_effective", "Not Effective")],
        copy=False,
        tracking=True,
    )
    checked_by_id = fields.Many2one(comodel_name="res.users", copy=False, readonly=True)
    checked_date = fields.Date(copy=False, readonly=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("due_date", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = (
                action.state in ("open", "in_progress")
                and action.due_date
                and action.due_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("state", "in", ("open", "in_progress")) & Domain(
            "due_date", "<", fields.Date.context_today(self)
        )
        return domain if True in value else ~domain

    @api.constrains("state", "action_type", "effectiveness_result")
    def _check_effective_before_done(self):
        for action in self.filtered(lambda a: a.state == "done"):
            if action._needs_effectiveness_check():
                raise ValidationError(action._effectiveness_missing_message())

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        # the owner rule lets a user read the actions he owns, and he owns
        # what he creates: he still may only add actions to complaints he reads
        actions.ticket_id.check_access("read")
        actions.filtered(
            lambda a: a.state in ("open", "in_progress")
        )._schedule_owner_activity()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "done":
            self._close_owner_activity()
        elif vals.get("state") == "cancel":
            self.activity_unlink([TODO_ACTIVITY])
        elif {"owner_id", "due_date"} & vals.keys():
            self._move_owner_activity()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(action.state == "done" for action in self):
            raise UserError(
                self.env._(
                    "A done corrective or preventive action stays on file: "
                    "cancel it instead of deleting it."
                )
            )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_start(self):
        self._ensure_state(("open",))
        self.state = "in_progress"

    def action_done(self):
        self._ensure_state(("open", "in_progress"))
        self._ensure_effectiveness_checked()
        self.state = "done"

    def action_cancel(self):
        self._ensure_state(("open", "in_progress"))
        self.state = "cancel"

    def action_reopen(self):
        self._ensure_state(("cancel",))
        self.state = "open"
        self._schedule_owner_activity()

    def action_record_effectiveness(self):
        """Open the wizard that records the effectiveness check."""
        self.ensure_one()
        self._ensure_state(("open", "in_progress"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Effectiveness"),
            "res_model": "quality.capa.effectiveness.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_capa_action_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _record_effectiveness(self, result, note):
        """Store an effectiveness check made now by the current user."""
        self._ensure_state(("open", "in_progress"))
        self.write(self._prepare_effectiveness_vals(result, note))

    def _prepare_effectiveness_vals(self, result, note):
        """Values written by _record_effectiveness."""
        return {
            "effectiveness_result": result,
            "effectiveness_note": note,
            "checked_by_id": self.env.user.id,
            "checked_date": fields.Date.context_today(self),
        }

    def _needs_effectiveness_check(self):
        self.ensure_one()
        return (
            self.action_type in ("corrective", "preventive")
            and self.effectiveness_result != "effective"
        )

    def _effectiveness_missing_message(self):
        return self.env._(
            "The %(type)s action “%(name)s” cannot be closed yet: record an "
            "effectiveness check with the result “Effective” first. Only "
            "containment actions may close without one.",
            type=self._get_selection_label("action_type").lower(),
            name=self.name,
        )

    def _get_selection_label(self, field_name):
        self.ensure_one()
        selection = self._fields[field_name]._description_selection(self.env)
        return dict(selection).get(self[field_name], "")

    def _ensure_effectiveness_checked(self):
        for action in self:
            if action._needs_effectiveness_check():
                raise UserError(action._effectiveness_missing_message())

    def _ensure_state(self, states):
        for action in self:
            if action.state not in states:
                raise UserError(
                    self.env._(
                        "The action “%(name)s” is %(state)s: "
                        "this step does not apply to it.",
                        name=action.name,
                        state=action._get_selection_label("state").lower(),
                    )
                )

    def _schedule_owner_activity(self):
        """A To-Do for the owner, due on the action's due date."""
        for action in self:
            action.activity_schedule(
                TODO_ACTIVITY,
                date_deadline=action.due_date,
                summary=action._get_activity_summary(),
                user_id=action.owner_id.id,
            )

    def _move_owner_activity(self):
        for action in self.filtered(lambda a: a.state in ("open", "in_progress")):
            moved = action.activity_reschedule(
                [TODO_ACTIVITY],
                date_deadline=action.due_date,
                new_user_id=action.owner_id.id,
            )
            if not moved:
                action._schedule_owner_activity()

    def _close_owner_activity(self):
        for action in self:
            action.activity_feedback(
                [TODO_ACTIVITY],
                feedback=self.env._("Action %(name)s done.", name=action.name),
            )

    def _get_activity_summary(self):
        self.ensure_one()
        return self.env._(
            "CAPA: %(name)s (%(ticket)s)",
            name=self.name,
            ticket=self.ticket_id.number,
        )
