"""Surveys: the SKM's Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) and the unit's own
SPAK/SPKP surveys (IPAK/IPKP), from a raw CSV/XLSX export to the numbers and the report.

Modules: ``reader`` (CSV/XLSX rows), ``definition`` (which column is what), ``labels`` (a cell
-> a score), ``tally`` (one validated pass), ``ikm`` (the index), ``internal`` (SPAK/SPKP),
``sample``, ``profile``, ``quadrant``, ``periods``, ``suggest`` (LKE answers), ``views`` (JSON).
"""

from zi_docs.surveys.ikm import IkmGroup, IkmResult, UnsurResult, compute_ikm
from zi_docs.surveys.internal import InternalResult, compute_internal, ipkp_from_ikm

__all__ = [
    "IkmGroup",
    "IkmResult",
    "InternalResult",
    "UnsurResult",
    "compute_ikm",
    "compute_internal",
    "ipkp_from_ikm",
]
