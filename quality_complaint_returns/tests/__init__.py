from . import test_install
from . import test_lot_affected_customers
from . import test_lot_recall_index
