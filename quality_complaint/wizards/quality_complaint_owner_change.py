# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QualityComplaintOwnerChange(models.TransientModel):
    _name = "quality.complaint.owner.change"
    _description = "Change First-Responsible Person"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Complaint",
        required=True,
        ondelete="cascade",
    )
    current_owner_id = fields.Many2one(
        related="ticket_id.first_responsible_id", string="Current Owner"
    )
    new_owner_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        domain="[('share', '=', False)]",
    )
    reason = fields.Text(required=True)

    @api.constrains("reason")
    def _check_reason(self):
        for wizard in self:
            if not (wizard.reason or "").strip():
                raise ValidationError(
                    self.env._("Give the reason for the change of owner.")
                )

    def action_confirm(self):
        """Hand the complaint over and log the reason in its chatter."""
        self.ensure_one()
        self._ensure_manager()
        ticket = self.ticket_id
        if self.new_owner_id == ticket.first_responsible_id:
            raise UserError(self.env._("The new owner is already the owner."))
        previous = ticket.first_responsible_id
        ticket.first_responsible_id = self.new_owner_id
        ticket.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "First-responsible person changed from %(old)s to %(new)s.",
                    old=previous.name or "-",
                    new=self.new_owner_id.name,
                ),
                self.env._("Reason: %(reason)s", reason=self.reason),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}

    def _ensure_manager(self):
        if not self.env.user.has_group(
            "quality_complaint.quality_complaint_group_manager"
        ):
            raise UserError(
                self.env._(
                    "Only a Complaint Manager can change the first-responsible person."
                )
            )
