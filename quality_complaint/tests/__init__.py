from . import test_foundation
from . import test_tour
from . import test_examples
