"""The unit's values beside every layer's: per indicator, and rolled up per area and part,
per whole area (Pemenuhan + Reform, as ``score`` shows it), part and total.

Indicator values are the question value 0..1 (what the Nilai column shows); roll-ups are
points. Every round's note on an indicator comes with the unit's tanggapan, if any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zi_docs.assessment import Answer, Score, score_answers, score_workspace
from zi_docs.errors import NotFoundError
from zi_docs.evaluation.layers import Layer, layer_names, load_layer
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class NoteRow:
    """One evaluator note with the unit's reply."""

    layer: str
    round: int
    date: str
    evaluator: str
    note: str
    response: str | None


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    alias: str
    text: str
    area: str | None
    part: str | None
    unit: float
    unit_answer: str | None
    layers: tuple[float, ...]
    """One value per layer, in :attr:`Comparison.layers` order."""
    layer_answers: tuple[str | None, ...]
    notes: tuple[NoteRow, ...]

    @property
    def differs(self) -> bool:
        return any(abs(v - self.unit) > 1e-9 for v in self.layers) or any(
            a != self.unit_answer for a in self.layer_answers
        )


@dataclass(frozen=True)
class RollupRow:
    id: str
    label: str
    area: str | None
    unit: float
    layers: tuple[float, ...]


@dataclass(frozen=True)
class Comparison:
    layers: tuple[str, ...]
    indicators: tuple[IndicatorRow, ...]
    rollup: tuple[RollupRow, ...]


def answer_text(answer: Answer | None) -> str | None:
    """An answer as a short text (``B``, ``80%``, ``3,5``, ``isian``)."""
    if answer is None or not answer.answered:
        return None
    if answer.option is not None:
        return answer.option
    if answer.index is not None:
        return f"{answer.index:g}".replace(".", ",")
    if answer.percent is not None:
        return f"{answer.percent:g}%".replace(".", ",")
    return "isian"


def compare_layers(workspace: Workspace, names: list[str] | None = None) -> Comparison:
    """Compare the unit's answers with ``names`` (default: every layer of the workspace)."""
    chosen = names if names is not None else layer_names(workspace)
    if not chosen:
        raise NotFoundError(
            "ruang kerja belum memiliki lapis evaluasi",
            hint="buat dengan: zi-docs lke impor BERKAS.xlsx --lapis NAMA",
        )
    catalogue = workspace.catalogue
    unit = score_workspace(workspace)
    unit_answers = {q.id: q for q in unit.score.questions}
    layers: list[Layer] = [load_layer(workspace, n) for n in chosen]
    sets = [layer.answer_set() for layer in layers]
    scores: list[Score] = [score_answers(catalogue, s) for s in sets]
    indicators = []
    for node in catalogue.questions():
        q = unit_answers[node.id]
        notes = [
            NoteRow(layer.name, r.number, r.date.isoformat(), r.evaluator, note, response)
            for layer in layers
            for r, note, response in layer.notes(node.id)
        ]
        indicators.append(
            IndicatorRow(
                id=node.id,
                alias=catalogue.short_alias(node),
                text=node.name,
                area=node.area,
                part=node.part,
                unit=q.value,
                unit_answer=_unit_answer(q.option, q.index, q.typed_percent, q.counts),
                layers=tuple(s.question(node.id).value for s in scores),
                layer_answers=tuple(answer_text(s.get(node.id)) for s in sets),
                notes=tuple(notes),
            )
        )
    rollup: list[RollupRow] = []
    after_areas = 0  # the whole areas go after the last area row (Reform), before HASIL
    for node in catalogue.walk():
        if node.level not in ("komponen", "bagian", "area"):
            continue
        if node.level == "area":
            after_areas = len(rollup) + 1
        label = (
            node.name if node.level != "area" else f"{node.name} ({(node.part or '').capitalize()})"
        )
        rollup.append(
            RollupRow(
                node.id,
                ("  " * (len(catalogue.ancestors(node)))) + label,
                node.area,
                unit.score.node_values.get(node.id, 0.0),
                tuple(s.node_values.get(node.id, 0.0) for s in scores),
            )
        )
    rollup[after_areas:after_areas] = _whole_areas(unit.score, scores)
    rollup.append(
        RollupRow("TOTAL", "TOTAL", None, unit.score.total, tuple(s.total for s in scores))
    )
    return Comparison(tuple(chosen), tuple(indicators), tuple(rollup))


def _whole_areas(unit: Score, scores: list[Score]) -> list[RollupRow]:
    """One row per change area, Pemenuhan and Reform together (``score`` calls it Gabungan)."""
    layers = [{a.code: a.value for a in s.areas} for s in scores]
    return [
        RollupRow(
            f"area:{area.code}",
            f"  {area.name} (Gabungan)",
            area.code,
            area.value,
            tuple(values.get(area.code, 0.0) for values in layers),
        )
        for area in unit.areas
    ]


def _unit_answer(
    option: str | None, index: float | None, percent: float | None, counts: object
) -> str | None:
    if option is not None:
        return option
    if index is not None:
        return f"{index:g}".replace(".", ",")
    if percent is not None:
        return f"{percent:g}%".replace(".", ",")
    return "isian" if counts else None


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "lapis": list(comparison.layers),
        "rangkuman": [
            {
                "id": r.id,
                "nama": r.label.strip(),
                "unit": r.unit,
                "lapis": dict(zip(comparison.layers, r.layers, strict=True)),
            }
            for r in comparison.rollup
        ],
        "indikator": [
            {
                "id": r.id,
                "alias": r.alias,
                "unit": {"jawaban": r.unit_answer, "nilai": r.unit},
                "lapis": {
                    name: {"jawaban": a, "nilai": v, "selisih": v - r.unit}
                    for name, a, v in zip(comparison.layers, r.layer_answers, r.layers, strict=True)
                },
                "catatan": [
                    {
                        "lapis": n.layer,
                        "putaran": n.round,
                        "tanggal": n.date,
                        "penilai": n.evaluator,
                        "catatan": n.note,
                        "tanggapan": n.response,
                    }
                    for n in r.notes
                ],
            }
            for r in comparison.indicators
        ],
    }
