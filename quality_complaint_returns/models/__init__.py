from . import stock_move_line
from . import stock_lot
