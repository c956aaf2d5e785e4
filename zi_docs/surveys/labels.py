"""One answer cell -> a score on the instrument's scale, or why it is not one.

Accepted: a whole number on the scale (``4``, ``"4"``, ``4.0``, ``"4,0"``), a label of that
item (``Sangat sesuai``, case and spacing ignored, a leading ``d.`` or ``4.`` allowed), or a
questionnaire letter ``a``-``d`` when the instrument has them. Each distinct cell value of a
column is parsed once and remembered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

EMPTY = -1
OUT_OF_SCALE = -2
UNKNOWN = -3
_CACHE_LIMIT = 4096
_LETTER_PREFIX = re.compile(r"^\(?([a-z])[.)]\s+(.*)$")
_NUMBER_PREFIX = re.compile(r"^(\d+)\s*[.)=:-]\s+\S")


def normalise(text: str) -> str:
    """A label as compared: lower case, single spaces, no trailing punctuation."""
    return " ".join(text.split()).casefold().rstrip(" .;:")


def label_map(labels: tuple[str, ...], low: int) -> dict[str, int]:
    """``labels[0]`` scores ``low``, the next one ``low + 1`` ..."""
    return {normalise(label): low + i for i, label in enumerate(labels)}


class ScoreReader:
    """Turns the cells of one column into scores (``EMPTY``/``OUT_OF_SCALE``/``UNKNOWN``)."""

    def __init__(
        self, labels: Mapping[str, int], low: int, high: int, letters: Mapping[str, int]
    ) -> None:
        self.labels = dict(labels)
        self.low, self.high = low, high
        self.letters = dict(letters)
        self.cache: dict[object, int] = {None: EMPTY, "": EMPTY}

    def read(self, cell: object) -> int:
        """The score of ``cell`` (remembered for the next identical cell)."""
        found = self.cache.get(cell)
        if found is not None:
            return found
        score = self._parse(cell)
        if len(self.cache) < _CACHE_LIMIT:
            self.cache[cell] = score
        return score

    def _parse(self, cell: object) -> int:
        if isinstance(cell, (int, float)):
            return self._number(Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell))
        if not isinstance(cell, str):
            return UNKNOWN
        text = normalise(cell)
        if not text:
            return EMPTY
        try:
            return self._number(Decimal(text.replace(",", ".")))
        except InvalidOperation:
            pass
        if text in self.labels:
            return self.labels[text]
        if text in self.letters:
            return self.letters[text]
        prefixed = _LETTER_PREFIX.match(text)
        if prefixed and normalise(prefixed.group(2)) in self.labels:
            return self.labels[normalise(prefixed.group(2))]
        numbered = _NUMBER_PREFIX.match(text)
        if numbered:
            return self._number(Decimal(numbered.group(1)))
        return UNKNOWN

    def _number(self, number: Decimal) -> int:
        if not number.is_finite() or number != number.to_integral_value():
            return OUT_OF_SCALE
        value = int(number)
        return value if self.low <= value <= self.high else OUT_OF_SCALE
