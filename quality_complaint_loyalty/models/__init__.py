from . import res_company
from . import res_config_settings
from . import loyalty_card
from . import quality_compensation_line
from . import quality_compensation
from . import helpdesk_ticket
