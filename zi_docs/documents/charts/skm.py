"""Charts of the Laporan SKM drawn with Pillow: the converted value of each unsur coloured by
its mutu, the spread of answers per unsur, and the importance-performance quadrant.

Each returns PNG bytes at print resolution; labels are sized to the drawing so nothing is cut.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from zi_docs.angka import angka
from zi_docs.documents.flowchart_draw import label_font

DPI = 200
_MM = DPI / 25.4
INK = (0, 0, 0)
GRID = (205, 205, 205)
MUTU_COLOURS = {"A": (56, 118, 29), "B": (47, 84, 150), "C": (230, 145, 56), "D": (192, 0, 0)}
SPREAD = ((192, 0, 0), (230, 145, 56), (111, 168, 220), (47, 84, 150))
"""Score 1 (worst) ... 4 (best)."""


@dataclass(frozen=True)
class UnsurBar:
    label: str
    value: float
    """Converted value (25-100)."""
    mutu: str


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(DPI, DPI))  # default level, as in bar_chart
    return buffer.getvalue()


_BAR_H, _GAP = 5.0 * _MM, 2.2 * _MM


@dataclass
class _Frame:
    """A canvas of ``count`` horizontal bars on a 0-100 axis with grid lines and ticks."""

    image: Image.Image
    draw: ImageDraw.ImageDraw
    x0: float
    scale: float
    top: float
    y_end: float

    def row_y(self, i: int) -> float:
        return self.top + i * (_BAR_H + _GAP) + _GAP / 2


def _frame(
    count: int,
    *,
    width_mm: float,
    label_w: float,
    right: float,
    top: float,
    bottom: float,
    step: int,
    suffix: str,
    font: object,
) -> _Frame:
    width = round(width_mm * _MM)
    height = round(top + (_BAR_H + _GAP) * count + bottom)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    x0 = label_w
    scale = (width - right - x0) / 100.0
    y_end = top + (_BAR_H + _GAP) * count
    for tick in range(0, 101, step):
        x = x0 + tick * scale
        draw.line([(x, top), (x, y_end)], fill=GRID, width=1)
        draw.text((x, y_end + 1 * _MM), f"{tick}{suffix}", fill=INK, font=font, anchor="ma")  # type: ignore[arg-type]
    return _Frame(image, draw, x0, scale, top, y_end)


def _fit(draw: ImageDraw.ImageDraw, text: str, width: float, font: object) -> str:
    """``text`` shortened with an ellipsis at a word boundary to fit ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:  # type: ignore[arg-type]
        return text
    words = text.split()
    while words and draw.textlength(" ".join(words) + "…", font=font) > width:  # type: ignore[arg-type]
        words.pop()
    return (" ".join(words) or text[:8]) + "…"


def unsur_chart(bars: Sequence[UnsurBar], ikm: float, *, width_mm: float = 160.0) -> bytes:
    """Horizontal bars on the 0-100 scale, coloured by mutu, with a dashed line at the IKM."""
    font = label_font(round(2.7 * _MM))
    small = label_font(round(2.3 * _MM))
    label_w = 62 * _MM
    f = _frame(
        len(bars),
        width_mm=width_mm,
        label_w=label_w,
        right=14 * _MM,
        top=5 * _MM,
        bottom=16 * _MM,
        step=25,
        suffix="",
        font=small,
    )
    draw, x0, scale, top, y_end, bar_h = f.draw, f.x0, f.scale, f.top, f.y_end, _BAR_H
    height = f.image.height
    labels: list[tuple[float, ...]] = []
    for i, bar in enumerate(bars):
        y = f.row_y(i)
        label = _fit(draw, bar.label, label_w - 3 * _MM, font)
        draw.text((x0 - 2 * _MM, y + bar_h / 2), label, fill=INK, font=font, anchor="rm")
        end = x0 + max(0.0, min(100.0, bar.value)) * scale
        draw.rectangle((x0, y, end, y + bar_h), fill=MUTU_COLOURS.get(bar.mutu, INK))
        where = (end - 1 * _MM, y + bar_h / 2)
        text = f"{angka(bar.value)} ({bar.mutu})"
        draw.text(where, text, fill=(255, 255, 255), font=small, anchor="rm")
        labels.append(draw.textbbox(where, text, font=small, anchor="rm"))
    x = x0 + ikm * scale
    pad = 0.8 * _MM
    for y in range(round(top - 2 * _MM), round(y_end), round(2 * _MM)):
        dash = (x - pad, y, x + pad, y + 1 * _MM)
        if not _overlaps(dash, labels):  # the IKM line never crosses a value
            draw.line([(x, y), (x, y + 1 * _MM)], fill=INK, width=round(0.4 * _MM))
    draw.line([(x0, top), (x0, y_end)], fill=INK, width=2)
    legend_y = height - 5 * _MM
    lx = x0
    for mutu, colour in MUTU_COLOURS.items():
        draw.rectangle((lx, legend_y - 1.5 * _MM, lx + 3 * _MM, legend_y + 1.5 * _MM), fill=colour)
        draw.text((lx + 4.2 * _MM, legend_y), f"Mutu {mutu}", fill=INK, font=small, anchor="lm")
        lx += 20 * _MM
    draw.line([(lx, legend_y), (lx + 4 * _MM, legend_y)], fill=INK, width=round(0.4 * _MM))
    draw.text((lx + 5.2 * _MM, legend_y), f"IKM {angka(ikm)}", fill=INK, font=small, anchor="lm")
    return _png(f.image)


