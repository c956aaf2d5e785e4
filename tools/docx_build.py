"""The one helper module of the template builder: python-docx pieces for the built-in templates.

Used only by ``tools/build_templates.py`` and the template sources in ``templates/``. Widths are
designed for a 160 mm text column (A4 or F4 with 30/20 mm side margins); the engine applies the
unit's paper size, margins and font when it renders. Properties are written at their schema
position (Word is strict), so the templates open everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
HEADER_FILL = "D9D9D9"
TEXT_WIDTH_MM = 160.0
SIGN_LEFT_MM = 85.0
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
HEAD_SIGNATURE = (
    "{{ pimpinan.jabatan_lengkap }},",
    "",
    "",
    "",
    "{{ pimpinan.nama|nama_utuh }}",
    "{% if pimpinan.pangkat_golongan %}{{ pimpinan.pangkat_golongan }}{% endif %}",
    "{{ pimpinan.nip_baris }}",
)
"""The head of unit's signature lines (title, room to sign, name, rank, NIP)."""


def new_document(
    *, landscape: bool = False, font: str = "Arial", size: float = 11, single: bool = False
) -> Any:
    """An empty F4 document (landscape or portrait); ``single``: line spacing 1.0."""
    doc = Document()
    section = doc.sections[0]
    width, height = Mm(215), Mm(330)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    if single:
        normal.paragraph_format.line_spacing = 1.0
    props = doc.core_properties
    props.author = props.last_modified_by = "zi-docs"
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    # the default first paragraph of a new document
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc


def paragraph(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: str = "left",
    space_after: float = 0,
    underline: bool = False,
    italic: bool = False,
    indent_mm: float = 0,
    hanging_mm: float = 0,
    keep_next: bool = False,
) -> Any:
    p = container.add_paragraph()
    p.alignment = ALIGN[align]
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent_mm or hanging_mm:
        fmt.left_indent = Mm(indent_mm + hanging_mm)
        fmt.first_line_indent = Mm(-hanging_mm)
    if keep_next:
        fmt.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        if size:
            run.font.size = Pt(size)
    return p


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def cell_text(
    cell: Any,
    lines: Sequence[str] | str,
    *,
    bold: bool = False,
    size: float | None = None,
    align: str = "left",
    hanging_mm: float = 0,
    pad_pt: float = 0,
) -> None:
    """Replace the cell's text by one paragraph per line (``pad_pt``: space above the first
    and below the last, for tables whose cells have no top/bottom margin)."""
    if isinstance(lines, str):
        lines = [lines]
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        p.alignment = ALIGN[align]
        if pad_pt and i == 0:
            p.paragraph_format.space_before = Pt(pad_pt)
        if pad_pt and i == len(lines) - 1:
            p.paragraph_format.space_after = Pt(pad_pt)
        if hanging_mm:
            p.paragraph_format.left_indent = Mm(hanging_mm)
            p.paragraph_format.first_line_indent = Mm(-hanging_mm)
        if line:
            run = p.add_run(line)
            run.bold = bold
            if size:
                run.font.size = Pt(size)


_BORDER_SIDES = [
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:insideH",
    "w:insideV",
]
_ORDER = {
    "w:tblPr": [
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    ],
    "w:tcPr": [
        "w:cnfStyle",
        "w:tcW",
        "w:gridSpan",
        "w:hMerge",
        "w:vMerge",
        "w:tcBorders",
        "w:shd",
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
    ],
    "w:trPr": [
        "w:cnfStyle",
        "w:divId",
        "w:gridBefore",
        "w:gridAfter",
        "w:wBefore",
        "w:wAfter",
        "w:cantSplit",
        "w:trHeight",
        "w:tblHeader",
        "w:tblCellSpacing",
        "w:jc",
        "w:hidden",
    ],
    "w:tblBorders": _BORDER_SIDES,
    "w:tcBorders": _BORDER_SIDES,
    "w:tcMar": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
    "w:tblCellMar": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
}


def _local(element: Any) -> str:
    return "w:" + element.tag.split("}")[1]


