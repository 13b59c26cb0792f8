from . import quality_lot_customer
from . import quality_partner_hold
