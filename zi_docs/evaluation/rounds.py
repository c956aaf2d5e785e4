"""What changed in a layer from one round to the next: answers, values, new notes, tanggapan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zi_docs.assessment import score_answers
from zi_docs.errors import NotFoundError
from zi_docs.evaluation.comparison import answer_text
from zi_docs.evaluation.layers import load_layer
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class ChangeItem:
    id: str
    alias: str
    before: str | None
    after: str | None
    value_before: float
    value_after: float
    note: str | None
    """The note this round wrote (when new or changed)."""
    response: str | None
    """The unit's tanggapan to the previous round's note."""


@dataclass(frozen=True)
class RoundChanges:
    layer: str
    previous: int
    current: int
    total_before: float
    total_after: float
    items: tuple[ChangeItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "lapis": self.layer,
            "putaran_sebelumnya": self.previous,
            "putaran": self.current,
            "total_sebelumnya": self.total_before,
            "total": self.total_after,
            "perubahan": [
                {
                    "id": i.id,
                    "alias": i.alias,
                    "jawaban_sebelumnya": i.before,
                    "jawaban": i.after,
                    "nilai_sebelumnya": i.value_before,
                    "nilai": i.value_after,
                    "catatan": i.note,
                    "tanggapan": i.response,
                }
                for i in self.items
            ],
        }


def round_changes(workspace: Workspace, name: str, number: int | None = None) -> RoundChanges:
    """Round ``number`` (default: the last) against the round before it."""
    layer = load_layer(workspace, name)
    numbers = [r.number for r in layer.rounds]
    current = number if number is not None else (numbers[-1] if numbers else 0)
    if current not in numbers or numbers.index(current) == 0:
        raise NotFoundError(
            f"lapis '{name}' tidak memiliki putaran {current} dengan putaran sebelumnya",
            hint=f"putaran yang ada: {', '.join(map(str, numbers)) or 'belum ada'}",
        )
    previous = numbers[numbers.index(current) - 1]
    catalogue = workspace.catalogue
    before_set, after_set = layer.answer_set(previous), layer.answer_set(current)
    before, after = score_answers(catalogue, before_set), score_answers(catalogue, after_set)
    this_round = next(r for r in layer.rounds if r.number == current)
    last_round = next(r for r in layer.rounds if r.number == previous)
    items = []
    for node in catalogue.questions():
        old, new = before_set.get(node.id), after_set.get(node.id)
        old_text, new_text = answer_text(old), answer_text(new)
        written = this_round.answers.get(node.id)
        note = (
            written.note
            if written is not None and written.note != (old.note if old else None)
            else None
        )
        response = last_round.responses.get(node.id)
        value_before, value_after = before.question(node.id).value, after.question(node.id).value
        if (
            old_text == new_text
            and note is None
            and response is None
            and value_before == value_after
        ):
            continue
        items.append(
            ChangeItem(
                node.id,
                catalogue.short_alias(node),
                old_text,
                new_text,
                value_before,
                value_after,
                note,
                response,
            )
        )
    return RoundChanges(name, previous, current, before.total, after.total, tuple(items))
