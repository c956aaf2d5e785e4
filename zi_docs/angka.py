"""Indonesian number formatting, the one home for it: ``1.234.567,89``, ``87,50%``.

Every report, table and document formats numbers through here, so the same value always
prints the same way (rounded half up, as spreadsheets and the official worksheet do; Python's
own formatting rounds 2.625 to 2.62).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any


def as_decimal(value: Any) -> Decimal:
    """``value`` as an exact decimal (floats by their shortest repr); ValueError if not a number."""
    if isinstance(value, bool):
        raise ValueError("nilai ya/tidak bukan angka")
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"'{value}' bukan angka") from None


def ribuan(value: Any) -> str:
    """Whole number with thousands dots: ``1234567`` -> ``1.234.567`` (rounded half up)."""
    number = as_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    return sign + f"{abs(int(number)):,}".replace(",", ".")


def angka(value: Any, desimal: int = 2) -> str:
    """Number with Indonesian separators: ``1234567.891`` -> ``1.234.567,89``."""
    number = as_decimal(value)
    if desimal <= 0:
        return ribuan(number)
    quantum = Decimal(1).scaleb(-desimal)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, frac = format(abs(number), "f").partition(".")
    return f"{sign}{int(whole):,}".replace(",", ".") + "," + frac.ljust(desimal, "0")


def persen(value: Any, desimal: int = 2) -> str:
    """``87.5`` -> ``87,50%``."""
    return angka(value, desimal) + "%"
