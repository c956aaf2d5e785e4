"""Source of the everyday naskah dinas templates: Undangan, Daftar Hadir, Notulen, Laporan
Kegiatan, general SK, Maklumat Pelayanan, SPTJM and Surat Pernyataan.

Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``; one function per
template returns its python-docx document. Contexts: ``zi_docs/documents/meeting.py`` and the
kinds ``undangan``, ``daftar_hadir``, ``notulen``, ``sk``, ``maklumat``, ``sptjm``,
``surat_pernyataan``, ``laporan_kegiatan``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt
from docx_build import (
    CENTER,
    JUSTIFY,
    SIGN_LEFT_MM,
    cant_split,
    cell_run,
    closing_row,
    control_row,
    header_row,
    keep_row_when,
    kop,
    new_document,
    new_row,
    page_numbers,
    para,
    side_by_side,
    signature_block,
    table,
    tag,
    ttd,
)

LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _labels(doc: Any, rows: Sequence[tuple[str, str]], *, at: float = 35, after: float = 2) -> None:
    for label, value in rows:
        para(
            doc,
            f"{label}\t:\t{value}",
            left=at + 4,
            first=-(at + 4),
            tabs=(at, at + 4),
            after=after,
        )


def _numbered(
    doc: Any, loop: str, text: str = "{{ loop.index }}.\t{{ x }}", *, keep: bool = False
) -> None:
    tag(doc, "{%p for x in " + loop + " %}")
    para(doc, text, left=7, first=-7, tabs=(7,), align=JUSTIFY, after=2, keep=keep)
    tag(doc, "{%p endfor %}")


def _tembusan(doc: Any, loop: str) -> None:
    tag(doc, "{%p if " + loop + " %}")
    para(doc, "Tembusan:", before=18, size=11)
    tag(doc, "{%p for t in " + loop + " %}")
    para(doc, "{{ loop.index }}.\t{{ t }}", left=6, first=-6, tabs=(6,), size=11)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


# ---- Undangan -----------------------------------------------------------------------------------
def build_undangan() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "{{ unit.kota }}, {{ rapat.tanggal_surat|tanggal }}", left=100, after=6)
    _labels(
        doc,
        (
            ("Nomor", "{{ rapat.nomor }}"),
            ("Sifat", "{{ rapat.sifat }}"),
            ("Lampiran", "{{ rapat.lampiran }}"),
            ("Hal", "{{ rapat.hal }}"),
        ),
        at=22,
        after=0,
    )
    para(doc, after=10)
    para(doc, "Yth.", keep=True)
    tag(doc, "{%p for k in rapat.kepada %}")
    para(doc, "{% if rapat.kepada|length > 1 %}{{ loop.index }}. {% endif %}{{ k }}", left=4)
    tag(doc, "{%p endfor %}")
    para(doc, "di", left=4)
    para(doc, "Tempat", left=10, after=12)
    para(
        doc,
        "Dalam rangka {{ rapat.acara }}, dengan hormat kami mengundang Bapak/Ibu untuk hadir pada:",
        align=JUSTIFY,
        first=12,
        after=6,
    )
    _labels(
        doc,
        (
            ("hari, tanggal", "{{ rapat.tanggal|tanggal(true) }}"),
            ("waktu", "{{ rapat.waktu }}"),
            ("tempat", "{{ rapat.tempat }}"),
            ("acara", "{{ rapat.acara }}"),
        ),
        at=47,
    )
    para(
        doc,
        "Mengingat pentingnya acara tersebut, kami mohon Bapak/Ibu hadir tepat waktu. Atas "
        "perhatian dan kehadirannya, kami ucapkan terima kasih.",
        align=JUSTIFY,
        first=12,
        before=6,
        after=18,
        keep=True,
    )
    ttd("rapat.ttd", doc=doc)
    _tembusan(doc, "rapat.tembusan")
    page_numbers(doc)
    return doc


# ---- Daftar Hadir -------------------------------------------------------------------------------
def build_daftar_hadir() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "DAFTAR HADIR", bold=True, align=CENTER)
    para(doc, "{{ rapat.acara|upper }}", bold=True, align=CENTER, after=10)
    _labels(
        doc,
        (
            ("Hari, tanggal", "{{ rapat.tanggal|tanggal(true) }}"),
            ("Waktu", "{{ rapat.waktu }}"),
            ("Tempat", "{{ rapat.tempat }}"),
        ),
        at=30,
    )
    para(doc, after=6)
    widths = [10, 52, 42, 56]
    tbl = table(doc, 1, widths)
    header_row(tbl, ("No", "Nama / NIP", "Jabatan", "Tanda Tangan"))
    control_row(tbl, widths, "{%tr for p in rapat.peserta %}")
    row = new_row(tbl, widths)
    cant_split(row)
    row.height = Mm(11)
    for cell, (text, align) in zip(
        row.cells,
        (
            ("{{ p.no }}", CENTER),
            ("{{ p.nama }}", LEFT),
            ("{{ p.jabatan }}", LEFT),
            ("{{ p.no }}.", LEFT),
        ),
        strict=True,
    ):
        cell_run(cell, text, align=align, size=10)
    extra = row.cells[1].add_paragraph()
    run = extra.add_run("{% if p.nip_baris %}{{ p.nip_baris }}{% endif %}")
    run.font.size = Pt(9)
    keep_row_when(row, "loop.last")
    control_row(tbl, widths, "{%tr endfor %}")
    # the signature block is the table's last row: the last participant keeps with it
    ttd("rapat.pimpinan_rapat_ttd", head=("Pimpinan Rapat,",), container=closing_row(tbl))
    page_numbers(doc)
    return doc


# ---- Notulen ------------------------------------------------------------------------------------
def build_notulen() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "NOTULEN RAPAT", bold=True, align=CENTER, after=10)
    _labels(
        doc,
        (
            ("Acara", "{{ rapat.acara }}"),
            ("Hari, tanggal", "{{ rapat.tanggal|tanggal(true) }}"),
            ("Waktu", "{{ rapat.waktu }}"),
            ("Tempat", "{{ rapat.tempat }}"),
            ("Pimpinan rapat", "{{ rapat.pimpinan_rapat.nama }}"),
            ("Peserta", "{{ rapat.jumlah_peserta }} orang (daftar hadir terlampir)"),
        ),
        at=35,
    )
    para(doc, "A. Pembahasan", bold=True, before=10, after=4, keep=True)
    _numbered(doc, "rapat.pembahasan")
    para(doc, "B. Kesimpulan", bold=True, before=10, after=4, keep=True)
    _numbered(doc, "rapat.kesimpulan[:-1]")
    _numbered(  # the last conclusion keeps with what follows (the table or the signatures)
        doc,
        "rapat.kesimpulan[-1:]",
        "{{ rapat.kesimpulan|length }}.\t{{ x }}",
        keep=True,
    )
    tag(doc, "{%p if rapat.tindak_lanjut %}")
    para(doc, "C. Tindak Lanjut", bold=True, before=10, after=4, keep=True)
    widths = [10, 80, 40, 30]
    tbl = table(doc, 1, widths)
    header_row(tbl, ("No", "Uraian", "Penanggung Jawab", "Batas Waktu"))
    control_row(tbl, widths, "{%tr for t in rapat.tindak_lanjut %}")
    row = new_row(tbl, widths)
    cant_split(row)
    for cell, (text, align) in zip(
        row.cells,
        (
            ("{{ loop.index }}", CENTER),
            ("{{ t.uraian }}", LEFT),
            ("{{ t.pic }}", LEFT),
            ("{{ t.batas_waktu|tanggal }}", CENTER),
        ),
        strict=True,
    ):
        cell_run(cell, text, align=align, size=10)
    keep_row_when(row, "loop.last")
    control_row(tbl, widths, "{%tr endfor %}")
    # with a follow-up table the signatures are its last row (the last item keeps with them)
    _notulen_signatures(closing_row(tbl), width=156)
    tag(doc, "{%p else %}")
    _notulen_signatures(doc)
    tag(doc, "{%p endif %}")
    page_numbers(doc)
    return doc


def _notulen_signatures(container: Any, width: float = 160) -> None:
    para(
        container,
        "{{ unit.kota }}, {{ rapat.tanggal|tanggal }}",
        left=SIGN_LEFT_MM,
        align=CENTER,
        before=18,
        keep=True,
    )
    side_by_side(
        container,
        ("rapat.notulis_ttd", "Notulis,"),
        ("rapat.pimpinan_rapat_ttd", "Pimpinan Rapat,"),
        width=width,
    )


# ---- Maklumat Pelayanan -------------------------------------------------------------------------
def build_maklumat() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "MAKLUMAT PELAYANAN", bold=True, size=20, align=CENTER, before=36, after=36)
    para(doc, "{{ maklumat.teks }}", bold=True, size=16, align=CENTER, after=48)
    ttd("ttd", head=("{{ maklumat.tempat }}, {{ maklumat.tanggal|tanggal }}",), doc=doc)
    return doc


# ---- SPTJM --------------------------------------------------------------------------------------
def build_sptjm() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "SURAT PERNYATAAN TANGGUNG JAWAB MUTLAK", bold=True, align=CENTER, after=12)
    para(doc, "Yang bertanda tangan di bawah ini:", after=6)
    _labels(
        doc,
        (
            ("Nama", "{{ sptjm.nama }}"),
            ("NIP", "{% if sptjm.nip_baris %}{{ sptjm.nip|nip }}{% else %}-{% endif %}"),
            ("Jabatan", "{{ sptjm.jabatan }}"),
            ("Instansi", "{{ unit.instansi }}"),
        ),
    )
    para(
        doc,
        "dengan ini menyatakan bertanggung jawab secara mutlak atas kebenaran data dan dokumen "
        "pendukung yang disampaikan dalam pengusulan unit kerja berikut sebagai unit kerja "
        "berpredikat Zona Integritas:",
        align=JUSTIFY,
        before=8,
        after=6,
    )
    widths = [10, 100, 50]
    tbl = table(doc, 1, widths)
    header_row(tbl, ("No", "Unit Kerja", "Predikat yang Diusulkan"))
    control_row(tbl, widths, "{%tr for u in sptjm.unit %}")
    row = new_row(tbl, widths)
    cant_split(row)
    for cell, (text, align) in zip(
        row.cells,
        (("{{ loop.index }}", CENTER), ("{{ u.nama }}", LEFT), ("{{ u.predikat_panjang }}", LEFT)),
        strict=True,
    ):
        cell_run(cell, text, align=align, size=11)
    control_row(tbl, widths, "{%tr endfor %}")
    para(
        doc,
        "Apabila di kemudian hari terbukti data dan dokumen tersebut tidak benar, kami bersedia "
        "menerima sanksi sesuai ketentuan peraturan perundang-undangan. Demikian surat "
        "pernyataan ini dibuat dengan sebenarnya.",
        align=JUSTIFY,
        before=8,
        after=18,
        keep=True,
    )
    signature_block(
        doc,
        "{{ sptjm.jabatan }}",
        "{{ sptjm.nama }}",
        ("{{ sptjm.nip_baris }}",),
        head=("{{ sptjm.tempat }}, {{ sptjm.tanggal|tanggal }}",),
    )
    page_numbers(doc)
    return doc


# ---- Surat Pernyataan ---------------------------------------------------------------------------
def build_surat_pernyataan() -> Any:
    doc = new_document(size=12, single=True)
    tag(doc, "{%p for p in pegawai %}")
    title = para(doc, align=CENTER, after=18)
    title.add_run("{% if not loop.first %}")
    title.add_run().add_break(WD_BREAK.PAGE)
    title.add_run("{% endif %}")
    run = title.add_run("{{ pernyataan.judul }}")
    run.bold, run.font.size = True, Pt(14)
    para(doc, "Yang bertanda tangan di bawah ini:", after=6)
    _labels(
        doc,
        (
            ("Nama", "{{ p.nama }}"),
            ("NIP", "{% if p.nip_baris %}{{ p.nip|nip }}{% else %}-{% endif %}"),
            ("Jabatan", "{{ p.jabatan }}"),
            ("Unit Kerja", "{{ unit.nama }}"),
        ),
    )
    para(doc, "dengan ini menyatakan bahwa saya:", before=8, after=6)
    tag(doc, "{%p for b in pernyataan.butir %}")
    para(doc, "{{ loop.index }}.\t{{ b }}", left=7, first=-7, tabs=(7,), align=JUSTIFY, after=3)
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Demikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan "
        "sebagaimana mestinya.",
        align=JUSTIFY,
        before=8,
        after=18,
        keep=True,
    )
    signature_block(
        doc,
        "Yang membuat pernyataan",
        "{{ p.nama }}",
        ("{{ p.nip_baris }}",),
        head=("{{ pernyataan.tempat }}, {{ pernyataan.tanggal|tanggal }}",),
    )
    tag(doc, "{%p endfor %}")
    return doc


# ---- Laporan Kegiatan ---------------------------------------------------------------------------
def build_laporan_kegiatan() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "LAPORAN KEGIATAN", bold=True, align=CENTER)
    para(doc, "{{ laporan.kegiatan_kapital }}", bold=True, align=CENTER)
    para(doc, "{% if laporan.nomor %}Nomor: {{ laporan.nomor }}{% endif %}", align=CENTER, after=12)
    sections = (
        ("A. Dasar", "laporan.dasar"),
        ("B. Maksud dan Tujuan", "laporan.maksud_tujuan"),
    )
    for title, loop in sections:
        tag(doc, "{%p if " + loop + " %}")
        para(doc, title, bold=True, before=6, after=4, keep=True)
        _numbered(doc, loop)
        tag(doc, "{%p endif %}")
    para(doc, "C. Waktu, Tempat, dan Peserta", bold=True, before=6, after=4, keep=True)
    _labels(
        doc,
        (
            ("Hari, tanggal", "{{ laporan.tanggal|tanggal(true) }}"),
            ("Tempat", "{{ laporan.tempat }}"),
            ("Peserta", "{{ laporan.peserta }}"),
        ),
        at=30,
    )
    para(doc, "D. Pelaksanaan Kegiatan", bold=True, before=6, after=4, keep=True)
    _numbered(doc, "laporan.uraian")
    tag(doc, "{%p if laporan.hasil %}")
    para(doc, "E. Hasil Kegiatan", bold=True, before=6, after=4, keep=True)
    _numbered(doc, "laporan.hasil")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if laporan.penutup %}")
    para(doc, "{{ laporan.penutup }}", align=JUSTIFY, before=8, keep=True)
    tag(doc, "{%p endif %}")
    para(
        doc,
        "{{ unit.kota }}, {{ laporan.tanggal_laporan|tanggal }}",
        left=SIGN_LEFT_MM,
        align=CENTER,
        before=18,
        keep=True,
    )
    side_by_side(
        doc, ("laporan.mengetahui_ttd", "Mengetahui,"), ("laporan.pelapor_ttd", "Pelapor,")
    )
    tag(doc, "{%p if laporan.foto %}")
    para(doc, "DOKUMENTASI KEGIATAN", bold=True, align=CENTER, break_before=True, after=12)
    widths = [80, 80]
    tbl = table(doc, 1, widths, grid=False)
    cell_run(tbl.rows[0].cells[0], "{%tr for f in laporan.foto %}")
    row = new_row(tbl, widths)
    cant_split(row)
    for cell, side in zip(row.cells, ("kiri", "kanan"), strict=True):
        cell_run(cell, "{{ f." + side + ".gambar }}", align=CENTER)
        caption = cell.add_paragraph("{{ f." + side + ".keterangan }}")
        caption.alignment = CENTER
        caption.paragraph_format.space_after = Pt(10)
        for r in caption.runs:
            r.font.size = Pt(10)
    control_row(tbl, widths, "{%tr endfor %}")
    tag(doc, "{%p endif %}")
    page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {
    "undangan.docx": build_undangan,
    "daftar-hadir.docx": build_daftar_hadir,
    "notulen.docx": build_notulen,
    "maklumat.docx": build_maklumat,
    "sptjm.docx": build_sptjm,
    "surat-pernyataan.docx": build_surat_pernyataan,
    "laporan-kegiatan.docx": build_laporan_kegiatan,
}
