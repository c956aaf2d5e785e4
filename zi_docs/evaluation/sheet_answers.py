"""The answers of one column group of a matched LKE sheet, in the ``lke.yaml`` shape.

Each answer is read through the same validation as ``lke.yaml`` (so the same answer is refused
in both places); every problem is placed at its sheet and cell, and notes (hidden rows read, a
Pilihan Jawaban that disagrees with the catalogue, formulas without a stored value, missing
count rows) are kept for the import report. :mod:`.sheet_import` drives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zi_docs.assessment import Answer, AnswerSet, answer_of, parse_value
from zi_docs.catalogue import Catalogue, Node
from zi_docs.evaluation.row_match import SheetRow
from zi_docs.evaluation.sheet_layout import Group, Layout
from zi_docs.evaluation.sheet_read import NO_CACHE, cell_name
from zi_docs.findings import Finding, Severity

_CHOICE_WORDS = {"YT": ("ya", "tidak"), "ABC": ("a", "b", "c"), "ABCD": ("a", "b", "c", "d")}


@dataclass
class AnswerReader:
    """Where the answers are read from, and what was found on the way."""

    layout: Layout
    group: Group
    catalogue: Catalogue
    file: str
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    where: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Question id -> (row, column) its answer was read from."""

    def place(self, row: int, column: int | None) -> str:
        where = f"lembar '{self.layout.grid.name}'"
        return f"{where}, sel {cell_name(row, column)}" if column else f"{where}, baris {row}"

    def fail(self, row: int, column: int | None, message: str, code: str) -> None:
        self.problems.append(
            Finding(message, file=self.file, field=self.place(row, column), code=code)
        )

    def note(self, row: int, column: int | None, message: str, code: str) -> None:
        self.notes.append(
            Finding(
                message,
                Severity.INFO,
                file=self.file,
                field=self.place(row, column),
                code=code,
            )
        )


def read_answers(state: AnswerReader, rows: tuple[SheetRow, ...]) -> dict[str, Any]:
    jawaban: dict[str, Any] = {}
    hasil: dict[str, Any] = {}
    counts: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for sheet_row in rows:
        node = sheet_row.node
        if node is None or not node.is_question:
            continue
        if sheet_row.how == "isian":
            value = _cell(state, sheet_row.row, "jawaban")
            if value not in (None, ""):
                counts.setdefault(node.id, {})[sheet_row.count_key or ""] = (
                    sheet_row.row,
                    value,
                )
            continue
        if node.id in seen:
            state.note(
                sheet_row.row,
                None,
                f"{node.id} sudah dibaca di baris {seen[node.id]}; baris ini dilewati",
                "xlsx-baris-ganda",
            )
            continue
        seen[node.id] = sheet_row.row
        if sheet_row.hidden:
            state.note(
                sheet_row.row,
                None,
                f"baris tersembunyi, tetap dibaca sebagai {node.id}",
                "xlsx-tersembunyi",
            )
        _check_choices(state, sheet_row.row, node)
        state.where[node.id] = (sheet_row.row, state.group.columns["jawaban"])
        entry = _entry(state, sheet_row.row, node)
        if entry is not None:
            (hasil if node.part == "hasil" else jawaban)[node.id] = entry
    for question_id, typed in counts.items():
        node = state.catalogue.node(question_id)
        entry = _counts_entry(state, node, typed, jawaban.get(question_id))
        if entry is not None:
            jawaban[question_id] = entry
    return {"lke": state.catalogue.id, "jawaban": jawaban, "hasil": hasil}


def _cell(state: AnswerReader, row: int, role: str) -> Any:
    column = state.group.columns.get(role) or state.layout.shared.get(role)
    if column is None:
        return None
    value = state.layout.grid.value(row, column)
    if value is NO_CACHE:
        state.note(
            row,
            column,
            "sel berisi rumus tanpa nilai tersimpan (berkas belum dihitung oleh Excel/"
            "LibreOffice); isinya dianggap kosong",
            "xlsx-tanpa-nilai-tersimpan",
        )
        return None
    if isinstance(value, str):
        value = value.strip()
    return value


def _text_list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    return [p.strip() for p in re.split(r"[\n;]+", str(value)) if p.strip()]


