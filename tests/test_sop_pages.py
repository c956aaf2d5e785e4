"""Pagination of the SOP flowchart table: pages within budget, no orphan last page,
connectors paired in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zi_docs.documents.flowchart import FlowStep, Symbol, layout_flowchart
from zi_docs.documents.sop_pages import (
    CONNECTOR_ROW_MM,
    MIN_LAST_ROWS,
    letter,
    page_steps,
    paginate,
    split_rows,
)

BUDGET = 140.0


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[FlowStep], list[float]]:
    count = draw(st.integers(min_value=2, max_value=45))
    heights = draw(st.lists(st.floats(min_value=17, max_value=45), min_size=count, max_size=count))
    steps = []
    for no in range(1, count + 1):
        lane = draw(st.integers(min_value=0, max_value=3))
        if no == 1:
            steps.append(FlowStep(no, lane, Symbol.START, next=2))
        elif no == count:
            steps.append(FlowStep(no, lane, Symbol.END))
        elif no > 2 and draw(st.booleans()):
            back = draw(st.integers(min_value=2, max_value=no - 1))
            steps.append(FlowStep(no, lane, Symbol.DECISION, yes=no + 1, no_branch=back))
        else:
            steps.append(FlowStep(no, lane, Symbol.PROCESS, next=no + 1))
    return steps, heights


@settings(deadline=None)
@given(tables())
def test_no_page_over_budget_and_no_orphan_last_page(
    table: tuple[list[FlowStep], list[float]],
) -> None:
    steps, heights = table
    pages = split_rows(heights, BUDGET)
    assert [i for page in pages for i in page] == list(range(len(steps)))
    if len(pages) == 1:
        assert sum(heights) <= BUDGET
        return
    room = BUDGET - 2 * CONNECTOR_ROW_MM
    for page in pages:
        assert page, "no empty page"
        assert sum(heights[i] for i in page) <= room or len(page) == 1
    last, before = pages[-1], pages[-2]
    if len(last) < MIN_LAST_ROWS:
        # a better break does not exist: one more row would not fit, or nothing to take
        assert len(before) == 1 or heights[before[-1]] + sum(heights[i] for i in last) > room


@settings(deadline=None)
@given(tables())
def test_connectors_paired_out_and_in_in_order(table: tuple[list[FlowStep], list[float]]) -> None:
    steps, heights = table
    flow = paginate(steps, heights, BUDGET)
    crossing = {
        (s.no, t) for s in steps for t, _ in s.edges() if flow.page_of(s.no) != flow.page_of(t)
    }
    assert {(c.source, c.target) for c in flow.crossings} == crossing
    assert [c.letter for c in flow.crossings] == [letter(i) for i in range(len(crossing))]
    order = [(c.out_page, c.source, c.target) for c in flow.crossings]
    assert order == sorted(order), "letters run in the order the flow leaves its pages"
    for c in flow.crossings:
        assert c.out_page == flow.page_of(c.source) and c.in_page == flow.page_of(c.target)
    sequential = [c for c in flow.crossings if c.target == c.source + 1]
    assert len(sequential) == sum(
        1
        for a, b in zip(flow.pages, flow.pages[1:], strict=False)
        if any(t == b[0] for t, _ in steps[a[-1] - 1].edges())
    )


def test_letters_after_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


def test_fourteen_rows_balance_instead_of_a_two_row_last_page() -> None:
    # 30 mm rows, 4 per page: greedy would give 4 + 4 + 4 + 2
    pages = split_rows([30.0] * 14, 4 * 30.0 + 2 * CONNECTOR_ROW_MM)
    assert [len(p) for p in pages] == [4, 4, 3, 3]


@settings(deadline=None, max_examples=30)
@given(tables())
def test_every_page_lays_out_with_its_connectors(
    table: tuple[list[FlowStep], list[float]],
) -> None:
    steps, heights = table
    flow = paginate(steps, heights, BUDGET)
    for k, numbers in enumerate(flow.pages):
        local = page_steps(flow, k, steps)
        marks = sorted(s.text for s in local if s.symbol is Symbol.CONNECTOR)
        crossing = [c.letter for c in flow.crossings if k in (c.in_page, c.out_page)]
        assert marks == sorted(crossing)
        rows = 1 + max(s.row or 0 for s in local)
        layout = layout_flowchart(local, [100.0] * 4, [200.0] * rows)
        assert len(layout.placements) == len(numbers) + len(marks)
        assert all(1 <= a.target <= len(local) for a in layout.arrows)
        for arrow in layout.arrows:
            src, dst = layout.placement(arrow.source), layout.placement(arrow.target)
            end = arrow.points[-1]
            assert abs(end[1] - dst.box[1]) < 0.5, "an arrow ends on the top of its target"
            assert abs(end[0] - (dst.box[0] + dst.box[2]) / 2) < 0.5
            assert arrow.points[-2][1] < end[1], "the arrowhead points down into the target"
            start = arrow.points[0]
            assert src.box[0] - 0.5 <= start[0] <= src.box[2] + 0.5
            for a, b in zip(arrow.points, arrow.points[1:], strict=False):
                assert a[0] == b[0] or a[1] == b[1], "lines are horizontal or vertical"