def _set(parent: Any, tag: str, **attrs: str) -> Any:
    """Get or create child ``tag`` of ``parent`` at its schema position (Word is strict)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        order = _ORDER.get(_local(parent), [])
        rank = order.index(tag) if tag in order else len(order)
        for i, child in enumerate(parent):
            name = _local(child)
            if name in order and order.index(name) > rank:
                parent.insert(i, element)
                break
        else:
            parent.append(element)
    for key, value in attrs.items():
        element.set(qn(key), value)
    return element


def shade(cell: Any, fill: str = HEADER_FILL) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    _set(tc_pr, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill})


def cell_margins(
    cell: Any, *, top: float = 0, bottom: float = 0, left: float = 0, right: float = 0
) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    mar = _set(tc_pr, "w:tcMar")
    for side, mm in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        _set(mar, f"w:{side}", **{"w:w": str(round(mm * 56.6929)), "w:type": "dxa"})


def table_margins(table: Any, *, top: float, bottom: float, left: float, right: float) -> None:
    tbl_pr = table._tbl.tblPr
    mar = _set(tbl_pr, "w:tblCellMar")
    for side, mm in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        _set(mar, f"w:{side}", **{"w:w": str(round(mm * 56.6929)), "w:type": "dxa"})


def borders(table: Any, size: int = 4) -> None:
    tbl_pr = table._tbl.tblPr
    box = _set(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(
            box,
            f"w:{side}",
            **{"w:val": "single", "w:sz": str(size), "w:space": "0", "w:color": "000000"},
        )


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    box = _set(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(box, f"w:{side}", **{"w:val": "nil"})


def fixed_grid(table: Any, widths_mm: Sequence[float], *, center: bool = False) -> None:
    """Fixed layout, the given grid, and every single-span cell's width."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _set(tbl_pr, "w:tblLayout", **{"w:type": "fixed"})
    total = sum(widths_mm)
    _set(tbl_pr, "w:tblW", **{"w:w": str(round(total * 56.6929)), "w:type": "dxa"})
    if center:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        grid_col.set(qn("w:w"), str(round(width * 56.6929)))


def set_cell_widths(table: Any, widths_mm: Sequence[float]) -> None:
    """Every cell's ``tcW`` = the sum of the grid columns it spans (call after merging)."""
    for tr in table._tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            width = sum(widths_mm[position : position + span])
            tc_pr = tc.get_or_add_tcPr()
            _set(tc_pr, "w:tcW", **{"w:w": str(round(width * 56.6929)), "w:type": "dxa"})
            position += span


def drop_width(cell: Any) -> None:
    """Let the grid decide a cell's width (for cells whose span is set at render time)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    width = tc_pr.find(qn("w:tcW"))
    if width is not None:
        tc_pr.remove(width)


def repeat_header(row: Any) -> None:
    _set(row._tr.get_or_add_trPr(), "w:tblHeader", **{"w:val": "true"})


def min_height(row: Any, mm: float) -> None:
    _set(
        row._tr.get_or_add_trPr(),
        "w:trHeight",
        **{"w:val": str(round(mm * 56.6929)), "w:hRule": "atLeast"},
    )


def cant_split(row: Any) -> None:
    _set(row._tr.get_or_add_trPr(), "w:cantSplit", **{"w:val": "true"})


def valign(cell: Any, where: str = "center") -> None:
    cell.vertical_alignment = {
        "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
        "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
        "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
    }[where]


def merge(row: Any, start: int, end: int) -> Any:
    """Merge cells ``start..end`` (inclusive) of a row; returns the merged cell."""
    return row.cells[start].merge(row.cells[end])


def style_font(doc: Any, name: str, *, size: float, base: str = "Normal") -> Any:
    """A paragraph style with its own font size (and no spacing)."""
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


# ---- letter pieces: kop surat, signature block, hanging lists ---------------------------------
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


def cell_run(
    cell: Any, text: str, *, bold: bool = False, align: Any = None, size: float | None = None
) -> Any:
    """Append one run to the cell's first paragraph and centre the cell vertically."""
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return p


def new_row(tbl: Any, widths: Sequence[float]) -> Any:
    """A new last row of ``tbl`` with every cell's width set."""
    new = tbl.add_row()
    for cell, width in zip(new.cells, widths, strict=True):
        cell.width = Mm(width)
    return new


