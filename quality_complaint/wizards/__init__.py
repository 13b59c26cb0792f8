from . import quality_complaint_owner_change
