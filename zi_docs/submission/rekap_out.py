"""``rekap --xlsx`` and ``--docx``: the cross-unit table as a workbook or a Word table.

The workbook is written by :mod:`zi_docs.spreadsheet`, the Word table by the documents
engine from the built-in ``rekap.docx`` template.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from zi_docs.angka import angka
from zi_docs.documents import render_builtin
from zi_docs.spreadsheet import Row, Sheet, write_workbook
from zi_docs.submission.rekap import Rekap, RekapRow

TEMPLATE = "rekap.docx"


def headers(rekap: Rekap) -> list[str]:
    areas = [f"{code} nilai" for code in rekap.area_codes]
    done = [f"{code} lengkap %" for code in rekap.area_codes]
    return [
        "Unit kerja",
        "Tahun",
        *areas,
        "Pengungkit",
        "Total",
        "Menuju WBK",
        *done,
        "Kelengkapan %",
        "Temuan merah",
        "Keterangan",
    ]


def cells(rekap: Rekap, row: RekapRow) -> list[object]:
    if row.error is not None:
        blank: list[object] = [None] * (len(headers(rekap)) - 2)
        return [row.unit, None, *blank[:-1], row.error]
    values = {code: (value, done) for code, value, done in row.areas}
    verdict = "memenuhi" if row.wbk else "belum memenuhi"
    return [
        row.unit,
        row.year,
        *(round(values.get(c, (0.0, 0.0))[0], 2) for c in rekap.area_codes),
        round(row.pengungkit, 2),
        round(row.total, 2),
        verdict,
        *(round(values.get(c, (0.0, 0.0))[1], 1) for c in rekap.area_codes),
        round(row.completeness, 1),
        row.red,
        str(row.folder),
    ]


def write_xlsx(rekap: Rekap, path: Path) -> Path:
    sheet = Sheet(
        title="Rekap",
        header=headers(rekap),
        header_band="kepala",
        rows=[Row(cells(rekap, row)) for row in rekap.rows],
        widths={"A": 48},
        freeze="B2",
        number_columns=frozenset(),
    )
    return write_workbook(path, [sheet])


def write_docx(rekap: Rekap, path: Path) -> Path:
    titles = headers(rekap)[:-1]
    rows = []
    for row in rekap.rows:
        values = cells(rekap, row)[:-1] if row.error is None else [row.unit, row.error]
        texts = [_text(value) for value in values]
        rows.append(texts + [""] * (len(titles) - len(texts)))

    def build(_image: Callable[[Path | bytes], object]) -> Mapping[str, Any]:
        return {"kolom": titles, "baris": rows}

    return render_builtin(TEMPLATE, build, path)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return angka(value)
    return str(value)
