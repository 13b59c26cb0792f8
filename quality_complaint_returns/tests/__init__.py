from . import test_install
from . import test_lot_affected_customers
from . import test_lot_recall_index
from . import test_lot_recall_alert
from . import test_lot_recall_execution
from . import test_lot_recurring_defect
