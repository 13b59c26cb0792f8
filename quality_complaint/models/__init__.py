from . import res_partner
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import sale_order
from . import res_users
from . import res_company
from . import res_config_settings
from . import quality_complaint_breach
