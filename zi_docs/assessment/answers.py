"""The answers file (``lke.yaml``): parse and validate it against a catalogue.

Accepted shape (other tools write it too)::

    lke: permenpanrb-90-2021
    jawaban:
      A.I.1.i.a: Ya                                   # option, case-insensitive
      P.MP.i.b: {jawaban: B, catatan: "..."}          # aliases accepted
      A.II.1.i.a: {input: {jumlah_agen_perubahan: 10, jumlah_perubahan_dibuat: 8}}
      A.II.3.iii.a: {persen: 75}
      A.I.1.ii.a: {jawaban: Ya, bukti: [Rencana Kerja.pdf, "https://..."]}  # evidence refs
      A.I.2.i.a:                                      # empty: unanswered (counts as zero)
    hasil:
      B.I.a: 3.65
      B.I.b: B
      B.II.a: {indeks: 3.41, sumber: "SPKP internal TW1, n=45, metode linier"}

Decisions (documented for users in the example file's header):

- ``lke:`` naming another catalogue than the workspace's is an error (ids would be read
  against the wrong tree); a missing ``lke:`` is a warning.
- A typed ``persen`` must be 0..100: above 100 is almost always a typing slip, so it is an
  error; counts whose ratio exceeds 100% are kept and the value is capped at 1.
- A percentage item must be given as counts or ``{persen: N}``; a bare number is refused
  because ``0.75`` and ``75`` would be ambiguous.
- Survey indices accept a decimal comma (``"3,65"``).
- ``{catatan: ...}`` without an answer keeps the note and leaves the question unanswered.

Every problem of the file is reported at once, each with file, line and allowed values.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from zi_docs.assessment.answer_values import AnswerValue, parse_value
from zi_docs.catalogue import Catalogue, Node
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.findings import Finding, Severity
from zi_docs.schema import did_you_mean
from zi_docs.yamlio import PathKey, YamlDoc, load_yaml

log = logging.getLogger(__name__)

SECTIONS = ("jawaban", "hasil")
TOP_LEVEL = ("lke", *SECTIONS)


@dataclass(frozen=True)
class Answer:
    """One validated answer to one question."""

    question_id: str
    """The catalogue id the written key resolved to."""
    written_id: str
    """The key as the user wrote it (an id or an alias)."""
    option: str | None = None
    """The option label as the catalogue spells it (``Ya``, ``B``), for option types."""
    counts: Mapping[str, float] | None = None
    """Typed counts of a percentage item, exactly as typed."""
    percent: float | None = None
    """A typed percentage (``{persen: N}``), 0..100."""
    index: float | None = None
    """A survey index (0..4)."""
    note: str | None = None
    """The ``catatan`` written with the answer."""
    source: str | None = None
    """The ``sumber`` written with the answer (provenance of a survey index)."""
    evidence: tuple[str, ...] = ()
    """Evidence names or links written with the answer (``bukti``)."""
    line: int | None = None
    """Line of the answer in the answers file."""

    @property
    def answered(self) -> bool:
        return any(v is not None for v in (self.option, self.counts, self.percent, self.index))


@dataclass(frozen=True)
class AnswerSet:
    """A validated answers file."""

    file: str
    """The file as shown to the user."""
    catalogue_id: str
    answers: Mapping[str, Answer] = field(default_factory=dict)
    """Question id -> answer (only questions written in the file)."""
    warnings: tuple[Finding, ...] = ()

    def get(self, question_id: str) -> Answer | None:
        return self.answers.get(question_id)


def load_answers(path: Path, catalogue: Catalogue, *, display: str | None = None) -> AnswerSet:
    """Read and validate an answers file; raise :class:`InvalidInputError` listing every problem."""
    return parse_answers(load_yaml(path, display=display), catalogue)


def parse_answers(doc: YamlDoc, catalogue: Catalogue) -> AnswerSet:
    """Validate a parsed answers document against ``catalogue``."""
    return _Parser(doc, catalogue).run()


class _Parser:
    def __init__(self, doc: YamlDoc, catalogue: Catalogue) -> None:
        self.doc = doc
        self.catalogue = catalogue
        self.problems: list[Finding] = []
        self.warnings: list[Finding] = []
        self.answers: dict[str, Answer] = {}
        self.first_key: dict[str, str] = {}

    def fail(self, path: PathKey, message: str, code: str) -> None:
        self.problems.append(self.doc.finding(path, message, code=code))

    def warn(self, path: PathKey, message: str, code: str) -> None:
        finding = self.doc.finding(path, message, code=code)
        self.warnings.append(replace(finding, severity=Severity.WARNING))

    def run(self) -> AnswerSet:
        data = self.doc.data
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.fail(
                (),
                "isi berkas jawaban harus berupa pemetaan dengan bagian 'lke', "
                "'jawaban' dan 'hasil'",
                "jawaban-bentuk",
            )
            data = {}
        self._check_catalogue(data)
        for key in data:
            if str(key) not in TOP_LEVEL:
                self.fail(
                    (str(key),),
                    f"bagian '{key}' tidak dikenal{did_you_mean(str(key), TOP_LEVEL)} "
                    f"(yang dikenal: {', '.join(TOP_LEVEL)})",
                    "jawaban-bagian",
                )
        for section in SECTIONS:
            entries = data.get(section)
            if entries is None:
                continue
            if not isinstance(entries, dict):
                self.fail(
                    (section,),
                    f"bagian '{section}' harus berisi baris 'ID: jawaban'",
                    "jawaban-bentuk",
                )
                continue
            for key, raw in entries.items():
                self._entry(section, str(key), raw)
        if self.problems:
            raise InvalidInputError(
                f"{self.doc.file} memuat {len(self.problems)} jawaban yang tidak sah; "
                "nilai tidak dihitung",
                self.problems,
                hint="perbaiki baris-baris di atas lalu jalankan lagi",
            )
        for finding in self.warnings:
            log.info("%s", finding)
        return AnswerSet(
            file=self.doc.file,
            catalogue_id=self.catalogue.id,
            answers=dict(self.answers),
            warnings=tuple(self.warnings),
        )

    def _check_catalogue(self, data: Mapping[Any, Any]) -> None:
        declared = data.get("lke")
        if declared is None:
            self.warn(
                (),
                f"baris 'lke: {self.catalogue.id}' tidak ada; jawaban dibaca dengan "
                f"katalog ruang kerja ({self.catalogue.id})",
                "jawaban-katalog",
            )
        elif str(declared).strip() != self.catalogue.id:
            self.fail(
                ("lke",),
                f"jawaban ditulis untuk katalog '{declared}', tetapi ruang kerja "
                f"memakai katalog '{self.catalogue.id}'; samakan 'lke' di berkas "
                "ini dengan 'lke' di unit.yaml",
                "jawaban-katalog",
            )

    def _entry(self, section: str, key: str, raw: Any) -> None:
        path: PathKey = (section, key)
        try:
            node = self.catalogue.resolve(key)
        except NotFoundError as err:
            suggestions = (
                f"; mungkin maksud Anda: {', '.join(err.suggestions)}"
                if err.suggestions
                else "; lihat daftar dengan: zi-docs lke list"
            )
            self.fail(
                path,
                f"indikator '{key}' tidak ada dalam katalog {self.catalogue.id}{suggestions}",
                "jawaban-id-tak-dikenal",
            )
            return
        if not node.is_question:
            children = ", ".join(q.id for q in node.questions()[:6])
            self.fail(
                path,
                f"'{key}' adalah {node.level} ({node.id} {node.name}), bukan "
                f"pertanyaan; jawab pertanyaannya: {children}",
                "jawaban-bukan-pertanyaan",
            )
            return
        is_hasil = node.part == "hasil"
        if (section == "hasil") != is_hasil:
            right = "hasil" if is_hasil else "jawaban"
            self.warn(
                path,
                f"{node.id} sebaiknya ditulis di bagian '{right}:'",
                "jawaban-salah-bagian",
            )
        if node.id in self.first_key:
            self.fail(
                path,
                f"'{key}' dan '{self.first_key[node.id]}' sama-sama menjawab "
                f"{node.id}; hapus salah satunya",
                "jawaban-ganda",
            )
            return
        self.first_key[node.id] = key

        def report(message: str, code: str, *sub: str | int) -> None:
            """Value parsing reports each problem at a sub-path of this answer."""
            self.fail((*path, *sub), message, code)

        value = parse_value(raw, node, self.catalogue, report)
        if value is None:
            return
        self.answers[node.id] = answer_of(node, key, value, self.doc.line_of(path))


def answer_of(node: Node, key: str, value: AnswerValue, line: int | None = None) -> Answer:
    """The :class:`Answer` of a validated value, written under ``key`` at ``line``."""
    return Answer(
        question_id=node.id,
        written_id=key,
        option=value.option,
        counts=value.counts,
        percent=value.percent,
        index=value.index,
        note=value.note,
        source=value.source,
        evidence=value.evidence,
        line=line,
    )
