"""Changing a layer or the tindak lanjut register while others change it too.

Each thing a form edits has a *version* (a digest of what is written now): a layer's entry
for one question in the round being written, the unit's tanggapan to one note, one register
item. A form carries the version it was shown; saving with an older version is refused with
:class:`StaleEntryError` (the newer value attached) and nothing is written, so two people never
overwrite each other. Every write holds the file's edit lock for its read-modify-write and
goes through the same writes as the CLI (:mod:`.layer_edits`, :mod:`.followup`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.errors import ZiError
from zi_docs.evaluation.followup import FollowUp, add_items, load_register, update_item
from zi_docs.evaluation.layer_edits import add_round, record, respond
from zi_docs.evaluation.layers import Layer, layer_path, load_layer
from zi_docs.workspace import Workspace
from zi_docs.yamledit import editing


class StaleEntryError(ZiError):
    """What the form changes was changed by someone else since it was opened."""

    def __init__(self, message: str, current: Any, *, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.current = current


STALE_HINT = "lihat isian terbaru di bawah, lalu ubah dan simpan lagi bila perlu"


def _version(*parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LayerEntry:
    """A layer's answer and note for one question in the round being written (the last)."""

    layer: str
    file: str
    """The layer file as the workspace shows it (``lapis/tpi-unit.yaml``)."""
    question_id: str
    round: int | None
    """The round a save writes into; ``None`` while the layer has no round."""
    answer: str | None
    """As written in that round (``B``, ``80``, ``3,5``); ``None`` when not given there."""
    note: str
    version: str


