"""Before submission: completeness check, submission gates, evaluator bundle, rekap.

This is the package's front door: clients call what ``__all__`` names and print the values it
names. Behind it: :mod:`.check` (one workspace: completeness, roll-up, gates),
:mod:`.completeness`, :mod:`.rollup`, :mod:`.gates`, :mod:`.report` (JSON and Markdown),
:mod:`.docx_report` (``check --docx``), :mod:`.export` with :mod:`.layout`, :mod:`.names`,
:mod:`.bag`, :mod:`.html_index` (the evaluator bundle), :mod:`.bagcheck` (a received bundle),
:mod:`.rekap` with :mod:`.rekap_out` (many units). The archive is read through
:func:`zi_docs.evidence.read_view` only.
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.submission.bagcheck import BagCheck, BagProblem, verify_bag
    from zi_docs.submission.check import CheckResult, collector_paused, run_check
    from zi_docs.submission.completeness import Completeness, IndicatorStatus, ItemStatus
    from zi_docs.submission.docx_report import write_check_docx
    from zi_docs.submission.export import ExportResult, export_bundle
    from zi_docs.submission.gates import SYMBOL, GateResult, Gates, GateState
    from zi_docs.submission.rekap import SORT_KEYS, Rekap, RekapRow, build_rekap
    from zi_docs.submission.rekap_out import cells, headers, write_docx, write_xlsx
    from zi_docs.submission.report import check_markdown, check_to_dict, finding_in_area
    from zi_docs.submission.rollup import GroupStatus, Light, Rollup

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "BagCheck": "bagcheck",
    "BagProblem": "bagcheck",
    "CheckResult": "check",
    "Completeness": "completeness",
    "ExportResult": "export",
    "GateResult": "gates",
    "GateState": "gates",
    "Gates": "gates",
    "GroupStatus": "rollup",
    "IndicatorStatus": "completeness",
    "ItemStatus": "completeness",
    "Light": "rollup",
    "Rekap": "rekap",
    "RekapRow": "rekap",
    "Rollup": "rollup",
    "SORT_KEYS": "rekap",
    "SYMBOL": "gates",
    "build_rekap": "rekap",
    "cells": "rekap_out",
    "collector_paused": "check",
    "check_markdown": "report",
    "check_to_dict": "report",
    "export_bundle": "export",
    "finding_in_area": "report",
    "headers": "rekap_out",
    "run_check": "check",
    "verify_bag": "bagcheck",
    "write_check_docx": "docx_report",
    "write_docx": "rekap_out",
    "write_xlsx": "rekap_out",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "SORT_KEYS",
    "SYMBOL",
    "BagCheck",
    "BagProblem",
    "CheckResult",
    "Completeness",
    "ExportResult",
    "GateResult",
    "GateState",
    "Gates",
    "GroupStatus",
    "IndicatorStatus",
    "ItemStatus",
    "Light",
    "Rekap",
    "RekapRow",
    "Rollup",
    "build_rekap",
    "cells",
    "check_markdown",
    "check_to_dict",
    "collector_paused",
    "export_bundle",
    "finding_in_area",
    "headers",
    "run_check",
    "verify_bag",
    "write_check_docx",
    "write_docx",
    "write_xlsx",
]
