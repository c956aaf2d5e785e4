"""The LKE worksheet as .xlsx: the layered sheet "LKE" and the "Ringkasan" sheet.

Sheet "LKE" follows :mod:`zi_docs.assessment.workbook_layers` (the unit's columns filled,
one empty Jawaban | Nilai | % | Catatan group per evaluator layer, live formulas, the
fingerprint in row 1); this module only writes that plan with openpyxl and styles it.
Sheet "Ringkasan": pengungkit, hasil, total per column group (formulas), the unit's areas,
and every threshold with pass/fail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from zi_docs.assessment.report import ScoreReport
from zi_docs.assessment.workbook_layers import (
    HEADER_ROW,
    LAYER_COLUMNS,
    SHARED,
    UNIT_COLUMNS,
    SheetPlan,
    column_letter,
    plan_sheet,
)
from zi_docs.outputs import output_folder

HEADER = (*SHARED, *UNIT_COLUMNS[:4])
"""The official columns (the unit's group adds Daftar Bukti Dukung)."""
_SHARED_WIDTHS = (70, 8, 50, 50)
_GROUP_WIDTHS = {"Jawaban": 12, "Nilai": 9, "%": 9, "Catatan": 40, "Daftar Bukti Dukung": 40}
_LEVEL_FILL = {"komponen": "BDD7EE", "bagian": "DDEBF7", "area": "E2EFDA", "sub": "F2F2F2"}
_GROUP_FILL = ("FFF2CC", "FCE4D6", "EDEDED")
_NUMBER = "0.00"
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
    book = Workbook()
    sheet = book.active
    sheet.title = "LKE"
    plan = plan_sheet(
        report, layers=layers, notes=notes, evidence=evidence, fingerprint=fingerprint
    )
    _lke_sheet(sheet, plan)
    _summary_sheet(book.create_sheet("Ringkasan"), report, plan, len(layers))
    book.calculation.fullCalcOnLoad = True
    output_folder(path.parent)
    book.save(path)
    return path


def _headers(plan: SheetPlan) -> list[str]:
    return [str(c.value) for c in plan.rows[HEADER_ROW - 1]]


def _lke_sheet(sheet: Worksheet, plan: SheetPlan) -> None:
    headers = _headers(plan)
    for row in plan.rows:
        sheet.append([c.value for c in row])
    for first_row, first_col, last_row, last_col in plan.merges:
        sheet.merge_cells(
            start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
        )
    for index, header in enumerate(headers, start=1):
        width = _SHARED_WIDTHS[index - 1] if index <= len(SHARED) else _GROUP_WIDTHS[header]
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2).coordinate
    fills = _group_fills(plan, len(headers))
    for r, row in enumerate(plan.rows, start=1):
        for c, cell_plan in enumerate(row, start=1):
            cell = sheet.cell(r, c)
            style = cell_plan.style
            if style in ("title", "head"):
                cell.font = Font(bold=True)
                cell.alignment = Alignment(
                    horizontal="center" if style == "head" else "left",
                    vertical="center",
                    wrap_text=style == "head",
                )
                if style == "head" and c in fills:
                    cell.fill = PatternFill("solid", fgColor=fills[c])
                continue
            cell.alignment = Alignment(
                vertical="top",
                wrap_text=headers[c - 1] in _WRAP,
                indent=cell_plan.depth if c == 1 else 0,
            )
            if headers[c - 1] in ("Bobot", "Nilai", "%"):
                cell.number_format = _NUMBER
            if style in _LEVEL_FILL:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=_LEVEL_FILL[style])


def _group_fills(plan: SheetPlan, width: int) -> dict[int, str]:
    fills: dict[int, str] = {}
    for index, start in enumerate(plan.group_columns):
        size = len(UNIT_COLUMNS) if index == 0 else len(LAYER_COLUMNS)
        for column in range(start, min(start + size, width + 1)):
            fills[column] = _GROUP_FILL[index % len(_GROUP_FILL)]
    return fills


def _summary_sheet(sheet: Worksheet, report: ScoreReport, plan: SheetPlan, layers: int) -> None:
    score = report.score
    sheet.append([f"Penilaian LKE — {report.unit_name} ({report.year})"])
    sheet.append([f"Katalog: {report.catalogue.title} ({report.catalogue.id})"])
    sheet.append([])
    titles = [str(c.value) for c in plan.rows[1] if c.value]
    sheet.append(["Komponen", *titles, "Maksimum"])
    roots = {r.code: plan.node_rows[r.id] for r in report.catalogue.roots}
    for label, code, maximum in (
        ("Pengungkit", "pengungkit", score.max_pengungkit),
        ("Hasil", "hasil", score.max_hasil),
    ):
        cells = [f"=LKE!{column_letter(start + 1)}{roots[code]}" for start in plan.group_columns]
        sheet.append([label, *cells, maximum])
    first = sheet.max_row - 1
    total = [
        f"=SUM({column_letter(i)}{first}:{column_letter(i)}{first + 1})"
        for i in range(2, 3 + layers)
    ]
    sheet.append(["Total", *total, score.max_total])
    sheet.append([])
    sheet.append(["Area (penilaian mandiri)", "Bagian", "Nilai", "Bobot", "%"])
    for area in score.areas:
        for part in area.parts:
            sheet.append(
                [area.name, part.part.capitalize(), part.value, part.weight, part.share * 100]
            )
        sheet.append([area.name, "Gabungan", area.value, area.weight, area.share * 100])
    for verdict in report.verdicts:
        sheet.append([])
        sheet.append([verdict.name, "Tafsir", "Nilai", "Minimum", "Hasil"])
        for rule in verdict.rules:
            sheet.append(
                [
                    rule.description,
                    rule.reading or "",
                    rule.value,
                    rule.minimum,
                    "Memenuhi" if rule.passed else "Tidak memenuhi",
                ]
            )
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, float) or str(cell.value).startswith("="):
                cell.number_format = _NUMBER
    sheet.column_dimensions["A"].width = 70
    for index in range(2, 4 + layers + 3):
        sheet.column_dimensions[column_letter(index)].width = 16
