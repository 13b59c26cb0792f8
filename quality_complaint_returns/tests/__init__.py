from . import test_install
from . import test_lot_affected_customers
from . import test_lot_recall_index
from . import test_compensation_credit_note
from . import test_compensation_cash_writeoff
from . import test_compensation_net_cost
from . import test_compensation_currency_lock
from . import test_compensation_accounting_access
