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
            return request.redirect("/my")
        if not self._may_close_ticket_from_portal(ticket, stage):
            return request.redirect("/my")
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
