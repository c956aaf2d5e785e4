"""The layered LKE sheet as plain data: every cell's value or formula, its style, the merges.

Columns: Penilaian | Bobot | Penjelasan | Pilihan Jawaban, then the unit's group Jawaban |
Nilai | % | Catatan | Daftar Bukti Dukung (filled), then one empty Jawaban | Nilai | % |
Catatan group per evaluator layer. Row 1 holds the title and the fingerprint (``Sidik``)
that ties a returned workbook to what was evaluated; row 2 the group titles; row 3 the
column headers. Every Nilai and % cell is a formula over its own group's Jawaban cells, so
the sheet recomputes as an evaluator types: option values and the percentage formulas come
from the catalogue, a sub-komponen is its weight x the mean of its questions (unanswered
counts as zero, as in zi-docs), every higher row is the sum of its children.

The writer (:mod:`zi_docs.assessment.workbook`) only turns this plan into a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zi_docs.assessment.answer_values import index_range
from zi_docs.assessment.report import ScoreReport
from zi_docs.catalogue import Catalogue, Node

SHARED = ("Penilaian", "Bobot", "Penjelasan", "Pilihan Jawaban")
UNIT_COLUMNS = ("Jawaban", "Nilai", "%", "Catatan", "Daftar Bukti Dukung")
LAYER_COLUMNS = ("Jawaban", "Nilai", "%", "Catatan")
HEADER_ROW = 3
UNIT_TITLE = "Penilaian Mandiri (Unit)"


@dataclass(frozen=True)
class Cell:
    value: Any
    style: str = ""
    """``head``, ``komponen``/``bagian``/``area``/``sub`` (a node row), ``question``, ``count``."""
    depth: int = 0


@dataclass
class SheetPlan:
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(row, first column, row, last column)."""
    group_columns: list[int] = field(default_factory=list)
    """First column of each group (the unit's first)."""
    node_rows: dict[str, int] = field(default_factory=dict)
    """Node or question id -> its row."""


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _fmt(value: float) -> str:
    return repr(round(value, 10))


def plan_sheet(
    report: ScoreReport,
    *,
    layers: Sequence[str] = (),
    notes: Mapping[str, str] | None = None,
    evidence: Mapping[str, Sequence[str]] | None = None,
    fingerprint: str | None = None,
) -> SheetPlan:
    """The layered sheet of ``report`` with one empty group per title in ``layers``."""
    plan = SheetPlan()
    catalogue = report.catalogue
    width = len(SHARED) + len(UNIT_COLUMNS) + len(LAYER_COLUMNS) * len(layers)
    plan.group_columns = [len(SHARED) + 1] + [
        len(SHARED) + len(UNIT_COLUMNS) + 1 + i * len(LAYER_COLUMNS) for i in range(len(layers))
    ]
    who = f"lapis {report.layer}" if report.layer else "penilaian mandiri"
    title = f"Kertas kerja LKE ({who}) — {report.unit_name} ({report.year}) · {catalogue.id}"
    first = [Cell(title, "title")] + [Cell(None)] * (width - 1)
    if fingerprint:
        first[plan.group_columns[0] - 1] = Cell(fingerprint, "title")
    plan.rows.append(first)
    groups = [Cell(None, "head")] * len(SHARED)
    own = f"Lapis {report.layer}" if report.layer else UNIT_TITLE
    for index, name in enumerate([own, *layers]):
        size = len(UNIT_COLUMNS) if index == 0 else len(LAYER_COLUMNS)
        groups += [Cell(name, "head")] + [Cell(None, "head")] * (size - 1)
        start = plan.group_columns[index]
        plan.merges.append((2, start, 2, start + size - 1))
    plan.rows.append(groups)
    plan.rows.append(
        [Cell(h, "head") for h in SHARED]
        + [Cell(h, "head") for h in UNIT_COLUMNS]
        + [Cell(h, "head") for _ in layers for h in LAYER_COLUMNS]
    )
    _Rows(plan, report, notes or {}, evidence or {}, width).run()
    return plan


