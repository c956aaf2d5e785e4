"""Source of the template lhe.docx (Laporan Hasil Evaluasi pembangunan ZI).

Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``. The context comes from
``zi_docs/documents/kinds/lhe.py`` (``unit``, ``pimpinan``, ``tahun``, ``target``, ``lhe``);
every word about the unit or the evaluator comes from the context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import docx_build as b

WIDTH = 160.0
PT = 10.0


def _label_rows(
    doc: object, rows: list[tuple[str, str]], widths: tuple[float, float, float]
) -> None:
    """``Nomor : ...`` rows in a borderless table."""
    table = doc.add_table(rows=len(rows), cols=3)  # type: ignore[attr-defined]
    b.fixed_grid(table, list(widths))
    b.no_borders(table)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        b.cell_text(row.cells[0], label)
        b.cell_text(row.cells[1], ":")
        b.cell_text(row.cells[2], value)
    b.set_cell_widths(table, list(widths))


def _signer(lines_head: list[str], who: str) -> list[str]:
    return [
        *lines_head,
        "",
        "",
        "",
        f"{{{{ {who}.nama }}}}",
        f"{{% if {who}.pangkat_golongan %}}{{{{ {who}.pangkat_golongan }}}}{{% endif %}}",
        f"NIP. {{{{ {who}.nip|nip }}}}",
    ]


def _cover(doc: object) -> None:
    for _ in range(5):
        b.paragraph(doc, "")
    for text, size in (
        ("LAPORAN HASIL EVALUASI", 16),
        ("PEMBANGUNAN ZONA INTEGRITAS", 14),
        ("MENUJU {{ target_panjang|upper }} ({{ target }})", 13),
        ("PADA {{ unit.nama_kapital }}", 13),
        ("TAHUN {{ tahun }}", 13),
    ):
        b.paragraph(doc, text, bold=True, size=size, align="center", space_after=4)
    for _ in range(3):
        b.paragraph(doc, "")
    b.paragraph(doc, "{% if lhe.logo_sampul %}{{ lhe.logo_sampul }}{% endif %}", align="center")
    for _ in range(3):
        b.paragraph(doc, "")
    b.paragraph(doc, "Nomor: {{ lhe.nomor }}", align="center", space_after=2)
    b.paragraph(doc, "Tanggal: {{ lhe.tanggal|tanggal }}", align="center")
    for _ in range(10):
        b.paragraph(doc, "")
    for text in (
        "{{ lhe.penerbit.nama_kapital }}",
        "{{ lhe.penerbit.instansi_kapital }}",
        "{{ lhe.tanggal|bulan }} {{ tahun }}",
    ):
        b.paragraph(doc, text, bold=True, size=13, align="center", space_after=4)


def _letter(doc: object) -> None:
    # each part starts a page with a break before its first line, so a full page before it
    # never leaves an empty page
    first = b.paragraph(
        doc, "{{ lhe.penerbit.instansi_kapital }}", bold=True, size=13, align="center"
    )
    first.paragraph_format.page_break_before = True
    b.paragraph(doc, "{{ lhe.penerbit.nama_kapital }}", bold=True, size=15, align="center")
    b.paragraph(doc, "{{ lhe.penerbit.alamat }}", size=10, align="center")
    b.paragraph(
        doc,
        "{% if lhe.penerbit.kontak %}{{ lhe.penerbit.kontak }}{% endif %}",
        size=9,
        align="center",
        space_after=2,
    )
    rule = b.paragraph(doc, "", size=4)
    b.bottom_border(rule)
    b.paragraph(doc, "{{ lhe.kota }}, {{ lhe.tanggal|tanggal }}", align="right", space_after=8)
    _label_rows(
        doc,
        [
            ("Nomor", "{{ lhe.nomor }}"),
            ("Sifat", "{{ lhe.sifat }}"),
            ("Lampiran", "{{ lhe.lampiran }}"),
            ("Perihal", "{{ lhe.perihal }}"),
        ],
        (25, 4, 91),
    )
    b.paragraph(doc, "", space_after=6)
    b.paragraph(doc, "Yth. {{ lhe.kepada }}", indent_mm=0)
    b.paragraph(doc, "di {{ lhe.di }}", space_after=10)
    body = (
        "Berdasarkan Surat Tugas Nomor {{ lhe.surat_tugas.nomor }} tanggal "
        "{{ lhe.surat_tugas.tanggal|tanggal }}, Tim Penilai Internal telah melakukan evaluasi "
        "pembangunan Zona Integritas menuju {{ target_panjang }} pada {{ unit.nama }} "
        "tahun {{ tahun }}. Bersama ini kami sampaikan Laporan Hasil Evaluasi tersebut."
    )
    b.paragraph(
        doc, body, align="justify", space_after=6
    ).paragraph_format.first_line_indent = b.Mm(10)
    result = (
        "Hasil evaluasi menunjukkan nilai {{ lhe.total_evaluasi }} (penilaian mandiri unit "
        "{{ lhe.total_mandiri }}); unit kerja {{ lhe.simpulan }}. Rincian hasil, catatan per "
        "indikator dan rekomendasi kami sampaikan dalam lampiran surat ini."
    )
    b.paragraph(
        doc, result, align="justify", space_after=6
    ).paragraph_format.first_line_indent = b.Mm(10)
    closing = b.paragraph(
        doc,
        "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
        align="justify",
        space_after=10,
        keep_next=True,
    )
    closing.paragraph_format.first_line_indent = b.Mm(10)
    _signature_right(doc, _signer(["{{ lhe.penandatangan.jabatan }},"], "lhe.penandatangan"))
    b.paragraph(doc, "{%p if lhe.tembusan %}")
    b.paragraph(doc, "Tembusan:", space_after=2)
    b.numbered(doc, "lhe.tembusan")
    b.paragraph(doc, "{%p endif %}")


def _signature_right(doc: object, lines: list[str]) -> None:
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    b.fixed_grid(table, [WIDTH / 2, WIDTH / 2])
    b.no_borders(table)
    b.cant_split(table.rows[0])
    b.cell_text(table.rows[0].cells[1], lines, align="center")
    b.set_cell_widths(table, [WIDTH / 2, WIDTH / 2])
    b.paragraph(doc, "", space_after=6)


def _results(doc: object) -> None:
    """Komponen | Bobot | Penilaian Mandiri | Hasil Evaluasi; komponen and bagian rows bold,
    area rows indented."""
    table = doc.add_table(rows=8, cols=4)  # type: ignore[attr-defined]
    widths = [88.0, 20.0, 26.0, 26.0]
    b.fixed_grid(table, widths, center=True)
    b.borders(table)
    b.table_margins(table, top=0.5, bottom=0.5, left=1.2, right=1.2)
    b.repeat_header(table.rows[0])
    titles = ("Komponen", "Bobot", "Penilaian Mandiri", "Hasil Evaluasi")
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        b.cell_text(cell, title, bold=True, size=PT, align="center")
        b.shade(cell)
        b.valign(cell)
    controls = {
        1: "{%tr for r in lhe.hasil %}",
        2: "{%tr if r.tebal %}",
        4: "{%tr else %}",
        6: "{%tr endif %}",
        7: "{%tr endfor %}",
    }
    for index, text in controls.items():
        b.cell_text(b.merge(table.rows[index], 0, 3), text)
    for index, bold in ((3, True), (5, False)):
        row = table.rows[index]
        b.cant_split(row)
        keys = ("uraian", "bobot", "mandiri", "evaluasi")
        for i, (cell, key) in enumerate(zip(row.cells, keys, strict=True)):
            b.cell_text(
                cell,
                f"{{{{ r.{key} }}}}",
                size=PT,
                bold=bold,
                align="left" if i == 0 else "center",
            )
            if i == 0 and not bold:
                cell.paragraphs[0].paragraph_format.left_indent = b.Mm(4)
            if bold:
                b.shade(cell, "F2F2F2")
    b.set_cell_widths(table, widths)
    b.paragraph(doc, "", space_after=6)


def _body(doc: object) -> None:
    first = b.paragraph(doc, "Lampiran Surat {{ lhe.penerbit.nama }}", size=PT)
    first.paragraph_format.page_break_before = True
    b.paragraph(doc, "Nomor   : {{ lhe.nomor }}", size=PT)
    b.paragraph(doc, "Tanggal : {{ lhe.tanggal|tanggal }}", size=PT, space_after=10)
    b.heading(doc, "LAPORAN HASIL EVALUASI PEMBANGUNAN ZONA INTEGRITAS\n{{ unit.nama_kapital }}")
    b.heading(doc, "BAB I\nPENDAHULUAN")
    b.subheading(doc, "A. Landasan Penugasan")
    b.paragraph(
        doc,
        "Evaluasi dilaksanakan berdasarkan Surat Tugas Nomor {{ lhe.surat_tugas.nomor }} tanggal "
        "{{ lhe.surat_tugas.tanggal|tanggal }} oleh tim berikut.",
        align="justify",
        space_after=6,
    )
    b.loop_table(
        doc,
        [("No", 10), ("Nama", 62), ("NIP", 44), ("Jabatan dalam Tim", 44)],
        ["{{ k.no }}", "{{ k.nama }}", "{{ k.nip|nip }}", "{{ k.peran }}"],
        "lhe.tim",
    )
    for letter, title, key in (
        ("B", "Dasar Hukum", "dasar_hukum"),
        ("C", "Tujuan", "tujuan"),
        ("D", "Sasaran", "sasaran"),
        ("E", "Metodologi", "metodologi"),
        ("F", "Lingkup dan Batasan", "lingkup"),
    ):
        b.subheading(doc, f"{letter}. {title}")
        b.numbered(doc, f"lhe.{key}")
        b.paragraph(doc, "", space_after=4)
    b.heading(doc, "BAB II\nHASIL EVALUASI")
    b.subheading(doc, "A. Nilai Penilaian Mandiri dan Hasil Evaluasi")
    b.paragraph(
        doc,
        "Hasil evaluasi putaran {{ lhe.putaran }} ({{ lhe.tanggal_putaran|tanggal }}, "
        "{{ lhe.penilai }}) dibandingkan dengan penilaian mandiri unit kerja sebagai berikut.",
        align="justify",
        space_after=6,
    )
    _results(doc)
    b.subheading(doc, "B. Pemenuhan Syarat Predikat {{ lhe.predikat.nama }} (Tabel 6)")
    b.loop_table(
        doc,
        [("Syarat", 88), ("Nilai", 22), ("Minimum", 22), ("Status", 28)],
        ["{{ k.uraian }}", "{{ k.nilai }}", "{{ k.minimum }}", "{{ k.status }}"],
        "lhe.predikat.aturan",
    )
    b.paragraph(
        doc,
        "Syarat nilai setiap area pengungkit dibaca dengan dua tafsir: gabungan (Pemenuhan dan "
        "Reform bersama terhadap bobot area) dan terpisah (Pemenuhan dan Reform masing-masing "
        "terhadap bobotnya).",
        align="justify",
        space_after=6,
    )
    b.loop_table(
        doc,
        [("Tafsir", 30), ("Status", 30), ("Rincian", 100)],
        ["{{ k.tafsir|capitalize }}", "{{ k.status }}", "{{ k.rincian }}"],
        "lhe.predikat.tafsir",
    )
    b.subheading(doc, "C. Simpulan")
    b.paragraph(
        doc,
        "Berdasarkan hasil evaluasi tersebut, {{ unit.nama }} {{ lhe.simpulan }}."
        "{% if not lhe.memenuhi %} Unit kerja perlu melakukan perbaikan dan memperoleh "
        "pembinaan kembali sebelum diusulkan.{% endif %}",
        align="justify",
        space_after=10,
    )
    b.heading(doc, "BAB III\nREKOMENDASI")
    b.numbered(doc, "lhe.rekomendasi")
    b.paragraph(doc, "", space_after=4)
    b.paragraph(doc, "{%p if lhe.apresiasi %}")
    b.paragraph(doc, "{{ lhe.apresiasi }}", align="justify", space_after=6, keep_next=True)
    b.paragraph(doc, "{%p endif %}")
    end = b.paragraph(
        doc,
        "Demikian laporan ini disusun untuk dipergunakan sebagaimana mestinya.",
        align="justify",
        space_after=8,
        keep_next=True,
    )
    end.paragraph_format.first_line_indent = b.Mm(10)
    b.paragraph(
        doc,
        "{{ lhe.kota }}, {{ lhe.tanggal|tanggal }}",
        align="right",
        space_after=6,
        keep_next=True,
    )
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    b.fixed_grid(table, [WIDTH / 2, WIDTH / 2])
    b.no_borders(table)
    b.cant_split(table.rows[0])
    b.cell_text(
        table.rows[0].cells[0],
        _signer(["Mengetahui,", "{{ lhe.penandatangan.jabatan }},"], "lhe.penandatangan"),
        align="center",
    )
    b.cell_text(
        table.rows[0].cells[1], _signer(["", "{{ lhe.ketua.peran }},"], "lhe.ketua"), align="center"
    )
    b.set_cell_widths(table, [WIDTH / 2, WIDTH / 2])


def _annex(doc: object) -> None:
    b.heading(doc, "LAMPIRAN\nCATATAN HASIL EVALUASI PER INDIKATOR", new_page=True)
    b.paragraph(doc, "{%p if lhe.catatan %}")
    b.loop_table(
        doc,
        [
            ("No", 9),
            ("Indikator", 49),
            ("Mandiri", 17),
            ("Evaluasi", 19),
            ("Catatan Penilai", 36),
            ("Tanggapan Unit", 30),
        ],
        [
            "{{ k.no }}",
            "{{ k.indikator }}",
            "{{ k.mandiri }}",
            "{{ k.evaluasi }}",
            "{{ k.catatan|join('; ') }}",
            "{{ k.tanggapan|join('; ') }}",
        ],
        "lhe.catatan",
    )
    b.paragraph(doc, "{%p else %}")
    b.paragraph(doc, "Penilai tidak memberikan catatan pada indikator mana pun.")
    b.paragraph(doc, "{%p endif %}")


def build_lhe() -> Any:
    doc = b.new_document(landscape=False)
    _cover(doc)
    _letter(doc)
    _body(doc)
    _annex(doc)
    b.page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {"lhe.docx": build_lhe}
