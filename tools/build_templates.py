"""Build the built-in .docx templates in templates/ with python-docx.

Run: /work/venv/bin/python tools/build_templates.py [NAME ...]

The committed templates are this script's output. One ``build_<name>(path)`` function per
template; shared pieces (kop surat, signature block, hanging-indent lists) are helpers here.
Widths are designed for a 160 mm text column (A4 or F4 with 30/20 mm side margins); the
engine applies the unit's paper size, margins and font when it renders.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates"
TEXT_WIDTH_MM = 160.0
SIGN_LEFT_MM = 85.0
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


# ---- helpers ----------------------------------------------------------------------------------
def new_document(*, landscape: bool = False) -> Any:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(330), Mm(215)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    props = doc.core_properties
    props.author = props.last_modified_by = "zi-docs"
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    return doc


def para(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: Any = None,
    left: float | None = None,
    first: float | None = None,
    tabs: tuple[float, ...] = (),
    before: float = 0,
    after: float = 0,
    keep: bool = False,
    break_before: bool = False,
) -> Any:
    """A paragraph with one run; indents and tab stops in millimetres, spacing in points."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align
    if left is not None:
        fmt.left_indent = Mm(left)
    if first is not None:
        fmt.first_line_indent = Mm(first)
    for stop in tabs:
        fmt.tab_stops.add_tab_stop(Mm(stop))
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep or None
    fmt.page_break_before = break_before or None
    if text:
        run = p.add_run(text)
        run.bold, run.underline = bold or None, underline or None
        if size:
            run.font.size = Pt(size)
    return p


def tag(container: Any, text: str) -> Any:
    """A paragraph holding only a docxtpl paragraph/row tag such as ``{%p for x in xs %}``."""
    return container.add_paragraph(text)


def bottom_border(paragraph: Any, style: str = "thickThinSmallGap", size: int = 24) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", style),
        ("w:sz", str(size)),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def shade(cell: Any, fill: str = "D9D9D9") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def table(doc: Any, rows: int, widths: Sequence[float], *, grid: bool = True) -> Any:
    tbl = doc.add_table(rows=rows, cols=len(widths))
    if grid:
        tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False  # fixed layout: the widths below are kept
    for i, width in enumerate(widths):
        tbl.columns[i].width = Mm(width)
        for cell in tbl.columns[i].cells:
            cell.width = Mm(width)
    return tbl


def cell_text(
    cell: Any, text: str, *, bold: bool = False, align: Any = None, size: float | None = None
) -> Any:
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return p


def kop(doc: Any) -> None:
    """Kop surat: logo, PEMERINTAH ..., unit, address, contacts, and the ruled line."""
    tbl = table(doc, 1, [26, 108, 26], grid=False)
    logo, text, _ = tbl.rows[0].cells
    cell_text(logo, "{{ unit.logo }}", align=CENTER)
    cell_text(text, "{{ unit.instansi_kapital }}", bold=True, align=CENTER, size=14)
    for content, size, bold in (
        ("{{ unit.nama_kapital }}", 15, True),
        ("{{ unit.alamat_lengkap }}", 10, False),
        ("{{ unit.kontak }}", 9, False),
    ):
        para(text, content, bold=bold, size=size, align=CENTER)
    line = para(doc, size=4)
    bottom_border(line)
    para(doc, size=6)


def signature(
    doc: Any, office: str, name: str, extra: tuple[str, ...] = (), *, head: tuple[str, ...] = ()
) -> None:
    """A signature block on the right: optional head lines, office, space, name, extra lines."""
    for line in head:
        para(doc, line, left=SIGN_LEFT_MM, align=CENTER, keep=True)
    para(doc, office, left=SIGN_LEFT_MM, align=CENTER, keep=True)
    for _ in range(4):
        para(doc, left=SIGN_LEFT_MM, keep=True)
    para(doc, name, bold=True, underline=True, left=SIGN_LEFT_MM, align=CENTER, keep=True)
    for line in extra:
        para(doc, line, left=SIGN_LEFT_MM, align=CENTER, keep=True)


