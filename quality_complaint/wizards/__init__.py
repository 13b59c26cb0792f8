from . import quality_capa_effectiveness_wizard
from . import quality_complaint_owner_change
from . import quality_compensation_reject
