"""Flowchart layout properties: any valid step list -> every symbol in its lane, every arrow
joins its source symbol to its target symbol, tiles cover the whole drawing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from layout_inputs import EIGHT_LANES

from zi_docs.documents.flowchart import Box, FlowStep, Layout, Symbol, layout_flowchart
from zi_docs.documents.flowchart_draw import draw_tiles, label_measure
from zi_docs.documents.flowchart_labels import overlap
from zi_docs.documents.sop_lanes import AREA_MM, GRID_LANES, even_spans, plan_lanes
from zi_docs.documents.sop_table import DPI, FONT_PT, LABEL_PX, MIN_ROW_MM


def lane_widths_mm(count: int) -> list[float]:
    return [span * AREA_MM / GRID_LANES for span in even_spans(count)]


WIDENED = {
    font: [lane.width_mm for lane in plan_lanes(EIGHT_LANES, font)]
    for font in ("Arial", "Bookman Old Style")
}
"""Lanes of eight pelaksana widened for their long names (the narrowest 8 mm)."""


@st.composite
def flows(draw: st.DrawFn) -> tuple[list[FlowStep], int]:
    lanes = draw(st.integers(min_value=1, max_value=8))
    count = draw(st.integers(min_value=2, max_value=14))
    steps = []
    for no in range(1, count + 1):
        lane = draw(st.integers(0, lanes - 1))
        if no == 1:
            steps.append(FlowStep(no, lane, Symbol.START, next=2))
        elif no == count:
            steps.append(FlowStep(no, lane, Symbol.END))
        elif draw(st.booleans()):
            others = [n for n in range(1, count + 1) if n not in (no, no + 1)]
            no_branch = draw(st.sampled_from(others)) if others else None
            if no_branch is None:
                steps.append(FlowStep(no, lane, Symbol.PROCESS, next=no + 1))
            else:
                steps.append(FlowStep(no, lane, Symbol.DECISION, yes=no + 1, no_branch=no_branch))
        else:
            target = draw(st.sampled_from([n for n in range(2, count + 1) if n != no]))
            steps.append(FlowStep(no, lane, Symbol.PROCESS, next=target))
    return steps, lanes


def _inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    x, y = point
    return box[0] - 0.5 <= x <= box[2] + 0.5 and box[1] - 0.5 <= y <= box[3] + 0.5


def _on_edge(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    x, y = point
    near = 0.5
    return _inside(point, box) and (
        abs(x - box[0]) < near
        or abs(x - box[2]) < near
        or abs(y - box[1]) < near
        or abs(y - box[3]) < near
    )


def _check(layout: Layout, steps: list[FlowStep]) -> None:
    for step, placed in zip(steps, layout.placements, strict=True):
        assert placed.step == step.no and placed.row == step.no - 1 and placed.lane == step.lane
        left, right = layout.lane_edges[step.lane], layout.lane_edges[step.lane + 1]
        top, bottom = layout.row_edges[placed.row], layout.row_edges[placed.row + 1]
        assert left < placed.box[0] < placed.box[2] < right
        assert top < placed.box[1] < placed.box[3] < bottom
    expected = sorted((s.no, t) for s in steps for t, _ in s.edges())
    assert sorted((a.source, a.target) for a in layout.arrows) == expected
    for arrow in layout.arrows:
        src, dst = layout.placement(arrow.source), layout.placement(arrow.target)
        assert _on_edge(arrow.points[0], src.box), "an arrow starts on its source symbol"
        end = arrow.points[-1]
        assert abs(end[1] - dst.box[1]) < 0.5, "an arrow ends on the top of its target"
        assert abs(end[0] - (dst.box[0] + dst.box[2]) / 2) < 0.5
        assert arrow.points[-2][1] < end[1], "the arrowhead points down into the target"
        for a, b in zip(arrow.points, arrow.points[1:], strict=False):
            assert a[0] == b[0] or a[1] == b[1], "connectors are horizontal or vertical"
        for x, _y in arrow.points:
            assert 0 < x < layout.lane_edges[-1], "connectors stay inside the pelaksana area"
    labelled = [a.label for a in layout.arrows if a.label]
    decisions = sum(1 for s in steps if s.symbol is Symbol.DECISION)
    assert sorted(labelled) == sorted(["Ya", "Tidak"] * decisions)


def _label_clashes(layout: Layout) -> list[str]:
    """Labels that a symbol, a connector, a cell border or another label strikes through,
    or that stick out of the drawing."""
    half = layout.line_width / 2 + 0.5
    things: list[tuple[str, Box]] = [(f"simbol {p.step}", p.box) for p in layout.placements]
    for arrow in layout.arrows:
        for (x0, y0), (x1, y1) in zip(arrow.points, arrow.points[1:], strict=False):
            box = (min(x0, x1) - half, min(y0, y1) - half, max(x0, x1) + half, max(y0, y1) + half)
            things.append((f"garis {arrow.source}->{arrow.target}", box))
    right, bottom = layout.lane_edges[-1], layout.row_edges[-1]
    things += [(f"batas lajur {x}", (x - 0.5, 0, x + 0.5, bottom)) for x in layout.lane_edges]
    things += [(f"batas baris {y}", (0, y - 0.5, right, y + 0.5)) for y in layout.row_edges]
    clashes = []
    labels = [a for a in layout.arrows if a.label]
    for arrow in labels:
        box = arrow.label_box
        assert box is not None
        name = f"label {arrow.label} {arrow.source}->{arrow.target}"
        if not (0 <= box[0] < box[2] <= right and 0 <= box[1] < box[3] <= bottom):
            clashes.append(f"{name} keluar bagan")
        others = [(f"label {b.label} {b.source}", b.label_box) for b in labels if b is not arrow]
        clashes += [
            f"{name} x {what}" for what, other in things + others if other and overlap(box, other)
        ]
    return clashes


@settings(max_examples=150, deadline=None)
@given(flows(), st.floats(min_value=MIN_ROW_MM, max_value=40.0))
def test_labels_find_room_in_the_document_geometry(
    flow: tuple[list[FlowStep], int], row_mm: float
) -> None:
    """With the SOP table's lanes (96 mm shared by 1-8 pelaksana) and rows, every label at
    the table text's size finds a place that nothing strikes through."""
    steps, lanes = flow
    px_mm = 11.8
    layout = layout_flowchart(
        steps,
        [w * px_mm for w in lane_widths_mm(lanes)],
        [row_mm * px_mm] * len(steps),
        unit=px_mm,
        label_size=label_measure(round(FONT_PT * 25.4 / 72 * px_mm)),
    )
    assert not _label_clashes(layout), _label_clashes(layout)


