"""Surveys: the SKM's Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) and the unit's own
SPAK/SPKP surveys (IPAK/IPKP), from a raw CSV/XLSX export to the numbers and the report.

The front door: clients and other packages call only what ``__all__`` names. Behind it:
``reader`` (CSV/XLSX rows; openpyxl reading of exports), ``definition`` (which column is
what), ``labels`` (a cell -> a score), ``tally`` (one validated pass), ``problems``, ``ikm``,
``internal`` (SPAK/SPKP), ``sample``, ``profile``, ``quadrant``, ``periods``, ``suggest`` (LKE
answers), ``views`` (plain data for JSON), ``scales`` (the YAML under ``data/survei/``).
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.surveys.definition import Definition, load_definition
    from zi_docs.surveys.exact import half_up
    from zi_docs.surveys.ikm import IkmGroup, IkmResult, UnsurResult, compute_ikm
    from zi_docs.surveys.internal import InternalResult, compute_internal, ipkp_from_ikm
    from zi_docs.surveys.periods import KINDS as PERIOD_KINDS
    from zi_docs.surveys.problems import KINDS as PROBLEM_KINDS
    from zi_docs.surveys.problems import DataProblem
    from zi_docs.surveys.scales import WEIGHTS, internal_surveys
    from zi_docs.surveys.suggest import Suggestion, suggest_lke
    from zi_docs.surveys.views import ikm_to_dict, internal_to_dict, suggestions_to_dict

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "DataProblem": "problems",
    "Definition": "definition",
    "IkmGroup": "ikm",
    "IkmResult": "ikm",
    "InternalResult": "internal",
    "PERIOD_KINDS": "periods:KINDS",
    "PROBLEM_KINDS": "problems:KINDS",
    "Suggestion": "suggest",
    "UnsurResult": "ikm",
    "WEIGHTS": "scales",
    "compute_ikm": "ikm",
    "compute_internal": "internal",
    "half_up": "exact",
    "ikm_to_dict": "views",
    "internal_surveys": "scales",
    "internal_to_dict": "views",
    "ipkp_from_ikm": "internal",
    "load_definition": "definition",
    "suggest_lke": "suggest",
    "suggestions_to_dict": "views",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "PERIOD_KINDS",
    "PROBLEM_KINDS",
    "WEIGHTS",
    "DataProblem",
    "Definition",
    "IkmGroup",
    "IkmResult",
    "InternalResult",
    "Suggestion",
    "UnsurResult",
    "compute_ikm",
    "compute_internal",
    "half_up",
    "ikm_to_dict",
    "internal_surveys",
    "internal_to_dict",
    "ipkp_from_ikm",
    "load_definition",
    "suggest_lke",
    "suggestions_to_dict",
]
