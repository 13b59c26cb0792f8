from . import test_foundation
from . import test_tour
from . import test_examples
from . import test_delivery_proposal
from . import test_defect_category_defaults
from . import test_lot_product
from . import test_customer_kind