def hanging_list(
    doc: Any,
    loop: str,
    first_text: str,
    rest_text: str,
    *,
    label_tab: float,
    text_at: float,
    number_at: float,
) -> None:
    """``Label : a. text`` then ``b. text`` ... with the text hanging at ``text_at`` mm."""
    tag(doc, "{%p for it in " + loop + " %}")
    tag(doc, "{%p if loop.first %}")
    para(
        doc,
        first_text,
        left=text_at,
        first=-text_at,
        tabs=(label_tab, number_at, text_at),
        align=JUSTIFY,
        after=2,
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        rest_text,
        left=text_at,
        first=number_at - text_at,
        tabs=(text_at,),
        align=JUSTIFY,
        after=2,
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


# ---- SK Tim Kerja -------------------------------------------------------------------------------
def build_sk_tim(path: Path) -> None:
    doc = new_document()
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
    tag(doc, "{%p for d in diktum %}")
    para(
        doc,
        "{{ d.label }}\t:\t{{ d.teks }}",
        left=34,
        first=-34,
        tabs=(30, 34),
        align=JUSTIFY,
        before=6,
        after=2,
    )
    tag(doc, "{%p for b in d.butir %}")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", left=41, first=-7, tabs=(41,), align=JUSTIFY, after=2)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, after=12)
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
    signature(
        doc,
        "{{ sk.pejabat_ttd }},",
        "{{ pimpinan.nama|nama_kapital }}",
        ("{{ pimpinan.pangkat_golongan }}", "NIP. {{ pimpinan.nip|nip }}"),
    )
    tag(doc, "{%p if tembusan %}")
    para(doc, "Tembusan:", before=18, size=11)
    tag(doc, "{%p for t in tembusan %}")
    para(doc, "{{ t.nomor }}\t{{ t.teks }}", left=6, first=-6, tabs=(6,), size=11)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    # lampiran
    para(doc, "LAMPIRAN KEPUTUSAN {{ sk.pejabat }}", left=65, break_before=True, size=11)
    for label, value in (
        ("NOMOR", "{{ sk.nomor }}"),
        ("TANGGAL", "{{ sk.tanggal|tanggal }}"),
        ("TENTANG", "{{ sk.tentang_kapital }}"),
    ):
        para(doc, f"{label}\t:\t{value}", left=90, first=-25, tabs=(87, 90), size=11)
    para(doc, after=12)
    para(doc, "SUSUNAN KEANGGOTAAN", bold=True, align=CENTER)
    para(doc, "{{ sk.judul_tim }}", bold=True, align=CENTER, after=12)
    widths = [9, 42, 43, 38, 28]
    tbl = table(doc, 1, widths)
    for cell, text in zip(
        tbl.rows[0].cells, ("No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"), strict=True
    ):
        cell_text(cell, text, bold=True, align=CENTER, size=10)
        shade(cell)
    _control_row(tbl, widths, "{%tr for r in anggota %}")
    _control_row(tbl, widths, "{%tr if r.grup %}")
    group = _row(tbl, widths)
    merged = group.cells[0].merge(group.cells[4])
    cell_text(merged, "{{ r.grup }}", bold=True, size=10)
    shade(merged, "F2F2F2")
    _control_row(tbl, widths, "{%tr else %}")
    row = _row(tbl, widths)
    for cell, (text, align) in zip(
        row.cells,
        (
            ("{{ r.no }}", CENTER),
            ("{{ r.nama }}", None),
            ("{{ r.nip|nip }}", CENTER),
            ("{{ r.jabatan }}", None),
            ("{{ r.kedudukan }}", None),
        ),
        strict=True,
    ):
        cell_text(cell, text, align=align, size=10)
    _control_row(tbl, widths, "{%tr endif %}")
    _control_row(tbl, widths, "{%tr endfor %}")
    para(doc, after=12)
    signature(
        doc,
        "{{ sk.pejabat_ttd }},",
        "{{ pimpinan.nama|nama_kapital }}",
        ("{{ pimpinan.pangkat_golongan }}", "NIP. {{ pimpinan.nip|nip }}"),
    )
    doc.save(str(path))


def _row(tbl: Any, widths: Sequence[float]) -> Any:
    row = tbl.add_row()
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Mm(width)
    return row


def _control_row(tbl: Any, widths: Sequence[float], text: str) -> None:
    """A row holding only a docxtpl row tag (``{%tr ... %}``); docxtpl removes the row."""
    cell_text(_row(tbl, widths).cells[0], text)


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


def build_pakta(path: Path) -> None:
    doc = new_document()
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
        para(doc, f"{number}.\t{text}", left=8, first=-8, tabs=(8,), align=JUSTIFY, after=4)
    para(doc, after=18)
    signature(
        doc,
        "Yang membuat pernyataan,",
        "{{ p.nama }}",
        ("NIP. {{ p.nip|nip }}",),
        head=("{{ tempat }}, {{ tanggal|tanggal }}",),
    )
    tag(doc, "{%p endfor %}")
    doc.save(str(path))


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


def build_piagam(path: Path) -> None:
    doc = new_document()
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
    )
    signature(
        doc,
        "{{ pimpinan.jabatan_lengkap }},",
        "{{ pimpinan.nama }}",
        ("NIP. {{ pimpinan.nip|nip }}",),
        head=("{{ tempat }}, {{ tanggal|tanggal }}",),
    )
    tag(doc, "{%p if saksi %}")
    para(doc, "Saksi-saksi:", bold=True, before=18, after=6, keep=True)
    widths = [10, 60, 55, 35]
    tbl = table(doc, 1, widths)
    for cell, text in zip(
        tbl.rows[0].cells, ("No", "Nama", "Jabatan", "Tanda Tangan"), strict=True
    ):
        cell_text(cell, text, bold=True, align=CENTER, size=11)
        shade(cell)
    _control_row(tbl, widths, "{%tr for s in saksi %}")
    row = _row(tbl, widths)
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
        cell_text(cell, text, align=align, size=11)
    row.height = Mm(14)
    _control_row(tbl, widths, "{%tr endfor %}")
    tag(doc, "{%p endif %}")
    doc.save(str(path))


BUILDERS: dict[str, Callable[[Path], None]] = {
    "sk-tim.docx": build_sk_tim,
    "pakta-integritas.docx": build_pakta,
    "piagam.docx": build_piagam,
}


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        if names and name not in names and name.removesuffix(".docx") not in names:
            continue
        build(OUT / name)
        print(f"{OUT / name}")


if __name__ == "__main__":
    main(sys.argv[1:])
