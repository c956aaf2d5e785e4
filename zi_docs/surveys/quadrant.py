"""Importance-performance quadrant per unsur, when the survey asked for kepentingan.

The dividing lines are the means over the unsur of kepuasan (NRR) and of kepentingan; quadrant
I (important, below-average performance) is where follow-up starts. Names and explanations are
in the scale data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol


class _Scored(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def nrr(self) -> Fraction | None: ...
    @property
    def importance(self) -> Fraction | None: ...


@dataclass(frozen=True)
class QuadrantRow:
    code: str
    name: str
    performance: Fraction
    importance: Fraction
    quadrant: str
    """``I`` ... ``IV``."""
    quadrant_name: str
    conformity: Fraction
    """Kinerja / kepentingan (tingkat kesesuaian, 0-1+)."""


def quadrants(
    unsur: Sequence[_Scored], names: Mapping[str, tuple[str, str]]
) -> tuple[QuadrantRow, ...]:
    """One row per unsur with both means; empty when kepentingan was not asked."""
    both = [u for u in unsur if u.nrr is not None and u.importance is not None]
    if not both:
        return ()
    x_line = sum((u.nrr for u in both if u.nrr is not None), Fraction(0)) / len(both)
    y_line = sum((u.importance for u in both if u.importance is not None), Fraction(0)) / len(both)
    rows = []
    for u in both:
        assert u.nrr is not None and u.importance is not None
        important = u.importance >= y_line
        good = u.nrr >= x_line
        quadrant = {(True, False): "I", (True, True): "II", (False, False): "III"}.get(
            (important, good), "IV"
        )
        rows.append(
            QuadrantRow(
                code=u.code,
                name=u.name,
                performance=u.nrr,
                importance=u.importance,
                quadrant=quadrant,
                quadrant_name=names.get(quadrant, ("", ""))[0],
                conformity=u.nrr / u.importance,
            )
        )
    return tuple(rows)
