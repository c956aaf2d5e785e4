"""``{% catatan_penilai QUESTION as NAME %}``: every evaluator note on a question, with the
unit's tanggapan, for the unit's own indicator page (read once per change of the workspace)."""

from __future__ import annotations

from typing import Any

from django import template

from zi_docs.errors import ZiError
from zi_docs.evaluation import layer_names, load_layer
from zi_docs.web.app.workspace_cache import kept
from zi_docs.workspace import Workspace

register = template.Library()


def _all_notes(workspace: Workspace) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for name in layer_names(workspace):
        try:
            layer = load_layer(workspace, name)
        except ZiError:  # the Evaluasi pages report a broken layer
            continue
        for round_ in layer.rounds:
            for qid, answer in round_.answers.answers.items():
                if answer.note:
                    found.setdefault(qid, []).append(
                        {
                            "lapis": name,
                            "putaran": round_,
                            "catatan": answer.note,
                            "tanggapan": round_.responses.get(qid, ""),
                        }
                    )
    return found


@register.simple_tag(takes_context=True)
def catatan_penilai(context: dict[str, Any], question_id: str) -> list[dict[str, Any]]:
    here = context.get("zi")
    if here is None:
        return []
    notes = kept(here.workspace, ("catatan-penilai",), lambda: _all_notes(here.workspace))
    return notes.get(question_id, [])
