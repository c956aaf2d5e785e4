"""A unit's first day: a blank workspace from its profile, the example unit, and rolling a
workspace into the next year (``zi-docs init``), plus the ``check`` warning for inputs that still
hold the example unit's values.

The front door: clients and other packages call only what ``__all__`` names.
"""

from zi_docs.newunit.create import InitResult, create_blank, create_example
from zi_docs.newunit.leftovers import example_value_findings
from zi_docs.newunit.profile import REQUIRED, UnitDetails, field_problem
from zi_docs.newunit.rollover import roll_over

__all__ = [
    "REQUIRED",
    "InitResult",
    "UnitDetails",
    "create_blank",
    "create_example",
    "example_value_findings",
    "field_problem",
    "roll_over",
]