def control_row(tbl: Any, widths: Sequence[float], text: str) -> None:
    """A row holding only a docxtpl row tag (``{%tr ... %}``); docxtpl removes the row."""
    cell_run(new_row(tbl, widths).cells[0], text)


def header_row(tbl: Any, titles: Sequence[str], size: float = 10) -> None:
    """The first row as the table's shaded, bold header, repeated on every page and never
    split."""
    for cell, text in zip(tbl.rows[0].cells, titles, strict=True):
        cell_run(cell, text, bold=True, align=CENTER, size=size)
        shade(cell)
    repeat_header(tbl.rows[0])
    cant_split(tbl.rows[0])


def kop(doc: Any) -> None:
    """Kop surat: logo, PEMERINTAH ..., unit, address, contacts, and the ruled line."""
    tbl = table(doc, 1, [26, 108, 26], grid=False)
    logo, text, _ = tbl.rows[0].cells
    cell_run(logo, "{{ unit.logo }}", align=CENTER)
    cell_run(text, "{{ unit.instansi_kapital }}", bold=True, align=CENTER, size=13)
    for content, size, bold in (
        ("{{ unit.nama_kapital }}", 16, True),
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
    """A signature block on the right: optional head lines, office, space, name, extra lines,
    in one borderless row that never splits (LibreOffice splits a long keep-with-next chain
    of paragraphs; it keeps the paragraph before the block with it)."""
    box = table(doc, 1, [TEXT_WIDTH_MM], grid=False)
    no_borders(box)
    cant_split(box.rows[0])
    cell = box.rows[0].cells[0]
    for i, line in enumerate((*head, office)):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.paragraph_format.left_indent = Mm(SIGN_LEFT_MM)
        p.alignment = CENTER
        p.add_run(line)
    for _ in range(4):
        para(cell, left=SIGN_LEFT_MM)
    para(cell, name, bold=True, underline=True, left=SIGN_LEFT_MM, align=CENTER)
    for line in extra:
        para(cell, line, left=SIGN_LEFT_MM, align=CENTER)


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


# ---- naskah dinas layout: page numbers, signature blocks from a signing context ---------
def _field(paragraph: Any, code: str) -> None:
    """A Word field (``PAGE``) in ``paragraph``."""
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)
        else:
            run.text = text


def page_numbers(doc: Any) -> None:
    """``- 2 -`` centred at the top from the second page on (naskah dinas / produk hukum);
    the first page has no number."""
    for section in doc.sections:
        section.different_first_page_header_footer = True
        section.header_distance = Mm(10)
        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.alignment = CENTER
        p.add_run("- ")
        _field(p, "PAGE")
        p.add_run(" -")
        section.first_page_header.is_linked_to_previous = False


def signature_block(
    container: Any,
    jabatan: str,
    nama: str,
    lines: Sequence[str] = (),
    *,
    head: Sequence[str] = (),
    left: float = SIGN_LEFT_MM,
) -> None:
    """The signature block of a ``ttd``-style context: head lines, jabatan (multi-line), room,
    bold underlined name, then each of ``lines`` printed only when not empty. Every line
    keeps with the next, so the block never leaves its last line alone."""
    for line in head:
        para(container, line, left=left, align=CENTER, keep=True)
    para(container, jabatan + ",", left=left, align=CENTER, keep=True)
    for _ in range(4):
        para(container, left=left, keep=True)
    para(container, nama, bold=True, underline=True, left=left, align=CENTER, keep=True)
    for line in lines:
        variable = line.strip("{} ").split("|")[0].strip()
        tag(container, "{%p if " + variable + " %}")
        para(container, line, left=left, align=CENTER, keep=True)
        tag(container, "{%p endif %}")


def ttd(prefix: str, *, head: Sequence[str] = (), container: Any = None, doc: Any = None) -> None:
    """The signature block of the context entry ``prefix`` (``rapat.ttd``)."""
    signature_block(
        container if container is not None else doc,
        "{{ " + prefix + ".jabatan }}",
        "{{ " + prefix + ".nama }}",
        ("{{ " + prefix + ".pangkat_golongan }}", "{{ " + prefix + ".nip_baris }}"),
        head=head,
    )


