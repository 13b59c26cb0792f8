from . import quality_lot_customer
from . import account_move_reversal
