"""Where the archive's files go: each file's tags resolved to the catalogue's indicators and
checklist items, by the file's position in the archive's columns, plus the map ref -> file that
builds a file's value only when asked. Completeness (``completeness.py``) reads these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from operator import attrgetter, itemgetter

from zi_docs.catalogue import Catalogue, fold
from zi_docs.evidence import ArchiveView, EvidenceFile
from zi_docs.refs import IndicatorRef


def outside_window(day: object, start: dt.date, end: dt.date) -> bool:
    """A document date as the archive's columns hold it (a date, an ISO string, or empty)
    is outside the window."""
    if not day:
        return False
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    if not isinstance(day, dt.date):
        return False
    return not start <= day <= end


class FilesByRef(Mapping[str, EvidenceFile]):
    """Ref -> file for every archive file; the values are built on first look-up (the text
    output of ``check`` only asks which refs exist)."""

    def __init__(self, archive: ArchiveView, refs: Sequence[str]) -> None:
        self._archive = archive
        self._refs = refs

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self._refs)

    @cached_property
    def _by_ref(self) -> dict[str, EvidenceFile]:
        files = self._archive.files
        return dict(zip(map(attrgetter("ref"), files), files, strict=True))

    def __contains__(self, ref: object) -> bool:
        return ref in self._known

    def __getitem__(self, ref: str) -> EvidenceFile:
        return self._by_ref[ref]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_ref)

    def __len__(self) -> int:
        return len(self._known)


def index_tags(
    catalogue: Catalogue, tags: Sequence[tuple[IndicatorRef, ...]], files: Sequence[int]
) -> tuple[dict[str, dict[str | None, list[int]]], list[tuple[int, str, str]]]:
    """indicator id -> item key (None = no item) -> positions of the ``files`` (positions in
    ``tags``) tagged to it, each once, in archive order; plus the unknown tags, by position.

    The files are taken by their set of tags: the archive's columns give the many files
    with one set of tags the very same tuple, so each distinct set is resolved once and its
    files go to their places together (at 100,000 files, a few thousand sets)."""
    # the positions of one set of tags, the sets in the order of their first file
    groups: dict[int, list[int]] = {}
    for index, same in zip(files, map(id, map(tags.__getitem__, files)), strict=True):
        found = groups.get(same)
        if found is None:
            groups[same] = [index]
        else:
            found.append(index)
    by_indicator: dict[str, dict[str | None, list[int]]] = {}
    # (tag indicator, tag item) -> where its files go, resolved once per distinct tag
    places: dict[tuple[str, str | None], _Place] = {}
    unknown: list[tuple[int, str, str]] = []
    for positions in groups.values():
        for tag in tags[positions[0]]:
            key = (tag.indicator, tag.item)
            place = places.get(key)
            if place is None:
                place = places[key] = _place(catalogue, by_indicator, *key)
            at, problem = place
            if problem is not None:
                unknown.extend((index, *problem) for index in positions)
            if at is not None:
                at.extend(positions)
    unknown.sort(key=itemgetter(0))  # by file, each file's tags in their order
    # several sets may send files to one place: archive order, a file tagged twice once
    return {
        node: {item: sorted(set(at)) for item, at in items.items()}
        for node, items in by_indicator.items()
    }, unknown


_Place = tuple[list[int] | None, tuple[str, str] | None]
"""Where a tag's files go (None when it names no question) and what is wrong with the tag
(what it names, and as what), if anything."""


def _place(
    catalogue: Catalogue,
    by_indicator: dict[str, dict[str | None, list[int]]],
    indicator: str,
    item: str | None,
) -> _Place:
    """Resolve one distinct tag, making its place in ``by_indicator`` where the first file
    tagged so puts it (the order of the items is the order they are first met in)."""
    node_id, known_item, bad_item = _resolve_tag(catalogue, indicator, item)
    if node_id is None:
        return None, (indicator, "indikator")
    refs = by_indicator.setdefault(node_id, {}).setdefault(known_item, [])
    return refs, ((f"{node_id} / {item}", "butir data dukung") if bad_item else None)


def _resolve_tag(
    catalogue: Catalogue, indicator: str, item: str | None
) -> tuple[str | None, str | None, bool]:
    """(question id, or None when it is no question; the item key when the question has that
    item; whether an item was given that it does not have)."""
    node_id = catalogue.aliases.get(fold(indicator.strip()))
    if node_id is None or not catalogue.by_id[node_id].is_question:
        return None, None, False
    if item is not None and catalogue.by_id[node_id].checklist_item(item) is None:
        return node_id, None, True
    return node_id, item, False
