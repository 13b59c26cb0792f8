from . import test_install
from . import test_lot_affected_customers
from . import test_lot_recall_index
from . import test_recovery_carrier
from . import test_recovery_rebate
from . import test_recovery_supplier
from . import test_distributor_hold
from . import test_recovery_tour