def spread_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    legend: Sequence[str],
    *,
    width_mm: float = 160.0,
) -> bytes:
    """One 100 % stacked bar per unsur: the share of each score (worst left, best right)."""
    font = label_font(round(2.7 * _MM))
    small = label_font(round(2.2 * _MM))
    label_w = 40 * _MM
    legend_rows = 1 if len(legend) <= 4 else 2
    f = _frame(
        len(rows),
        width_mm=width_mm,
        label_w=label_w,
        right=4 * _MM,
        top=4 * _MM,
        bottom=(11 + 5 * legend_rows) * _MM,
        step=20,
        suffix="%",
        font=small,
    )
    draw, x0, scale, y_end, bar_h = f.draw, f.x0, f.scale, f.y_end, _BAR_H
    width = f.image.width
    for i, (label, counts) in enumerate(rows):
        y = f.row_y(i)
        draw.text(
            (x0 - 2 * _MM, y + bar_h / 2),
            _fit(draw, label, label_w - 3 * _MM, font),
            fill=INK,
            font=font,
            anchor="rm",
        )
        total = sum(counts) or 1
        x = x0
        for k, n in enumerate(counts):
            share = 100.0 * n / total
            end = x + share * scale
            if n:
                draw.rectangle((x, y, end, y + bar_h), fill=SPREAD[k % len(SPREAD)])
                text = f"{angka(share, 0)}%"
                if draw.textlength(text, font=small) + 1 * _MM < end - x:
                    colour = (255, 255, 255) if k in (0, 3) else INK
                    draw.text(
                        ((x + end) / 2, y + bar_h / 2), text, fill=colour, font=small, anchor="mm"
                    )
            x = end
    lx, ly = x0, y_end + 9 * _MM
    for k, name in enumerate(legend):
        text_w = draw.textlength(name, font=small)
        if lx + 5 * _MM + text_w > width - 2 * _MM:
            lx, ly = x0, ly + 5 * _MM
        draw.rectangle((lx, ly - 1.5 * _MM, lx + 3 * _MM, ly + 1.5 * _MM), fill=SPREAD[k % 4])
        draw.text((lx + 4.2 * _MM, ly), name, fill=INK, font=small, anchor="lm")
        lx += 8 * _MM + text_w
    return _png(f.image)


@dataclass(frozen=True)
class QuadrantPoint:
    code: str
    performance: float
    importance: float


def _ticks(low: float, high: float) -> tuple[float, float, list[float]]:
    """Axis limits on a 0.1 grid around ``low``..``high`` and the ticks to label."""
    lo = math.floor((low - 0.05) * 10) / 10
    hi = math.ceil((high + 0.05) * 10) / 10
    step = 0.1 if hi - lo <= 0.8 else 0.2 if hi - lo <= 1.6 else 0.5
    count = round((hi - lo) / step)
    return (
        lo,
        lo + count * step if lo + count * step >= hi else hi,
        [round(lo + i * step, 2) for i in range(count + 1)],
    )


