"""The pelaksana lanes of the SOP flowchart table: how many grid columns each lane spans and
the size of its header, the pelaksana's name, so that no word of a name is ever cut.

A name wraps only at spaces, so a lane must be as wide as the longest word of its name. The
rule, in order:

1. lanes of equal width (the pelaksana area shared out evenly), names at :data:`NAME_PT`;
2. where a name's longest word does not fit its lane at that size, the size comes down just
   enough, by half points, to :data:`FLOOR_PT` at the least (still read when printed);
3. when a word does not fit even at the floor, the lanes are made as wide as their names ask
   at the largest size that lets every name fit, the rest of the area shared out so the
   lanes are as even as they can be, and each name is then set as large as its lane allows.

Widths are measured with bold Arial metrics (Liberation Sans Bold, the font the flowchart
labels already use in its regular weight), times a margin for the document's font.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zi_docs.documents.flowchart_draw import bold_width_em

log = logging.getLogger(__name__)

GRID_LANES = 60
"""Grid columns of the pelaksana area (60 divides evenly among 1-6 pelaksana; 7-8 get
nearly equal shares)."""
AREA_MM = 96.0
"""Width of the pelaksana area."""
NAME_PT = 7.5
"""Size of a lane header at its normal size."""
FLOOR_PT = 5.5
"""The smallest size a lane header comes down to (fine print, still read on paper: eight
pelaksana with long jabatan in a wide font need it)."""
STEP_PT = 0.5
SIZES_PT = tuple(NAME_PT - k * STEP_PT for k in range(round((NAME_PT - FLOOR_PT) / STEP_PT) + 1))
"""Every size a lane header may have, largest first."""
NAME_MARGIN_MM = 0.3
"""Left and right margin inside a lane header cell."""
MIN_SPAN = 5
"""Grid columns a lane keeps at the least when other lanes are widened for long names
(8 mm: its symbols stay readable)."""
ARIAL_SAFETY = 1.04
"""A name in an Arial-like font is measured this much wider than Liberation Sans Bold."""
OTHER_SAFETY = 1.16
"""The same for any other font (a bold Bookman word is up to about 1.14 times as wide)."""
ARIAL_LIKE = ("arial", "liberation sans", "arimo", "helvetica")
_PT_MM = 25.4 / 72

Measure = Callable[[str], float]
"""Width of a text in ems of a bold font."""


@dataclass(frozen=True)
class Lane:
    """One pelaksana's column: its name, the grid columns it spans and its header's size."""

    nama: str
    span: int
    size_pt: float

    @property
    def width_mm(self) -> float:
        return self.span * AREA_MM / GRID_LANES


def name_safety(font_name: str) -> float:
    """How much wider than Liberation Sans Bold a name is measured, for the document's font."""
    return ARIAL_SAFETY if font_name.casefold().startswith(ARIAL_LIKE) else OTHER_SAFETY


def even_spans(count: int) -> list[int]:
    """How many grid columns each of ``count`` lanes spans when shared out evenly."""
    base, extra = divmod(GRID_LANES, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _room_mm(span: int) -> float:
    return span * AREA_MM / GRID_LANES - 2 * NAME_MARGIN_MM


def _word_mm(word_em: float, size_pt: float, safety: float) -> float:
    return word_em * size_pt * _PT_MM * safety


def fitting_size(word_em: float, span: int, safety: float) -> float | None:
    """The largest header size at which a word ``word_em`` wide fits a lane of ``span``
    columns, or ``None`` when it does not fit even at :data:`FLOOR_PT`."""
    for size in SIZES_PT:
        if _word_mm(word_em, size, safety) <= _room_mm(span):
            return size
    return None


def needed_span(word_em: float, size_pt: float, safety: float) -> int:
    """The fewest grid columns in which a word ``word_em`` wide fits at ``size_pt``."""
    width = _word_mm(word_em, size_pt, safety) + 2 * NAME_MARGIN_MM
    return max(1, math.ceil(width / (AREA_MM / GRID_LANES) - 1e-9))


def longest_word_em(name: str, measure: Measure = bold_width_em) -> float:
    return max((measure(word) for word in name.split()), default=0.0)


def plan_lanes(
    names: Sequence[str], font_name: str = "Arial", measure: Measure = bold_width_em
) -> tuple[Lane, ...]:
    """The lanes of ``names`` for a document set in ``font_name`` (see the module's rule)."""
    safety = name_safety(font_name)
    words = [longest_word_em(name, measure) for name in names]
    spans = even_spans(len(names))
    sizes = [fitting_size(w, s, safety) for w, s in zip(words, spans, strict=True)]
    if None in sizes:
        spans = _widened(words, safety)
        sizes = [fitting_size(w, s, safety) for w, s in zip(words, spans, strict=True)]
        if None in sizes:
            log.warning(
                "Nama pelaksana terlalu panjang untuk lebar lajurnya, kata terpanjang bisa "
                "terpotong: %s",
                ", ".join(n for n, size in zip(names, sizes, strict=True) if size is None),
            )
    return tuple(
        Lane(name, span, size if size is not None else FLOOR_PT)
        for name, span, size in zip(names, spans, sizes, strict=True)
    )


def _widened(words: Sequence[float], safety: float) -> list[int]:
    """Spans as wide as each name asks at the largest size at which all of them fit, the
    rest shared out to the narrowest lanes first."""
    need = [max(MIN_SPAN, needed_span(w, FLOOR_PT, safety)) for w in words]
    for size in SIZES_PT:
        trial = [max(MIN_SPAN, needed_span(w, size, safety)) for w in words]
        if sum(trial) <= GRID_LANES:
            need = trial
            break
    while sum(need) > GRID_LANES:  # too long even at the floor: take from the widest
        need[need.index(max(need))] -= 1
    for _ in range(GRID_LANES - sum(need)):
        need[need.index(min(need))] += 1
    return need


def name_lines(name: str, lane: Lane, safety: float, measure: Measure = bold_width_em) -> int:
    """Lines the name takes in its lane header (wrapped at spaces only)."""
    room = _room_mm(lane.span)
    lines, current = 0, ""
    for word in name.split():
        trial = f"{current} {word}" if current else word
        if current and _word_mm(measure(trial), lane.size_pt, safety) > room:
            lines += 1
            current = word
        else:
            current = trial
    return lines + 1
