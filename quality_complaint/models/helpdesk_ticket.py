# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_quality_complaint = fields.Boolean(
        string="Quality Complaint",
        compute="_compute_is_quality_complaint",
        store=True,
        readonly=False,
        index=True,
        help="Set by the team: tickets of a quality team are quality complaints.",
    )

    # ------------------------------------------------------------------
    # Intake and assessment: product, lot, documents, 5W1H, defect,
    # severity, responsible party, warranty
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time: first-responsible person, deadlines, breaches
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

    why_ids = fields.One2many(
        comodel_name="quality.complaint.why",
        inverse_name="ticket_id",
        string="5 Why Analysis",
        copy=True,
        groups="quality_complaint.quality_complaint_group_user",
    )
    fishbone_category = fields.Selection(
        selection=[
            ("man", "Man"),
            ("machine", "Machine"),
            ("material", "Material"),
            ("method", "Method"),
            ("measurement", "Measurement"),
            ("environment", "Environment"),
        ],
        tracking=True,
        help="The branch of the fishbone (Ishikawa) diagram the root cause belongs to.",
    )
    root_cause = fields.Text(tracking=True)
    root_cause_confirmed = fields.Boolean(tracking=True, copy=False)
    root_cause_confirmed_by_id = fields.Many2one(
        comodel_name="res.users",
        compute="_compute_root_cause_confirmed_by",
        store=True,
        copy=False,
    )
    root_cause_confirmed_date = fields.Datetime(
        string="Root Cause Confirmed On",
        compute="_compute_root_cause_confirmed_by",
        store=True,
        copy=False,
    )
    capa_action_ids = fields.One2many(
        comodel_name="quality.capa.action",
        inverse_name="ticket_id",
        string="Corrective and Preventive Actions",
        groups="quality_complaint.quality_complaint_group_user",
    )
    capa_action_count = fields.Integer(
        string="CAPA Actions",
        compute="_compute_capa_action_count",
        groups="quality_complaint.quality_complaint_group_user",
    )
    capa_open_count = fields.Integer(
        string="Open CAPA Actions",
        compute="_compute_capa_action_count",
        groups="quality_complaint.quality_complaint_group_user",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("team_id.is_quality_team")
    def _compute_is_quality_complaint(self):
        for ticket in self:
            if ticket.team_id.is_quality_team:
                ticket.is_quality_complaint = True

    # ------------------------------------------------------------------
    # Assessment methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------

    @api.depends("capa_action_ids.state")
    def _compute_capa_action_count(self):
        for ticket in self:
            actions = ticket.capa_action_ids
            ticket.capa_action_count = len(actions)
            ticket.capa_open_count = len(
                actions.filtered(lambda a: a.state in ("open", "in_progress"))
            )

    @api.depends("root_cause_confirmed")
    def _compute_root_cause_confirmed_by(self):
        for ticket in self:
            confirmed = ticket.root_cause_confirmed
            ticket.root_cause_confirmed_by_id = confirmed and self.env.user
            ticket.root_cause_confirmed_date = confirmed and fields.Datetime.now()

    @api.constrains("root_cause_confirmed", "root_cause")
    def _check_root_cause_before_confirmation(self):
        self.filtered("root_cause_confirmed")._ensure_root_cause_set()

    def action_confirm_root_cause(self):
        self.ensure_one()
        self._ensure_root_cause_set()
        self.root_cause_confirmed = True

    def action_reset_root_cause(self):
        self.ensure_one()
        self.root_cause_confirmed = False

    def _ensure_root_cause_set(self):
        for ticket in self:
            if not (ticket.root_cause or "").strip():
                raise ValidationError(
                    self.env._(
                        "Describe the root cause of complaint %(ticket)s before "
                        "confirming it.",
                        ticket=ticket.display_name,
                    )
                )

    def action_view_capa_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint.quality_capa_action_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def _get_report_appraisal_filename(self):
        self.ensure_one()
        return self.env._("Appraisal Report - %(number)s", number=self.number)

    def _get_report_register_filename(self):
        self.ensure_one()
        return self.env._("Complaint Register - %(number)s", number=self.number)
