"""A unit's first day: a blank workspace from its profile, the example unit, and rolling a
workspace into the next year (``zi-docs init``), plus the ``check`` warning for inputs that still
hold the example unit's values.

The front door: clients and other packages call only what ``__all__`` names.
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.newunit.create import InitResult, create_blank, create_example
    from zi_docs.newunit.leftovers import example_value_findings
    from zi_docs.newunit.profile import REQUIRED, UnitDetails, field_problem
    from zi_docs.newunit.rollover import roll_over

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "InitResult": "create",
    "REQUIRED": "profile",
    "UnitDetails": "profile",
    "create_blank": "create",
    "create_example": "create",
    "example_value_findings": "leftovers",
    "field_problem": "profile",
    "roll_over": "rollover",
}
_lazy.door(__name__, _HOMES)

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
