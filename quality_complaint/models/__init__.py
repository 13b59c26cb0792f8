from . import res_partner
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import sale_order
