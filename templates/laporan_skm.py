"""Source of the template laporan-skm.docx (Laporan Survei Kepuasan Masyarakat).

Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``. The chapter, list and
table pieces are the report pieces of ``tools/docx_build.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx_build as b

sys.path.insert(0, str(Path(__file__).resolve().parent))

from laporan_monev import MV_WIDTH


def _text(doc: object, text: str, *, keep: bool = False) -> None:
    b.paragraph(doc, text, space_after=6, align="justify", keep_next=keep)


def _caption(doc: object, text: str) -> None:
    b.paragraph(doc, text, italic=True, align="center", space_after=10, size=10)


def _optional(doc: object, test: str, build: object, otherwise: str) -> None:
    """``{%p if test %}`` what ``build(doc)`` writes ``{%p else %}`` a sentence ``{%p endif %}``."""
    b.paragraph(doc, f"{{%p if {test} %}}")
    build(doc)  # type: ignore[operator]
    b.paragraph(doc, "{%p else %}")
    _text(doc, otherwise)
    b.paragraph(doc, "{%p endif %}")


def _bab(doc: object, title: str) -> None:
    """A chapter starts on a new page."""
    b.heading(doc, title, new_page=True)


def _bab_1(doc: object) -> None:
    b.heading(doc, "BAB I\nPENDAHULUAN", new_page=True)
    b.subheading(doc, "A. Latar Belakang")
    b.paragraphs(doc, "skm.latar_belakang")
    b.subheading(doc, "B. Dasar Hukum")
    b.numbered(doc, "skm.dasar_hukum")
    b.subheading(doc, "C. Tujuan")
    b.numbered(doc, "skm.tujuan")


def _sample_table(doc: object) -> None:
    b.loop_table(
        doc,
        [("Populasi", 35), ("Sampel Minimal", 35), ("Responden", 35), ("Keterangan", 55)],
        [
            "{{ k.populasi }}",
            "{{ k.minimal }} (baris populasi {{ k.baris_tabel }})",
            "{{ k.responden }}",
            "{{ k.status }}",
        ],
        "[skm.sampel]",
    )
    b.paragraph(doc, "Sumber tabel: {{ skm.sampel.sumber }}.", size=9, space_after=8)


def _bab_2(doc: object) -> None:
    _bab(doc, "BAB II\nMETODE DAN SAMPEL")
    b.subheading(doc, "A. Metode Survei dan Pengolahan Data")
    b.paragraphs(doc, "skm.metode")
    b.subheading(doc, "B. Responden dan Sampel")
    _text(doc, "Jumlah responden yang dihitung adalah {{ skm.responden }} orang.")
    _optional(
        doc,
        "skm.sampel.ada",
        _sample_table,
        "Jumlah populasi tidak disebutkan, sehingga kecukupan sampel tidak dibandingkan "
        "dengan tabel sampel.",
    )


def _groups_table(doc: object, loop: str, first: str) -> None:
    b.loop_table(
        doc,
        [(first, 62), ("Responden", 24), ("IKM", 22), ("Mutu", 18), ("Kinerja", 34)],
        ["{{ k.nama }}", "{{ k.responden }}", "{{ k.ikm }}", "{{ k.mutu }}", "{{ k.kinerja }}"],
        loop,
    )


def _profile_table(doc: object) -> None:
    b.loop_table(
        doc,
        [("Karakteristik", 90), ("Jumlah", 35), ("Persen (%)", 35)],
        ["{{ k.nilai }}", "{{ k.jumlah }}", "{{ k.persen }}"],
        "g.baris",
        group=("skm.profil", "{{ g.judul }}"),
        whole_groups=True,
    )


def _bab_3(doc: object) -> None:
    _bab(doc, "BAB III\nHASIL SURVEI")
    b.subheading(doc, "A. Nilai per Unsur Pelayanan")
    _text(
        doc,
        "Nilai rata-rata (NRR) setiap unsur, NRR tertimbang (bobot {{ skm.ikm.bobot }}, "
        "{{ skm.ikm.bobot_nama }}) dan nilai konversinya disajikan berikut.",
        keep=True,
    )
    b.loop_table(
        doc,
        [
            ("No", 9),
            ("Unsur Pelayanan", 46),
            ("n", 12),
            ("Jumlah Nilai", 18),
            ("NRR", 17),
            ("NRR Tertimbang", 24),
            ("Nilai Konversi", 19),
            ("Mutu", 15),
        ],
        [
            "{{ k.no }}",
            "{{ k.kode }} {{ k.nama }}",
            "{{ k.n }}",
            "{{ k.jumlah }}",
            "{{ k.nrr }}",
            "{{ k.tertimbang }}",
            "{{ k.konversi }}",
            "{{ k.mutu }}",
        ],
        "skm.unsur",
    )
    b.paragraph(doc, "{{ skm.grafik_unsur }}", align="center", keep_next=True)
    _caption(doc, "Gambar 1. Nilai konversi per unsur pelayanan dan mutunya")
    b.subheading(doc, "B. Sebaran Jawaban per Unsur")
    b.loop_table(
        doc,
        [
            ("Unsur", 60),
            ("Nilai 1 (%)", 25),
            ("Nilai 2 (%)", 25),
            ("Nilai 3 (%)", 25),
            ("Nilai 4 (%)", 25),
        ],
        [
            "{{ k.kode }} {{ k.nama }}",
            "{{ k.sebaran[0] }}",
            "{{ k.sebaran[1] }}",
            "{{ k.sebaran[2] }}",
            "{{ k.sebaran[3] }}",
        ],
        "skm.unsur",
    )
    b.paragraph(doc, "{{ skm.grafik_sebaran }}", align="center", keep_next=True)
    _caption(doc, "Gambar 2. Sebaran jawaban responden per unsur")
    b.subheading(doc, "C. Indeks Kepuasan Masyarakat dan Mutu Pelayanan")
    _text(
        doc,
        "Jumlah NRR tertimbang seluruh unsur adalah {{ skm.ikm.indeks }}; dikalikan nilai dasar "
        "25, Indeks Kepuasan Masyarakat (IKM) {{ unit.nama }} adalah {{ skm.ikm.nilai }} dengan "
        "mutu pelayanan {{ skm.ikm.mutu }} ({{ skm.ikm.kinerja }}), menurut tabel nilai "
        "persepsi Peraturan Menteri PANRB Nomor 14 Tahun 2017 berikut.",
        keep=True,
    )
    b.loop_table(
        doc,
        [
            ("Nilai Persepsi", 26),
            ("Nilai Interval (NI)", 40),
            ("Nilai Interval Konversi (NIK)", 44),
            ("Mutu", 18),
            ("Kinerja", 32),
        ],
        ["{{ k.persepsi }}", "{{ k.ni }}", "{{ k.nik }}", "{{ k.mutu }}", "{{ k.kinerja }}"],
        "skm.interval",
    )
    b.subheading(doc, "D. IKM per Jenis Layanan")
    _optional(
        doc,
        "skm.layanan",
        lambda d: _groups_table(d, "skm.layanan", "Jenis Layanan"),
        "Berkas survei tidak memuat kolom jenis layanan, sehingga IKM hanya disajikan untuk "
        "seluruh layanan.",
    )
    b.subheading(doc, "E. IKM per Periode")
    _optional(
        doc,
        "skm.per_periode",
        lambda d: _groups_table(d, "skm.per_periode", "Periode"),
        "Berkas survei tidak memuat waktu pengisian, sehingga IKM tidak dirinci per periode.",
    )
    b.subheading(doc, "F. Profil Responden")
    _optional(
        doc,
        "skm.profil",
        _profile_table,
        "Berkas survei tidak memuat karakteristik responden.",
    )


def _quadrant(doc: object) -> None:
    b.loop_table(
        doc,
        [
            ("Unsur", 54),
            ("Kinerja", 22),
            ("Kepentingan", 26),
            ("Kesesuaian (%)", 26),
            ("Kuadran", 32),
        ],
        [
            "{{ k.kode }} {{ k.nama }}",
            "{{ k.kinerja }}",
            "{{ k.kepentingan }}",
            "{{ k.kesesuaian }}",
            "{{ k.kuadran }} ({{ k.nama_kuadran }})",
        ],
        "skm.kuadran",
    )
    b.paragraph(doc, "{{ skm.grafik_kuadran }}", align="center", keep_next=True)
    _caption(doc, "Gambar 3. Kuadran kepentingan dan kinerja per unsur")


def _bab_4(doc: object) -> None:
    _bab(doc, "BAB IV\nANALISIS DAN RENCANA TINDAK LANJUT")
    b.subheading(doc, "A. Unsur dengan Nilai Terendah")
    _text(doc, "Unsur pelayanan dengan NRR terendah adalah:", keep=True)
    b.paragraph(doc, "{%p for u in skm.terendah %}")
    b.paragraph(
        doc,
        "{{ loop.index }}.\t{{ u.kode }} {{ u.nama }}: NRR {{ u.nrr }} (mutu {{ u.mutu }})",
        hanging_mm=7,
        space_after=2,
    )
    b.paragraph(doc, "{%p endfor %}")
    b.subheading(doc, "B. Kepentingan dan Kinerja")
    _optional(
        doc,
        "skm.kuadran",
        _quadrant,
        "Kuesioner tidak menanyakan tingkat kepentingan, sehingga analisis kuadran "
        "kepentingan-kinerja tidak dilakukan.",
    )
    b.subheading(doc, "C. Rencana Tindak Lanjut")
    b.loop_table(
        doc,
        [
            ("No", 9),
            ("Unsur", 38),
            ("Rencana Perbaikan", 63),
            ("Penanggung Jawab", 27),
            ("Waktu", 23),
        ],
        ["{{ loop.index }}", "{{ k.unsur }}", "{{ k.kegiatan }}", "{{ k.pic }}", "{{ k.waktu }}"],
        "skm.tindak_lanjut",
    )


def _signature_table(
    doc: object, titles: tuple[list[str], list[str]], names: tuple[list[str], list[str]]
) -> None:
    """Titles, room to sign, names: one row each so both names stand on the same line; every
    paragraph keeps with the next so the block never breaks across pages."""
    half = [MV_WIDTH / 2, MV_WIDTH / 2]
    table = doc.add_table(rows=3, cols=2)  # type: ignore[attr-defined]
    b.fixed_grid(table, half, center=True)
    b.no_borders(table)
    for row in table.rows:
        b.cant_split(row)
    b.min_height(table.rows[1], 22)
    for col in (0, 1):
        b.cell_text(table.rows[0].cells[col], titles[col] or [""], align="center")
        b.valign(table.rows[0].cells[col], "bottom")
        b.cell_text(table.rows[2].cells[col], names[col] or [""], align="center")
    for row in table.rows[:2]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    b.set_cell_widths(table, half)


def _signatures(doc: object) -> None:
    b.paragraph(
        doc,
        "{{ unit.kota }}, {{ skm.tanggal|tanggal }}",
        align="right",
        space_after=6,
        keep_next=True,
    )
    head_title, head_name = b.HEAD_SIGNATURE[0], list(b.HEAD_SIGNATURE[4:])
    chair_name = [
        "{{ skm.ketua_tim.nama }}",
        "{% if skm.ketua_tim.pangkat_golongan %}{{ skm.ketua_tim.pangkat_golongan }}{% endif %}",
        "NIP. {{ skm.ketua_tim.nip|nip }}",
    ]
    b.paragraph(doc, "{%p if skm.ada_ketua %}")
    _signature_table(
        doc,
        (["Mengetahui,", head_title], ["", "Ketua Tim Survei Kepuasan Masyarakat,"]),
        (head_name, chair_name),
    )
    b.paragraph(doc, "{%p else %}")
    _signature_table(doc, ([], [head_title]), ([], head_name))
    b.paragraph(doc, "{%p endif %}")


def build_laporan_skm() -> Any:
    doc = b.new_document(landscape=False)
    b.report_cover(
        doc,
        (
            ("LAPORAN", 16),
            ("SURVEI KEPUASAN MASYARAKAT", 16),
            ("{{ unit.nama_kapital }}", 14),
            ("PERIODE {{ skm.periode|upper }}", 12),
        ),
    )
    _bab_1(doc)
    _bab_2(doc)
    _bab_3(doc)
    _bab_4(doc)
    _bab(doc, "BAB V\nKESIMPULAN")
    # the last conclusion keeps with the signatures
    b.paragraphs(doc, "skm.kesimpulan[:-1]")
    b.paragraphs(doc, "skm.kesimpulan[-1:]", keep=True)
    _signatures(doc)
    b.page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {"laporan-skm.docx": build_laporan_skm}
