# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class QualityComplaintTicketController(HelpdeskTicketController):
    @http.route()
    def support_ticket_close(self, **kw):
        """Guard helpdesk_mgmt's route (OCA helpdesk#1089), which closes any
        ticket by id: only the customer of the ticket (or a user who may edit
        it anyway) closes it, and only into a stage of its team."""
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(kw["ticket_id"]))
            stage = request.env["helpdesk.ticket.stage"].browse(int(kw["stage_id"]))
        except (KeyError, ValueError):
            return request.redirect("/my", code=302)
        if not self._may_close_ticket_from_portal(ticket, stage):
            # same answer as helpdesk_mgmt for a refused stage; the ticket page
            # itself sends users who may not read the ticket back to /my
            return request.redirect(f"/my/ticket/{ticket.id}", code=302)
        return super().support_ticket_close(**kw)

    def _may_close_ticket_from_portal(self, ticket, stage):
        """The user can read the ticket, it belongs to his commercial partner
        (or he may write it) and the stage is a portal closing stage of its team."""
        user = request.env.user
        try:
            ticket.with_user(user).check_access("read")
        except (AccessError, MissingError):
            return False
        # sudo: reading the customer and the stages of a ticket the user may read
        ticket_sudo = ticket.sudo()
        if ticket_sudo.team_id:
            stages = ticket_sudo.team_id._get_applicable_stages()
            if stage not in stages.filtered("close_from_portal"):
                return False
        customer = ticket_sudo.partner_id.commercial_partner_id
        if customer and customer == user.partner_id.commercial_partner_id:
            return True
        return not user.share and ticket.with_user(user).has_access("write")

    def _prepare_submit_ticket_vals(self, **kw):
        """A ticket filed for a quality team on the generic portal form is a
        complaint received on the portal channel."""
        vals = super()._prepare_submit_ticket_vals(**kw)
        team = request.env["helpdesk.ticket.team"].browse(vals.get("team_id"))
        # sudo: read one flag of the team the form was allowed to choose
        if team.sudo().is_quality_team:
            vals["channel_id"] = request.env.ref(
                "quality_complaint.helpdesk_ticket_channel_portal"
            ).id
        return vals
