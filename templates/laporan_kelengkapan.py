"""Source of the report templates laporan-kelengkapan.docx (``check --docx``) and rekap.docx
(``rekap --docx``). Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``.

Context the template expects (built by zi_docs/submission/docx_report.py):
``unit`` (nama, instansi, tahun, target), ``ringkasan`` (pengungkit, hasil, total, status,
lengkap, pertanyaan), ``areas`` (nama, grafik, baris: bagian, nilai, persen, butir, berbukti,
lengkap, lampu; kurang: list of text), ``temuan`` (kode, tingkat, teks), ``prasyarat``
(batas, sisa, butir: tanda, uraian, unit, syarat), ``tanggal``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.shared import Mm
from docx_build import borders, cell_text, new_document, paragraph, repeat_header, shade


def _table_with_loop(doc, headers, widths_loop_cells, loop):  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=3, cols=len(headers))
    borders(table)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True)
        shade(cell)
    repeat_header(table.rows[0])
    first = table.rows[1].cells
    cell_text(first[0], "{%tr for r in " + loop + " %}")
    cells = table.rows[2].cells
    for cell, text in zip(cells, widths_loop_cells, strict=True):
        cell_text(cell, text)
    row = table.add_row().cells
    cell_text(row[0], "{%tr endfor %}")
    return table


def build_laporan_kelengkapan() -> Any:
    doc = new_document(landscape=False, size=11)
    paragraph(doc, "LAPORAN KELENGKAPAN DATA DUKUNG", bold=True, size=14, align="center")
    paragraph(
        doc, "PEMBANGUNAN ZONA INTEGRITAS MENUJU {{ unit.target }}", bold=True, align="center"
    )
    paragraph(doc, "{{ unit.nama }}", bold=True, align="center")
    paragraph(doc, "{{ unit.instansi }} — Tahun {{ unit.tahun }}", align="center", space_after=12)
    paragraph(doc, "A. Ringkasan", bold=True, space_after=4)
    paragraph(
        doc,
        "Nilai pengungkit {{ ringkasan.pengungkit }}, hasil {{ ringkasan.hasil }}, "
        "total {{ ringkasan.total }}. Pertanyaan dengan data dukung lengkap: "
        "{{ ringkasan.lengkap }} dari {{ ringkasan.pertanyaan }}. Status: "
        "{{ ringkasan.status }}.",
        align="justify",
        space_after=8,
    )
    paragraph(doc, "B. Kelengkapan per area", bold=True, space_after=4)
    paragraph(doc, "{%p for a in areas %}")
    paragraph(doc, "{{ loop.index }}. {{ a.nama }}", bold=True, space_after=2, keep_next=True)
    paragraph(doc, "{{ a.grafik }}", align="center")
    _table_with_loop(
        doc,
        ["Bagian", "Nilai", "% bobot", "Butir", "Berbukti", "Lengkap", "Lampu"],
        [
            "{{ r.bagian }}",
            "{{ r.nilai }}",
            "{{ r.persen }}",
            "{{ r.butir }}",
            "{{ r.berbukti }}",
            "{{ r.lengkap }}",
            "{{ r.lampu }}",
        ],
        "a.baris",
    )
    paragraph(doc, "{%p if a.kurang %}")
    paragraph(doc, "Data dukung wajib yang belum ada:", italic=True, space_after=2)
    paragraph(doc, "{%p for k in a.kurang %}")
    paragraph(doc, "– {{ k }}", indent_mm=4, hanging_mm=4)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "", space_after=6)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "C. Temuan", bold=True, space_after=4)
    _table_with_loop(
        doc,
        ["Tingkat", "Kode", "Uraian"],
        ["{{ r.tingkat }}", "{{ r.kode }}", "{{ r.teks }}"],
        "temuan",
    )
    paragraph(doc, "", space_after=6)
    paragraph(doc, "D. Prasyarat pengajuan", bold=True, space_after=4)
    paragraph(doc, "Batas pengajuan {{ prasyarat.batas }} ({{ prasyarat.sisa }}).", space_after=4)
    _table_with_loop(
        doc,
        ["", "Prasyarat", "Unit", "Syarat"],
        ["{{ r.tanda }}", "{{ r.uraian }}", "{{ r.unit }}", "{{ r.syarat }}"],
        "prasyarat.butir",
    )
    paragraph(doc, "", space_after=6)
    paragraph(doc, "Dibuat dengan zi-docs pada {{ tanggal }}.", italic=True, size=9)
    return doc


def build_rekap() -> Any:
    """``rekap --docx``: one row per unit; the columns depend on the catalogue's areas, so
    the cells are a docxtpl column loop (``kolom`` the heads, ``baris`` one list per unit)."""
    doc = new_document(landscape=True, size=8)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Mm(15)
    paragraph(
        doc,
        "Rekapitulasi Penilaian Mandiri dan Kelengkapan Data Dukung",
        bold=True,
        size=14,
        space_after=6,
    )
    table = doc.add_table(rows=4, cols=3)
    borders(table)
    loop = ("{%tc for k in kolom %}", "{{ k }}", "{%tc endfor %}")
    for cell, text in zip(table.rows[0].cells, loop, strict=True):
        cell_text(cell, text, bold=True)
        shade(cell)
    repeat_header(table.rows[0])
    cell_text(table.rows[1].cells[0], "{%tr for r in baris %}")
    cells = ("{%tc for v in r %}", "{{ v }}", "{%tc endfor %}")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell_text(cell, text)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {
    "laporan-kelengkapan.docx": build_laporan_kelengkapan,
    "rekap.docx": build_rekap,
}
