"""Write the built-in templates sop.docx, rencana-kerja.docx and laporan-monev.docx.

Run from the repository root:  /work/venv/bin/python tools/build_templates_flow.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import docx_build as b  # noqa: E402
from docx.shared import Mm  # noqa: E402

from zi_docs.documents import sop_table as g  # noqa: E402

OUT = ROOT / "templates"
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
            "{{ sop.disahkan.nama }}",
            "{% if sop.disahkan.pangkat_golongan %}{{ sop.disahkan.pangkat_golongan }}{% endif %}",
            "NIP. {{ sop.disahkan.nip|nip }}",
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


def _sop_flow(doc: object) -> None:
    lanes = g.GRID_LANES
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
    b.cell_text(
        names, "{% colspan p.span %}{{ p.nama }}", bold=True, size=SMALL, align="center", pad_pt=pad
    )
    b.cell_text(head2.cells[last_lane], "{%tc endfor %}", size=SMALL)
    for offset, text in enumerate(("Kelengkapan", "Waktu", "Output")):
        b.cell_text(
            head2.cells[mutu + offset], text, bold=True, size=SMALL, align="center", pad_pt=pad
        )
    for row in (head1, head2):
        for cell in row.cells:
            b.shade(cell)
            b.valign(cell, "center")
    # the step rows
    b.cell_text(b.merge(loop_open, 0, ncol - 1), "{%tr for baris in sop.baris %}")
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


def build_sop() -> Path:
    doc = b.new_document(landscape=True)
    tile_style = b.style_font(doc, "Ubin Alur", size=1)
    tile_style.paragraph_format.line_spacing = 1.0
    _sop_identity(doc)
    b.page_break(doc)
    _sop_flow(doc)
    b.paragraph(doc, "", size=1)
    path = OUT / "sop.docx"
    doc.save(str(path))
    return path


# ---- shared pieces -----------------------------------------------------------------------------
def _signature(doc: object, lines_before: list[str], *, left: list[str] | None = None) -> None:
    """A borderless two-column block; the head of unit signs on the right."""
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    widths = [123.5, 123.5]
    b.fixed_grid(table, widths, center=True)
    b.no_borders(table)
    right = [
        *lines_before,
        "{{ pimpinan.jabatan_lengkap }},",
        "",
        "",
        "",
        "{{ pimpinan.nama }}",
        "{% if pimpinan.pangkat_golongan %}{{ pimpinan.pangkat_golongan }}{% endif %}",
        "NIP. {{ pimpinan.nip|nip }}",
    ]
    b.cell_text(table.rows[0].cells[1], right, align="center")
    b.cell_text(table.rows[0].cells[0], left or [""], align="center")
    b.set_cell_widths(table, widths)


# ---- Rencana Kerja -----------------------------------------------------------------------------
RK_PT = 8.0
RK_COLUMNS = [
    ("No", "{{ k.no }}", 7.0),
    ("Area", "{% vm %}{{ a.nama }}", 18.0),
    ("Indikator LKE", "{{ k.indikator }}", 30.0),
    ("Kegiatan", "{{ k.kegiatan }}", 36.0),
    ("Output/Target", "{{ k.output }}", 25.0),
    ("Indikator Keberhasilan", "{{ k.indikator_keberhasilan }}", 25.0),
    ("Jadwal", "", 48.0),
    ("Penanggung Jawab", "{{ k.penanggung_jawab }}", 18.0),
    ("Anggaran (Rp)", "{% if k.anggaran %}{{ k.anggaran|ribuan }}{% else %}-{% endif %}", 20.0),
    ("Data Dukung yang Dihasilkan", "{{ k.data_dukung }}", 20.0),
]


def build_rencana_kerja() -> Path:
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
    b.set_cell_widths(table, widths)
    b.drop_width(label)
    b.drop_width(slot)
    b.paragraph(doc, "", space_after=6)
    _signature(doc, ["Ditetapkan di {{ unit.kota }}", "pada tanggal {{ rk.tanggal|tanggal }}"])
    path = OUT / "rencana-kerja.docx"
    doc.save(str(path))
    return path


# ---- Laporan Monev -----------------------------------------------------------------------------
MV_WIDTH = 160.0
MV_PT = 9.0


def _heading(doc: object, text: str) -> None:
    b.paragraph(doc, text, bold=True, align="center", space_after=6, keep_next=True)


def _sub(doc: object, text: str) -> None:
    b.paragraph(doc, text, bold=True, space_after=3, keep_next=True)


def _numbered(doc: object, key: str) -> None:
    b.paragraph(doc, f"{{%p for x in {key} %}}")
    b.paragraph(doc, "{{ loop.index }}.\t{{ x }}", hanging_mm=7, space_after=2, align="justify")
    b.paragraph(doc, "{%p endfor %}")


def _paragraphs(doc: object, key: str) -> None:
    b.paragraph(doc, f"{{%p for x in {key} %}}")
    b.paragraph(
        doc, "{{ x }}", space_after=6, align="justify"
    ).paragraph_format.first_line_indent = Mm(10)
    b.paragraph(doc, "{%p endfor %}")


def _simple_table(
    doc: object,
    headers: list[tuple[str, float]],
    cells: list[str],
    loop: str,
    *,
    group: tuple[str, str] | None = None,
) -> None:
    """Header row, optional group row (``{%tr for g in ... %}`` + title), then item rows."""
    widths = [w for _h, w in headers]
    rows = 4 + (3 if group else 0)
    table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    b.fixed_grid(table, widths, center=True)
    b.borders(table)
    b.table_margins(table, top=0.5, bottom=0.5, left=1.2, right=1.2)
    head = table.rows[0]
    b.repeat_header(head)
    for cell, (title, _w) in zip(head.cells, headers, strict=True):
        b.cell_text(cell, title, bold=True, size=MV_PT, align="center")
        b.shade(cell)
        b.valign(cell)
    index = 1
    if group:
        b.cell_text(b.merge(table.rows[1], 0, len(widths) - 1), f"{{%tr for g in {group[0]} %}}")
        title = b.merge(table.rows[2], 0, len(widths) - 1)
        b.cell_text(title, group[1], bold=True, size=MV_PT)
        b.shade(title, "F2F2F2")
        index = 3
    b.cell_text(b.merge(table.rows[index], 0, len(widths) - 1), f"{{%tr for k in {loop} %}}")
    body = table.rows[index + 1]
    b.cant_split(body)
    for cell, text in zip(body.cells, cells, strict=True):
        b.cell_text(cell, text, size=MV_PT, align="center" if text.endswith("no }}") else "left")
    b.cell_text(b.merge(table.rows[index + 2], 0, len(widths) - 1), "{%tr endfor %}")
    if group:
        b.cell_text(b.merge(table.rows[index + 3], 0, len(widths) - 1), "{%tr endfor %}")
    b.set_cell_widths(table, widths)
    b.paragraph(doc, "", space_after=6)


def build_laporan_monev() -> Path:
    doc = b.new_document(landscape=False)
    # cover
    for _ in range(4):
        b.paragraph(doc, "")
    for text, size in (
        ("LAPORAN MONITORING DAN EVALUASI", 16),
        ("PEMBANGUNAN ZONA INTEGRITAS", 14),
        ("MENUJU {{ target_panjang|upper }} ({{ target }})", 14),
        ("TRIWULAN {{ monev.triwulan_romawi }} TAHUN {{ tahun }}", 14),
    ):
        b.paragraph(doc, text, bold=True, size=size, align="center", space_after=4)
    for _ in range(4):
        b.paragraph(doc, "")
    b.paragraph(doc, "{% if unit.logo %}{{ unit.logo }}{% endif %}", align="center")
    for _ in range(6):
        b.paragraph(doc, "")
    for text in ("{{ unit.nama_kapital }}", "{{ unit.instansi_kapital }}", "{{ tahun }}"):
        b.paragraph(doc, text, bold=True, size=14, align="center", space_after=4)
    b.page_break(doc)
    # I
    _heading(doc, "BAB I\nPENDAHULUAN")
    _sub(doc, "A. Latar Belakang")
    _paragraphs(doc, "monev.latar_belakang")
    _sub(doc, "B. Dasar Hukum")
    _numbered(doc, "monev.dasar_hukum")
    _sub(doc, "C. Tujuan")
    _numbered(doc, "monev.tujuan")
    _sub(doc, "D. Periode Pelaporan")
    b.paragraph(
        doc,
        "Laporan ini mencakup pelaksanaan rencana kerja pembangunan Zona Integritas "
        "{{ unit.nama }} periode {{ monev.periode }} (Triwulan "
        "{{ monev.triwulan_romawi }}).",
        space_after=10,
        align="justify",
    )
    # II
    _heading(doc, "BAB II\nPELAKSANAAN RENCANA KERJA")
    b.paragraph(
        doc,
        "Perbandingan rencana dan realisasi setiap kegiatan sampai dengan akhir "
        "Triwulan {{ monev.triwulan_romawi }} disajikan per area perubahan berikut. "
        "Target adalah persentase jadwal kegiatan yang telah jatuh tempo.",
        space_after=6,
        align="justify",
    )
    _simple_table(
        doc,
        [
            ("No", 8),
            ("Kegiatan", 42),
            ("Output/Target", 30),
            ("Target (%)", 16),
            ("Realisasi (%)", 17),
            ("Capaian dan Data Dukung", 47),
        ],
        [
            "{{ k.no }}",
            "{{ k.kegiatan }}",
            "{{ k.output }}",
            "{{ k.target }}",
            "{{ k.realisasi }} ({{ k.status }})",
            "{{ k.capaian }}\nData dukung: {{ k.data_dukung }}",
        ],
        "g.kegiatan",
        group=("monev.area", "{{ g.nama }}"),
    )
    _sub(doc, "Rekapitulasi progres per area")
    _simple_table(
        doc,
        [("Area", 70), ("Jumlah Kegiatan", 30), ("Target (%)", 30), ("Realisasi (%)", 30)],
        ["{{ k.nama }}", "{{ k.jumlah }}", "{{ k.target }}", "{{ k.realisasi }}"],
        "monev.progres_area",
    )
    b.paragraph(doc, "{{ monev.grafik_progres }}", align="center")
    b.paragraph(
        doc,
        "Gambar 1. Progres pelaksanaan rencana kerja per area",
        italic=True,
        align="center",
        space_after=10,
        size=10,
    )
    # III
    _heading(doc, "BAB III\nCAPAIAN PENILAIAN MANDIRI")
    b.paragraph(
        doc,
        "{% if monev.capaian.ada %}Berdasarkan penilaian mandiri LKE "
        "({{ monev.capaian.berkas }}), nilai total unit kerja adalah "
        "{{ monev.capaian.total|angka }} (pengungkit {{ monev.capaian.pengungkit|angka }}"
        ", hasil {{ monev.capaian.hasil|angka }}). Terhadap syarat predikat "
        "{{ monev.capaian.predikat }}, unit kerja {% if monev.capaian.memenuhi %}telah "
        "memenuhi{% else %}belum memenuhi{% endif %} seluruh batas nilai. Nilai per area "
        "pengungkit dibandingkan dengan batas minimalnya sebagai berikut.{% else %}"
        "Penilaian mandiri LKE belum diisi, sehingga capaian belum dapat disajikan."
        "{% endif %}",
        space_after=6,
        align="justify",
    )
    b.paragraph(doc, "{%p if monev.capaian.ada %}")
    _simple_table(
        doc,
        [
            ("Area", 62),
            ("Bobot", 17),
            ("Nilai", 17),
            ("Batas Minimal", 24),
            ("% Bobot", 18),
            ("Memenuhi", 22),
        ],
        [
            "{{ k.nama }}",
            "{{ k.bobot|angka }}",
            "{{ k.nilai|angka }}",
            "{{ k.minimum|angka }}",
            "{{ k.persen }}",
            "{{ k.memenuhi }}",
        ],
        "monev.capaian.area",
    )
    b.paragraph(doc, "{{ monev.capaian.grafik }}", align="center")
    b.paragraph(
        doc,
        "Gambar 2. Nilai per area pengungkit terhadap batas minimal",
        italic=True,
        align="center",
        space_after=10,
        size=10,
    )
    b.paragraph(doc, "{%p endif %}")
    # IV
    _heading(doc, "BAB IV\nKENDALA")
    _numbered(doc, "monev.kendala")
    # V
    _heading(doc, "BAB V\nREKOMENDASI DAN TINDAK LANJUT")
    _sub(doc, "A. Tindak Lanjut Rekomendasi Periode Sebelumnya")
    b.paragraph(doc, "{%p if monev.tindak_lanjut %}")
    _simple_table(
        doc,
        [
            ("No", 8),
            ("Rekomendasi", 52),
            ("PIC", 28),
            ("Batas Waktu", 24),
            ("Status", 18),
            ("Keterangan", 30),
        ],
        [
            "{{ loop.index }}",
            "{{ k.rekomendasi }}",
            "{{ k.pic }}",
            "{{ k.batas_waktu|tanggal }}",
            "{{ k.status }}",
            "{{ k.keterangan }}",
        ],
        "monev.tindak_lanjut",
    )
    b.paragraph(doc, "{%p else %}")
    b.paragraph(doc, "Tidak ada rekomendasi dari periode sebelumnya.", space_after=6)
    b.paragraph(doc, "{%p endif %}")
    _sub(doc, "B. Rekomendasi Periode Ini")
    _simple_table(
        doc,
        [("No", 8), ("Rekomendasi", 84), ("PIC", 40), ("Batas Waktu", 28)],
        ["{{ loop.index }}", "{{ k.uraian }}", "{{ k.pic }}", "{{ k.batas_waktu|tanggal }}"],
        "monev.rekomendasi",
    )
    # VI
    _heading(doc, "BAB VI\nPENUTUP")
    _paragraphs(doc, "monev.penutup")
    b.paragraph(doc, "{{ unit.kota }}, {{ monev.tanggal|tanggal }}", align="right", space_after=6)
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    b.fixed_grid(table, [MV_WIDTH / 2, MV_WIDTH / 2], center=True)
    b.no_borders(table)
    b.cell_text(
        table.rows[0].cells[0],
        [
            "Mengetahui,",
            "{{ pimpinan.jabatan_lengkap }},",
            "",
            "",
            "",
            "{{ pimpinan.nama }}",
            "{% if pimpinan.pangkat_golongan %}{{ pimpinan.pangkat_golongan }}{% endif %}",
            "NIP. {{ pimpinan.nip|nip }}",
        ],
        align="center",
    )
    b.cell_text(
        table.rows[0].cells[1],
        [
            "",
            "Ketua Tim Kerja Pembangunan Zona Integritas,",
            "",
            "",
            "",
            "{{ monev.ketua_tim.nama }}",
            "{% if monev.ketua_tim.pangkat_golongan %}{{ monev.ketua_tim.pangkat_golongan }}"
            "{% endif %}",
            "NIP. {{ monev.ketua_tim.nip|nip }}",
        ],
        align="center",
    )
    b.set_cell_widths(table, [MV_WIDTH / 2, MV_WIDTH / 2])
    path = OUT / "laporan-monev.docx"
    doc.save(str(path))
    return path


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for builder in (build_sop, build_rencana_kerja, build_laporan_monev):
        print(builder().relative_to(ROOT))


if __name__ == "__main__":
    main()
