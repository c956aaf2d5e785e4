"""Exact arithmetic for survey indices: fractions in, decimals rounded half up out.

Sums of scores are integers and every mean is a :class:`~fractions.Fraction`, so nothing is
rounded until a value is printed or compared with a band edge the regulation prints with two
decimals.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction


def half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, exactly (no float on the way)."""
    scale = 10**places
    scaled = value * scale
    rounded = (
        math.floor(scaled + Fraction(1, 2))
        if scaled >= 0
        else -math.floor(-scaled + Fraction(1, 2))
    )
    return Decimal(rounded).scaleb(-places)


def printed(text: str) -> Decimal:
    """A number as the regulation prints it (``'2,5996'``) as a decimal."""
    return Decimal(text.strip().replace(".", "").replace(",", "."))
