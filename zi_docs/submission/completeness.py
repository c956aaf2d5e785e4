"""Completeness: catalogue x answers x archive -> per-indicator status and findings.

Definitions (documented for users in ``docs``/README of the check command):

- A checklist item is *covered* when at least one archive file is tagged to the indicator
  with that item key. Dates do not uncover an item; evidence dated outside the window is a
  separate warning.
- An indicator *has evidence* when at least one file is tagged to it (with or without item).
- An indicator is *complete* when it is answered, has evidence, and every required (``wajib``)
  checklist item is covered.
- The *top answer* is one whose value is 1 (Ya, A, 100%); survey indices never claim it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import attrgetter, not_

from zi_docs.angka import angka, persen
from zi_docs.assessment import QuestionScore, Score
from zi_docs.catalogue import Catalogue, ChecklistItem, Node, fold
from zi_docs.evidence import ArchiveView, EvidenceFile
from zi_docs.findings import Finding, Severity
from zi_docs.refs import IndicatorRef

TOP_EPSILON = 1e-9
HintFor = Callable[[ChecklistItem], str | None]
"""Checklist item -> the command that would produce it (``zi-docs generate sk-tim ...``)."""

"""Stable finding codes of ``check`` and what each means (integrity codes come from the
archive and are prefixed ``integritas-``)."""


@dataclass(frozen=True)
class ItemStatus:
    """One checklist item of one indicator."""

    key: str
    description: str
    required: bool
    files: tuple[str, ...]
    """Refs of the files tagged to this item."""
    hint: str | None = None
    """Command that would produce this item when it is missing."""

    @property
    def covered(self) -> bool:
        return bool(self.files)


@dataclass(frozen=True)
class IndicatorStatus:
    """One question: its answer, its evidence and whether it is complete."""

    id: str
    alias: str
    text: str
    area: str | None
    part: str | None
    answered: bool
    answer: str
    """The answer as shown (``Ya``, ``B``, ``75,00%``, ``3,65``; ``""`` when unanswered)."""
    value: float
    weight: float
    note: str | None
    top: bool
    """The answer claims the best option (value 1)."""
    items: tuple[ItemStatus, ...]
    files: tuple[str, ...]
    """Refs of every file tagged to the indicator, in archive order."""

    @property
    def has_evidence(self) -> bool:
        return bool(self.files)

    @property
    def required_missing(self) -> tuple[ItemStatus, ...]:
        return tuple(i for i in self.items if i.required and not i.covered)

    @property
    def complete(self) -> bool:
        return self.answered and self.has_evidence and not self.required_missing


@dataclass(frozen=True)
class Completeness:
    """Per-indicator status plus every finding of the check."""

    indicators: tuple[IndicatorStatus, ...]
    """In catalogue order."""
    findings: tuple[Finding, ...]
    files: Mapping[str, EvidenceFile]
    """Ref -> file, for every archive file (tagged or not)."""
    window: tuple[dt.date, dt.date]

    @property
    def complete_count(self) -> int:
        """How many questions are complete."""
        return sum(i.complete for i in self.indicators)

    def indicator(self, node_id: str) -> IndicatorStatus:
        return self._by_id[node_id]

    @cached_property
    def _by_id(self) -> dict[str, IndicatorStatus]:
        return {i.id: i for i in self.indicators}


def format_answer(question: QuestionScore) -> str:
    """An answer as a person reads it, Indonesian decimal comma."""
    if not question.answered:
        return ""
    if question.option is not None:
        return question.option
    if question.index is not None:
        return angka(question.index)
    if question.percent is not None:
        return persen(question.percent)
    return ""


def assess(
    catalogue: Catalogue,
    score: Score,
    archive: ArchiveView,
    window: tuple[dt.date, dt.date],
    hint_for: HintFor = lambda _item: None,
) -> Completeness:
    """Join catalogue, answers and archive into per-indicator status and findings.

    The archive is read as columns (:meth:`ArchiveView.columns`), files by their position in
    it; a file's value is built only when a finding names it."""
    findings: list[Finding] = []
    refs, tags, drafts, dates = archive.columns()
    everyone = range(len(refs))
    signed = list(compress(everyone, map(not_, drafts))) if any(drafts) else everyone
    drafted = list(compress(everyone, drafts))
    by_indicator, unknown_tags = _index_tags(catalogue, tags, signed)
    drafts_by, _unknown = _index_tags(catalogue, tags, drafted)
    start, end = window
    # the files that may need a finding (untagged, or dated outside the window), in C
    outside = {d for d in set(dates) if _outside(d, start, end)}
    noted = set(compress(everyone, map(not_, tags)))
    noted.update(compress(everyone, map(outside.__contains__, dates)))
    for file in map(archive.file, sorted(i for i in noted if not drafts[i])):
        if not file.tags:
            findings.append(
                Finding(
                    f"berkas '{file.name}' belum ditandai ke indikator mana pun; tandai dengan "
                    f"'zi-docs archive tag {file.ref} --indikator ID' atau hapus bila tidak perlu",
                    Severity.WARNING,
                    file=file.name,
                    code="belum-ditandai",
                )
            )
        elif file.doc_date is not None and not start <= file.doc_date <= end:
            findings.append(
                Finding(
                    f"berkas '{file.label}' bertanggal {file.doc_date:%d-%m-%Y}, di luar periode "
                    f"penilaian {start:%d-%m-%Y} s.d. {end:%d-%m-%Y}; pastikan penilai "
                    "menerimanya atau ganti dengan bukti tahun penilaian",
                    Severity.WARNING,
                    file=file.name,
                    code="di-luar-periode",
                )
            )
    for index, raw, problem in unknown_tags:
        file = archive.file(index)
        code = "indikator-tak-dikenal" if problem == "indikator" else "butir-tak-dikenal"
        findings.append(
            Finding(
                f"berkas '{file.label}' ditandai ke {problem} '{raw}' yang tidak ada di katalog "
                f"{catalogue.id}; perbaiki tandanya dengan 'zi-docs archive untag' lalu "
                "'zi-docs archive tag'",
                Severity.ERROR if problem == "indikator" else Severity.WARNING,
                file=file.name,
                code=code,
            )
        )
    statuses = []
    for node in catalogue.questions():
        question = score.question(node.id)
        tagged = {
            item: list(map(refs.__getitem__, found))
            for item, found in by_indicator.get(node.id, {}).items()
        }
        status = _status(catalogue, node, question, tagged, hint_for)
        statuses.append(status)
        findings.extend(_indicator_findings(status))
        konsep = [i for found in drafts_by.get(node.id, {}).values() for i in found]
        if konsep and not status.has_evidence:
            findings.append(_draft_only(status, [archive.file(i) for i in dict.fromkeys(konsep)]))
    findings.extend(archive.integrity)
    return Completeness(
        indicators=tuple(statuses),
        findings=tuple(findings),
        files=_FilesByRef(archive, refs),
        window=window,
    )


