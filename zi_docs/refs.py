"""The one value shared by documents, the archive and the submission flow: "evidence for this
LKE indicator (and optionally this checklist item)"."""

from __future__ import annotations

import functools
from dataclasses import dataclass


@functools.total_ordering
@dataclass(frozen=True)
class IndicatorRef:
    """One LKE indicator, and optionally one of its data dukung checklist items.

    A generated document serves it, a stored file is tagged with it, completeness counts it.
    Ordered by indicator, the ref without an item first, then by item: a file may be tagged
    to the same indicator with and without an item, so ``None`` and ``str`` meet in a sort.
    """

    indicator: str
    """Catalogue id of the indicator (``A.I.1.i.a``); as stored, so it may be unknown."""
    item: str | None = None
    """Key of the data dukung checklist item (``sk-tim``), when known."""

    def __str__(self) -> str:
        return f"{self.indicator}#{self.item}" if self.item else self.indicator

    def _key(self) -> tuple[str, bool, str]:
        return (self.indicator, self.item is not None, self.item or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, IndicatorRef):
            return NotImplemented
        return self._key() < other._key()
