from . import quality_lot_customer
from . import stock_return_picking
from . import account_move_reversal
from . import quality_partner_hold