def _outside(day: object, start: dt.date, end: dt.date) -> bool:
    """A document date as the archive's columns hold it (a date, an ISO string, or empty)
    is outside the window."""
    if not day:
        return False
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    assert isinstance(day, dt.date)
    return not start <= day <= end


class _FilesByRef(Mapping[str, EvidenceFile]):
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


def _draft_only(status: IndicatorStatus, drafts: list[EvidenceFile]) -> Finding:
    where = f"{status.id} ({status.alias})" if status.alias != status.id else status.id
    names = ", ".join(f"'{f.label}'" for f in drafts[:3])
    return Finding(
        f"hanya ada konsep dokumen yang belum ditandatangani ({names}); konsep tidak dihitung "
        "sebagai data dukung. Setelah ditandatangani, arsipkan pindaian atau PDF TTE-nya dengan "
        "'zi-docs archive add BERKAS' (nomornya dicocokkan otomatis, atau pakai --sama-dengan "
        "NOMOR)",
        Severity.WARNING,
        field=where,
        code="hanya-konsep",
    )


def _index_tags(
    catalogue: Catalogue, tags: Sequence[tuple[IndicatorRef, ...]], files: Iterable[int]
) -> tuple[dict[str, dict[str | None, list[int]]], list[tuple[int, str, str]]]:
    """indicator id -> item key (None = no item) -> positions of the ``files`` (positions in
    ``tags``) tagged to it; plus the unknown tags, by position."""
    # dicts as ordered sets: a file tagged twice to one item is listed once, in archive order
    by_indicator: dict[str, dict[str | None, dict[int, None]]] = {}
    # (tag indicator, tag item) -> where its files go, resolved once per distinct tag
    places: dict[tuple[str, str | None], _Place] = {}
    # a file's tags (the very tuple, shared by the many files with that one tag) -> places
    resolved: dict[int, list[_Place]] = {}
    unknown: list[tuple[int, str, str]] = []
    for index in files:
        file_tags = tags[index]
        found = resolved.get(id(file_tags))
        if found is None:
            found = resolved[id(file_tags)] = []
            for tag in file_tags:
                key = (tag.indicator, tag.item)
                place = places.get(key)
                if place is None:
                    place = places[key] = _place(catalogue, by_indicator, *key)
                found.append(place)
        for at, problem in found:
            if problem is not None:
                unknown.append((index, *problem))
            if at is not None:
                at[index] = None
    return {
        node: {item: list(at) for item, at in items.items()} for node, items in by_indicator.items()
    }, unknown


