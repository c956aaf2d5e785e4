"""Answers x catalogue -> values of every question, sub-komponen, area, bagian and komponen.

The practice published worksheets follow (option values come from the catalogue data):

- question value: the option's value (Ya/Tidak 1/0, A-D 1/0.67/0.33/0 ...); a percentage item
  is its formula result x 100 capped to 0..1 (a zero denominator takes the item's
  ``bila_penyebut_nol`` percentage); a survey index is index / 4; unanswered is 0;
- sub-komponen: sub weight x mean of its question values, or, when its questions carry their
  own weights (LHKPN/LHKASN, hasil), the sum of weight x value (equal when weights are equal);
- every higher level: the sum of its children; pengungkit and hasil are the komponen values,
  total is their sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from zi_docs.assessment.answer_values import index_range
from zi_docs.assessment.answers import Answer, AnswerSet
from zi_docs.catalogue import Catalogue, Node


@dataclass(frozen=True)
class QuestionScore:
    """The value of one question."""

    id: str
    alias: str
    """The alias users know (``P.MP.i.a``)."""
    text: str
    answer_type: str
    area: str | None
    part: str | None
    """``pemenuhan``, ``reform`` or ``hasil``."""
    answered: bool
    option: str | None
    """The chosen option label, for option types."""
    counts: Mapping[str, float] | None
    """Typed counts of a percentage item, as typed."""
    typed_percent: float | None
    """A percentage typed directly (``{persen: N}``)."""
    index: float | None
    """A survey index (0..4)."""
    percent: float | None
    """The percentage of a PERSEN item as computed (uncapped), else ``None``."""
    value: float
    """The question value, 0..1."""
    weight: float
    """The question's share of its sub's weight (its own bobot, or sub bobot / count)."""
    points: float
    """value x weight: what the question adds to the total."""
    note: str | None
    source: str | None
    """Provenance written with the answer (``sumber``), e.g. the survey behind an index."""
    line: int | None
    """Line of the answer in the answers file, if answered."""


@dataclass(frozen=True)
class NodeScore:
    """The value of one komponen, bagian, area or sub-komponen."""

    id: str
    level: str
    number: str
    name: str
    area: str | None
    part: str | None
    depth: int
    """0 for komponen; used for indentation."""
    weight: float
    value: float
    share: float
    """value / weight (0..1); 0 when the weight is 0."""


@dataclass(frozen=True)
class PartScore:
    """One half (Pemenuhan or Reform) of a change area."""

    part: str
    node_id: str
    weight: float
    value: float
    share: float


@dataclass(frozen=True)
class AreaScore:
    """A change area: each part, and the combined value."""

    code: str
    """``MP``, ``TTL``, ``SDM``, ``AK``, ``PW``, ``PP``."""
    name: str
    parts: tuple[PartScore, ...]
    weight: float
    value: float
    share: float


@dataclass(frozen=True)
class Score:
    """Every value of one self-assessment."""

    pengungkit: float
    hasil: float
    total: float
    max_pengungkit: float
    max_hasil: float
    max_total: float
    questions: tuple[QuestionScore, ...]
    """In catalogue order."""
    nodes: tuple[NodeScore, ...]
    """Komponen, bagian, area and sub-komponen, in catalogue (tree) order."""
    areas: tuple[AreaScore, ...]
    unanswered: tuple[str, ...]
    """Ids of questions without an answer (counted as zero)."""
    node_values: Mapping[str, float]
    """Node or question id -> value (points), for threshold rules."""

    def question(self, question_id: str) -> QuestionScore:
        return self._questions[question_id]

    def node(self, node_id: str) -> NodeScore:
        return self._nodes[node_id]

    # id -> score, built on first look-up: callers look questions up inside loops
    @cached_property
    def _questions(self) -> dict[str, QuestionScore]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _nodes(self) -> dict[str, NodeScore]:
        return {n.id: n for n in self.nodes}


def question_weight(catalogue: Catalogue, node: Node) -> float:
    """A question's share of its sub's weight."""
    if node.weight is not None:
        return node.weight
    parent = catalogue.parent(node)
    if parent is None or parent.weight is None:
        return 0.0
    return parent.weight / len(parent.children)


def question_value(
    catalogue: Catalogue, node: Node, answer: Answer | None
) -> tuple[float, float | None]:
    """(value 0..1, computed percentage or ``None``) of one answer."""
    if answer is None or not answer.answered:
        return 0.0, None
    if answer.option is not None:
        return catalogue.option_values[node.answer_type or ""][answer.option], None
    if answer.index is not None:
        _, high = index_range(node, catalogue)
        return _clamp(answer.index / high), None
    percent = answer.percent if answer.percent is not None else computed_percent(node, answer)
    return _clamp(percent / 100), percent


def computed_percent(node: Node, answer: Answer) -> float:
    """The percentage of typed counts (the item's zero-denominator value when dividing by 0)."""
    if node.formula is None or answer.counts is None:
        return 0.0
    try:
        return node.formula.evaluate(answer.counts) * 100
    except ZeroDivisionError:
        return node.zero_denominator or 0.0


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def aggregate(catalogue: Catalogue, values: Mapping[str, float]) -> dict[str, float]:
    """Node id -> value for every node, from question values (0..1; missing = 0)."""
    result: dict[str, float] = {}

    def visit(node: Node) -> None:
        for child in node.children:
            visit(child)
        result[node.id] = _node_value(catalogue, node, values, result)

    for root in catalogue.roots:
        visit(root)
    return result


def reaggregate(
    catalogue: Catalogue,
    node_values: Mapping[str, float],
    values: Mapping[str, float],
    changed: str,
) -> dict[str, float]:
    """``aggregate(catalogue, values)`` when ``node_values`` is the aggregate of question values
    that differ from ``values`` only at the question ``changed``: only that question and its
    ancestors are computed again (the same sums of the same values, so the same result)."""
    result = dict(node_values)
    node: Node | None = catalogue.node(changed)
    while node is not None:
        result[node.id] = _node_value(catalogue, node, values, result)
        node = catalogue.parent(node)
    return result


def _node_value(
    catalogue: Catalogue, node: Node, values: Mapping[str, float], result: Mapping[str, float]
) -> float:
    """One node's value from the question values and its children's values in ``result``."""
    if node.is_question:
        return values.get(node.id, 0.0) * question_weight(catalogue, node)
    children = node.children
    if children and children[0].is_question and all(c.weight is None for c in children):
        mean = math.fsum(values.get(c.id, 0.0) for c in children) / len(children)
        return (node.weight or 0.0) * mean
    return math.fsum(result[c.id] for c in children)


def score_answers(catalogue: Catalogue, answers: AnswerSet) -> Score:
    """Compute every value of a self-assessment."""
    questions: list[QuestionScore] = []
    values: dict[str, float] = {}
    for node in catalogue.questions():
        answer = answers.get(node.id)
        value, percent = question_value(catalogue, node, answer)
        values[node.id] = value
        weight = question_weight(catalogue, node)
        questions.append(
            QuestionScore(
                id=node.id,
                alias=catalogue.short_alias(node),
                text=node.name,
                answer_type=node.answer_type or "",
                area=node.area,
                part=node.part,
                answered=answer is not None and answer.answered,
                option=answer.option if answer else None,
                counts=answer.counts if answer else None,
                typed_percent=answer.percent if answer else None,
                index=answer.index if answer else None,
                percent=percent,
                value=value,
                weight=weight,
                points=value * weight,
                note=answer.note if answer else None,
                source=answer.source if answer else None,
                line=answer.line if answer else None,
            )
        )
    node_values = aggregate(catalogue, values)
    return build_score(catalogue, node_values, tuple(questions))


def build_score(
    catalogue: Catalogue, node_values: Mapping[str, float], questions: tuple[QuestionScore, ...]
) -> Score:
    """Assemble a :class:`Score` from aggregated node values."""
    nodes = tuple(_node_scores(catalogue, node_values))

    def komponen(code: str, of: Mapping[str, float]) -> float:
        return math.fsum(of.get(r.id, 0.0) for r in catalogue.roots if r.code == code)

    weights = {r.id: r.weight or 0.0 for r in catalogue.roots}
    return Score(
        pengungkit=komponen("pengungkit", node_values),
        hasil=komponen("hasil", node_values),
        total=math.fsum(node_values[r.id] for r in catalogue.roots),
        max_pengungkit=komponen("pengungkit", weights),
        max_hasil=komponen("hasil", weights),
        max_total=math.fsum(weights.values()),
        questions=questions,
        nodes=nodes,
        areas=area_scores(catalogue, node_values),
        unanswered=tuple(q.id for q in questions if not q.answered),
        node_values=dict(node_values),
    )


def _node_scores(catalogue: Catalogue, node_values: Mapping[str, float]) -> list[NodeScore]:
    result: list[NodeScore] = []

    def visit(node: Node, depth: int) -> None:
        if node.is_question:
            return
        weight = node.weight or 0.0
        value = node_values.get(node.id, 0.0)
        result.append(
            NodeScore(
                id=node.id,
                level=node.level,
                number=node.number,
                name=node.name,
                area=node.area,
                part=node.part,
                depth=depth,
                weight=weight,
                value=value,
                share=value / weight if weight else 0.0,
            )
        )
        for child in node.children:
            visit(child, depth + 1)

    for root in catalogue.roots:
        visit(root, 0)
    return result


def area_nodes(catalogue: Catalogue) -> tuple[Node, ...]:
    """The nodes of the pengungkit change areas' parts (Pemenuhan, Reform), in catalogue order."""
    found = []
    for node in catalogue.walk():
        if node.level != "area" or node.area is None:
            continue
        komponen = catalogue.ancestor_at(node, "komponen")
        if komponen is not None and komponen.code not in (None, "pengungkit"):
            continue
        found.append(node)
    return tuple(found)


def area_scores(
    catalogue: Catalogue,
    node_values: Mapping[str, float],
    nodes: Sequence[Node] | None = None,
) -> tuple[AreaScore, ...]:
    """Each pengungkit change area with its parts (Pemenuhan, Reform) and combined value
    (``nodes``: :func:`area_nodes` of the catalogue, when the caller has them already)."""
    parts: dict[str, list[PartScore]] = {}
    for node in area_nodes(catalogue) if nodes is None else nodes:
        assert node.area is not None  # area_nodes keeps only those
        weight = node.weight or 0.0
        value = node_values.get(node.id, 0.0)
        parts.setdefault(node.area, []).append(
            PartScore(
                part=node.part or "pengungkit",
                node_id=node.id,
                weight=weight,
                value=value,
                share=value / weight if weight else 0.0,
            )
        )
    areas = []
    for code, items in parts.items():
        weight = math.fsum(p.weight for p in items)
        value = math.fsum(p.value for p in items)
        areas.append(
            AreaScore(
                code=code,
                name=catalogue.areas.get(code, code),
                parts=tuple(items),
                weight=weight,
                value=value,
                share=value / weight if weight else 0.0,
            )
        )
    return tuple(areas)
