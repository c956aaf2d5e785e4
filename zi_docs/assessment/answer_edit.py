"""Change one answer of ``lke.yaml`` safely while others edit the same file.

Each question's entry has a *version* (a digest of its current value). A form carries the
version it was shown; saving with an older version is refused with the newer value, so two
people never overwrite each other. The write keeps the rest of the hand-edited file as it is
(comments, order, formatting), is atomic, and holds the file's edit lock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from zi_docs.assessment.answer_values import parse_value
from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace
from zi_docs.yamledit import (
    dump_roundtrip,
    editing,
    load_roundtrip,
    read_roundtrip,
    replace_value,
    to_roundtrip,
    write_atomic,
)


class StaleAnswerError(ZiError):
    """The answer changed since the form was opened; nothing was written."""

    def __init__(self, message: str, current: AnswerEntry, *, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.current = current


@dataclass(frozen=True)
class AnswerEntry:
    """One question's entry as written in the answers file."""

    question_id: str
    key: str | None
    """The key as written (id or alias); ``None`` when the question has no entry yet."""
    raw: Any
    """The written value (``"Ya"``, ``{"jawaban": "B", "catatan": ...}``, ``None``)."""
    version: str

    @property
    def option(self) -> str | None:
        if isinstance(self.raw, Mapping):
            value = self.raw.get("jawaban")
            return None if value is None else str(value)
        return None if self.raw is None or isinstance(self.raw, Mapping) else str(self.raw)

    @property
    def note(self) -> str:
        if isinstance(self.raw, Mapping):
            return str(self.raw.get("catatan") or "")
        return ""

    @property
    def counts(self) -> dict[str, Any]:
        if isinstance(self.raw, Mapping) and isinstance(self.raw.get("input"), Mapping):
            return dict(self.raw["input"])
        return {}

    @property
    def percent(self) -> Any:
        if isinstance(self.raw, Mapping):
            return self.raw.get("persen")
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _version(raw: Any) -> str:
    canonical = json.dumps(_plain(raw), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _find(data: Any, workspace: Workspace, question_id: str) -> tuple[str, str | None, Any]:
    """(section, written key or None, raw value) of the question's entry."""
    catalogue = workspace.catalogue
    node = catalogue.resolve(question_id)
    section = "hasil" if node.part == "hasil" else "jawaban"
    for name in ("jawaban", "hasil"):
        entries = data.get(name) if isinstance(data, Mapping) else None
        if not isinstance(entries, Mapping):
            continue
        for key, raw in entries.items():
            try:
                resolved = catalogue.resolve(str(key))
            except NotFoundError:
                continue
            if resolved.id == node.id:
                return name, str(key), raw
    return section, None, None


def read_answer(workspace: Workspace, question_id: str) -> AnswerEntry:
    """The question's current entry and its version."""
    node = workspace.catalogue.resolve(question_id)
    data = read_roundtrip(workspace.answers_file, workspace.display(workspace.answers_file))
    _, key, raw = _find(data, workspace, node.id)
    return AnswerEntry(node.id, key, _plain(raw), _version(raw))


def save_answer(
    workspace: Workspace, question_id: str, value: Any, *, expected_version: str
) -> AnswerEntry:
    """Write ``value`` (the YAML value of the entry, ``None`` to clear) for the question.

    Refuses with :class:`StaleAnswerError` when the entry's version is no longer
    ``expected_version``, and with :class:`InvalidInputError` (the CLI's messages) when the
    value is not a valid answer. Nothing is written in either case.
    """
    catalogue = workspace.catalogue
    node = catalogue.resolve(question_id)
    if not node.is_question:
        raise NotFoundError(f"'{question_id}' bukan pertanyaan LKE")
    display = workspace.display(workspace.answers_file)
    problems: list[Finding] = []

    def report(message: str, code: str, *sub: str | int) -> None:
        field = ".".join(str(s) for s in (node.id, *sub))
        problems.append(Finding(message, file=display, field=field, code=code))

    if value is not None:
        parse_value(value, node, catalogue, report)
    if problems:
        raise InvalidInputError(f"jawaban {node.id} tidak sah; belum disimpan", problems)
    path = workspace.answers_file
    with editing(path):
        data = load_roundtrip(path, display)
        section, key, raw = _find(data, workspace, node.id)
        current = AnswerEntry(node.id, key, _plain(raw), _version(raw))
        if current.version != expected_version:
            raise StaleAnswerError(
                f"jawaban {node.id} sudah diubah orang lain sejak halaman ini dibuka; "
                "jawaban Anda belum disimpan",
                current,
                hint="lihat jawaban terbaru di bawah, lalu isi dan simpan lagi bila perlu",
            )
        if "lke" not in data:
            data.insert(0, "lke", catalogue.id)
        entries = data.get(section)
        if entries is None:
            data[section] = entries = to_roundtrip({})
            entries.fa.set_block_style()
        replace_value(entries, key or node.id, value)
        write_atomic(path, dump_roundtrip(data))
    return AnswerEntry(node.id, key or node.id, _plain(value), _version(value))
