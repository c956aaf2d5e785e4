"""The LKE worksheet as .xlsx (written by :mod:`zi_docs.spreadsheet`): the layered sheet "LKE"
and the "Ringkasan" sheet.

Sheet "LKE" follows :mod:`zi_docs.assessment.workbook_layers` (the unit's columns filled, one
empty Jawaban | Nilai | % | Catatan group per evaluator layer, live formulas, the fingerprint
in row 1); this module turns that plan into sheet values. Sheet "Ringkasan": pengungkit,
hasil and total of every column group (formulas), the unit's areas, and every threshold with
pass/fail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path

from zi_docs.assessment.report import ScoreReport
from zi_docs.assessment.workbook_layers import (
    HEADER_ROW,
    SHARED,
    UNIT_COLUMNS,
    SheetPlan,
    column_letter,
    plan_sheet,
)
from zi_docs.spreadsheet import PrintSetup, Row, Sheet, group_band
from zi_docs.spreadsheet import write_workbook as write_sheets

HEADER = (*SHARED, *UNIT_COLUMNS[:4])
"""The official columns (the unit's group adds Daftar Bukti Dukung)."""
_SHARED_WIDTHS = (52, 7, 40, 34)
_GROUP_WIDTHS = {"Jawaban": 9, "Nilai": 8, "%": 7, "Catatan": 28, "Daftar Bukti Dukung": 28}
"""Narrow enough that the sheet with two evaluator groups prints on A3 landscape at about
three quarters of its size; wrapped cells get the row height their text needs."""
_BANDED = ("komponen", "bagian", "area", "sub")
_WRAP = {"Penilaian", "Penjelasan", "Pilihan Jawaban", "Catatan", "Daftar Bukti Dukung"}


def write_workbook(
    report: ScoreReport,
    path: Path,
    notes: Mapping[str, str] | None = None,
    *,
    layers: Sequence[str] = (),
    evidence: Mapping[str, Sequence[str]] | None = None,
    fingerprint: str | None = None,
) -> Path:
    """Write the worksheet to ``path`` (parent folders created) and return it.

    ``notes``: question id -> extra text appended (on a new line) to its Catatan cell;
    ``evidence``: question id -> evidence names for the Daftar Bukti Dukung column;
    ``layers``: titles of the empty evaluator column groups; ``fingerprint``: the text put
    in the header (``Sidik bundel: sha256:...``).
    """
    plan = plan_sheet(
        report, layers=layers, notes=notes, evidence=evidence, fingerprint=fingerprint
    )
    sheets = [_lke_sheet(plan), _summary_sheet(report, plan, len(layers))]
    return write_sheets(path, sheets, recalculate=True)


def _group_bands(plan: SheetPlan, width: int) -> dict[int, str]:
    """Column -> the fill of its group (unit, then each evaluator layer), for the head rows."""
    starts = [*plan.group_columns, width + 1]
    return {
        column: group_band(index)
        for index, (start, end) in enumerate(pairwise(starts))
        for column in range(start, end)
    }


def _lke_sheet(plan: SheetPlan) -> Sheet:
    headers = [str(c.value) for c in plan.rows[HEADER_ROW - 1]]
    bands = _group_bands(plan, len(headers))
    rows = []
    for cells in plan.rows:
        style, depth = cells[0].style, cells[0].depth
        values = [c.value for c in cells]
        if style == "title":
            rows.append(Row(values, bold=True))
        elif style == "head":
            rows.append(Row(values, bold=True, band="kepala", cell_bands=bands))
        elif style in _BANDED:
            rows.append(Row(values, indent=depth, bold=True, band=style))
        else:
            rows.append(Row(values, indent=depth))
    widths = {
        column_letter(i): _SHARED_WIDTHS[i - 1] if i <= len(SHARED) else _GROUP_WIDTHS[h]
        for i, h in enumerate(headers, start=1)
    }
    return Sheet(
        title="LKE",
        rows=rows,
        widths=widths,
        freeze=f"B{HEADER_ROW + 1}",
        aligned=True,
        wrap=frozenset(i for i, h in enumerate(headers, start=1) if h in _WRAP),
        number_columns=frozenset(
            i for i, h in enumerate(headers, start=1) if h in ("Bobot", "Nilai", "%")
        ),
        merges=plan.merges,
        printing=PrintSetup(paper="A3", title_rows=f"2:{HEADER_ROW}"),
        borders=True,
    )


def _summary_sheet(report: ScoreReport, plan: SheetPlan, layers: int) -> Sheet:
    score = report.score
    titles = [str(c.value) for c in plan.rows[1] if c.value]
    roots = {r.code: plan.node_rows[r.id] for r in report.catalogue.roots}
    rows: list[list[object]] = [
        [f"Penilaian LKE — {report.unit_name} ({report.year})"],
        [f"Katalog: {report.catalogue.title} ({report.catalogue.id})"],
        [],
        ["Komponen", *titles, "Maksimum"],
    ]
    for label, code, maximum in (
        ("Pengungkit", "pengungkit", score.max_pengungkit),
        ("Hasil", "hasil", score.max_hasil),
    ):
        cells = [f"=LKE!{column_letter(start + 1)}{roots[code]}" for start in plan.group_columns]
        rows.append([label, *cells, maximum])
    first = len(rows) - 1
    total = [
        f"=SUM({column_letter(i)}{first}:{column_letter(i)}{first + 1})"
        for i in range(2, 3 + layers)
    ]
    rows.append(["Total", *total, score.max_total])
    rows.append([])
    rows.append(["Area (penilaian mandiri)", "Bagian", "Nilai", "Bobot", "%"])
    for area in score.areas:
        for part in area.parts:
            rows.append(
                [area.name, part.part.capitalize(), part.value, part.weight, part.share * 100]
            )
        rows.append([area.name, "Gabungan", area.value, area.weight, area.share * 100])
    for verdict in report.verdicts:
        rows.append([])
        rows.append([verdict.name, "Tafsir", "Nilai", "Minimum", "Hasil"])
        for rule in verdict.rules:
            rows.append(
                [
                    rule.description,
                    rule.reading or "",
                    rule.value,
                    rule.minimum,
                    "Memenuhi" if rule.passed else "Tidak memenuhi",
                ]
            )
    columns = "".join(column_letter(i) for i in range(2, 5 + layers))
    return Sheet(
        title="Ringkasan",
        rows=[Row(values) for values in rows],
        widths={"A": 70, **dict.fromkeys(columns, 16)},
    )
