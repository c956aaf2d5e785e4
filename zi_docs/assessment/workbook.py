"""The LKE worksheet as .xlsx in the official column layout (the only openpyxl import).

Sheet "LKE": Penilaian | Bobot | Penjelasan | Pilihan Jawaban | Jawaban | Nilai | % | Catatan,
with a row per komponen, bagian, area, sub-komponen and question (numbered and indented as in
the official worksheet), and for percentage items one row per typed count. Nilai of a
question is its value 0..1 (as the official worksheet shows); Nilai of a node is its points;
% is the share of the node's weight, or a percentage item's computed percentage.
Sheet "Ringkasan": pengungkit, hasil, total, areas, and every threshold with pass/fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from zi_docs.assessment.answer_values import index_range
from zi_docs.assessment.report import ScoreReport
from zi_docs.assessment.scoring import NodeScore, QuestionScore
from zi_docs.catalogue import Catalogue, Node
from zi_docs.outputs import output_folder

HEADER = ("Penilaian", "Bobot", "Penjelasan", "Pilihan Jawaban", "Jawaban", "Nilai", "%", "Catatan")
_WIDTHS = (70, 8, 50, 50, 14, 9, 9, 40)
_LEVEL_FILL = {"komponen": "BDD7EE", "bagian": "DDEBF7", "area": "E2EFDA", "sub": "F2F2F2"}
_NUMBER = "0.00"


def write_workbook(report: ScoreReport, path: Path, notes: Mapping[str, str] | None = None) -> Path:
    """Write the worksheet to ``path`` (parent folders created) and return it.

    ``notes``: question id -> extra text appended (on a new line) to that question's Catatan
    cell, e.g. the evidence files listed in the evaluator bundle.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "LKE"
    _lke_sheet(sheet, report, notes or {})
    _summary_sheet(book.create_sheet("Ringkasan"), report)
    output_folder(path.parent)
    book.save(path)
    return path


def _lke_sheet(sheet: Worksheet, report: ScoreReport, notes: Mapping[str, str]) -> None:
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "B2"
    catalogue = report.catalogue
    nodes = {n.id: n for n in report.score.nodes}
    questions = {q.id: q for q in report.score.questions}
    for root in catalogue.roots:
        _rows(sheet, catalogue, root, 0, nodes, questions, notes)


def _rows(
    sheet: Worksheet,
    catalogue: Catalogue,
    node: Node,
    depth: int,
    nodes: dict[str, NodeScore],
    questions: dict[str, QuestionScore],
    notes: Mapping[str, str],
) -> None:
    if node.is_question:
        _question_rows(sheet, catalogue, node, depth, questions[node.id], notes.get(node.id))
        return
    score = nodes[node.id]
    label = f"{node.number}. {node.name}" if node.level != "komponen" else f"{node.id}. {node.name}"
    sheet.append([label, score.weight, None, None, None, score.value, score.share * 100, None])
    row = sheet.max_row
    _style(sheet, row, depth, bold=True, fill=_LEVEL_FILL.get(node.level))
    for child in node.children:
        _rows(sheet, catalogue, child, depth + 1, nodes, questions, notes)


def _question_rows(
    sheet: Worksheet,
    catalogue: Catalogue,
    node: Node,
    depth: int,
    q: QuestionScore,
    extra: str | None,
) -> None:
    label = node.official_label if node.official_label not in (None, "", "-") else ""
    text = f"{label}. {node.name}" if label else node.name
    weight = node.weight
    answer: Any = None
    if q.option is not None:
        answer = q.option
    elif q.index is not None:
        answer = q.index
    elif q.typed_percent is not None:
        answer = f"{q.typed_percent:g}%"
    percent = q.percent if q.answer_type == "PERSEN" and q.answered else None
    sheet.append(
        [
            text,
            weight,
            node.explanation,
            _choices(catalogue, node),
            answer,
            q.value if q.answered else None,
            percent,
            "\n".join(x for x in (q.note, q.source and f"Sumber: {q.source}", extra) if x) or None,
        ]
    )
    _style(sheet, sheet.max_row, depth)
    if q.answer_type == "PERSEN":
        for item in node.inputs:
            count = (q.counts or {}).get(item.key)
            sheet.append([f"- {item.label}", None, None, item.key, count, None, None, None])
            _style(sheet, sheet.max_row, depth + 1)


def _choices(catalogue: Catalogue, node: Node) -> str:
    values = catalogue.option_values.get(node.answer_type or "")
    if values:
        lines = []
        for option, value in values.items():
            criterion = node.criteria.get(option, "")
            lines.append(f"{option} ({value:g}): {criterion}".rstrip(": "))
        return "\n".join(lines)
    if node.answer_type == "PERSEN" and node.formula is not None:
        return f"Persentase = ({node.formula.text}) x 100%"
    low, high = index_range(node, catalogue)
    return f"Indeks {low:g} - {high:g}"


def _style(
    sheet: Worksheet, row: int, depth: int, *, bold: bool = False, fill: str | None = None
) -> None:
    for column, cell in enumerate(sheet[row], start=1):
        cell.alignment = Alignment(
            vertical="top", wrap_text=column in (1, 3, 4, 8), indent=depth if column == 1 else 0
        )
        if column in (2, 6, 7):
            cell.number_format = _NUMBER
        if bold:
            cell.font = Font(bold=True)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def _summary_sheet(sheet: Worksheet, report: ScoreReport) -> None:
    score = report.score
    sheet.append([f"Penilaian mandiri LKE — {report.unit_name} ({report.year})"])
    sheet.append([f"Katalog: {report.catalogue.title} ({report.catalogue.id})"])
    sheet.append([])
    sheet.append(["Komponen", "Nilai", "Maksimum"])
    for label, value, maximum in (
        ("Pengungkit", score.pengungkit, score.max_pengungkit),
        ("Hasil", score.hasil, score.max_hasil),
        ("Total", score.total, score.max_total),
    ):
        sheet.append([label, value, maximum])
    sheet.append([])
    sheet.append(["Area", "Bagian", "Nilai", "Bobot", "%"])
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
            if isinstance(cell.value, float):
                cell.number_format = _NUMBER
    sheet.column_dimensions["A"].width = 70
    for column in "BCDE":
        sheet.column_dimensions[column].width = 14
