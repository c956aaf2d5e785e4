"""Layout of an SOP flowchart on a grid of rows (steps) and lanes (pelaksana).

The layout is pure geometry in pixels: where each symbol sits and the polyline of every
arrow. :mod:`zi_docs.documents.flowchart_draw` paints it, cut into one tile per table cell.

Routing rules (what an SOP AP reader expects):

- a step followed by the next row in the same lane: straight down from the bottom;
- followed by the next row in another lane: out of the side facing that lane,
  across, then down into the top of the next symbol;
- any other target (a decision's "Tidak" back to an earlier step, a jump forward): out of
  a free side into a vertical side lane kept in the margin strip of the source lane, then
  across the top padding of the target row and down into the target's top.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zi_docs.documents.flowchart_labels import Measure

Point = tuple[float, float]
Box = tuple[float, float, float, float]


class Symbol(enum.Enum):
    """Flowchart symbols of PermenPANRB 35/2012."""

    START = "mulai"
    END = "selesai"
    PROCESS = "proses"
    DECISION = "keputusan"
    CONNECTOR = "penghubung"
    """Off-page connector (the lettered pentagon), placed by the pagination, never an input."""


@dataclass(frozen=True)
class FlowStep:
    """One step of the flowchart, as validated from the SOP input."""

    no: int
    """1-based step number; step ``n`` is drawn in row ``n - 1``."""
    lane: int
    """0-based index of the pelaksana column."""
    symbol: Symbol
    next: int | None = None
    """Following step for start/process steps (``None`` for an end)."""
    yes: int | None = None
    """Decision: step taken on "Ya"."""
    no_branch: int | None = None
    """Decision: step taken on "Tidak"."""
    row: int | None = None
    """Row the step is drawn in (``None``: row ``no - 1``); connectors share a row."""
    slot: tuple[int, int] = (0, 1)
    """(index, count) of the step's place across its lane, for connectors sharing a cell."""
    text: str = ""
    """Text written inside the symbol (a connector's letter)."""

    def edges(self) -> list[tuple[int, str | None]]:
        """(target step, label) of every outgoing arrow."""
        if self.symbol is Symbol.DECISION:
            return [
                (t, label)
                for t, label in ((self.yes, "Ya"), (self.no_branch, "Tidak"))
                if t is not None
            ]
        return [] if self.next is None else [(self.next, None)]


@dataclass(frozen=True)
class Placement:
    """Where one symbol is drawn."""

    step: int
    row: int
    lane: int
    symbol: Symbol
    box: Box
    """(left, top, right, bottom) in pixels of the whole flowchart."""
    text: str = ""


@dataclass(frozen=True)
class Arrow:
    """One connector, drawn as a polyline with an arrowhead at its last point."""

    source: int
    target: int
    points: tuple[Point, ...]
    label: str | None = None
    """"Ya"/"Tidak" on a decision's arrows."""
    label_box: Box | None = None
    """Where the label text is painted (its full size, set by
    :func:`zi_docs.documents.flowchart_labels.place_labels`)."""


@dataclass(frozen=True)
class Layout:
    """The whole flowchart: lane and row edges, symbols, arrows."""

    lane_edges: tuple[float, ...]
    """x of every lane border, left to right (``lanes + 1`` values)."""
    row_edges: tuple[float, ...]
    """y of every row border, top to bottom (``rows + 1`` values)."""
    placements: tuple[Placement, ...]
    arrows: tuple[Arrow, ...]
    line_width: float

    def placement(self, step: int) -> Placement:
        return self.placements[step - 1]


def _edges(sizes: Sequence[float]) -> tuple[float, ...]:
    out = [0.0]
    for size in sizes:
        out.append(out[-1] + size)
    return tuple(out)


def _symbol_box(
    symbol: Symbol, cx: float, cy: float, lane_w: float, row_h: float, unit: float
) -> Box:
    if symbol is Symbol.CONNECTOR:
        width = min(lane_w * 0.7, unit * 7)
        height = min(row_h * 0.72, unit * 7.5)
    elif symbol is Symbol.DECISION:
        width = min(lane_w * 0.62, unit * 18)
        height = min(row_h * 0.6, width * 0.66, unit * 10)
    else:
        width = min(lane_w * 0.66, unit * 18)
        height = min(row_h * 0.5, width * 0.55, unit * 9)
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def layout_flowchart(
    steps: Sequence[FlowStep],
    lane_widths: Sequence[float],
    row_heights: Sequence[float],
    *,
    unit: float = 12.0,
    label_size: Measure | None = None,
) -> Layout:
    """Place every step, route every arrow and place its label.

    ``unit`` is about one millimetre in pixels; it scales line widths, gaps and symbols.
    ``label_size`` measures a label as it will be painted (default: an estimate of 9 pt).
    Steps must be numbered ``1..n`` in order, one row per step unless a step names its row.
    """
    from zi_docs.documents.flowchart_labels import estimated_size, place_labels

    lanes, rows = _edges(lane_widths), _edges(row_heights)
    placements: list[Placement] = []
    for index, step in enumerate(steps):
        row = index if step.row is None else step.row
        slot, count = step.slot
        lane_w = lane_widths[step.lane] / count
        cx = lanes[step.lane] + lane_w * (slot + 0.5)
        cy = (rows[row] + rows[row + 1]) / 2
        box = _symbol_box(step.symbol, cx, cy, lane_w, row_heights[row], unit)
        placements.append(Placement(step.no, row, step.lane, step.symbol, box, step.text))
    router = _Router(steps, placements, lanes, rows, unit)
    measure = label_size or estimated_size(unit)
    arrows = place_labels(router.route_all(), placements, lanes, rows, unit, measure)
    return Layout(
        lane_edges=lanes,
        row_edges=rows,
        placements=tuple(placements),
        arrows=tuple(arrows),
        line_width=max(1.0, unit * 0.3),
    )


