"""The SOP flowchart table: its geometry, row heights, and the tiles of each row.

The built-in template ``sop.docx`` (built from ``templates/sop_rencana.py`` by
``tools/build_templates.py``) and the context builder both read the geometry here, so a tile
is exactly as wide as its cell. The pelaksana area is a grid of
:data:`~zi_docs.documents.sop_lanes.GRID_LANES` narrow columns; each pelaksana cell spans a
share of them (``{% colspan %}``, shared out by :mod:`~zi_docs.documents.sop_lanes` so no
name is cut), which keeps the table grid right for any number of pelaksana in Word and in
LibreOffice.

A row is as tall as its tiles; the tiles are made tall enough for the longest text of the
row (measured with Arial-compatible metrics, with a margin for other fonts), so the row
never grows past its pictures and vertical connectors join from row to row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from zi_docs.documents.flowchart import FlowStep, layout_flowchart
from zi_docs.documents.flowchart_draw import draw_tiles, label_font, label_measure
from zi_docs.documents.kind import Media
from zi_docs.documents.sop_lanes import (
    AREA_MM,
    Lane,
    name_lines,
    name_safety,
    plan_lanes,
)
from zi_docs.documents.sop_pages import (
    CONNECTOR_ROW_MM,
    Crossing,
    FlowPages,
    page_steps,
    paginate,
)

COLUMNS_MM: dict[str, float] = {
    "no": 8.0,
    "kegiatan": 44.0,
    "pelaksana": AREA_MM,
    "kelengkapan": 30.0,
    "waktu": 16.0,
    "output": 25.0,
    "keterangan": 28.0,
}
"""Column widths of the flowchart table (247 mm: fits A4 and F4 landscape)."""
MAX_PELAKSANA = 8
FONT_PT = 9.0
"""Font size of the table text."""
CELL_MARGIN_MM = 1.2
"""Left/right margin of the text cells (top/bottom: :data:`CELL_MARGIN_V_MM`)."""
CELL_MARGIN_V_MM = 0.8
MIN_ROW_MM = 17.0
DPI = 300
LABEL_PX = round(FONT_PT * 25.4 / 72 * DPI / 25.4)
"""Size of the "Ya"/"Tidak" labels in the tiles: the table text's, never shrunk."""
LINE_FACTOR = 1.18
"""Line height as a multiple of the font size (Arial single spacing is 1.15)."""
WIDTH_SAFETY = 1.12
"""Text in an Arial-like font is measured this much wider than Arial, so it surely fits."""
WIDE_FONT_SAFETY = 1.3
"""The same for any other font (Bookman Old Style is about 1.25 times as wide as Arial)."""
ARIAL_LIKE = ("arial", "liberation sans", "arimo", "helvetica")


def width_safety(font_name: str) -> float:
    """How much wider than Arial the table text is measured, for the document's font."""
    return WIDTH_SAFETY if font_name.casefold().startswith(ARIAL_LIKE) else WIDE_FONT_SAFETY


_PX_PER_MM = DPI / 25.4
_PT_MM = 25.4 / 72