def _lock_path(workspace: Workspace, name: str) -> Path:
    path = layer_path(workspace, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _round_entry(layer: Layer, question_id: str) -> tuple[int | None, Any]:
    rounds = layer.raw.get("putaran") or []
    if not rounds:
        return None, None
    last = rounds[-1]
    for section in ("jawaban", "hasil"):
        entries = last.get(section) or {}
        if question_id in entries:
            return int(last["nomor"]), entries[question_id]
    return int(last["nomor"]), None


def _entry(layer: Layer, question_id: str) -> LayerEntry:
    number, raw = _round_entry(layer, question_id)
    answer: Any = raw
    note = ""
    if isinstance(raw, Mapping):
        answer = next((raw[k] for k in ("jawaban", "persen", "indeks") if k in raw), None)
        note = str(raw.get("catatan") or "")
    text = None if answer is None else str(answer)
    return LayerEntry(
        layer.name, layer.file, question_id, number, text, note, _version(number, raw)
    )


def read_layer_entry(workspace: Workspace, name: str, question_id: str) -> LayerEntry:
    """The entry a layer form shows (an absent layer has no round yet)."""
    node = workspace.catalogue.resolve(question_id)
    return _entry(load_layer(workspace, name, missing_ok=True), node.id)


def save_layer_entry(
    workspace: Workspace,
    name: str,
    question_id: str,
    *,
    answer: str | None,
    note: str | None,
    expected_version: str | None,
    date: dt.date,
    evaluator: str | None,
    new_round: bool = False,
) -> LayerEntry:
    """Record the answer and/or note (``None``: leave as is) in the layer's last round (a new
    round by ``evaluator`` on ``date`` with ``new_round`` or when it has none), refused when
    the entry's version is no longer ``expected_version`` (``None``: not checked, the CLI)."""
    node = workspace.catalogue.resolve(question_id)
    with editing(_lock_path(workspace, name)):
        current = _entry(load_layer(workspace, name, missing_ok=True), node.id)
        if expected_version is not None and current.version != expected_version:
            raise StaleEntryError(
                f"jawaban lapis '{name}' untuk {node.id} sudah diubah orang lain sejak halaman "
                "ini dibuka; isian Anda belum disimpan",
                current,
                hint=STALE_HINT,
            )
        layer, _qid, _number = record(
            workspace,
            name,
            node.id,
            answer=answer,
            note=note,
            date=date,
            evaluator=evaluator,
            new_round=new_round,
        )
    return _entry(layer, node.id)


def open_round(workspace: Workspace, name: str, *, date: dt.date, evaluator: str) -> Layer:
    """Start the next round of ``name`` (its first, making the layer file, when new); later
    answers and notes are written into it."""
    with editing(_lock_path(workspace, name)):
        return add_round(workspace, name, {}, date=date, evaluator=evaluator)


@dataclass(frozen=True)
class ResponseEntry:
    """The unit's tanggapan to the latest note (of one round) on one question."""

    layer: str
    question_id: str
    round: int | None
    """The noted round answered; ``None`` when the question has no note to answer."""
    note: str
    response: str
    version: str


def _response(layer: Layer, question_id: str, round_number: int | None) -> ResponseEntry:
    noted = [
        (r.number, note, resp or "")
        for r, note, resp in layer.notes(question_id)
        if round_number in (None, r.number)
    ]
    if not noted:
        return ResponseEntry(layer.name, question_id, None, "", "", _version(None, ""))
    number, note, response = noted[-1]
    return ResponseEntry(
        layer.name, question_id, number, note, response, _version(number, response)
    )


def read_response(
    workspace: Workspace, name: str, question_id: str, round_number: int | None = None
) -> ResponseEntry:
    node = workspace.catalogue.resolve(question_id)
    return _response(load_layer(workspace, name), node.id, round_number)


def save_response(
    workspace: Workspace,
    name: str,
    question_id: str,
    text: str,
    *,
    round_number: int | None,
    expected_version: str | None,
) -> ResponseEntry:
    """Write the unit's tanggapan (through :func:`.layer_edits.respond`), refused when stale
    (``expected_version`` ``None``: not checked)."""
    node = workspace.catalogue.resolve(question_id)
    with editing(_lock_path(workspace, name)):
        current = _response(load_layer(workspace, name), node.id, round_number)
        if expected_version is not None and current.version != expected_version:
            raise StaleEntryError(
                f"tanggapan untuk catatan {node.id} di lapis '{name}' sudah diubah orang lain "
                "sejak halaman ini dibuka; tanggapan Anda belum disimpan",
                current,
                hint=STALE_HINT,
            )
        respond(workspace, name, node.id, text, round_number=round_number)
    return _response(load_layer(workspace, name), node.id, round_number)


def item_versions(workspace: Workspace) -> dict[str, str]:
    """Register item code -> version of its written entry."""
    register = load_register(workspace)
    return {str(entry.get("kode")): _version(entry) for entry in register.raw.get("butir") or []}


def add_items_locked(workspace: Workspace, new: Sequence[Mapping[str, Any]]) -> list[str]:
    """:func:`.followup.add_items` holding the register's edit lock (codes never collide)."""
    with editing(workspace.followup_file):
        return add_items(workspace, new)


def update_item_checked(
    workspace: Workspace,
    code: str,
    changes: Mapping[str, Any],
    *,
    expected_version: str | None,
    today: dt.date,
) -> FollowUp:
    """:func:`.followup.update_item` holding the register's edit lock, refused when the item
    changed since the form opened (``expected_version`` ``None``: not checked)."""
    with editing(workspace.followup_file):
        versions = item_versions(workspace)
        wanted = next((c for c in versions if c.casefold() == code.casefold()), code)
        stale = expected_version is not None and versions.get(wanted, expected_version)
        if stale and stale != expected_version:
            current = next(i for i in load_register(workspace).items if i.code == wanted)
            raise StaleEntryError(
                f"butir tindak lanjut {wanted} sudah diubah orang lain sejak halaman ini "
                "dibuka; perubahan Anda belum disimpan",
                current,
                hint=STALE_HINT,
            )
        return update_item(workspace, wanted, changes, today=today)
