"""Source of the report templates laporan-kelengkapan.docx (``check --docx``) and rekap.docx
(``rekap --docx``). Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``.

Context the template expects (built by zi_docs/submission/docx_report.py):
``unit`` (nama, instansi, tahun, target), ``ringkasan`` (pengungkit, hasil, total, status,
lengkap, pertanyaan), ``areas`` (nama, grafik, baris: bagian, nilai, persen, butir, berbukti,
lengkap, lampu; kurang: list of text), ``temuan`` (kode, tingkat, teks), ``prasyarat``
(batas, sisa, butir: tanda, uraian, unit, syarat), ``tanggal`` (with the place).

rekap.docx: ``kolom``, ``baris``, ``tanggal``, ``tempat_tanggal``, ``kop`` (a profile heads
it: ``unit`` as for the kop surat) or ``instansi``, and ``ttd`` (jabatan, nama, nip_baris).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.shared import Mm, Pt
from docx_build import (
    borders,
    cant_split,
    cell_text,
    closing_row,
    drop_width,
    fixed_grid,
    keep_row_when,
    kop,
    merge,
    new_document,
    page_numbers,
    paragraph,
    repeat_header,
    set_cell_widths,
    shade,
    table_margins,
    valign,
)

TABLE_PT = 10
"""Table text size: the columns fit their longest word in a wide house font (Bookman Old
Style, or DejaVu Sans standing in for it) at this size."""


def _table_with_loop(doc, headers, widths_loop_cells, loop, widths):  # type: ignore[no-untyped-def]
    """A bordered table with a repeated header, one row per item, columns sized for their
    content (``widths`` in mm)."""
    table = doc.add_table(rows=3, cols=len(headers))
    borders(table)
    fixed_grid(table, widths, center=True)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True, size=TABLE_PT)
        shade(cell)
    repeat_header(table.rows[0])
    first = table.rows[1].cells
    cell_text(first[0], "{%tr for r in " + loop + " %}")
    cells = table.rows[2].cells
    for cell, text in zip(cells, widths_loop_cells, strict=True):
        cell_text(cell, text, size=TABLE_PT)
    cant_split(table.rows[2])
    row = table.add_row().cells
    cell_text(row[0], "{%tr endfor %}")
    set_cell_widths(table, widths)
    return table


def _sign_below(table: Any, body: Any, lines: tuple[str, ...], *, indent_mm: float) -> None:
    """The signature block as the table's last, borderless, unsplittable row, the loop's last
    ``body`` row kept with it: the block never stands alone on a page (LibreOffice keeps no
    table with the paragraph after it)."""
    keep_row_when(body, "loop.last")
    cell = closing_row(table)
    cell.paragraphs[0].paragraph_format.space_after = Pt(12)
    for line in lines:
        name = "ttd.nama" in line
        paragraph(
            cell,
            line,
            align="center",
            indent_mm=indent_mm,
            keep_next=True,
            bold=name,
            underline=name,
        )


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
        [31, 25, 18, 17, 25, 24, 20],
    )
    paragraph(doc, "{%p if a.kurang %}")
    paragraph(doc, "Data dukung wajib yang belum ada:", italic=True, space_after=2)
    paragraph(doc, "{%p for k in a.kurang %}")
    paragraph(doc, "– {{ k }}", indent_mm=4, hanging_mm=4)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "", space_after=6)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "C. Temuan", bold=True, space_after=4, keep_next=True)
    _table_with_loop(
        doc,
        ["Tingkat", "Kode", "Uraian"],
        ["{{ r.tingkat }}", "{{ r.kode }}", "{{ r.teks }}"],
        "temuan",
        [20, 42, 98],
    )
    paragraph(doc, "", space_after=6)
    paragraph(doc, "D. Prasyarat pengajuan", bold=True, space_after=4, keep_next=True)
    paragraph(
        doc,
        "Batas pengajuan {{ prasyarat.batas }} ({{ prasyarat.sisa }}).",
        space_after=4,
        keep_next=True,
    )
    gates = _table_with_loop(
        doc,
        ["", "Prasyarat", "Unit", "Syarat"],
        ["{{ r.tanda }}", "{{ r.uraian }}", "{{ r.unit }}", "{{ r.syarat }}"],
        "prasyarat.butir",
        [8, 82, 32, 38],
    )
    _sign_below(
        gates,
        gates.rows[2],
        (
            "{{ tanggal }}",
            "Ketua Tim Kerja Pembangunan Zona Integritas,",
            "",
            "",
            "",
            "",
            "(....................................................)",
            "NIP.",
        ),
        indent_mm=80,
    )
    page_numbers(doc)
    return doc


REKAP_GRID = 120
"""Grid columns of the rekap table; each column spans a share sized for its content
(``span`` in the context, computed by ``zi_docs/submission/rekap_out.py``)."""
REKAP_GRID_MM = 2.5


def _span_row(row: Any, loop: str, text: str, *, bold: bool = False) -> Any:
    """``{%tc for ... %}`` | one cell ``{% colspan x.span %}text`` | ``{%tc endfor %}``."""
    cell_text(row.cells[0], loop, bold=bold)
    middle = merge(row, 1, REKAP_GRID - 2)
    drop_width(middle)
    cell_text(middle, text, bold=bold)
    cell_text(row.cells[REKAP_GRID - 1], "{%tc endfor %}", bold=bold)
    return middle


def build_rekap() -> Any:
    """``rekap --docx``: one row per unit; the columns depend on the catalogue's areas, so
    the cells are a docxtpl column loop (``kolom`` the heads, ``baris`` one list per unit),
    each cell spanning the grid columns its content needs (no word cut in a narrow column)."""
    doc = new_document(landscape=True, size=8)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Mm(15)
    paragraph(doc, "{%p if kop %}")
    kop(doc)
    paragraph(doc, "{%p elif instansi %}")
    paragraph(doc, "{{ instansi }}", bold=True, size=11, space_after=2)
    paragraph(doc, "{%p endif %}")
    paragraph(
        doc,
        "Rekapitulasi Penilaian Mandiri dan Kelengkapan Data Dukung",
        bold=True,
        size=14,
        space_after=2,
    )
    paragraph(doc, "Keadaan per {{ tanggal }}", size=10, space_after=6)
    widths = [REKAP_GRID_MM] * REKAP_GRID
    table = doc.add_table(rows=4, cols=REKAP_GRID)
    fixed_grid(table, widths, center=True)
    borders(table)
    table_margins(table, top=0.5, bottom=0.5, left=1.2, right=1.2)
    head = _span_row(
        table.rows[0], "{%tc for k in kolom %}", "{% colspan k.span %}{{ k.nama }}", bold=True
    )
    shade(head)
    valign(head)
    repeat_header(table.rows[0])
    cell_text(merge(table.rows[1], 0, REKAP_GRID - 1), "{%tr for r in baris %}")
    _span_row(table.rows[2], "{%tc for v in r %}", "{% colspan v.span %}{{ v.teks }}")
    cant_split(table.rows[2])
    cell_text(merge(table.rows[3], 0, REKAP_GRID - 1), "{%tr endfor %}")
    set_cell_widths(table, widths)
    for row in (table.rows[0], table.rows[2]):
        drop_width(row.cells[1])
    _sign_below(
        table,
        table.rows[2],
        (
            "{{ tempat_tanggal }}",
            "{{ ttd.jabatan }},",
            "",
            "",
            "",
            "",
            "{{ ttd.nama }}",
            "{{ ttd.nip_baris }}",
        ),
        indent_mm=190,
    )
    page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {
    "laporan-kelengkapan.docx": build_laporan_kelengkapan,
    "rekap.docx": build_rekap,
}
