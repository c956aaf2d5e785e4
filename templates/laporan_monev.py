"""Source of the template laporan-monev.docx (the quarterly Monev report).

Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import docx_build as b
from docx.shared import Mm

# ---- Laporan Monev -----------------------------------------------------------------------------
MV_WIDTH = 160.0


CONTENTS = (
    ("KATA PENGANTAR", ()),
    ("DAFTAR ISI", ()),
    (
        "BAB I PENDAHULUAN",
        ("A. Latar Belakang", "B. Dasar Hukum", "C. Tujuan", "D. Periode Pelaporan"),
    ),
    ("BAB II PELAKSANAAN RENCANA KERJA", ()),
    ("BAB III CAPAIAN PENILAIAN MANDIRI", ()),
    ("BAB IV KENDALA", ()),
    (
        "BAB V REKOMENDASI DAN TINDAK LANJUT",
        ("A. Tindak Lanjut Rekomendasi Periode Sebelumnya", "B. Rekomendasi Periode Ini"),
    ),
    ("BAB VI PENUTUP", ()),
)


def _foreword(doc: object) -> None:
    b.heading(doc, "KATA PENGANTAR", new_page=True)
    for text in (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya "
        "Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas Menuju "
        "{{ target_panjang }} ({{ target }}) {{ unit.nama }} Triwulan "
        "{{ monev.triwulan_romawi }} Tahun {{ tahun }} dapat diselesaikan.",
        "Laporan ini menyajikan pelaksanaan rencana kerja pembangunan Zona Integritas periode "
        "{{ monev.periode }}, capaian penilaian mandiri, kendala yang dihadapi, serta "
        "rekomendasi dan tindak lanjutnya, sebagai bahan pengambilan keputusan pimpinan dan "
        "perbaikan pada periode berikutnya.",
        "Kami menyampaikan terima kasih kepada seluruh anggota Tim Kerja dan pegawai yang "
        "telah berperan dalam pembangunan Zona Integritas. Saran dan masukan untuk perbaikan "
        "laporan ini kami terima dengan terbuka.",
    ):
        b.paragraph(
            doc, text, space_after=6, align="justify"
        ).paragraph_format.first_line_indent = Mm(10)
    b.paragraph(doc, "")
    b.signature_block(
        doc,
        "{{ monev.ketua_ttd.jabatan }}",
        "{{ monev.ketua_ttd.nama }}",
        ("{{ monev.ketua_ttd.nip_baris }}",),
        head=("{{ unit.kota }}, {{ monev.tanggal|tanggal }}",),
    )


def _contents(doc: object) -> None:
    b.heading(doc, "DAFTAR ISI", new_page=True)
    for title, subs in CONTENTS:
        b.paragraph(doc, title, bold=True, space_after=3)
        for sub in subs:
            b.paragraph(doc, sub, indent_mm=8, space_after=2)
    b.paragraph(
        doc, "LAMPIRAN: undangan, daftar hadir, notulen, dan dokumentasi kegiatan", space_after=2
    )


def build_laporan_monev() -> Any:
    doc = b.new_document(landscape=False)
    b.report_cover(
        doc,
        (
            ("LAPORAN MONITORING DAN EVALUASI", 16),
            ("PEMBANGUNAN ZONA INTEGRITAS", 14),
            ("MENUJU {{ target_panjang|upper }} ({{ target }})", 14),
            ("TRIWULAN {{ monev.triwulan_romawi }} TAHUN {{ tahun }}", 14),
        ),
        after=("{% if monev.nomor %}Nomor: {{ monev.nomor }}{% endif %}",),
    )
    _foreword(doc)
    _contents(doc)
    # I
    b.heading(doc, "BAB I\nPENDAHULUAN", new_page=True)
    b.subheading(doc, "A. Latar Belakang")
    b.paragraphs(doc, "monev.latar_belakang")
    b.subheading(doc, "B. Dasar Hukum")
    b.numbered(doc, "monev.dasar_hukum")
    b.subheading(doc, "C. Tujuan")
    b.numbered(doc, "monev.tujuan")
    b.subheading(doc, "D. Periode Pelaporan")
    b.paragraph(
        doc,
        "Laporan ini mencakup pelaksanaan rencana kerja pembangunan Zona Integritas "
        "{{ unit.nama }} periode {{ monev.periode }} (Triwulan "
        "{{ monev.triwulan_romawi }}).",
        space_after=10,
        align="justify",
    )
    # II
    b.heading(doc, "BAB II\nPELAKSANAAN RENCANA KERJA")
    b.paragraph(
        doc,
        "Perbandingan rencana dan realisasi setiap kegiatan sampai dengan akhir "
        "Triwulan {{ monev.triwulan_romawi }} disajikan per area perubahan berikut. "
        "Target adalah persentase jadwal kegiatan yang telah jatuh tempo.",
        space_after=6,
        align="justify",
    )
    b.loop_table(
        doc,
        [
            ("No", 8),
            ("Kegiatan", 40),
            ("Output/Target", 28),
            ("Target (%)", 16),
            ("Realisasi (%)", 21),
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
    b.subheading(doc, "Rekapitulasi progres per area")
    b.loop_table(
        doc,
        [("Area", 70), ("Jumlah Kegiatan", 30), ("Target (%)", 30), ("Realisasi (%)", 30)],
        ["{{ k.nama }}", "{{ k.jumlah }}", "{{ k.target }}", "{{ k.realisasi }}"],
        "monev.progres_area",
    )
    b.paragraph(doc, "{{ monev.grafik_progres }}", align="center", keep_next=True)
    b.paragraph(
        doc,
        "Gambar 1. Progres pelaksanaan rencana kerja per area",
        italic=True,
        align="center",
        space_after=10,
        size=10,
    )
    # III
    b.heading(doc, "BAB III\nCAPAIAN PENILAIAN MANDIRI")
    b.paragraph(
        doc,
        "{% if monev.capaian.ada %}{{ monev.capaian.kesimpulan }} Nilai per area pengungkit "
        "dibandingkan dengan batas minimalnya, baik untuk area secara utuh maupun untuk "
        "Pemenuhan dan Reform masing-masing, disajikan pada tabel berikut.{% else %}"
        "Penilaian mandiri LKE belum diisi, sehingga capaian belum dapat disajikan."
        "{% endif %}",
        space_after=6,
        align="justify",
    )
    b.paragraph(doc, "{%p if monev.capaian.ada %}")
    b.loop_table(
        doc,
        [
            # sized for the longest header word in a wide font (Bookman Old Style 9 pt bold)
            ("Area", 28),
            ("Bobot", 14),
            ("Nilai (% Bobot)", 19),
            ("Batas Minimal", 18),
            ("Area Utuh", 15),
            ("Pemenuhan (Nilai / Batas)", 24),
            ("Reform (Nilai / Batas)", 22),
            ("Terpisah", 20),
        ],
        [
            "{{ k.nama }}",
            "{{ k.bobot|angka }}",
            "{{ k.nilai|angka }} ({{ k.persen }}%)",
            "{{ k.minimum|angka }}",
            "{{ k.memenuhi }}",
            "{{ k.pemenuhan.nilai }} / {{ k.pemenuhan.minimum }}",
            "{{ k.reform.nilai }} / {{ k.reform.minimum }}",
            "{{ k.memenuhi_terpisah }}",
        ],
        "monev.capaian.area",
    )
    b.paragraph(doc, "{{ monev.capaian.grafik }}", align="center", keep_next=True)
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
    b.heading(doc, "BAB IV\nKENDALA")
    b.numbered(doc, "monev.kendala")
    # V
    b.heading(doc, "BAB V\nREKOMENDASI DAN TINDAK LANJUT")
    b.subheading(doc, "A. Tindak Lanjut Rekomendasi Periode Sebelumnya")
    b.paragraph(doc, "{%p if monev.tindak_lanjut %}")
    b.loop_table(
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
    b.subheading(doc, "B. Rekomendasi Periode Ini")
    b.loop_table(
        doc,
        [("No", 8), ("Rekomendasi", 84), ("PIC", 40), ("Batas Waktu", 28)],
        ["{{ loop.index }}", "{{ k.uraian }}", "{{ k.pic }}", "{{ k.batas_waktu|tanggal }}"],
        "monev.rekomendasi",
    )
    # VI
    b.heading(doc, "BAB VI\nPENUTUP")
    # the last closing paragraph and the date keep with the signatures (never alone on a page)
    b.paragraphs(doc, "monev.penutup[:-1]")
    b.paragraphs(doc, "monev.penutup[-1:]", keep=True)
    b.paragraph(
        doc,
        "{{ unit.kota }}, {{ monev.tanggal|tanggal }}",
        align="right",
        space_after=6,
        keep_next=True,
    )
    b.side_by_side(doc, ("ttd", "Mengetahui,"), ("monev.ketua_ttd", " "))
    b.page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {"laporan-monev.docx": build_laporan_monev}
