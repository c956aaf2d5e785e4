"""The LKE worksheet as .xlsx in the official column layout (written by :mod:`zi_docs.spreadsheet`).

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

from zi_docs.assessment.answer_values import index_range
from zi_docs.assessment.report import ScoreReport
from zi_docs.assessment.scoring import NodeScore, QuestionScore
from zi_docs.catalogue import Catalogue, Node
from zi_docs.spreadsheet import Row, Sheet
from zi_docs.spreadsheet import write_workbook as write_sheets

HEADER = ("Penilaian", "Bobot", "Penjelasan", "Pilihan Jawaban", "Jawaban", "Nilai", "%", "Catatan")
_WIDTHS = (70, 8, 50, 50, 14, 9, 9, 40)
_BANDED = ("komponen", "bagian", "area", "sub")


def write_workbook(report: ScoreReport, path: Path, notes: Mapping[str, str] | None = None) -> Path:
    """Write the worksheet to ``path`` (parent folders created) and return it.

    ``notes``: question id -> extra text appended (on a new line) to that question's Catatan
    cell, e.g. the evidence files listed in the evaluator bundle.
    """
    return write_sheets(path, [_lke_sheet(report, notes or {}), _summary_sheet(report)])


def _lke_sheet(report: ScoreReport, notes: Mapping[str, str]) -> Sheet:
    catalogue = report.catalogue
    nodes = {n.id: n for n in report.score.nodes}
    questions = {q.id: q for q in report.score.questions}
    rows: list[Row] = []
    for root in catalogue.roots:
        _rows(rows, catalogue, root, 0, nodes, questions, notes)
    return Sheet(
        title="LKE",
        header=HEADER,
        rows=rows,
        widths={chr(ord("A") + i): width for i, width in enumerate(_WIDTHS)},
        freeze="B2",
        aligned=True,
        wrap=frozenset({1, 3, 4, 8}),
        number_columns=frozenset({2, 6, 7}),
    )


def _rows(
    rows: list[Row],
    catalogue: Catalogue,
    node: Node,
    depth: int,
    nodes: dict[str, NodeScore],
    questions: dict[str, QuestionScore],
    notes: Mapping[str, str],
) -> None:
    if node.is_question:
        rows.extend(_question_rows(catalogue, node, depth, questions[node.id], notes.get(node.id)))
        return
    score = nodes[node.id]
    label = f"{node.number}. {node.name}" if node.level != "komponen" else f"{node.id}. {node.name}"
    values = [label, score.weight, None, None, None, score.value, score.share * 100, None]
    band = node.level if node.level in _BANDED else None
    rows.append(Row(values, indent=depth, bold=True, band=band))
    for child in node.children:
        _rows(rows, catalogue, child, depth + 1, nodes, questions, notes)


def _question_rows(
    catalogue: Catalogue, node: Node, depth: int, q: QuestionScore, extra: str | None
) -> list[Row]:
    label = node.official_label if node.official_label not in (None, "", "-") else ""
    text = f"{label}. {node.name}" if label else node.name
    answer: Any = None
    if q.option is not None:
        answer = q.option
    elif q.index is not None:
        answer = q.index
    elif q.typed_percent is not None:
        answer = f"{q.typed_percent:g}%"
    percent = q.percent if q.answer_type == "PERSEN" and q.answered else None
    values = [
        text,
        node.weight,
        node.explanation,
        _choices(catalogue, node),
        answer,
        q.value if q.answered else None,
        percent,
        "\n".join(x for x in (q.note, q.source and f"Sumber: {q.source}", extra) if x) or None,
    ]
    rows = [Row(values, indent=depth)]
    if q.answer_type == "PERSEN":
        for item in node.inputs:
            count = (q.counts or {}).get(item.key)
            values = [f"- {item.label}", None, None, item.key, count, None, None, None]
            rows.append(Row(values, indent=depth + 1))
    return rows


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


def _summary_sheet(report: ScoreReport) -> Sheet:
    score = report.score
    rows: list[list[object]] = [
        [f"Penilaian mandiri LKE — {report.unit_name} ({report.year})"],
        [f"Katalog: {report.catalogue.title} ({report.catalogue.id})"],
        [],
        ["Komponen", "Nilai", "Maksimum"],
    ]
    for label, value, maximum in (
        ("Pengungkit", score.pengungkit, score.max_pengungkit),
        ("Hasil", score.hasil, score.max_hasil),
        ("Total", score.total, score.max_total),
    ):
        rows.append([label, value, maximum])
    rows.append([])
    rows.append(["Area", "Bagian", "Nilai", "Bobot", "%"])
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
    return Sheet(
        title="Ringkasan",
        rows=[Row(values) for values in rows],
        widths={"A": 70, **dict.fromkeys("BCDE", 14)},
    )
