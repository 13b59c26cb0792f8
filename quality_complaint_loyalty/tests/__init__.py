from . import test_compensation_coupon