@pytest.mark.parametrize(
    "widths_mm", [lane_widths_mm(8), *WIDENED.values()], ids=["rata", "Arial", "Bookman"]
)
def test_labels_keep_their_size_and_room_in_eight_narrow_lanes(widths_mm: list[float]) -> None:
    """Eight pelaksana (12 mm lanes, or lanes widened for long names beside 8 mm ones),
    decisions going back across lanes: "Ya" and "Tidak" keep the table text's size and are
    struck through by nothing."""
    px_mm = DPI / 25.4
    count, lanes = 14, 8
    steps = []
    for no in range(1, count + 1):
        lane = ((no - 1) * 3) % lanes
        if no == 1:
            steps.append(FlowStep(no, lane, Symbol.START, next=2))
        elif no == count:
            steps.append(FlowStep(no, lane, Symbol.END))
        elif no in (4, 8, 11):
            steps.append(FlowStep(no, lane, Symbol.DECISION, yes=no + 1, no_branch=no - 2))
        else:
            steps.append(FlowStep(no, lane, Symbol.PROCESS, next=no + 1))
    measure = label_measure(LABEL_PX)
    layout = layout_flowchart(
        steps,
        [w * px_mm for w in widths_mm],
        [MIN_ROW_MM * px_mm] * count,
        unit=px_mm,
        label_size=measure,
    )
    assert round(FONT_PT * DPI / 72) <= LABEL_PX, "label sebesar teks tabel"
    for arrow in layout.arrows:
        if arrow.label:
            box = arrow.label_box
            assert box is not None
            width, height = measure(arrow.label)
            shown = (box[2] - box[0], box[3] - box[1])
            assert shown == pytest.approx((width, height)), "label tidak dikecilkan"
    assert not _label_clashes(layout), _label_clashes(layout)


@settings(max_examples=150, deadline=None)
@given(
    flows(), st.integers(min_value=120, max_value=400), st.integers(min_value=150, max_value=400)
)
def test_layout_places_and_routes_every_step(
    flow: tuple[list[FlowStep], int], lane_w: int, row_h: int
) -> None:
    steps, lanes = flow
    layout = layout_flowchart(
        steps, [float(lane_w)] * lanes, [float(row_h)] * len(steps), unit=11.8
    )
    _check(layout, steps)


@settings(max_examples=10, deadline=None)
@given(flows())
def test_tiles_cover_every_cell_and_mark_the_symbol(flow: tuple[list[FlowStep], int]) -> None:
    steps, lanes = flow
    layout = layout_flowchart(steps, [120.0] * lanes, [90.0] * len(steps), unit=6.0)
    tiles = draw_tiles(layout, font_px=14)
    assert len(tiles) == len(steps)
    for row, step in zip(tiles, steps, strict=True):
        assert [t.lane for t in row] == list(range(lanes))
        assert sum(t.width_px for t in row) == 120 * lanes
        assert [t.lane for t in row if t.symbol is not None] == [step.lane]
        assert row[step.lane].symbol is step.symbol
        assert all(t.png.startswith(b"\x89PNG") for t in row)
