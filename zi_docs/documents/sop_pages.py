"""Where the SOP flowchart table breaks across pages, and its off-page connectors.

LibreOffice and Word break a long table where they like, so the flow would leave a page
with no mark. zi-docs decides the breaks instead: the rows are known to the millimetre
(:func:`zi_docs.documents.sop_table.row_height_mm`), so each page gets as many rows as fit
its height under the header, and the document prints one table per page. Every arrow whose
two ends fall on different pages becomes a pair of lettered connectors (the pentagon of
PermenPANRB 35/2012): one in a connector row at the bottom of the page the flow leaves, in
the lane of the step it leaves, and one in a connector row at the top of the page where it
resumes, in the lane of the step it enters. Letters run A, B, C ... in the order the flow
leaves its pages.

The split is balanced: the last page holds at least :data:`MIN_LAST_ROWS` steps whenever
moving steps back from the page before it can give it that many.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from zi_docs.documents.flowchart import FlowStep, Symbol

CONNECTOR_ROW_MM = 11.0
"""Height of a connector row (the pentagon; two lines of text beside it)."""
SLACK_MM = 8.0
"""Room left free on every page, so a table never fills its page to the last point."""
MIN_LAST_ROWS = 3


@dataclass(frozen=True)
class Crossing:
    """One arrow from a step on one page to a step on another."""

    letter: str
    source: int
    target: int
    out_page: int
    """0-based flowchart page of the source step."""
    in_page: int


@dataclass(frozen=True)
class FlowPages:
    pages: tuple[tuple[int, ...], ...]
    """Step numbers on each flowchart page."""
    crossings: tuple[Crossing, ...]

    def page_of(self, step: int) -> int:
        return next(i for i, page in enumerate(self.pages) if step in page)


def letter(index: int) -> str:
    """A, B, ... Z, AA, AB ..."""
    letters = string.ascii_uppercase
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(letters))
        out = letters[rest] + out
    return out


def split_rows(
    heights_mm: Sequence[float],
    budget_mm: float,
    *,
    connector_mm: float = CONNECTOR_ROW_MM,
    min_last: int = MIN_LAST_ROWS,
) -> list[list[int]]:
    """Row indexes per page: at most ``budget_mm`` of rows on a page, a connector row at the
    top and bottom of a page reserved when the table takes more than one page."""
    count = len(heights_mm)
    if sum(heights_mm) <= budget_mm:
        return [list(range(count))] if count else []
    room = budget_mm - 2 * connector_mm
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for index, height in enumerate(heights_mm):
        if current and used + height > room:
            pages.append(current)
            current, used = [], 0.0
        current.append(index)
        used += height
    pages.append(current)
    # balance: move steps back from the page before onto a short last page
    while len(pages) > 1 and len(pages[-1]) < min_last and len(pages[-2]) > 1:
        moved = pages[-2][-1]
        if heights_mm[moved] + sum(heights_mm[i] for i in pages[-1]) > room:
            break
        pages[-2].pop()
        pages[-1].insert(0, moved)
    return pages


def paginate(steps: Sequence[FlowStep], heights_mm: Sequence[float], budget_mm: float) -> FlowPages:
    """The steps' pages and the crossings between them (steps numbered ``1..n``)."""
    rows = split_rows(heights_mm, budget_mm)
    pages = tuple(tuple(steps[i].no for i in page) for page in rows)
    page_of = {no: k for k, page in enumerate(pages) for no in page}
    pairs = [
        (page_of[step.no], step.no, target)
        for step in steps
        for target, _label in step.edges()
        if page_of[target] != page_of[step.no]
    ]
    crossings = tuple(
        Crossing(letter(i), source, target, out_page, page_of[target])
        for i, (out_page, source, target) in enumerate(sorted(pairs))
    )
    return FlowPages(pages, crossings)


def body_height_mm(page_height_mm: float, margin_top_mm: float, margin_bottom_mm: float) -> float:
    """Height of a landscape page's text area (``page_height_mm``: the short side)."""
    return page_height_mm - margin_top_mm - margin_bottom_mm - SLACK_MM


def _slots(lanes: Sequence[int]) -> list[tuple[int, int]]:
    """(index, count) of each connector among those sharing its lane in one row."""
    return [(lanes[:i].count(lane), lanes.count(lane)) for i, lane in enumerate(lanes)]


def page_steps(flow: FlowPages, k: int, steps: Sequence[FlowStep]) -> list[FlowStep]:
    """The steps of page ``k`` renumbered ``1..m`` for its own layout: the incoming
    connectors in the first row, the page's steps, the outgoing connectors in the last row;
    an arrow to a step on another page ends at its outgoing connector."""
    by_no = {s.no: s for s in steps}
    numbers = flow.pages[k]
    ins = [c for c in flow.crossings if c.in_page == k]
    # in a cell shared by a decision's two connectors, "Ya" (out of the side, see the
    # router) goes right of "Tidak" (out of the bottom), so the two lines do not cross
    outs = sorted(
        (c for c in flow.crossings if c.out_page == k),
        key=lambda c: c.target != by_no[c.source].no_branch,
    )
    first = 1 if ins else 0
    local = {no: len(ins) + i + 1 for i, no in enumerate(numbers)}
    out_no = {(c.source, c.target): len(ins) + len(numbers) + j + 1 for j, c in enumerate(outs)}

    def to(source: int, target: int | None) -> int | None:
        if target is None:
            return None
        return local[target] if target in local else out_no[(source, target)]

    local_steps: list[FlowStep] = []
    in_lanes = [by_no[c.target].lane for c in ins]
    for j, (c, slot) in enumerate(zip(ins, _slots(in_lanes), strict=True)):
        local_steps.append(
            FlowStep(
                j + 1,
                in_lanes[j],
                Symbol.CONNECTOR,
                local[c.target],
                row=0,
                slot=slot,
                text=c.letter,
            )
        )
    for i, no in enumerate(numbers):
        s = by_no[no]
        local_steps.append(
            FlowStep(
                local[no],
                s.lane,
                s.symbol,
                next=to(no, s.next),
                yes=to(no, s.yes),
                no_branch=to(no, s.no_branch),
                row=first + i,
            )
        )
    out_lanes = [by_no[c.source].lane for c in outs]
    for j, (c, slot) in enumerate(zip(outs, _slots(out_lanes), strict=True)):
        row = first + len(numbers)
        no = len(ins) + len(numbers) + j + 1
        local_steps.append(
            FlowStep(no, out_lanes[j], Symbol.CONNECTOR, row=row, slot=slot, text=c.letter)
        )
    return local_steps
