"""Paint a flowchart :class:`~zi_docs.documents.flowchart.Layout` with Pillow, cut into tiles.

Each tile is the part of the drawing that falls in one table cell (row x lane). Tiles are
painted from the same global drawing, so a connector leaving one cell continues in the next
as long as the cells are exactly the tile size (zero cell margins).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from zi_docs.documents.flowchart import Arrow, Layout, Placement, Point, Symbol

INK = (0, 0, 0, 255)
FILL = (255, 255, 255, 255)
CLEAR = (255, 255, 255, 0)
"""Tiles are transparent outside the symbols, so the table's cell borders show through."""
_FONT_CANDIDATES = (
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
    "DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


@lru_cache(maxsize=8)
def label_font(size_px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A sans-serif font for the Ya/Tidak labels (Pillow's own font when none is installed)."""
    for name in _FONT_CANDIDATES:
        try:
            return ImageFont.truetype(name, size_px)
        except OSError:
            continue
    return ImageFont.load_default(size=size_px)


_BOLD_CANDIDATES = (
    "LiberationSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
)
_EM_PX = 1000
UNKNOWN_BOLD = 1.15
"""Bold text measured with the regular font when no bold Arial-compatible font is installed
is taken this much wider (Arial Bold is up to about 1.11 times as wide as Arial)."""


@lru_cache(maxsize=1)
def _bold_em_font() -> ImageFont.FreeTypeFont | None:
    for name in _BOLD_CANDIDATES:
        try:
            return ImageFont.truetype(name, _EM_PX)
        except OSError:
            continue
    return None


def bold_width_em(text: str) -> float:
    """Width of ``text`` set in bold Arial (metrics of Liberation Sans Bold), in ems: times
    the font size gives the width in the size's unit."""
    font = _bold_em_font()
    if font is None:
        return label_font(_EM_PX).getlength(text) / _EM_PX * UNKNOWN_BOLD
    return font.getlength(text) / _EM_PX


def label_measure(font_px: int) -> Callable[[str], tuple[float, float]]:
    """Width and height in pixels of a label painted by :func:`draw_tiles` at ``font_px``
    (its ink box from the top-left anchor)."""
    font = label_font(font_px)

    def size(text: str) -> tuple[float, float]:
        _left, _top, right, bottom = font.getbbox(text, anchor="lt")
        return (float(right), float(bottom))

    return size


@dataclass(frozen=True)
class Tile:
    """One cell's picture."""

    row: int
    lane: int
    png: bytes
    width_px: int
    height_px: int
    symbol: Symbol | None
    """The symbol drawn in this cell, if a step of this row belongs to this lane."""


def draw_tiles(layout: Layout, *, font_px: int) -> list[list[Tile]]:
    """Tiles per row, one per lane, each a PNG."""
    lanes, rows = layout.lane_edges, layout.row_edges
    by_cell = {(p.row, p.lane): p for p in layout.placements}
    result: list[list[Tile]] = []
    font = label_font(font_px)
    for r in range(len(rows) - 1):
        y0, y1 = round(rows[r]), round(rows[r + 1])
        line: list[Tile] = []
        for lane in range(len(lanes) - 1):
            x0, x1 = round(lanes[lane]), round(lanes[lane + 1])
            image = Image.new("RGBA", (x1 - x0, y1 - y0), CLEAR)
            canvas = ImageDraw.Draw(image)
            _paint(canvas, layout, (float(x0), float(y0)), font)
            buffer = io.BytesIO()
            # zlib's default level: optimize=True saved 0.3 KB a tile in 5 times the time
            image.save(buffer, format="PNG")
            placed = by_cell.get((r, lane))
            line.append(
                Tile(
                    r, lane, buffer.getvalue(), x1 - x0, y1 - y0, placed.symbol if placed else None
                )
            )
        result.append(line)
    return result


def _paint(
    canvas: ImageDraw.ImageDraw,
    layout: Layout,
    origin: Point,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
) -> None:
    width = max(1, round(layout.line_width))
    for arrow in layout.arrows:
        _arrow(canvas, arrow, origin, width, font)
    for placement in layout.placements:
        _symbol(canvas, placement, origin, width, font)


def _shift(point: Point, origin: Point) -> tuple[float, float]:
    return (point[0] - origin[0], point[1] - origin[1])


def _symbol(
    canvas: ImageDraw.ImageDraw,
    placement: Placement,
    origin: Point,
    width: int,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
) -> None:
    left, top = _shift((placement.box[0], placement.box[1]), origin)
    right, bottom = _shift((placement.box[2], placement.box[3]), origin)
    if placement.symbol is Symbol.CONNECTOR:
        # the off-page connector of PermenPANRB 35/2012: a pentagon pointing down
        cx, shoulder = (left + right) / 2, top + (bottom - top) * 0.6
        pentagon = [(left, top), (right, top), (right, shoulder), (cx, bottom), (left, shoulder)]
        canvas.polygon(pentagon, fill=FILL, outline=INK, width=width)
        room = (right - left) * 0.8
        at = (cx, top + (bottom - top) * 0.4)
        canvas.text(
            at, placement.text, fill=INK, font=_fitting(font, placement.text, room), anchor="mm"
        )
    elif placement.symbol in (Symbol.START, Symbol.END):
        radius = (bottom - top) / 2
        canvas.rounded_rectangle(
            (left, top, right, bottom), radius=radius, fill=FILL, outline=INK, width=width
        )
    elif placement.symbol is Symbol.DECISION:
        cx, cy = (left + right) / 2, (top + bottom) / 2
        diamond = [(cx, top), (right, cy), (cx, bottom), (left, cy)]
        canvas.polygon(diamond, fill=FILL, outline=INK, width=width)
    else:
        canvas.rectangle((left, top, right, bottom), fill=FILL, outline=INK, width=width)


def _arrow(
    canvas: ImageDraw.ImageDraw,
    arrow: Arrow,
    origin: Point,
    width: int,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
) -> None:
    points = [_shift(p, origin) for p in arrow.points]
    head = width * 4.5
    # stop the shaft where the head begins so the tip stays sharp
    (x1, y1), (x2, y2) = points[-2], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    shaft = [*points[:-1], (x2 - ux * head * 0.8, y2 - uy * head * 0.8)]
    canvas.line(shaft, fill=INK, width=width, joint="curve")
    half = head * 0.45
    tip = (x2, y2)
    base = (x2 - ux * head, y2 - uy * head)
    canvas.polygon(
        [
            tip,
            (base[0] - uy * half, base[1] + ux * half),
            (base[0] + uy * half, base[1] - ux * half),
        ],
        fill=INK,
    )
    if arrow.label and arrow.label_box:
        # full size, never shrunk: the layout found the room (flowchart_labels)
        at = _shift((arrow.label_box[0], arrow.label_box[1]), origin)
        canvas.text(at, arrow.label, fill=INK, font=font, anchor="lt")


def _fitting(
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont, text: str, room: float
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The font, shrunk (down to 50 %) so a connector's letter stays inside its pentagon."""
    if not isinstance(font, ImageFont.FreeTypeFont) or room <= 0:
        return font
    size = font.size
    while size > font.size * 0.5 and font.getlength(text) * size / font.size > room:
        size -= 1
    return font if size == font.size else label_font(int(size))