def text_lines(
    text: str, width_mm: float, font_pt: float = FONT_PT, safety: float = WIDTH_SAFETY
) -> int:
    """Lines ``text`` takes in a column ``width_mm`` wide (word wrap, explicit line breaks)."""
    if not text:
        return 1
    font = label_font(max(1, round(font_pt * _PT_MM * _PX_PER_MM)))
    room = (width_mm - 2 * CELL_MARGIN_MM) * _PX_PER_MM
    lines = 0
    for paragraph in text.split("\n"):
        current = ""
        lines += 1
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if font.getlength(trial) * safety <= room or not current:
                current = trial
                # a single word longer than the column wraps by characters
                extra = int(font.getlength(current) * safety // max(room, 1.0))
                if extra and current == word:
                    lines += extra
            else:
                lines += 1
                current = word
    return lines


def row_height_mm(texts: dict[str, str], safety: float = WIDTH_SAFETY) -> float:
    """Height of a row whose text columns hold ``texts`` (column name -> text)."""
    line_mm = FONT_PT * LINE_FACTOR * _PT_MM
    tallest = max(text_lines(text, COLUMNS_MM[name], safety=safety) for name, text in texts.items())
    needed = (tallest + 0.6) * line_mm + 2 * CELL_MARGIN_V_MM
    return max(MIN_ROW_MM, round(needed, 1))


@dataclass(frozen=True)
class FlowTable:
    """What the template's flowchart tables need (one table per page)."""

    header: list[dict[str, Any]]
    """One entry per pelaksana: ``nama``, ``span``, ``ukuran`` (its size in points)."""
    pages: list[list[dict[str, Any]]]
    """Rows of each page: ``no``, text columns and ``tiles`` (``span``, ``gambar``); a
    connector row has no ``no`` and says in ``kegiatan`` where the flow goes on."""
    crossings: tuple[Crossing, ...]


def header_height_mm(
    lanes: Sequence[Lane], safety: float = WIDTH_SAFETY, font: str = "Arial"
) -> float:
    """Height of the two header rows (the Mutu Baku titles, the pelaksana names)."""
    line_mm = FONT_PT * LINE_FACTOR * _PT_MM
    names = max(
        name_lines(lane.nama, lane, name_safety(font)) * lane.size_pt / FONT_PT for lane in lanes
    )
    mutu = text_lines("Persyaratan/ Kelengkapan", COLUMNS_MM["kelengkapan"], safety=safety)
    second = max(names, mutu)
    return (1 + second) * line_mm + 4 * CELL_MARGIN_V_MM + HEADER_SAFETY_MM


HEADER_SAFETY_MM = 3.0
"""Added to the estimated header height (bold text, border widths)."""
FIRST_PAGE = 2
"""Document page of the first flowchart page (the identity table fills page 1)."""
_EMPTY_TEXTS = {"kelengkapan": "", "waktu": "", "output": "", "keterangan": ""}


_NO_WRAP_DISTANCE = 'distT="0" distB="0" distL="0" distR="0"'


class _Described:
    """An engine image with alternative text written into its ``wp:docPr`` and zero wrap
    distances (LibreOffice otherwise puts 3.2 mm around an inline picture without them)."""

    def __init__(self, image: object, alt: str) -> None:
        self.image, self.alt = image, alt

    def __html__(self) -> str:
        html = getattr(self.image, "__html__", None)
        if html is None:
            return str(escape(str(self.image)))
        xml = str(html())
        if "<wp:inline " in xml and "distL=" not in xml:
            xml = xml.replace(
                "<wp:inline ", '<wp:inline distT="0" distB="0" distL="0" distR="0" ', 1
            )
        return Markup(xml.replace("<wp:docPr ", f'<wp:docPr descr="{escape(self.alt)}" ', 1))

    def __str__(self) -> str:
        return self.__html__()


def build_flow_table(
    steps: Sequence[FlowStep],
    pelaksana: Sequence[str],
    texts: Sequence[dict[str, str]],
    media: Media,
    *,
    body_mm: float,
    font: str = "Arial",
) -> FlowTable:
    """Cut the flowchart into pages of ``body_mm`` (the page's text height), lay out and draw
    each page; one tile per (row, pelaksana) cell. ``font``: the document's font."""
    safety = width_safety(font)
    lanes = plan_lanes(pelaksana, font)
    heights_mm = [
        row_height_mm({k: v for k, v in t.items() if k in COLUMNS_MM}, safety) for t in texts
    ]
    flow = paginate(steps, heights_mm, body_mm - header_height_mm(lanes, safety, font))
    pages = [
        _page_rows(flow, k, steps, lanes, texts, heights_mm, media) for k in range(len(flow.pages))
    ]
    header = [{"nama": lane.nama, "span": lane.span, "ukuran": lane.size_pt} for lane in lanes]
    return FlowTable(header=header, pages=pages, crossings=flow.crossings)


def _page_rows(
    flow: FlowPages,
    k: int,
    steps: Sequence[FlowStep],
    lanes: Sequence[Lane],
    texts: Sequence[dict[str, str]],
    heights_mm: Sequence[float],
    media: Media,
) -> list[dict[str, Any]]:
    numbers = flow.pages[k]
    ins = [c for c in flow.crossings if c.in_page == k]
    outs = [c for c in flow.crossings if c.out_page == k]
    local_steps = page_steps(flow, k, steps)
    row_mm = [CONNECTOR_ROW_MM] * bool(ins) + [heights_mm[no - 1] for no in numbers]
    row_mm += [CONNECTOR_ROW_MM] * bool(outs)
    row_texts: list[dict[str, str]] = []
    if ins:
        said = "; ".join(f"Dari halaman {c.out_page + FIRST_PAGE} ({c.letter})" for c in ins)
        row_texts.append({"no": "", "kegiatan": said, **_EMPTY_TEXTS})
    row_texts += [{"no": str(no), **texts[no - 1]} for no in numbers]
    if outs:
        said = "; ".join(f"Ke halaman {c.in_page + FIRST_PAGE} ({c.letter})" for c in outs)
        row_texts.append({"no": "", "kegiatan": said, **_EMPTY_TEXTS})
    return _draw_rows(local_steps, lanes, row_texts, row_mm, media)


def _draw_rows(
    steps: Sequence[FlowStep],
    lanes: Sequence[Lane],
    row_texts: Sequence[dict[str, str]],
    heights_mm: Sequence[float],
    media: Media,
) -> list[dict[str, Any]]:
    widths_mm = [lane.width_mm for lane in lanes]
    layout = layout_flowchart(
        steps,
        [w * _PX_PER_MM for w in widths_mm],
        [h * _PX_PER_MM for h in heights_mm],
        unit=_PX_PER_MM,
        label_size=label_measure(LABEL_PX),
    )
    tiles = draw_tiles(layout, font_px=LABEL_PX)
    rows: list[dict[str, Any]] = []
    for index, text in enumerate(row_texts):
        cells = []
        for lane, tile in enumerate(tiles[index]):
            what = f"Langkah {text['no']}" if text["no"] else "Penghubung antarhalaman"
            alt = (
                f"{what}: simbol {tile.symbol.value} ({lanes[lane].nama})"
                if tile.symbol
                else f"{what}: garis alur"
            )
            picture = media.image(tile.png, width_mm=widths_mm[lane], height_mm=heights_mm[index])
            cells.append({"span": lanes[lane].span, "gambar": _Described(picture, alt)})
        rows.append({**text, "tiles": cells})
    return rows