class _Router:
    def __init__(
        self,
        steps: Sequence[FlowStep],
        placements: Sequence[Placement],
        lanes: tuple[float, ...],
        rows: tuple[float, ...],
        unit: float,
    ) -> None:
        self.steps, self.placements = steps, placements
        self.lanes, self.rows, self.unit = lanes, rows, unit
        self.strip_use: dict[tuple[int, str], int] = {}

    def route_all(self) -> list[Arrow]:
        arrows: list[Arrow] = []
        for step in self.steps:
            edges = step.edges()
            sides = self._assign_sides(step, edges)
            for (target, label), side in zip(edges, sides, strict=True):
                arrows.append(self._route(step, target, label, side))
        return arrows

    def _adjacent(self, step: FlowStep, target: int) -> bool:
        return self.placements[target - 1].row == self.placements[step.no - 1].row + 1

    def _assign_sides(self, step: FlowStep, edges: list[tuple[int, str | None]]) -> list[str]:
        """The port of each outgoing edge: ``bottom``, ``left`` or ``right``."""
        sides: list[str | None] = [None] * len(edges)
        used: set[str] = set()
        # the longer label ("Tidak") first: on a clash it keeps the bottom port, which has
        # the most room for its text
        for i in sorted(range(len(edges)), key=lambda i: -len(edges[i][1] or "")):
            target = edges[i][0]
            if self._adjacent(step, target):
                t_lane = self.placements[target - 1].lane
                side = (
                    "bottom" if t_lane == step.lane else "right" if t_lane > step.lane else "left"
                )
                if side in used:  # two connectors in the next row: each its own port
                    side = next(s for s in ("bottom", "right", "left") if s not in used)
                sides[i] = side
                used.add(side)
        for i, (_target, _label) in enumerate(edges):
            if sides[i] is None:
                side = next(s for s in ("right", "left", "bottom") if s not in used)
                sides[i] = side
                used.add(side)
        return [s or "bottom" for s in sides]

    def _port(self, placement: Placement, side: str) -> Point:
        left, top, right, bottom = placement.box
        cy = (top + bottom) / 2
        if side == "left":
            return (left, cy)
        if side == "right":
            return (right, cy)
        return ((left + right) / 2, bottom)

    def _route(self, step: FlowStep, target: int, label: str | None, side: str) -> Arrow:
        src = self.placements[step.no - 1]
        dst = self.placements[target - 1]
        start = self._port(src, side)
        t_cx = (dst.box[0] + dst.box[2]) / 2
        t_top = dst.box[1]
        if self._adjacent(step, target):
            if side == "bottom" and abs(start[0] - t_cx) < 0.5:
                points: tuple[Point, ...] = (start, (start[0], t_top))
            elif side == "bottom":
                # connectors sharing a cell sit off its centre: a step across the padding
                across = (self.rows[dst.row] + t_top) / 2
                points = (start, (start[0], across), (t_cx, across), (t_cx, t_top))
            elif (t_cx - start[0]) * (1 if side == "right" else -1) > self.unit:
                points = (start, (t_cx, start[1]), (t_cx, t_top))
            else:
                # the target is under the symbol: out of the side, down, back across
                out_x = start[0] + self.unit * 1.5 * (1 if side == "right" else -1)
                across = (self.rows[dst.row] + t_top) / 2
                points = (start, (out_x, start[1]), (out_x, across), (t_cx, across), (t_cx, t_top))
        else:
            lane_x = self._side_lane(src.lane, side)
            entry_y = (self.rows[dst.row] + t_top) / 2
            if side == "bottom":
                below = (src.box[3] + self.rows[src.row + 1]) / 2
                points = (
                    start,
                    (start[0], below),
                    (lane_x, below),
                    (lane_x, entry_y),
                    (t_cx, entry_y),
                    (t_cx, t_top),
                )
            else:
                points = (
                    start,
                    (lane_x, start[1]),
                    (lane_x, entry_y),
                    (t_cx, entry_y),
                    (t_cx, t_top),
                )
        return Arrow(step.no, target, points, label)

    def _side_lane(self, lane: int, side: str) -> float:
        """x of a vertical side lane in the free strip beside the symbols of ``lane``."""
        key = (lane, "left" if side == "left" else "right")
        k = self.strip_use.get(key, 0)
        self.strip_use[key] = k + 1
        left, right = self.lanes[lane], self.lanes[lane + 1]
        strip = (right - left) * 0.27
        offset = max(self.unit * 0.8, strip * (0.5 - 0.18 * (k % 3)))
        return left + offset if key[1] == "left" else right - offset
