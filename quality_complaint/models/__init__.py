from . import res_partner
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import sale_order
from . import quality_complaint_why
from . import quality_capa_action
