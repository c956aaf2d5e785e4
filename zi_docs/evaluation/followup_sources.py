"""Register items drafted from an evaluation layer's notes (one per noted indicator) and from
the rekomendasi of an LHE input (one per recommendation)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.followup import load_register
from zi_docs.evaluation.layers import load_layer
from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml

DEFAULT_OWNER = "Tim Kerja ZI"


def items_from_layer(
    workspace: Workspace, name: str, *, due: dt.date, round_number: int | None = None
) -> list[dict[str, Any]]:
    """Items for every note of round ``round_number`` (default: the last) of layer ``name``
    that the register does not hold yet (same origin and indicator); owner: the area's Pokja."""
    layer = load_layer(workspace, name)
    chosen = next((r for r in reversed(layer.rounds) if round_number in (None, r.number)), None)
    if chosen is None:
        return []
    origin = f"lapis {name} putaran {chosen.number}"
    held = {(i.origin, i.indicator) for i in load_register(workspace).items}
    catalogue = workspace.catalogue
    items = []
    for qid, answer in chosen.answers.answers.items():
        if not answer.note or (origin, qid) in held:
            continue
        node = catalogue.node(qid)
        area = catalogue.areas.get(node.area or "", "") if node.area else ""
        items.append(
            {
                "uraian": answer.note,
                "sumber": "catatan",
                "asal": origin,
                "indikator": qid,
                "pemilik": f"Pokja {area}" if area else DEFAULT_OWNER,
                "batas_waktu": due,
            }
        )
    return items


def items_from_lhe(
    workspace: Workspace, path: Path, *, due: dt.date, owner: str | None = None
) -> list[dict[str, Any]]:
    """Items for every ``rekomendasi`` of the LHE input at ``path`` (``inputs/lhe.yaml``) that
    the register does not hold yet (same origin and text); origin: the LHE's number."""
    doc = load_yaml(path, display=workspace.display(path))
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = []
    if data.get("jenis") not in (None, "lhe"):
        problems.append(
            doc.finding(("jenis",), f"berkas ini isian '{data.get('jenis')}', bukan LHE", code="")
        )
    texts = data.get("rekomendasi")
    if not isinstance(texts, list) or not texts:
        problems.append(
            doc.finding(
                ("rekomendasi",),
                "tidak ada daftar rekomendasi (rekomendasi: - ...)",
                code="lhe-tanpa-rekomendasi",
            )
        )
        texts = []
    for index, text in enumerate(texts):
        if not isinstance(text, str) or not text.strip():
            problems.append(
                doc.finding(("rekomendasi", index), "harus berupa teks", code="jenis-teks")
            )
    if problems:
        raise InvalidInputError(
            f"rekomendasi {doc.file} tidak dapat dibaca",
            problems,
            hint="isi rekomendasi LHE sebagai daftar teks, satu rekomendasi per baris '- '",
        )
    number = data.get("nomor")
    origin = f"LHE nomor {number}" if number else f"LHE {doc.file}"
    held = {(i.origin, i.text) for i in load_register(workspace).items}
    return [
        {
            "uraian": " ".join(text.split()),
            "sumber": "rekomendasi",
            "asal": origin,
            "pemilik": owner or DEFAULT_OWNER,
            "batas_waktu": due,
        }
        for text in texts
        if (origin, " ".join(text.split())) not in held
    ]


def owner_choices(workspace: Workspace) -> tuple[str, ...]:
    """Who a register item may belong to: the Pokja of every change area (as
    :func:`items_from_layer` names them) and the whole team."""
    return (*(f"Pokja {name}" for name in workspace.catalogue.areas.values()), DEFAULT_OWNER)


def owner_hint(workspace: Workspace, owner: str) -> str | None:
    """A sentence when ``owner`` is none of :func:`owner_choices` (a typo, or an owner the
    team's lists do not know), else ``None``; the register still takes it as written."""
    choices = owner_choices(workspace)
    if " ".join(owner.split()).casefold() in {c.casefold() for c in choices}:
        return None
    return (
        f"Pemilik '{owner}' bukan salah satu pokja unit ini ({', '.join(choices)}); "
        "periksa ejaannya agar butir tercatat pada pokja yang benar."
    )
