from . import test_foundation
from . import test_tour
from . import test_examples
from . import test_portal_intake
from . import test_portal_isolation
from . import test_portal_ticket_close
from . import test_email_intake
from . import test_intake_tours
