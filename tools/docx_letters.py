"""Letter-style pieces of the built-in templates (kop surat, signature block, hanging lists).

Used by ``tools/build_templates.py``. Widths are designed for a 160 mm text column (A4 or F4
with 30/20 mm side margins); the engine applies the unit's paper size, margins and font.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TEXT_WIDTH_MM = 160.0
SIGN_LEFT_MM = 85.0
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


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
