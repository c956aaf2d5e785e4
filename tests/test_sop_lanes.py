"""The sizing rule of the SOP lane headers: a pelaksana's name wraps only at spaces, its
longest word fits its lane, and the size comes down only as far as that needs."""

from __future__ import annotations

import pytest
from layout_inputs import EIGHT_LANES

from zi_docs.documents.sop_lanes import (
    FLOOR_PT,
    GRID_LANES,
    MIN_SPAN,
    NAME_MARGIN_MM,
    NAME_PT,
    STEP_PT,
    Lane,
    even_spans,
    longest_word_em,
    name_lines,
    name_safety,
    plan_lanes,
)

FONTS = ["Arial", "Bookman Old Style"]
PT_MM = 25.4 / 72


def fixed(text: str) -> float:
    """A font whose every character is 0.6 em wide (the rule, not the metrics)."""
    return 0.6 * len(text)


def word_mm(name: str, size: float, font: str) -> float:
    return longest_word_em(name) * size * PT_MM * name_safety(font)


def room_mm(lane: Lane) -> float:
    return lane.width_mm - 2 * NAME_MARGIN_MM


def test_short_names_keep_even_lanes_at_the_normal_size() -> None:
    names = ["Pemohon", "Petugas Front Office", "Tim Teknis", "Kepala Dinas"]
    for font in FONTS:
        lanes = plan_lanes(names, font)
        assert [lane.span for lane in lanes] == even_spans(4)
        assert {lane.size_pt for lane in lanes} == {NAME_PT}


def test_a_word_too_wide_brings_its_own_size_down_just_enough() -> None:
    # 10 equal lanes of 6 columns (9.6 mm, 9.0 mm of room), characters 0.6 em, measured
    # 1.04 wider: 5 characters fit at 7.5 pt (8.3 mm); 6 need 9.9 mm at 7.5 pt, 9.3 mm at
    # 7.0 pt and fit at 6.5 pt (8.6 mm)
    names = ["Abcde", "Abcdef", *["Ab"] * 8]
    lanes = plan_lanes(names, "Arial", measure=fixed)
    assert [lane.span for lane in lanes] == [6] * 10
    assert [lane.size_pt for lane in lanes[:3]] == [NAME_PT, NAME_PT - 2 * STEP_PT, NAME_PT]


def test_lanes_widen_for_long_words_when_the_floor_is_not_enough() -> None:
    names = ["Abcdefghijklmn", *["Ab"] * 7]
    lanes = plan_lanes(names, "Arial", measure=fixed)
    spans = [lane.span for lane in lanes]
    assert sum(spans) == GRID_LANES
    assert spans[0] > max(spans[1:]) >= min(spans[1:]) >= MIN_SPAN
    assert max(spans[1:]) - min(spans[1:]) <= 1, "the rest is shared out evenly"
    width = fixed("Abcdefghijklmn") * lanes[0].size_pt * PT_MM * name_safety("Arial")
    assert width <= room_mm(lanes[0])


@pytest.mark.parametrize("font", FONTS)
def test_eight_long_names_fit_whole_at_a_readable_size(font: str) -> None:
    lanes = plan_lanes(EIGHT_LANES, font)
    assert sum(lane.span for lane in lanes) == GRID_LANES
    for lane in lanes:
        assert FLOOR_PT <= lane.size_pt <= NAME_PT
        assert lane.span >= MIN_SPAN
        assert word_mm(lane.nama, lane.size_pt, font) <= room_mm(lane), lane
        bigger = lane.size_pt + STEP_PT
        if bigger <= NAME_PT:
            assert word_mm(lane.nama, bigger, font) > room_mm(lane), f"{lane}: not just enough"


def test_a_name_wraps_only_at_spaces() -> None:
    lane = Lane("Kepala Bidang Pengaduan dan Pengendalian", 10, 6.0)
    lines = name_lines(lane.nama, lane, 1.0, measure=fixed)
    # 15.4 mm of room: at 6 pt and 0.6 em a character is 1.27 mm, 12 characters a line
    assert lines == 5  # "Kepala" / "Bidang" / "Pengaduan" / "dan" / "Pengendalian"
    assert name_lines("Pengendalian", lane, 1.0, measure=fixed) == 1
