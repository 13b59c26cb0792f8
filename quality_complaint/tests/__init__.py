from . import test_foundation
from . import test_tour
from . import test_examples
from . import test_root_cause
from . import test_capa_action
from . import test_capa_access
from . import test_complaint_reports
from . import test_capa_tour
