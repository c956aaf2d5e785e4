"""Source of the letter templates sk-tim.docx, pakta-integritas.docx and piagam.docx.

Built by ``tools/build_templates.py`` into ``zi_docs/data/templates/``; one function per
template returns its python-docx document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx_build import (
    CENTER,
    JUSTIFY,
    SIGN_LEFT_MM,
    bottom_border,
    cant_split,
    cell_run,
    closing_row,
    control_row,
    hanging_list,
    header_row,
    keep_row_when,
    keep_row_with_next,
    kop,
    new_document,
    new_row,
    page_numbers,
    para,
    repeat_header,
    shade,
    signature,
    signature_block,
    table,
    tag,
)


# ---- SK Tim Kerja -------------------------------------------------------------------------------
def build_sk_tim() -> Any:
    doc = new_document(size=12, single=True)
    kop(doc)
    para(doc, "KEPUTUSAN {{ sk.pejabat }}", bold=True, align=CENTER)
    para(doc, "NOMOR {{ sk.nomor }}", align=CENTER, after=12)
    para(doc, "TENTANG", align=CENTER)
    para(doc, "{{ sk.tentang_kapital }}", align=CENTER, after=12)
    para(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA", align=CENTER, after=12)
    para(doc, "{{ sk.pejabat }},", align=CENTER, after=12)
    hanging_list(
        doc,
        "menimbang",
        "Menimbang\t:\t{{ it.huruf }}\t{{ it.teks }}",
        "{{ it.huruf }}\t{{ it.teks }}",
        label_tab=30,
        number_at=34,
        text_at=41,
    )
    para(doc, after=4)
    hanging_list(
        doc,
        "mengingat",
        "Mengingat\t:\t{{ it.nomor }}\t{{ it.teks }}",
        "{{ it.nomor }}\t{{ it.teks }}",
        label_tab=30,
        number_at=34,
        text_at=41,
    )
    para(doc, "MEMUTUSKAN:", bold=True, align=CENTER, before=10, after=10, keep=True)
    para(
        doc,
        "Menetapkan\t:\t{{ sk.judul }}.",
        left=34,
        first=-34,
        tabs=(30, 34),
        align=JUSTIFY,
        after=6,
    )
    # every diktum but the last flows freely; the last keeps with the signature block, so
    # the block never stands alone on a page
    for loop, keep in (("diktum[:-1]", False), ("diktum[-1:]", True)):
        tag(doc, "{%p for d in " + loop + " %}")
        para(
            doc,
            "{{ d.label }}\t:\t{{ d.teks }}",
            left=34,
            first=-34,
            tabs=(30, 34),
            align=JUSTIFY,
            before=6,
            after=2,
            keep=keep,
        )
        tag(doc, "{%p for b in d.butir %}")
        para(
            doc,
            "{{ b.huruf }}\t{{ b.teks }}",
            left=41,
            first=-7,
            tabs=(41,),
            align=JUSTIFY,
            after=2,
            keep=keep,
        )
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endfor %}")
    para(doc, after=12, keep=True)
    para(
        doc,
        "Ditetapkan di\t{{ sk.tempat }}",
        left=SIGN_LEFT_MM,
        tabs=(SIGN_LEFT_MM + 30,),
        keep=True,
    )
    line = para(
        doc,
        "pada tanggal\t{{ sk.tanggal|tanggal }}",
        left=SIGN_LEFT_MM,
        tabs=(SIGN_LEFT_MM + 30,),
        keep=True,
        after=6,
    )
    bottom_border(line, "single", 6)
    signature_block(
        doc,
        "{{ sk.pejabat_ttd }}",
        "{{ ttd.nama_kapital }}",
        ("{{ ttd.pangkat_golongan }}", "{{ ttd.nip_baris }}"),
    )
    tag(doc, "{%p if tembusan %}")
    para(doc, "Tembusan:", before=18, size=11)
    tag(doc, "{%p for t in tembusan %}")
    para(doc, "{{ t.nomor }}\t{{ t.teks }}", left=6, first=-6, tabs=(6,), size=11)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    # lampiran (a general SK may have none)
    tag(doc, "{%p if anggota %}")
    para(doc, "LAMPIRAN KEPUTUSAN {{ sk.pejabat }}", left=65, break_before=True, size=11)
    for label, value in (
        ("NOMOR", "{{ sk.nomor }}"),
        ("TANGGAL", "{{ sk.tanggal|tanggal }}"),
        ("TENTANG", "{{ sk.tentang_kapital }}"),
    ):
        para(doc, f"{label}\t:\t{value}", left=90, first=-25, tabs=(87, 90), size=11)
    para(doc, after=12)
    para(doc, "{{ sk.judul_lampiran }}", bold=True, align=CENTER)
    para(doc, "{{ sk.judul_tim }}", bold=True, align=CENTER, after=12)
    # a NIP (9 pt) stays on one line even in a wide font (Bookman Old Style)
    widths = [10, 40, 46, 36, 28]
    # one table per group (the pokja): its title is a header row under the column titles, so
    # a group that goes on over a page shows its name again at the top of the next page
    tag(doc, "{%p for g in susunan %}")
    tbl = table(doc, 1, widths)
    header_row(tbl, ("No", "Nama", "NIP", "Jabatan", "{{ sk.kolom_kedudukan }}"))
    keep_row_with_next(tbl.rows[0])
    control_row(tbl, widths, "{%tr if g.judul %}")
    group = new_row(tbl, widths)
    merged = group.cells[0].merge(group.cells[4])
    cell_run(merged, "{{ g.judul }}", bold=True, size=10)
    shade(merged, "F2F2F2")
    cant_split(group)
    repeat_header(group)
    keep_row_with_next(group)  # a group's title never ends a page without its first member
    control_row(tbl, widths, "{%tr endif %}")
    control_row(tbl, widths, "{%tr for r in g.baris %}")
    row = new_row(tbl, widths)
    for cell, (text, align, size) in zip(
        row.cells,
        (
            ("{{ r.no }}", CENTER, 10),
            ("{{ r.nama }}", None, 10),
            ("{{ r.nip|nip }}", CENTER, 9),
            ("{{ r.jabatan }}", None, 10),
            ("{{ r.kedudukan }}", None, 10),
        ),
        strict=True,
    ):
        cell_run(cell, text, align=align, size=size)
    cant_split(row)
    keep_row_when(row, "loop.last and g.terakhir")
    control_row(tbl, widths, "{%tr endfor %}")
    # the signature block is the last table's last row: the last member keeps with it
    control_row(tbl, widths, "{%tr if g.terakhir %}")
    signature_block(
        closing_row(tbl),
        "{{ sk.pejabat_ttd }}",
        "{{ ttd.nama_kapital }}",
        ("{{ ttd.pangkat_golongan }}", "{{ ttd.nip_baris }}"),
    )
    control_row(tbl, widths, "{%tr endif %}")
    # a 4 pt line keeps the tables apart (Word joins adjacent tables into one)
    para(doc).paragraph_format.line_spacing = Pt(4)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    page_numbers(doc)
    return doc


# ---- Pakta Integritas ---------------------------------------------------------------------------
COMMITMENTS = (
    "Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan Korupsi, Kolusi, dan "
    "Nepotisme serta tidak melibatkan diri dalam perbuatan tercela;",
    "Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, "
    "hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;",
    "Bersikap transparan, jujur, obyektif, dan akuntabel dalam melaksanakan tugas;",
    "Menghindari pertentangan kepentingan (conflict of interest) dalam pelaksanaan tugas;",
    "Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan "
    "tugas, terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai "
    "di lingkungan kerja saya secara konsisten;",
    "Akan menyampaikan informasi penyimpangan integritas di {{ unit.nama }} serta turut "
    "menjaga kerahasiaan saksi atas pelanggaran peraturan yang dilaporkannya;",
    "Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya.",
)


def build_pakta() -> Any:
    doc = new_document(size=12, single=True)
    tag(doc, "{%p for p in pegawai %}")
    title = doc.add_paragraph()
    title.alignment = CENTER
    title.paragraph_format.space_after = Pt(24)
    title.add_run("{% if not loop.first %}")
    title.add_run().add_break(WD_BREAK.PAGE)
    title.add_run("{% endif %}")
    run = title.add_run("PAKTA INTEGRITAS")
    run.bold, run.font.size = True, Pt(14)
    para(doc, "Saya yang bertanda tangan di bawah ini:", after=8)
    rows = [
        ("Nama", "{{ p.nama }}"),
        ("NIP", "{{ p.nip|nip }}"),
        ("Pangkat/Golongan", "{{ p.pangkat_golongan }}"),
        ("Jabatan", "{{ p.jabatan }}"),
        ("Unit Kerja", "{{ unit.nama }}"),
        ("Instansi", "{{ unit.instansi }}"),
    ]
    for label, value in rows:
        if label == "Pangkat/Golongan":
            tag(doc, "{%p if p.pangkat_golongan %}")
        para(doc, f"{label}\t:\t{value}", left=46, first=-46, tabs=(42, 46), after=4)
        if label == "Pangkat/Golongan":
            tag(doc, "{%p endif %}")
    para(
        doc,
        "dalam rangka pembangunan Zona Integritas menuju {{ target_panjang }} "
        "({{ target }}) di lingkungan {{ unit.nama }}, dengan ini menyatakan bahwa saya:",
        align=JUSTIFY,
        before=8,
        after=8,
    )
    for number, text in enumerate(COMMITMENTS, start=1):
        # the last commitment goes with the signature to a next page: never a page of a
        # signature alone (a long name and jabatan in Bookman fill an A4 page)
        last = number == len(COMMITMENTS)
        para(
            doc,
            f"{number}.\t{text}",
            left=8,
            first=-8,
            tabs=(8,),
            align=JUSTIFY,
            after=4,
            keep=last,
        )
    para(doc, after=18, keep=True)
    signature(
        doc,
        "Yang membuat pernyataan,",
        "{{ p.nama|nama_utuh }}",
        ("{{ p.nip_baris }}",),
        head=("{{ tempat }}, {{ tanggal|tanggal }}",),
    )
    tag(doc, "{%p endfor %}")
    return doc


# ---- Piagam Pencanangan -------------------------------------------------------------------------
def page_border(doc: Any) -> None:
    sect = doc.sections[0]._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        for key, value in (
            ("w:val", "thinThickSmallGap"),
            ("w:sz", "24"),
            ("w:space", "24"),
            ("w:color", "1F3864"),
        ):
            element.set(qn(key), value)
        borders.append(element)
    sect.append(borders)


def build_piagam() -> Any:
    doc = new_document(size=12, single=True)
    page_border(doc)
    para(doc, "{{ logo_besar }}", align=CENTER, after=6)
    para(doc, "PIAGAM PENCANANGAN", bold=True, size=20, align=CENTER, after=6)
    para(doc, "PEMBANGUNAN ZONA INTEGRITAS", bold=True, size=14, align=CENTER)
    para(
        doc,
        "MENUJU {{ target_panjang|upper }} ({{ target }})",
        bold=True,
        size=14,
        align=CENTER,
        after=6,
    )
    para(doc, "DI LINGKUNGAN {{ unit.nama_kapital }}", bold=True, align=CENTER)
    para(doc, "{{ unit.instansi_kapital }}", bold=True, align=CENTER, after=18)
    para(
        doc,
        "Pada hari ini {{ tanggal|hari }} tanggal {{ tanggal|tanggal_terbilang }}, kami "
        "{{ pimpinan.jabatan_lengkap }} beserta seluruh pegawai {{ unit.nama }}, dengan ini "
        "mencanangkan Pembangunan Zona Integritas menuju {{ target_panjang }} ({{ target }}) "
        "dan menyatakan komitmen untuk:",
        align=JUSTIFY,
        after=8,
    )
    tag(doc, "{%p for k in komitmen %}")
    para(doc, "{{ loop.index }}.\t{{ k }}", left=8, first=-8, tabs=(8,), align=JUSTIFY, after=4)
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Demikian piagam pencanangan ini kami tetapkan untuk dilaksanakan dengan penuh "
        "tanggung jawab.",
        align=JUSTIFY,
        before=8,
        after=18,
        keep=True,
    )
    signature(
        doc,
        "{{ pimpinan.jabatan_lengkap }},",
        "{{ pimpinan.nama|nama_utuh }}",
        ("{{ pimpinan.nip_baris }}",),
        head=("{{ tempat }}, {{ tanggal|tanggal }}",),
    )
    tag(doc, "{%p if saksi %}")
    para(doc, "Saksi-saksi:", bold=True, before=18, after=6, keep=True)
    widths = [10, 60, 55, 35]
    tbl = table(doc, 1, widths)
    header_row(tbl, ("No", "Nama", "Jabatan", "Tanda Tangan"), size=11)
    control_row(tbl, widths, "{%tr for s in saksi %}")
    row = new_row(tbl, widths)
    for cell, (text, align) in zip(
        row.cells,
        (
            ("{{ loop.index }}", CENTER),
            ("{{ s.nama }}", None),
            ("{{ s.jabatan }}", None),
            ("", None),
        ),
        strict=True,
    ):
        cell_run(cell, text, align=align, size=11)
    row.height = Mm(14)
    control_row(tbl, widths, "{%tr endfor %}")
    tag(doc, "{%p endif %}")
    page_numbers(doc)
    return doc


TEMPLATES: dict[str, Callable[[], Any]] = {
    "sk-tim.docx": build_sk_tim,
    "sk.docx": build_sk_tim,
    "pakta-integritas.docx": build_pakta,
    "piagam.docx": build_piagam,
}
