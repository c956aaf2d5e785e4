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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import not_

from zi_docs.angka import angka, persen
from zi_docs.assessment import QuestionScore, Score
from zi_docs.catalogue import Catalogue, ChecklistItem, Node
from zi_docs.evidence import ArchiveView, EvidenceFile
from zi_docs.findings import Finding, Severity
from zi_docs.submission.tag_index import FilesByRef, index_tags, outside_window

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
    *,
    with_integrity: bool = True,
) -> Completeness:
    """Join catalogue, answers and archive into per-indicator status and findings.

    The archive is read as columns (:meth:`ArchiveView.columns`), files by their position in
    it; a file's value is built only when a finding names it. Its integrity findings come
    last, unless ``with_integrity`` is false: then the caller adds them (``check`` does so as
    late as it can, for they wait on the listing of the archive's objects)."""
    findings: list[Finding] = []
    refs, tags, drafts, dates = archive.columns()
    everyone = range(len(refs))
    signed = list(compress(everyone, map(not_, drafts))) if any(drafts) else everyone
    drafted = list(compress(everyone, drafts))
    by_indicator, unknown_tags = index_tags(catalogue, tags, signed)
    drafts_by, _unknown = index_tags(catalogue, tags, drafted)
    start, end = window
    # the files that may need a finding (untagged, or dated outside the window), in C
    outside = {d for d in set(dates) if outside_window(d, start, end)}
    noted = set(compress(everyone, map(not_, tags)))
    noted.update(compress(everyone, map(outside.__contains__, dates)))
    period = f"{start:%d-%m-%Y} s.d. {end:%d-%m-%Y}"
    for file in archive.files_at(sorted(i for i in noted if not drafts[i])):
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
                    f"penilaian {period}; pastikan penilai menerimanya atau ganti dengan bukti "
                    "tahun penilaian",
                    Severity.WARNING,
                    file=file.name,
                    code="di-luar-periode",
                )
            )
    named = archive.files_at([index for index, _raw, _problem in unknown_tags])
    for file, (_index, raw, problem) in zip(named, unknown_tags, strict=True):
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
    if with_integrity:
        findings.extend(archive.integrity)
    return Completeness(
        indicators=tuple(statuses),
        findings=tuple(findings),
        files=FilesByRef(archive, refs),
        window=window,
    )


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
