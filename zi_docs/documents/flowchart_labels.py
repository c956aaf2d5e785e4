"""Where the "Ya"/"Tidak" label of a decision's arrow goes.

A label keeps its size (the table text's, so it is read when printed). It is put where
there is room instead of being shrunk: beside the first segments of its own arrow or around
the decision, inside one cell (a cell border would strike it through), clear of every
symbol, every connector and every other label. Only when no such place exists is the place
that overlaps least taken.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from itertools import chain, pairwise

from zi_docs.documents.flowchart import Arrow, Box, Placement, Point

Measure = Callable[[str], tuple[float, float]]
"""Width and height in pixels of a label's text as painted."""


def estimated_size(unit: float) -> Measure:
    """A label size without a font at hand: about 9 pt sans-serif (``unit`` = 1 mm)."""
    return lambda text: (len(text) * unit * 1.75 + unit * 0.4, unit * 3.0)


def place_labels(
    arrows: Sequence[Arrow],
    placements: Sequence[Placement],
    lanes: Sequence[float],
    rows: Sequence[float],
    unit: float,
    measure: Measure,
) -> list[Arrow]:
    """``arrows`` with the box of each label set (``label_box``)."""
    pad = unit * 0.3
    obstacles: list[Box] = [_grow(p.box, pad) for p in placements]
    for arrow in arrows:
        obstacles += [_grow(_segment_box(a, b), pad) for a, b in _segments(arrow.points)]
    placed: list[Arrow] = []
    for arrow in arrows:
        if not arrow.label:
            placed.append(arrow)
            continue
        size = measure(arrow.label)
        source = placements[arrow.source - 1]
        best: tuple[float, int, Box] | None = None
        tries = _candidates(arrow, source.box, size, unit)
        near = _near_cells(source, lanes, rows, size, unit)
        for order, tried in enumerate(chain(tries, near)):
            box = _into_cell(tried, lanes, rows, unit * 0.3)
            if box is None:
                continue
            cost = sum(overlap(box, other) for other in obstacles)
            if best is None or (cost, order) < best[:2]:
                best = (cost, order, box)
            if cost == 0:
                break
        if best is None:  # not even one cell holds the text: keep it beside the decision
            right, top = source.box[2], source.box[1]
            best = (0.0, 0, (right, top - size[1], right + size[0], top))
        obstacles.append(_grow(best[2], pad))
        placed.append(replace(arrow, label_box=best[2]))
    return placed


def _candidates(arrow: Arrow, symbol: Box, size: tuple[float, float], unit: float) -> Iterator[Box]:
    """Places to try, best first: beside the first two segments of the arrow, then around
    the decision, then along the rest of the arrow."""
    width, height = size
    gap = unit * 0.7
    segments = list(_segments(arrow.points))
    for a, b in segments[:2]:
        yield from _beside(a, b, width, height, gap)
    left, top, right, bottom = symbol
    cx, cy = (left + right) / 2, (top + bottom) / 2
    for x in (right + gap, cx + gap, left - gap - width, cx - gap - width):
        yield (x, bottom + gap * 0.6, x + width, bottom + gap * 0.6 + height)
        yield (x, top - gap * 0.6 - height, x + width, top - gap * 0.6)
    yield (right + gap, cy - height / 2, right + gap + width, cy + height / 2)
    yield (left - gap - width, cy - height / 2, left - gap, cy + height / 2)
    for a, b in segments[2:]:
        yield from _beside(a, b, width, height, gap)


def _beside(a: Point, b: Point, width: float, height: float, gap: float) -> Iterator[Box]:
    """Boxes along a segment from ``a`` to ``b``: at its start, its end and its middle, on
    both sides."""
    horizontal = a[1] == b[1]
    axis = 0 if horizontal else 1
    start, end, line = a[axis], b[axis], a[1 - axis]
    length, thick = (width, height) if horizontal else (height, width)
    away = gap * 0.65 if horizontal else gap
    forward = end >= start
    for low in (
        start + gap if forward else start - gap - length,
        end - gap - length if forward else end + gap,
        (start + end) / 2 - length / 2,
    ):
        sides = (line - away - thick, line + away)  # above first; right of a vertical
        for side in sides if horizontal else sides[::-1]:
            if horizontal:
                yield (low, side, low + length, side + thick)
            else:
                yield (side, low, side + thick, low + length)


def _near_cells(
    source: Placement,
    lanes: Sequence[float],
    rows: Sequence[float],
    size: tuple[float, float],
    unit: float,
) -> Iterator[Box]:
    """Every place, a millimetre apart, in the decision's cell and the cells beside it,
    nearest the decision first (the last resort before overlapping something)."""
    width, height = size
    left, top, right, bottom = source.box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    y0, y1 = rows[source.row], rows[source.row + 1]
    first, last = max(0, source.lane - 1), min(len(lanes) - 2, source.lane + 1)
    spots = []
    for lane in range(first, last + 1):
        x = lanes[lane]
        while x + width <= lanes[lane + 1]:
            y = y0
            while y + height <= y1:
                spots.append((math.hypot(x + width / 2 - cx, y + height / 2 - cy), x, y))
                y += unit
            x += unit
    for _distance, x, y in sorted(spots):
        yield (x, y, x + width, y + height)


def _into_cell(
    box: Box, lanes: Sequence[float], rows: Sequence[float], margin: float
) -> Box | None:
    """``box`` moved the least so that it lies inside one cell (clear of its borders by
    ``margin``), or ``None`` when no cell it touches is big enough."""
    x = _into_band(box[0], box[2], lanes, margin)
    y = _into_band(box[1], box[3], rows, margin)
    if x is None or y is None:
        return None
    return (x, y, x + box[2] - box[0], y + box[3] - box[1])


def _into_band(low: float, high: float, edges: Sequence[float], margin: float) -> float | None:
    size = high - low
    best: float | None = None
    for start, end in pairwise(edges):
        if end - start - 2 * margin < size or end <= low - size or start >= high + size:
            continue
        moved = min(max(low, start + margin), end - margin - size)
        if best is None or abs(moved - low) < abs(best - low):
            best = moved
    return best


def _segments(points: Sequence[Point]) -> Iterator[tuple[Point, Point]]:
    yield from pairwise(points)


def _segment_box(a: Point, b: Point) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def overlap(a: Box, b: Box) -> float:
    """Area shared by two boxes (0 when they only touch)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0
