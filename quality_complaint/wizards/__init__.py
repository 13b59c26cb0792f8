from . import quality_compensation_reject
