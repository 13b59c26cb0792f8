# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class QualityComplaintTicketController(HelpdeskTicketController):
    @http.route()
    def support_ticket_close(self, **kw):
        """Guard helpdesk_mgmt's route (OCA helpdesk#1089), which closes any
        ticket by id: only the customer of the ticket may close it."""
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            int(kw.get("stage_id") or 0)
        except ValueError:
            return request.redirect("/my")
        ticket = request.env["helpdesk.ticket"].browse(ticket_id)
        if not self._may_close_ticket_from_portal(ticket):
            return request.redirect("/my")
        return super().support_ticket_close(**kw)

    def _may_close_ticket_from_portal(self, ticket):
        """The user can read the ticket and it belongs to his commercial partner."""
        user = request.env.user
        try:
            ticket.with_user(user).check_access("read")
        except (AccessError, MissingError):
            return False
        customer = ticket.sudo().partner_id.commercial_partner_id
        return bool(customer) and customer == user.partner_id.commercial_partner_id