class _Rows:
    def __init__(
        self,
        plan: SheetPlan,
        report: ScoreReport,
        notes: Mapping[str, str],
        evidence: Mapping[str, Sequence[str]],
        width: int,
    ) -> None:
        self.plan, self.report, self.notes, self.evidence = plan, report, notes, evidence
        self.catalogue: Catalogue = report.catalogue
        self.width = width
        self.questions = {q.id: q for q in report.score.questions}
        self.count_rows: dict[str, dict[str, int]] = {}

    def run(self) -> None:
        for root in self.catalogue.roots:
            self._lay_out(root, 0)
        for root in self.catalogue.roots:
            self._formulas(root)

    # first pass: rows and the unit's typed content; formulas once every row is known
    def _row(self) -> int:
        self.plan.rows.append([Cell(None)] * self.width)
        return len(self.plan.rows)

    def _set(self, row: int, column: int, value: Any, style: str = "", depth: int = 0) -> None:
        self.plan.rows[row - 1][column - 1] = Cell(value, style, depth)

    def _lay_out(self, node: Node, depth: int) -> None:
        row = self._row()
        self.plan.node_rows[node.id] = row
        if not node.is_question:
            label = f"{node.number}. {node.name}"
            style = node.level
            self._style_row(row, style, depth, label, node.weight)
            for child in node.children:
                self._lay_out(child, depth + 1)
            return
        printed = node.official_label if node.official_label not in (None, "") else ""
        text = f"{printed}. {node.name}" if printed and printed != "-" else f"- {node.name}"
        self._style_row(row, "question", depth, text, node.weight)
        self._set(row, 3, _explanation(node), "question")
        self._set(row, 4, _choices(self.catalogue, node), "question")
        q = self.questions[node.id]
        unit = self.plan.group_columns[0]
        answer: Any = q.option if q.option is not None else q.index
        if q.typed_percent is not None:
            answer = q.typed_percent
        self._set(row, unit, answer, "question")
        source = q.source and f"Sumber: {q.source}"
        note = "\n".join(x for x in (q.note, source, self.notes.get(node.id)) if x) or None
        self._set(row, unit + 3, note, "question")
        names = list(self.evidence.get(node.id, ()))
        self._set(row, unit + 4, "\n".join(names) or None, "question")
        if node.answer_type == "PERSEN":
            rows: dict[str, int] = {}
            for item in node.inputs:
                count_row = self._row()
                rows[item.key] = count_row
                self._style_row(count_row, "count", depth + 1, f"- {item.label}", None)
                self._set(count_row, 4, item.key, "count")
                self._set(count_row, unit, (q.counts or {}).get(item.key), "count")
            self.count_rows[node.id] = rows

    def _style_row(
        self, row: int, style: str, depth: int, label: str, weight: float | None
    ) -> None:
        for column in range(1, self.width + 1):
            self._set(row, column, None, style, depth)
        self._set(row, 1, label, style, depth)
        self._set(row, 2, weight, style, depth)

    def _formulas(self, node: Node) -> None:
        row = self.plan.node_rows[node.id]
        style = "question" if node.is_question else node.level
        for start in self.plan.group_columns:
            answer, value = column_letter(start), column_letter(start + 1)
            if node.is_question:
                formula = self._question_formula(node, answer, row)
                percent = f'=IF({value}{row}="","",{value}{row}*100)'
            else:
                formula = self._node_formula(node, value, row)
                percent = f'=IF(N(B{row})=0,"",N({value}{row})/B{row}*100)'
            self._set(row, start + 1, formula, style)
            self._set(row, start + 2, percent, style)
        for child in node.children:
            self._formulas(child)

    def _question_formula(self, node: Node, answer: str, row: int) -> str:
        cell = f"{answer}{row}"
        kind = node.answer_type or ""
        values = self.catalogue.option_values.get(kind)
        if values:
            chain = '""'
            for option, number in reversed(list(values.items())):
                chain = f'IF({cell}="{option}",{_fmt(number)},{chain})'
            return f'=IF({cell}="","",{chain})'
        if kind == "PERSEN" and node.formula is not None:
            refs = self.count_rows.get(node.id, {})
            names = sorted(node.formula.names, key=len, reverse=True)
            expr = node.formula.text
            for name in names:
                expr = re.sub(rf"\b{re.escape(name)}\b", f"{answer}{refs[name]}", expr)
            needed = ",".join(f"{answer}{refs[n]}" for n in sorted(node.formula.names))
            zero = '""' if node.zero_denominator is None else _fmt(node.zero_denominator / 100)
            typed = f'IF(ISNUMBER({cell}),MIN(1,MAX(0,{cell}/100)),"")'
            counted = f"IFERROR(MIN(1,MAX(0,{expr})),{zero})"
            return f"=IF(COUNT({needed})={len(node.formula.names)},{counted},{typed})"
        _low, high = index_range(node, self.catalogue)
        return f'=IF(ISNUMBER({cell}),MIN(1,MAX(0,{cell}/{_fmt(high)})),"")'

    def _node_formula(self, node: Node, value: str, row: int) -> str:
        rows = [self.plan.node_rows[c.id] for c in node.children]
        if node.children and node.children[0].is_question:
            if all(c.weight is None for c in node.children):
                terms = "+".join(f"N({value}{r})" for r in rows)
                return f"=B{row}*({terms})/{len(rows)}"
            return "=" + "+".join(f"N({value}{r})*B{r}" for r in rows)
        return "=SUM(" + ",".join(f"{value}{r}" for r in rows) + ")"


def _explanation(node: Node) -> str | None:
    """The Penjelasan cell: the catalogue's penjelasan, then the data dukung it expects
    (``(wajib)``: needed at minimum for the top answer)."""
    evidence = [f"- {c.description}{' (wajib)' if c.required else ''}" for c in node.checklist]
    parts = [node.explanation or "", "Data dukung:\n" + "\n".join(evidence) if evidence else ""]
    return "\n".join(p for p in parts if p) or None


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
