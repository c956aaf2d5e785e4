"""``rekap --xlsx`` and ``--docx``: the cross-unit table as a workbook or a Word table.

The workbook is written by :mod:`zi_docs.spreadsheet`, the Word table by the documents
engine from the built-in ``rekap.docx`` template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from zi_docs.angka import angka
from zi_docs.documents import render_builtin, tanggal
from zi_docs.spreadsheet import Row, Sheet, write_workbook
from zi_docs.submission.docx_report import dated
from zi_docs.submission.rekap import Rekap, RekapRow
from zi_docs.workspace import Workspace

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


GRID = 120
"""Grid columns of the ``rekap.docx`` table (2.5 mm each: the 300 mm of F4 landscape)."""
GRID_MM = 2.5
CHAR_MM = 1.6
"""Width of one character at 8 pt bold (Arial), with a margin."""
PAD_MM = 2.6
"""Cell margins and border."""


UNSIGNED = {
    "jabatan": "Ketua Tim Penilai",
    "nama": "(....................................................)",
    "nip_baris": "NIP.",
}
"""The signature block when no profile is given: written in by hand."""


def write_docx(
    rekap: Rekap, path: Path, *, kop: Workspace | None = None, today: dt.date | None = None
) -> Path:
    """The rekap as a Word table, signed below the table. ``kop``: the evaluator's own
    workspace (an Inspektorat's profile), whose kop surat heads the rekap, whose ``kota``
    places the date and whose ``pimpinan`` signs; without it the instansi the units share
    heads it and the signer's name is left to be written in."""
    titles = headers(rekap)[:-1]
    texts = [[_text(v) for v in cells(rekap, row)[:-1]] for row in rekap.rows if not row.error]
    spans = column_spans(titles, texts)
    rows = []
    for row in rekap.rows:
        if row.error is None:
            values = [_text(v) for v in cells(rekap, row)[:-1]]
            rows.append([{"teks": t, "span": n} for t, n in zip(values, spans, strict=True)])
        else:  # the unit, then what went wrong across the other columns
            rows.append(
                [{"teks": row.unit, "span": spans[0]}, {"teks": row.error, "span": sum(spans[1:])}]
            )
    head = [{"nama": t, "span": n} for t, n in zip(titles, spans, strict=True)]

    day = tanggal(today or dt.date.today())
    read = [row for row in rekap.rows if row.error is None]
    shared = {row.instansi for row in read}
    places = {row.kota for row in read}
    if kop is not None:
        place = str(kop.profile.data["unit"].get("kota") or "")
    else:
        place = places.pop() if len(places) == 1 else ""

    def build(_image: Callable[[Path | bytes], object]) -> Mapping[str, Any]:
        context: dict[str, Any] = {
            "kolom": head,
            "baris": rows,
            "tanggal": day,
            "tempat_tanggal": dated(place, today or dt.date.today()),
            "kop": kop is not None,
            "instansi": shared.pop() if len(shared) == 1 else "",
        }
        if kop is None:
            context["ttd"] = UNSIGNED
        return context

    return render_builtin(TEMPLATE, build, path, kop=kop)


def column_spans(titles: list[str], rows: list[list[str]]) -> list[int]:
    """Grid columns of each column: enough for its longest word (the bold header's a little
    wider, or a value's); the first (unit) column gets the rest of the grid."""
    spans = []
    for i, title in enumerate(titles):
        values = [w for r in rows if i < len(r) for w in r[i].split()]
        chars = max([len(w) * 1.05 for w in title.split()] + [len(w) for w in values] + [4])
        spans.append(int(-(-(chars * CHAR_MM + PAD_MM) // GRID_MM)))
    spans[0] = max(spans[0], GRID - sum(spans[1:]))
    return spans


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return angka(value)
    return str(value)