_Place = tuple[dict[int, None] | None, tuple[str, str] | None]
"""Where a tag's files go (None when it names no question) and what is wrong with the tag
(what it names, and as what), if anything."""


def _place(
    catalogue: Catalogue,
    by_indicator: dict[str, dict[str | None, dict[int, None]]],
    indicator: str,
    item: str | None,
) -> _Place:
    """Resolve one distinct tag, making its place in ``by_indicator`` where the first file
    tagged so puts it (the order of the items is the order they are first met in)."""
    node_id, known_item, bad_item = _resolve_tag(catalogue, indicator, item)
    if node_id is None:
        return None, (indicator, "indikator")
    refs = by_indicator.setdefault(node_id, {}).setdefault(known_item, {})
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


def _status(
    catalogue: Catalogue,
    node: Node,
    question: QuestionScore,
    tagged: Mapping[str | None, list[str]],
    hint_for: HintFor,
) -> IndicatorStatus:
    items = tuple(
        ItemStatus(
            key=c.key,
            description=c.description,
            required=c.required,
            files=tuple(tagged.get(c.key, ())),
            hint=None if tagged.get(c.key) else hint_for(c),
        )
        for c in node.checklist
    )
    files: dict[str, None] = {}  # an ordered set: each file once, in the order first seen
    for refs in tagged.values():
        files.update(dict.fromkeys(refs))
    scored_type = (
        question.answer_type in catalogue.option_values or question.answer_type == "PERSEN"
    )
    return IndicatorStatus(
        id=node.id,
        alias=question.alias,
        text=node.name,
        area=node.area,
        part=node.part,
        answered=question.answered,
        answer=format_answer(question),
        value=question.value,
        weight=question.weight,
        note=question.note,
        top=question.answered and scored_type and question.value >= 1 - TOP_EPSILON,
        items=items,
        files=tuple(files),
    )


def _indicator_findings(status: IndicatorStatus) -> list[Finding]:
    found: list[Finding] = []
    where = f"{status.id} ({status.alias})" if status.alias != status.id else status.id
    if not status.answered:
        found.append(
            Finding(
                f"pertanyaan belum dijawab (dihitung nol): {status.text}; isi jawabannya di "
                "lke.yaml",
                Severity.ERROR,
                field=where,
                code="belum-dijawab",
            )
        )
    missing = status.required_missing
    if status.top and not status.has_evidence:
        found.append(
            Finding(
                f"jawaban '{status.answer}' (nilai tertinggi) tanpa data dukung sama sekali; "
                "penilai akan menurunkannya. Tambahkan bukti dengan 'zi-docs archive add BERKAS "
                f"--indikator {status.id}'",
                Severity.ERROR,
                field=where,
                code="tanpa-bukti",
            )
        )
    elif status.top and missing:
        found.append(
            Finding(
                f"jawaban '{status.answer}' (nilai tertinggi) tetapi data dukung wajib belum ada: "
                + "; ".join(_missing_text(i) for i in missing),
                Severity.ERROR,
                field=where,
                code="wajib-kurang",
            )
        )
    elif status.answered and missing:
        found.append(
            Finding(
                "data dukung wajib belum ada: " + "; ".join(_missing_text(i) for i in missing),
                Severity.INFO,
                field=where,
                code="butir-kurang",
            )
        )
    return found


def _missing_text(item: ItemStatus) -> str:
    text = f"belum ada {item.description} [{item.key}]"
    return f"{text} → {item.hint}" if item.hint else text
