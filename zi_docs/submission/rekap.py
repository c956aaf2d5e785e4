"""``zi-docs rekap``: one table across units for the Inspektorat, read without modifying any
workspace (answers and profile are only read; the archive database is opened ``mode=ro`` and
integrity is checked by sizes only, see :func:`zi_docs.evidence.read_view`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.errors import ZiError
from zi_docs.findings import Severity
from zi_docs.submission.check import CheckResult, run_check
from zi_docs.workspace import Workspace, find_workspace

SORT_KEYS = ("nama", "total", "pengungkit", "kelengkapan", "temuan")


@dataclass(frozen=True)
class RekapRow:
    """One unit."""

    folder: Path
    unit: str
    year: int | None = None
    areas: tuple[tuple[str, float, float], ...] = ()
    """(area code, value, % of questions complete) per pengungkit area, catalogue order."""
    pengungkit: float = 0.0
    total: float = 0.0
    wbk: bool | None = None
    """Passes every Menuju WBK threshold (both area readings)."""
    wbk_by_reading: tuple[tuple[str, bool], ...] = ()
    """Whether Menuju WBK passes with the per-area rule read ``gabungan`` / ``terpisah``."""
    completeness: float = 0.0
    """% of questions complete over the whole LKE."""
    red: int = 0
    """Findings of severity galat (error)."""
    instansi: str = ""
    kota: str = ""
    """Where the unit signs its documents (``unit.kota``)."""
    error: str | None = None
    """Why the unit could not be read (the other columns are then empty)."""


@dataclass(frozen=True)
class Rekap:
    rows: tuple[RekapRow, ...]
    area_codes: tuple[str, ...]
    sort: str


Checker = Callable[[Workspace, dt.date], CheckResult]
"""How a unit is checked: ``run_check(workspace, today, read_only=True)``, or a client's kept
copy of the same (the web app checks a unit again only when its files change)."""


def _read_only_check(workspace: Workspace, today: dt.date) -> CheckResult:
    return run_check(workspace, today, read_only=True)


def _row(root: Path, today: dt.date, check: Checker) -> RekapRow:
    try:
        workspace: Workspace = find_workspace(root)
        result = check(workspace, today)
    except ZiError as err:
        return RekapRow(folder=root, unit=root.name, error=err.message)
    complete = {
        g.area: 100.0 * g.complete_questions / g.questions if g.questions else 100.0
        for g in result.rollup.of_level("area-gabungan")
    }
    report = result.report
    indicators = result.completeness.indicators
    return RekapRow(
        folder=workspace.root,
        unit=result.unit_name,
        year=result.year,
        instansi=result.instansi,
        kota=result.kota,
        areas=tuple((a.code, a.value, complete.get(a.code, 0.0)) for a in report.score.areas),
        pengungkit=report.pengungkit,
        total=report.total,
        wbk=report.verdict("WBK").passed,
        wbk_by_reading=tuple(report.verdict("WBK").passed_by_reading.items()),
        completeness=100.0 * result.completeness.complete_count / len(indicators),
        red=result.count(Severity.ERROR),
    )


def build_rekap(
    folders: Sequence[Path],
    today: dt.date,
    sort: str = "total",
    *,
    check: Checker = _read_only_check,
) -> Rekap:
    """Rows for every workspace folder, sorted by ``sort`` (see :data:`SORT_KEYS`; numbers
    descending except ``temuan``, names ascending); unreadable units last. ``check`` must
    give what ``run_check(workspace, today, read_only=True)`` gives."""
    rows = [_row(folder, today, check) for folder in folders]
    keys: dict[str, Callable[[RekapRow], tuple[Any, ...]]] = {
        "nama": lambda r: (r.unit.casefold(),),
        "total": lambda r: (-r.total,),
        "pengungkit": lambda r: (-r.pengungkit,),
        "kelengkapan": lambda r: (-r.completeness,),
        "temuan": lambda r: (r.red,),
    }
    key = keys[sort]
    rows.sort(key=lambda r: (r.error is not None, *key(r), r.unit.casefold()))
    codes: tuple[str, ...] = ()
    for row in rows:
        if row.areas:
            codes = tuple(code for code, _v, _c in row.areas)
            break
    return Rekap(rows=tuple(rows), area_codes=codes, sort=sort)
