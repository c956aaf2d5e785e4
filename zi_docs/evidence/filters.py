"""What narrows a search or a listing of the archive, as one value passed from the client
(the CLI's options, the Arsip page's form) through every stage to the search engine."""

from __future__ import annotations

from dataclasses import dataclass, replace

DEFAULT_LIMIT = 20


@dataclass(frozen=True)
class SearchFilters:
    """Which stored files a search or a listing keeps.

    ``indicator`` keeps files tagged below it (an id or alias, a sub-area, an area);
    ``area`` files tagged to that area's indicators; ``year`` files dated in that year;
    ``kind`` files of that type (``pdf``, ``docx`` …); ``untagged`` files without tags;
    ``trashed`` the trash instead of the live archive; ``limit`` at most that many hits
    (a listing has no limit).
    """

    indicator: str | None = None
    area: str | None = None
    year: int | None = None
    kind: str | None = None
    untagged: bool = False
    trashed: bool = False
    limit: int = DEFAULT_LIMIT

    def with_limit(self, limit: int) -> SearchFilters:
        return replace(self, limit=limit)


NO_FILTERS = SearchFilters()