def keep_row_with_next(row: Any) -> None:
    """Every paragraph of the row keeps with the next: the table's last row stays on the page
    of whatever follows it (a signature block)."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _control_tr(span: int, text: str) -> Any:
    """A row holding only a docxtpl row tag (``{%tr ... %}``), one cell across ``span`` columns."""
    tr, tc = OxmlElement("w:tr"), OxmlElement("w:tc")
    _set(_set(tc, "w:tcPr"), "w:gridSpan", **{"w:val": str(span)})
    p, r, t = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    r.append(t)
    p.append(r)
    tc.append(p)
    tr.append(tc)
    return tr


def keep_row_when(row: Any, condition: str) -> None:
    """Print ``row`` (a loop's body row) as a copy that keeps with the next row when the Jinja
    ``condition`` holds (the loop's last row, kept with a closing row), as it is otherwise."""
    tr = row._tr
    span = sum(tc.grid_span for tc in tr.tc_lst)
    kept = deepcopy(tr)
    for p in kept.iter(qn("w:p")):
        Paragraph(p, None).paragraph_format.keep_with_next = True
    tr.addprevious(_control_tr(span, "{%tr if " + condition + " %}"))
    tr.addprevious(kept)
    tr.addprevious(_control_tr(span, "{%tr else %}"))
    tr.addnext(_control_tr(span, "{%tr endif %}"))


def closing_row(table: Any) -> Any:
    """A last row of ``table`` across all its columns, without side or bottom borders and never
    split, for the signature block: LibreOffice does not keep a table with the paragraph after
    it, but both it and Word keep a row whose paragraphs keep with the next (see
    :func:`keep_row_with_next`) with the row below. Returns the row's one cell (it already
    holds an empty paragraph, the space above the block)."""
    row = table.add_row()
    cant_split(row)
    cell = merge(row, 0, len(row.cells) - 1)
    box = _set(cell._tc.get_or_add_tcPr(), "w:tcBorders")
    for side in ("left", "bottom", "right"):
        _set(box, f"w:{side}", **{"w:val": "nil"})
    return cell


def side_by_side(
    doc: Any, left: tuple[str, str], right: tuple[str, str], *, width: float = TEXT_WIDTH_MM
) -> None:
    """Two signature blocks as rows of one borderless table (role and jabatan / room to sign /
    name / NIP), so both names stand on the same line whatever the jabatan's length."""
    widths = [width / 2, width / 2]
    tbl = table(doc, 4, widths, grid=False)
    blocks = (left, right)
    for row in tbl.rows:
        cant_split(row)
    for col, (prefix, role) in enumerate(blocks):
        cells = [row.cells[col] for row in tbl.rows]
        cell_run(cells[0], role, align=CENTER)
        para_in = cells[0].add_paragraph("{{ " + prefix + ".jabatan }},")
        para_in.alignment = CENTER
        cell_run(cells[2], "{{ " + prefix + ".nama }}", bold=True, align=CENTER)
        cells[2].paragraphs[0].runs[0].underline = True
        cell_run(cells[3], "{{ " + prefix + ".nip_baris }}", align=CENTER)
        for cell in cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
            cell.vertical_alignment = None
        cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    tbl.rows[1].height = Mm(22)


# ---- report pieces (chapter headings, loop lists and tables) --------------------------------
def heading(doc: object, text: str, *, new_page: bool = False) -> Any:
    """A centred bold chapter heading kept with what follows; ``new_page``: it starts a page
    (a break before the heading, never an empty page when the page before is full)."""
    p = paragraph(doc, text, bold=True, align="center", space_after=6, keep_next=True)
    if new_page:
        p.paragraph_format.page_break_before = True
    return p


def subheading(doc: object, text: str) -> None:
    """A bold section heading kept with what follows."""
    paragraph(doc, text, bold=True, space_after=3, keep_next=True)


def numbered(doc: object, key: str) -> None:
    """A ``{%p for %}`` numbered list of the texts in ``key``."""
    paragraph(doc, f"{{%p for x in {key} %}}")
    paragraph(doc, "{{ loop.index }}.\t{{ x }}", hanging_mm=7, space_after=2, align="justify")
    paragraph(doc, "{%p endfor %}")


def paragraphs(doc: object, key: str, *, keep: bool = False) -> None:
    """A ``{%p for %}`` run of justified, first-line-indented paragraphs (``keep``: each keeps
    with the next)."""
    paragraph(doc, f"{{%p for x in {key} %}}")
    paragraph(
        doc, "{{ x }}", space_after=6, align="justify", keep_next=keep
    ).paragraph_format.first_line_indent = Mm(10)
    paragraph(doc, "{%p endfor %}")


def report_cover(
    doc: object, titles: Sequence[tuple[str, float]], after: Sequence[str] = ()
) -> None:
    """A report's cover: the title lines (text, size), the unit's logo, unit, instansi, year,
    then ``after`` (the report's number). What follows starts a new page itself."""
    for _ in range(4):
        paragraph(doc, "")
    for text, size in titles:
        paragraph(doc, text, bold=True, size=size, align="center", space_after=4)
    for _ in range(4):
        paragraph(doc, "")
    paragraph(doc, "{% if unit.logo %}{{ unit.logo }}{% endif %}", align="center")
    for _ in range(6):
        paragraph(doc, "")
    for text in ("{{ unit.nama_kapital }}", "{{ unit.instansi_kapital }}", "{{ tahun }}"):
        paragraph(doc, text, bold=True, size=14, align="center", space_after=4)
    for text in after:
        paragraph(doc, text, align="center", size=12)


def loop_table(
    doc: object,
    headers: list[tuple[str, float]],
    cells: list[str],
    loop: str,
    *,
    group: tuple[str, str] | None = None,
    whole_groups: bool = False,
    size: float = 9.0,
) -> None:
    """Header row, then item rows (``{%tr for k in LOOP %}``).

    ``group`` = (the groups, the title): the items come in titled groups (``g``). A group's
    title never ends a page without its first item. By default each group is a table of its
    own whose title is a header row under the column titles, so a group going on over a page
    names itself again there (a monev area with many activities). ``whole_groups``: the groups
    are short (a survey's respondent profile) and share one table, each kept whole on a page."""
    widths = [w for _h, w in headers]
    span = len(widths) - 1
    tables = bool(group) and not whole_groups
    if tables:
        assert group is not None
        paragraph(doc, f"{{%p for g in {group[0]} %}}")
    rows = 4 + (3 if group and whole_groups else 1 if tables else 0)
    table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    fixed_grid(table, widths, center=True)
    borders(table)
    table_margins(table, top=0.5, bottom=0.5, left=1.2, right=1.2)
    head = table.rows[0]
    repeat_header(head)
    for cell, (title, _w) in zip(head.cells, headers, strict=True):
        cell_text(cell, title, bold=True, size=size, align="center")
        shade(cell)
        valign(cell)
    keep_row_with_next(head)
    index = 1
    if group:
        if whole_groups:
            cell_text(merge(table.rows[1], 0, span), f"{{%tr for g in {group[0]} %}}")
        title_row = table.rows[2 if whole_groups else 1]
        title = merge(title_row, 0, span)
        cell_text(title, group[1], bold=True, size=size)
        shade(title, "F2F2F2")
        cant_split(title_row)
        keep_row_with_next(title_row)  # a group's title never ends a page alone
        if tables:
            repeat_header(title_row)  # ... and shows again where its group goes on
        index = 3 if whole_groups else 2
    cell_text(merge(table.rows[index], 0, span), f"{{%tr for k in {loop} %}}")
    body = table.rows[index + 1]
    cant_split(body)
    for cell, text in zip(body.cells, cells, strict=True):
        cell_text(cell, text, size=size, align="center" if text.endswith("no }}") else "left")
    cell_text(merge(table.rows[index + 2], 0, span), "{%tr endfor %}")
    if group and whole_groups:
        cell_text(merge(table.rows[index + 3], 0, span), "{%tr endfor %}")
    set_cell_widths(table, widths)
    if group and whole_groups:
        keep_row_when(body, "not loop.last")  # the rows of a group hold together
    if tables:
        # a 4 pt line keeps the group tables apart (Word joins adjacent tables into one)
        paragraph(doc).paragraph_format.line_spacing = Pt(4)
        paragraph(doc, "{%p endfor %}")
    paragraph(doc, "", space_after=6)
