"""Source of the templates sop.docx and rencana-kerja.docx (tables sized by the engine's
``sop_table`` geometry). Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import docx_build as b

from zi_docs.documents import sop_lanes as lanes_plan
from zi_docs.documents import sop_table as g

SMALL = g.FONT_PT
ID_PT = 10.0
LIST_PT = 9.5


# ---- SOP ---------------------------------------------------------------------------------------
def _sop_identity(doc: object) -> None:
    half = sum(g.COLUMNS_MM.values()) / 2
    left, label = 95.0, 40.0
    widths = [left, half - left, label - (half - left), sum(g.COLUMNS_MM.values()) - left - label]
    table = doc.add_table(rows=12, cols=4)  # type: ignore[attr-defined]
    b.fixed_grid(table, widths, center=True)
    b.borders(table)
    b.table_margins(table, top=0.5, bottom=0.5, left=1.5, right=1.5)
    rows = table.rows
    logo = rows[0].cells[0].merge(rows[5].cells[0])
    b.valign(logo, "center")
    b.cell_text(
        logo,
        [
            "{% if unit.logo %}{{ unit.logo }}{% endif %}",
            "",
            "{{ unit.instansi_kapital }}",
            "{{ unit.nama_kapital }}",
            "{% if sop.bidang %}{{ sop.bidang|upper }}{% endif %}",
        ],
        bold=True,
        align="center",
        size=ID_PT,
    )
    labels = [
        "Nomor SOP",
        "Tanggal Pembuatan",
        "Tanggal Revisi",
        "Tanggal Efektif",
        "Disahkan oleh",
        "Nama SOP",
    ]
    values = [
        "{{ sop.nomor }}",
        "{{ sop.tanggal_pembuatan|tanggal }}",
        "{% if sop.tanggal_revisi %}{{ sop.tanggal_revisi|tanggal }}{% else %}-{% endif %}",
        "{{ sop.tanggal_efektif|tanggal }}",
    ]
    for i, text in enumerate(labels):
        cell = b.merge(rows[i], 1, 2)
        b.cell_text(cell, text, size=ID_PT)
        b.valign(cell, "center")
        if i < len(values):
            b.cell_text(rows[i].cells[3], values[i], size=ID_PT)
            b.valign(rows[i].cells[3], "center")
    b.cell_text(
        rows[4].cells[3],
        [
            "{{ sop.disahkan.jabatan }}",
            "",
            "",
            "{{ sop.disahkan.nama|nama_utuh }}",
            "{% if sop.disahkan.pangkat_golongan %}{{ sop.disahkan.pangkat_golongan }}{% endif %}",
            "{{ sop.disahkan.nip_baris }}",
        ],
        align="center",
        size=ID_PT,
    )
    b.cell_text(rows[5].cells[3], "{{ sop.nama|upper }}", bold=True, size=ID_PT)
    pairs = [
        ("Dasar Hukum:", "dasar_hukum", "Kualifikasi Pelaksana:", "kualifikasi_pelaksana"),
        ("Keterkaitan:", "keterkaitan", "Peralatan/Perlengkapan:", "peralatan"),
        ("Peringatan:", "peringatan", "Pencatatan dan Pendataan:", "pencatatan"),
    ]
    for k, (title_a, key_a, title_b, key_b) in enumerate(pairs):
        head, body = rows[6 + 2 * k], rows[7 + 2 * k]
        for (start, end), title, key in (((0, 1), title_a, key_a), ((2, 3), title_b, key_b)):
            top = b.merge(head, start, end)
            b.cell_text(top, title, bold=True, size=ID_PT)
            b.shade(top)
            cell = b.merge(body, start, end)
            b.cell_text(
                cell,
                [f"{{%p for x in sop.{key} %}}", "{{ loop.index }}.\t{{ x }}", "{%p endfor %}"],
                hanging_mm=6,
                size=LIST_PT,
            )
    b.set_cell_widths(table, widths)
    # single line spacing: the identity page holds on one A4 page even in a wide font
    for cell in table._cells:
        for p in cell.paragraphs:
            p.paragraph_format.line_spacing = 1.0


def _sop_flow(doc: object) -> None:
    lanes = lanes_plan.GRID_LANES
    widths = (
        [g.COLUMNS_MM["no"], g.COLUMNS_MM["kegiatan"]]
        + [g.COLUMNS_MM["pelaksana"] / lanes] * lanes
        + [g.COLUMNS_MM[k] for k in ("kelengkapan", "waktu", "output", "keterangan")]
    )
    ncol = len(widths)
    table = doc.add_table(rows=5, cols=ncol)  # type: ignore[attr-defined]
    b.fixed_grid(table, widths, center=True)
    b.borders(table)
    # LibreOffice ignores a zero top/bottom tcMar on the tile cells, so the table has none
    # and text cells get their padding from paragraph spacing instead
    b.table_margins(table, top=0, bottom=0, left=g.CELL_MARGIN_MM, right=g.CELL_MARGIN_MM)
    pad = g.CELL_MARGIN_V_MM * 72 / 25.4
    head1, head2, loop_open, body, loop_close = table.rows
    first_lane, last_lane = 2, 2 + lanes - 1
    mutu = last_lane + 1
    for row in (head1, head2):
        b.repeat_header(row)
        b.cant_split(row)
    # header row 1
    for col, text in ((0, "No"), (1, "Kegiatan")):
        cell = head1.cells[col].merge(head2.cells[col])
        b.cell_text(cell, text, bold=True, size=SMALL, align="center", pad_pt=pad)
    ket = head1.cells[ncol - 1].merge(head2.cells[ncol - 1])
    b.cell_text(ket, "Keterangan", bold=True, size=SMALL, align="center", pad_pt=pad)
    pel = b.merge(head1, first_lane, last_lane)
    b.cell_text(pel, "Pelaksana", bold=True, size=SMALL, align="center", pad_pt=pad)
    mb = b.merge(head1, mutu, mutu + 2)
    b.cell_text(mb, "Mutu Baku", bold=True, size=SMALL, align="center", pad_pt=pad)
    # header row 2: one cell per pelaksana
    b.cell_text(head2.cells[first_lane], "{%tc for p in sop.pelaksana %}", size=SMALL)
    names = b.merge(head2, first_lane + 1, last_lane - 1)
    b.drop_width(names)
    # the name at the size sop_lanes chose for it (one run per size, only one prints)
    sizes = lanes_plan.SIZES_PT
    b.cell_text(names, "{% colspan p.span %}", bold=True, size=sizes[0], align="center", pad_pt=pad)
    for size in sizes:
        run = names.paragraphs[0].add_run(
            f"{{% if p.ukuran == {size} %}}{{{{ p.nama }}}}{{% endif %}}"
        )
        run.bold = True
        run.font.size = b.Pt(size)
    m = lanes_plan.NAME_MARGIN_MM
    b.cell_margins(names, left=m, right=m)
    b.cell_text(head2.cells[last_lane], "{%tc endfor %}", size=SMALL)
    for offset, text in enumerate(("Persyaratan/ Kelengkapan", "Waktu", "Output")):
        b.cell_text(
            head2.cells[mutu + offset], text, bold=True, size=SMALL, align="center", pad_pt=pad
        )
    for row in (head1, head2):
        for cell in row.cells:
            b.shade(cell)
            b.valign(cell, "center")
    # the step rows
    b.cell_text(b.merge(loop_open, 0, ncol - 1), "{%tr for baris in hal.baris %}")
    b.cell_text(b.merge(loop_close, 0, ncol - 1), "{%tr endfor %}")
    b.cant_split(body)
    b.cell_text(body.cells[0], "{{ baris.no }}", size=SMALL, align="center", pad_pt=pad)
    b.cell_text(body.cells[1], "{{ baris.kegiatan }}", size=SMALL, pad_pt=pad)
    b.cell_text(body.cells[first_lane], "{%tc for ubin in baris.tiles %}", size=SMALL)
    tile = b.merge(body, first_lane + 1, last_lane - 1)
    b.drop_width(tile)
    b.cell_margins(tile)
    b.valign(tile, "top")
    tile.paragraphs[0].style = doc.styles["Ubin Alur"]  # type: ignore[attr-defined]
    b.cell_text(tile, "{% colspan ubin.span %}{{ ubin.gambar }}")
    b.cell_text(body.cells[last_lane], "{%tc endfor %}", size=SMALL)
    for offset, key in enumerate(("kelengkapan", "waktu", "output", "keterangan")):
        b.cell_text(body.cells[mutu + offset], f"{{{{ baris.{key} }}}}", size=SMALL, pad_pt=pad)
    for cell in body.cells:
        if cell is not tile:
            b.valign(cell, "top")
    b.set_cell_widths(table, widths)
    b.drop_width(names)
    b.drop_width(tile)


def build_sop() -> Any:
    doc = b.new_document(landscape=True)
    tile_style = b.style_font(doc, "Ubin Alur", size=1)
    tile_style.paragraph_format.line_spacing = 1.0
    _sop_identity(doc)
    # one flowchart table per page (zi-docs decides the breaks, see sop_pages); each starts
    # with a 1 pt paragraph breaking before it, so a full page never leaves an empty one
    b.paragraph(doc, "{%p for hal in sop.halaman %}")
    start = b.paragraph(doc)
    start.style = doc.styles["Ubin Alur"]
    start.paragraph_format.page_break_before = True
    _sop_flow(doc)
    b.paragraph(doc, "{%p endfor %}")
    b.paragraph(doc, "", size=1)
    b.page_numbers(doc)
    return doc


# ---- shared pieces -----------------------------------------------------------------------------
# ---- Rencana Kerja -----------------------------------------------------------------------------
RK_PT = 7.5
RK_COLUMNS = [
    ("No", "{{ k.no }}", 7.0),
    ("Area", "{{ a.nama }}", 22.0),
    ("Indikator LKE", "{{ k.indikator }}", 29.0),
    ("Kegiatan", "{{ k.kegiatan }}", 28.0),
    ("Output/Target", "{{ k.output }}", 23.0),
    ("Indikator Keberhasilan", "{{ k.indikator_keberhasilan }}", 25.0),
    ("Jadwal", "", 48.0),
    ("Penanggung Jawab", "{{ k.penanggung_jawab }}", 21.0),
    ("Anggaran (Rp)", "{% if k.anggaran %}{{ k.anggaran|ribuan }}{% else %}-{% endif %}", 20.0),
    ("Data Dukung yang Dihasilkan", "{{ k.data_dukung }}", 24.0),
]


def build_rencana_kerja() -> Any:
    doc = b.new_document(landscape=True)
    for text in (
        "RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "MENUJU {{ target_panjang|upper }} ({{ target }})",
        "{{ unit.nama_kapital }}",
        "{{ unit.instansi_kapital }}",
        "TAHUN {{ tahun }}",
    ):
        b.paragraph(doc, text, bold=True, align="center")
    b.paragraph(
        doc, "{% if rk.nomor %}Nomor: {{ rk.nomor }}{% endif %}", align="center", space_after=8
    )
    months = 12
    widths: list[float] = []
    for _title, _body, width in RK_COLUMNS:
        widths.extend([width / months] * months if _title == "Jadwal" else [width])
    ncol = len(widths)
    jadwal = 6  # grid index of the first schedule column
    last = jadwal + months - 1
    table = doc.add_table(rows=8, cols=ncol)  # type: ignore[attr-defined]
    b.fixed_grid(table, widths, center=True)
    b.borders(table)
    b.table_margins(table, top=0.5, bottom=0.5, left=1.0, right=1.0)
    head1, head2, area_open, item_open, body, item_close, area_close, total = table.rows
    b.min_height(head1, 7)
    b.min_height(head2, 7)
    for row in (head1, head2):
        b.repeat_header(row)
        b.cant_split(row)
    col = 0
    for title, text, _width in RK_COLUMNS:
        if title == "Jadwal":
            cell = b.merge(head1, jadwal, last)
            b.cell_text(
                cell,
                "Jadwal ({% if rk.triwulan %}triwulan{% else %}bulan ke-{% endif %})",
                bold=True,
                size=RK_PT,
                align="center",
            )
            col = last + 1
            continue
        cell = head1.cells[col].merge(head2.cells[col])
        b.cell_text(cell, title, bold=True, size=RK_PT, align="center")
        b.cell_text(
            body.cells[col],
            text,
            size=RK_PT,
            align="center" if title == "No" else "right" if "Anggaran" in title else "left",
        )
        col += 1
    b.cell_text(head2.cells[jadwal], "{%tc for j in rk.judul_jadwal %}", size=RK_PT)
    label = b.merge(head2, jadwal + 1, last - 1)
    b.cell_text(
        label, "{% colspan j.span %}{{ j.nama }}", bold=True, size=RK_PT - 1, align="center"
    )
    b.cell_margins(label)
    b.cell_text(head2.cells[last], "{%tc endfor %}", size=RK_PT)
    for row in (head1, head2):
        for cell in row.cells:
            b.shade(cell)
            b.valign(cell, "center")
    b.cell_text(b.merge(area_open, 0, ncol - 1), "{%tr for a in rk.area %}")
    b.cell_text(b.merge(item_open, 0, ncol - 1), "{%tr for k in a.kegiatan %}")
    b.cell_text(b.merge(item_close, 0, ncol - 1), "{%tr endfor %}")
    b.cell_text(b.merge(area_close, 0, ncol - 1), "{%tr endfor %}")
    b.cell_text(body.cells[jadwal], "{%tc for j in k.jadwal %}", size=RK_PT)
    slot = b.merge(body, jadwal + 1, last - 1)
    b.cell_text(slot, "{% colspan j.span %}{% cellbg j.warna %}", size=RK_PT)
    b.cell_margins(slot)
    b.cell_text(body.cells[last], "{%tc endfor %}", size=RK_PT)
    b.cant_split(body)
    for cell in body.cells:
        b.valign(cell, "top")
    budget = last + 2
    label_cell = b.merge(total, 0, budget - 1)
    b.cell_text(
        label_cell,
        "Jumlah anggaran ({{ rk.jumlah_kegiatan }} kegiatan)",
        bold=True,
        size=RK_PT,
        align="right",
    )
    b.cell_text(
        total.cells[budget], "{{ rk.total_anggaran|ribuan }}", bold=True, size=RK_PT, align="right"
    )
    b.keep_row_with_next(total)
    closing = b.closing_row(table)
    b.set_cell_widths(table, widths)
    b.drop_width(label)
    b.drop_width(slot)
    # the last kegiatan stays with the total, and the total with the signature block
    b.keep_row_when(body, "loop.last and a == rk.area|last")
    b.signature_block(
        closing,
        "{{ ttd.jabatan }}",
        "{{ ttd.nama }}",
        ("{{ ttd.pangkat_golongan }}", "{{ ttd.nip_baris }}"),
        head=("Ditetapkan di {{ unit.kota }}", "pada tanggal {{ rk.tanggal|tanggal }}"),
        left=150,
    )
    b.page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {
    "sop.docx": build_sop,
    "rencana-kerja.docx": build_rencana_kerja,
}
