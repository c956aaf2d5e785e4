"""Changing a layer: a new round (from a workbook or by hand), one evaluator answer or note,
and the unit's tanggapan. Reading and validating layers is :mod:`.layers`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evaluation.layers import (
    Layer,
    load_layer,
    parse_layer,
)
from zi_docs.findings import Finding
from zi_docs.outputs import write_text_atomic
from zi_docs.workspace import Workspace
from zi_docs.yamlio import dump_yaml

HEADER = (
    "# Lapis evaluasi '{name}': jawaban, nilai dan catatan penilai per putaran, ditulis\n"
    "# oleh zi-docs (lke impor --lapis, lapis catat, lapis tanggapi). Boleh disunting dengan\n"
    "# hati-hati; format jawaban sama dengan lke.yaml. Tanggapan unit ada di bagian\n"
    "# 'tanggapan' tiap putaran.\n\n"
)


def save_layer(layer: Layer) -> Path:
    """Write the layer's data back, atomically."""
    text = HEADER.format(name=layer.name) + dump_yaml(layer.raw)
    return write_text_atomic(layer.path, text)


def add_round(
    workspace: Workspace,
    name: str,
    answers: Mapping[str, Any],
    *,
    date: dt.date,
    evaluator: str,
    source: str | None = None,
    fingerprint: str | None = None,
) -> Layer:
    """Append a round with ``answers`` (``jawaban``/``hasil`` in the lke.yaml shape); the
    file is re-read and validated before anything is written."""
    layer = load_layer(workspace, name, missing_ok=True)
    raw = dict(layer.raw)
    rounds = list(raw.get("putaran") or [])
    entry: dict[str, Any] = {
        "nomor": (layer.last.number + 1) if layer.last else 1,
        "tanggal": date,
        "penilai": evaluator,
    }
    if source:
        entry["sumber"] = source
    if fingerprint:
        entry["sidik"] = fingerprint
    for section in ("jawaban", "hasil"):
        if answers.get(section):
            entry[section] = dict(answers[section])
    rounds.append(entry)
    raw["putaran"] = rounds
    return _store(workspace, layer, raw)


def _store(workspace: Workspace, layer: Layer, raw: dict[str, Any]) -> Layer:
    text = HEADER.format(name=layer.name) + dump_yaml(raw)
    from zi_docs.yamlio import parse_yaml

    checked = parse_layer(parse_yaml(text, layer.file), layer.name, layer.path, workspace.catalogue)
    write_text_atomic(layer.path, text)
    return checked


def record(
    workspace: Workspace,
    name: str,
    indicator: str,
    *,
    answer: str | None,
    note: str | None,
    date: dt.date,
    evaluator: str | None,
    new_round: bool,
) -> tuple[Layer, str, int]:
    """Record one evaluator answer and/or note in the last round (or a new one); an empty
    note removes the round's note.

    Returns (layer, question id, round number)."""
    catalogue = workspace.catalogue
    node = catalogue.resolve(indicator)
    layer = load_layer(workspace, name, missing_ok=True)
    raw = dict(layer.raw)
    rounds = [dict(r) for r in raw.get("putaran") or []]
    if new_round or not rounds:
        if not evaluator:
            raise InvalidInputError(
                "putaran baru memerlukan nama penilai",
                [Finding('tambahkan --penilai "NAMA"', field="--penilai", code="lapis-penilai")],
            )
        rounds.append(
            {
                "nomor": (layer.last.number + 1) if layer.last else 1,
                "tanggal": date,
                "penilai": evaluator,
            }
        )
    current = rounds[-1]
    section = "hasil" if node.part == "hasil" else "jawaban"
    entries = dict(current.get(section) or {})
    before = entries.get(node.id)
    entry: dict[str, Any] = (
        dict(before)
        if isinstance(before, dict)
        else ({} if before is None else {"jawaban": before})
    )
    if answer is not None:
        for key in ("jawaban", "persen", "indeks", "input"):
            entry.pop(key, None)
        entry.update(_answer_entry(node.answer_type or "", answer))
    if note:
        entry["catatan"] = note
    elif note is not None:  # an empty note clears it
        entry.pop("catatan", None)
    if entry:
        entries[node.id] = entry
    else:
        entries.pop(node.id, None)
    current[section] = entries
    rounds[-1] = current
    raw["putaran"] = rounds
    return _store(workspace, layer, raw), node.id, int(current["nomor"])


def _answer_entry(kind: str, text: str) -> dict[str, Any]:
    if kind == "PERSEN":
        return {"persen": text.replace("%", "").strip()}
    if kind.startswith("INDEKS"):
        return {"indeks": text}
    return {"jawaban": text}


def respond(
    workspace: Workspace, name: str, indicator: str, text: str, *, round_number: int | None
) -> tuple[str, int]:
    """Record the unit's tanggapan to a note; returns (question id, round number)."""
    node = workspace.catalogue.resolve(indicator)
    layer = load_layer(workspace, name)
    noted = [r for r, _note, _resp in layer.notes(node.id)]
    if round_number is not None:
        noted = [r for r in noted if r.number == round_number]
    if not noted:
        where = f" pada putaran {round_number}" if round_number is not None else ""
        raise NotFoundError(
            f"lapis '{name}' tidak memuat catatan untuk {node.id}{where}; tidak ada yang "
            "ditanggapi",
            hint=f"lihat catatan dengan: zi-docs lapis bandingkan {name}",
        )
    target = noted[-1].number
    raw = dict(layer.raw)
    rounds = [dict(r) for r in raw["putaran"]]
    for entry in rounds:
        if entry.get("nomor") == target:
            responses = dict(entry.get("tanggapan") or {})
            responses[node.id] = text
            entry["tanggapan"] = responses
    raw["putaran"] = rounds
    _store(workspace, layer, raw)
    return node.id, target