def _overlaps(box: tuple[float, float, float, float], others: list[tuple[float, ...]]) -> bool:
    return any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in others)


def quadrant_chart(
    points: Sequence[QuadrantPoint], names: Sequence[str], *, width_mm: float = 130.0
) -> bytes:
    """Kepentingan (vertical) against kinerja (horizontal), split at the means; ``names`` are
    the quadrants I-IV (top-left, top-right, bottom-left, bottom-right). Point labels move
    around their point until they overlap nothing already drawn."""
    font = label_font(round(2.6 * _MM))
    small = label_font(round(2.2 * _MM))
    size = round(width_mm * _MM)
    left, right = 18 * _MM, size - 4 * _MM
    top, bottom = 4 * _MM, size - 14 * _MM
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    xs = [p.performance for p in points]
    ys = [p.importance for p in points]
    x_lo, x_hi, x_ticks = _ticks(min(xs), max(xs))
    y_lo, y_hi, y_ticks = _ticks(min(ys), max(ys))

    def at(x: float, y: float) -> tuple[float, float]:
        return (
            left + (x - x_lo) / (x_hi - x_lo) * (right - left),
            bottom - (y - y_lo) / (y_hi - y_lo) * (bottom - top),
        )

    for value in x_ticks:
        x, _ = at(value, y_lo)
        draw.line([(x, top), (x, bottom)], fill=GRID, width=1)
        draw.text((x, bottom + 1 * _MM), angka(value, 1), fill=INK, font=small, anchor="ma")
    for value in y_ticks:
        _, y = at(x_lo, value)
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
        draw.text((left - 1 * _MM, y), angka(value, 1), fill=INK, font=small, anchor="rm")
    draw.rectangle((left, top, right, bottom), outline=INK, width=2)
    cx, cy = at(sum(xs) / len(xs), sum(ys) / len(ys))
    draw.line([(cx, top), (cx, bottom)], fill=(90, 90, 90), width=3)
    draw.line([(left, cy), (right, cy)], fill=(90, 90, 90), width=3)
    taken: list[tuple[float, ...]] = []
    corners = (
        (left + 2 * _MM, top + 2 * _MM, "la"),
        (right - 2 * _MM, top + 2 * _MM, "ra"),
        (left + 2 * _MM, bottom - 2 * _MM, "ld"),
        (right - 2 * _MM, bottom - 2 * _MM, "rd"),
    )
    for (x, y, anchor), name in zip(corners, names, strict=False):
        draw.text((x, y), name, fill=(90, 90, 90), font=small, anchor=anchor)
        taken.append(draw.textbbox((x, y), name, font=small, anchor=anchor))
    r = 1.3 * _MM
    spots = [at(p.performance, p.importance) for p in points]
    taken.extend((x - r, y - r, x + r, y + r) for x, y in spots)
    for x, y in spots:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=MUTU_COLOURS["B"])
    for p, (x, y) in zip(points, spots, strict=True):
        d = 2 * _MM
        for dx, dy, anchor in (
            (d, 0, "lm"),
            (-d, 0, "rm"),
            (0, -d, "md"),
            (0, d, "ma"),
            (d, -d, "ld"),
            (d, d, "la"),
            (-d, -d, "rd"),
            (-d, d, "ra"),
        ):
            box = draw.textbbox((x + dx, y + dy), p.code, font=font, anchor=anchor)
            inside = box[0] > left and box[2] < right and box[1] > top and box[3] < bottom
            if inside and not _overlaps(box, taken):
                break
        draw.text((x + dx, y + dy), p.code, fill=INK, font=font, anchor=anchor)
        taken.append(box)
    draw.text(
        ((left + right) / 2, size - 3 * _MM), "Kinerja (NRR)", fill=INK, font=font, anchor="md"
    )
    label = Image.new("RGB", (round(bottom - top), round(6 * _MM)), (255, 255, 255))
    ImageDraw.Draw(label).text(
        (label.width / 2, label.height / 2), "Kepentingan", fill=INK, font=font, anchor="mm"
    )
    image.paste(label.rotate(90, expand=True), (round(1 * _MM), round(top)))
    return _png(image)
