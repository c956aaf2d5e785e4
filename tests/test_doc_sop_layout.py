"""Flowchart layout properties: any valid step list -> every symbol in its lane, every arrow
joins its source symbol to its target symbol, tiles cover the whole drawing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zi_docs.documents.flowchart import FlowStep, Layout, Symbol, layout_flowchart
from zi_docs.documents.flowchart_draw import draw_tiles


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