def _entry(state: AnswerReader, row: int, node: Node) -> Any:
    raw = _cell(state, row, "jawaban")
    note = _cell(state, row, "catatan")
    evidence = _text_list(_cell(state, row, "bukti")) + _text_list(_cell(state, row, "tautan"))
    column = state.group.columns["jawaban"]
    content: dict[str, Any] = {}
    if raw not in (None, ""):
        if node.answer_type == "PERSEN":
            content = _percent(state, row, column, node, raw)
        else:
            text = str(raw).strip().rstrip(".") if isinstance(raw, str) else raw
            content = {"jawaban": text}
            if node.answer_type and node.answer_type.startswith("INDEKS"):
                content = {"indeks": text}
    if note not in (None, ""):
        content["catatan"] = " ".join(str(note).split())
    if evidence:
        content["bukti"] = evidence
    if not content:
        return None
    if len(content) == 1 and next(iter(content)) in ("jawaban", "indeks"):
        return next(iter(content.values()))  # written bare, as lke.yaml shows it
    return content


def _percent(state: AnswerReader, row: int, column: int, node: Node, raw: Any) -> dict[str, Any]:
    number = raw
    if isinstance(raw, str):
        text = raw.replace("%", "").replace(",", ".").strip()
        try:
            number = float(text)
        except ValueError:
            state.fail(
                row,
                column,
                f"persentase {node.id} harus angka (tertulis '{raw}'); atau isi jumlahnya di "
                "baris-baris isian di bawahnya",
                "xlsx-persen",
            )
            return {}
        if "%" not in raw and number <= 1:
            number *= 100
    elif not isinstance(raw, bool) and isinstance(raw, (int, float)):
        shown_as_percent = (row, column) in state.layout.grid.percent_cells
        number = raw * 100 if shown_as_percent or 0 < raw <= 1 else raw
    return {"persen": round(float(number), 6)}


def _counts_entry(
    state: AnswerReader, node: Node, typed: Mapping[str, Any], current: Any
) -> dict[str, Any] | None:
    column = state.group.columns["jawaban"]
    values: dict[str, Any] = {}
    for key, (row, value) in typed.items():
        number = value
        if isinstance(value, str):
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                number = value
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        values[key] = number
        last_row = row
    needed = sorted(node.formula.names) if node.formula else []
    if any(k not in values for k in needed):
        missing = ", ".join(k for k in needed if k not in values)
        state.note(
            last_row,
            column,
            f"isian {missing} untuk {node.id} tidak ada di lembar; persentase yang diketik "
            "dipakai bila ada",
            "xlsx-isian-kurang",
        )
        return None
    content: dict[str, Any] = {"input": values}
    state.where[node.id] = (last_row, column)
    if isinstance(current, dict):
        content.update({k: v for k, v in current.items() if k in ("catatan", "bukti")})
    return content


def _reporter(state: AnswerReader, row: int, column: int) -> Callable[..., None]:
    def report(message: str, code: str, *_sub: str | int) -> None:
        state.fail(row, column, message, code)

    return report


def answer_set(state: AnswerReader, data: Mapping[str, Any]) -> AnswerSet:
    """Each final entry checked once, as ``lke.yaml`` checks it; problems placed at the cell."""
    answers: dict[str, Answer] = {}
    for section in ("jawaban", "hasil"):
        for qid, raw in data[section].items():
            node = state.catalogue.node(qid)
            value = parse_value(raw, node, state.catalogue, _reporter(state, *state.where[qid]))
            if value is not None:
                answers[qid] = answer_of(node, qid, value)
    return AnswerSet(file=state.file, catalogue_id=state.catalogue.id, answers=answers)


def _check_choices(state: AnswerReader, row: int, node: Node) -> None:
    """A Pilihan Jawaban cell that names other options than the catalogue (``Ya`` for
    ``Ya/Tidak``) is noted; the catalogue's type is what counts."""
    column = state.layout.shared.get("pilihan")
    raw = state.layout.grid.value(row, column) if column else None
    if not isinstance(raw, str) or not raw.strip() or "\n" in raw or len(raw) > 20:
        return
    words = tuple(w for w in re.split(r"[^a-z]+", raw.casefold()) if w)
    expected = _CHOICE_WORDS.get(node.answer_type or "")
    if expected is None and node.answer_type == "ABCDE":
        expected = ("a", "b", "c", "d", "e")
    if expected is None or words == expected or words == ("".join(expected),):
        return
    options = "/".join(state.catalogue.options(node.answer_type or ""))
    state.note(
        row,
        column,
        f"Pilihan Jawaban tertulis '{raw.strip()}', padahal {node.id} berjenis {options} "
        "menurut katalog; jenis katalog yang dipakai",
        "xlsx-pilihan-jawaban",
    )
