"""A filled LKE workbook -> answers in the ``lke.yaml`` format, with everything noticed on the way.

``import_workbook`` reads the workbook, picks the LKE sheet and the column group, matches
rows to catalogue ids (:mod:`row_match`), reads each answer through the same validation as
``lke.yaml`` (so the same answer is refused in both places), scores the result, and
compares the sheet's own values with that score (:mod:`sheet_diff`). Every answer the
catalogue does not allow is reported at once with sheet and cell; nothing is returned
half-read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.assessment import AnswerSet, Score, score_answers
from zi_docs.catalogue import Catalogue
from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.row_match import SheetRow, match_rows
from zi_docs.evaluation.sheet_answers import AnswerReader, answer_set, read_answers
from zi_docs.evaluation.sheet_diff import Difference, compare_sheet, summary_differences
from zi_docs.evaluation.sheet_layout import Layout, choose_group, lke_layouts
from zi_docs.evaluation.sheet_read import Book, read_book
from zi_docs.findings import Finding

FINGERPRINT_LABEL = "Sidik"
"""The header cell zi-docs writes its fingerprint after (``Sidik bundel: sha256:...``)."""
_FINGERPRINT = re.compile(r"sidik\s*([^:]*):\s*(sha256:[0-9a-f]{16,64})", re.IGNORECASE)


@dataclass(frozen=True)
class SheetImport:
    """What one workbook gave."""

    file: str
    sheet: str
    group: str
    """Title of the column group that was read."""
    groups: tuple[str, ...]
    """Every column group the sheet has."""
    data: dict[str, Any]
    """The answers in the ``lke.yaml`` shape (``lke``, ``jawaban``, ``hasil``)."""
    answers: AnswerSet
    score: Score
    rows: tuple[SheetRow, ...]
    differences: tuple[Difference, ...]
    notes: tuple[Finding, ...]
    """Things worth knowing that did not stop the import (hidden rows read, a Pilihan Jawaban
    that disagrees with the catalogue, formulas without a stored value...)."""
    fingerprint: str | None = None
    """The ``Sidik`` a workbook written by zi-docs carries in its header (``sha256:...``)."""
    fingerprint_of: str | None = None
    """What the fingerprint covers: ``jawaban`` (``score --xlsx``) or ``bundel`` (export)."""
    answered: int = 0

    @property
    def unmatched(self) -> tuple[SheetRow, ...]:
        return tuple(r for r in self.rows if r.how == "tidak-cocok")

    @property
    def text_only(self) -> tuple[SheetRow, ...]:
        return tuple(r for r in self.rows if r.how in ("teks", "posisi-teks-beda"))


def import_workbook(
    path: Path,
    catalogue: Catalogue,
    *,
    display: str | None = None,
    column: str | None = None,
    layer: str | None = None,
) -> SheetImport:
    """Read the answers of one column group of a filled LKE workbook."""
    book = read_book(path, display=display)
    return import_book(book, catalogue, column=column, layer=layer)


def import_book(
    book: Book, catalogue: Catalogue, *, column: str | None = None, layer: str | None = None
) -> SheetImport:
    layouts = lke_layouts(book)
    if not layouts:
        names = ", ".join(f"'{g.name}'" for g in book.grids)
        raise InvalidInputError(
            f"{book.file}: tidak ada lembar LKE yang dikenali",
            [
                Finding(
                    f"tidak ada lembar ({names}) yang memiliki baris judul kolom dengan "
                    "'Jawaban' serta 'Bobot' atau 'Nilai' dalam 25 baris pertama",
                    file=book.file,
                    code="xlsx-tanpa-lembar-lke",
                )
            ],
            hint="pastikan kertas kerja memakai judul kolom LKE (Penilaian | Bobot | "
            "Penjelasan | Pilihan Jawaban | Jawaban | Nilai | % | Catatan)",
        )
    layout = layouts[0]
    group = choose_group(layout, column, layer)
    if group is None:
        available = "; ".join(f"'{g.title}' (kolom '{g.header}')" for g in layout.groups)
        asked = f"kolom '{column}'" if column else f"kelompok kolom untuk lapis '{layer}'"
        raise InvalidInputError(
            f"{book.file}: {asked} tidak ada di lembar '{layout.grid.name}'",
            [
                Finding(
                    f"kelompok kolom yang ada: {available}",
                    file=book.file,
                    field=f"lembar '{layout.grid.name}', baris {layout.header_row}",
                    code="xlsx-tanpa-kelompok",
                )
            ],
            hint='pilih salah satunya dengan --kolom "JUDUL KOLOM"',
        )
    state = AnswerReader(layout, group, catalogue, book.file)
    rows = tuple(match_rows(layout, catalogue))
    data = read_answers(state, rows)
    answers = answer_set(state, data)
    if state.problems:
        raise InvalidInputError(
            f"{book.file} memuat {len(state.problems)} isian yang tidak sah; tidak ada yang "
            "ditulis",
            state.problems,
            hint="perbaiki sel-sel di atas di kertas kerja lalu impor lagi",
        )
    score = score_answers(catalogue, answers)
    differences = compare_sheet(layout, group, rows, catalogue, score, state.notes, book.file)
    if group is layout.groups[0]:  # summary sheets sum up the unit's own columns
        others = [g for g in book.grids if g is not layout.grid]
        differences += summary_differences(others, catalogue, score, book.file)
    return SheetImport(
        file=book.file,
        sheet=layout.grid.name,
        group=group.title,
        groups=tuple(g.title for g in layout.groups),
        data=data,
        answers=answers,
        score=score,
        rows=rows,
        differences=tuple(differences),
        notes=tuple(state.notes),
        fingerprint=_fingerprint(layout)[1],
        fingerprint_of=_fingerprint(layout)[0],
        answered=sum(a.answered for a in answers.answers.values()),
    )


def _fingerprint(layout: Layout) -> tuple[str | None, str | None]:
    """(what it covers, ``sha256:...``) of the header's fingerprint, if any."""
    for text in layout.title_cells:
        found = _FINGERPRINT.search(text)
        if found:
            return found.group(1).strip().casefold() or None, found.group(2)
    return None, None
