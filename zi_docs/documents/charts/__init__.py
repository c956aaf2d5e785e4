"""The one chart module: bar charts drawn with Pillow (no plotting library needed).

Every chart zi-docs draws (the monev report's target/realisation per area, the completeness
report's score share and checklist coverage per sub-komponen) is a set of horizontal bars on
a 0-100 % scale in one house style, returned as PNG bytes at print resolution.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from zi_docs.angka import persen
from zi_docs.documents.flowchart_draw import label_font

DPI = 200
_MM = DPI / 25.4
INK = (0, 0, 0)
GRID = (200, 200, 200)
COLOURS = ((166, 166, 166), (47, 84, 150), (192, 0, 0))
"""Grey (plan), blue (realisation/score), red (minimum line)."""
LIGHTS = {"hijau": (30, 158, 62), "kuning": (224, 168, 0), "merah": (209, 17, 17)}
"""Traffic-light colours, for a bar whose first series is tinted by its light."""


@dataclass(frozen=True)
class Bar:
    """One area's values on the 0-100 scale."""

    label: str
    values: tuple[float, ...]
    """One value per series (e.g. target and realisasi)."""
    light: str | None = None
    """Colour the first series by this traffic light (``hijau``, ``kuning``, ``merah``)."""


def bar_chart(
    bars: Sequence[Bar],
    series: Sequence[str],
    *,
    width_mm: float = 160.0,
    minimum: float | None = None,
    minimum_label: str = "",
) -> bytes:
    """Grouped horizontal bars with a legend; ``minimum`` draws a red vertical line."""
    font = label_font(round(3.2 * _MM))
    small = label_font(round(2.8 * _MM))
    label_w = 68 * _MM
    bar_h = 4.0 * _MM
    group_h = bar_h * len(series) + 3 * _MM
    top, bottom = 4 * _MM, 14 * _MM
    width = round(width_mm * _MM)
    height = round(top + group_h * len(bars) + bottom)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    x0, x1 = label_w, width - 12 * _MM
    scale = (x1 - x0) / 100.0
    y_end = top + group_h * len(bars)
    for tick in range(0, 101, 20):
        x = x0 + tick * scale
        draw.line([(x, top), (x, y_end)], fill=GRID, width=1)
        draw.text((x, y_end + 1 * _MM), f"{tick}%", fill=INK, font=small, anchor="ma")
    for i, bar in enumerate(bars):
        y = top + i * group_h + 1.5 * _MM
        draw.text(
            (x0 - 2 * _MM, y + bar_h * len(series) / 2),
            _fit(bar.label, 44),
            fill=INK,
            font=font,
            anchor="rm",
        )
        for k, value in enumerate(bar.values):
            clamped = max(0.0, min(100.0, value))
            box = (x0, y + k * bar_h, x0 + clamped * scale, y + (k + 1) * bar_h - 0.6 * _MM)
            colour = LIGHTS[bar.light] if bar.light and k == 0 else _colour(k, len(series))
            draw.rectangle(box, fill=colour)
            text = persen(value, 1)
            draw.text(
                (box[2] + 1 * _MM, (box[1] + box[3]) / 2), text, fill=INK, font=small, anchor="lm"
            )
    draw.line([(x0, top), (x0, y_end)], fill=INK, width=2)
    if minimum is not None:
        x = x0 + minimum * scale
        draw.line([(x, top - 2 * _MM), (x, y_end)], fill=COLOURS[2], width=round(0.5 * _MM))
    _legend(draw, series, minimum_label if minimum is not None else "", height, font)
    buffer = io.BytesIO()
    # zlib's default level: optimize=True (level 9) made the file 3 % smaller in 3 times the time
    image.save(buffer, format="PNG", dpi=(DPI, DPI))
    return buffer.getvalue()


def _colour(k: int, count: int) -> tuple[int, int, int]:
    """A lone series is blue; with two, the first (the plan) is grey."""
    return COLOURS[1] if count == 1 else COLOURS[k % 2]


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend(
    draw: ImageDraw.ImageDraw, series: Sequence[str], minimum_label: str, height: int, font: object
) -> None:
    x = 68 * _MM
    y = height - 4.5 * _MM
    entries = [(name, _colour(k, len(series)), "box") for k, name in enumerate(series)]
    if minimum_label:
        entries.append((minimum_label, COLOURS[2], "line"))
    for name, colour, shape in entries:
        if shape == "box":
            draw.rectangle((x, y - 1.5 * _MM, x + 3 * _MM, y + 1.5 * _MM), fill=colour)
        else:
            draw.line(
                [(x + 1.5 * _MM, y - 2 * _MM), (x + 1.5 * _MM, y + 2 * _MM)],
                fill=colour,
                width=round(0.5 * _MM),
            )
        draw.text((x + 4.5 * _MM, y), name, fill=INK, font=font, anchor="lm")  # type: ignore[arg-type]
        x += 10 * _MM + draw.textlength(name, font=font)  # type: ignore[arg-type]
