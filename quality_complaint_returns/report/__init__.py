from . import quality_compensation_ledger_xlsx
