from . import quality_lot_customer
