# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    """Odoo's customer ratings on tickets (the satisfaction follow-up).

    Kept apart from helpdesk_ticket.py: a mixin changes the class header, which
    the other sections of that file share.
    """

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "rating.mixin"]
