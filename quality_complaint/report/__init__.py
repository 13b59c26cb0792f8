from . import quality_complaint_report
from . import quality_complaint_rate_report
from . import quality_complaint_xlsx
