"""Register items drafted from an evaluation layer's notes (one per noted indicator)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zi_docs.evaluation.followup import load_register
from zi_docs.evaluation.layers import load_layer
from zi_docs.workspace import Workspace


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
                "pemilik": f"Pokja {area}" if area else "Tim Kerja ZI",
                "batas_waktu": due,
            }
        )
    return items
