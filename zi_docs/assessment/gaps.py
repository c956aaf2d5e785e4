"""Gap analysis: which single improvement adds the most to the total, and which failed
thresholds it helps.

The improvement tried for each question (decided here, shown to users in ``score --help``):

- an unanswered question of any type: its best answer, because the first step is to answer
  it (its evidence may already exist);
- an option question: the next better option (C -> B);
- a percentage item: 100%;
- a survey index: +0.10 (:data:`INDEX_STEP`), at most the maximum (4) — survey results move
  slowly, so a small realistic step is shown rather than a perfect score.

Questions already at their best give no gap. Gaps are ranked by points added to the total,
then by how many failed thresholds they help, then in catalogue order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zi_docs.assessment.answer_values import index_range
from zi_docs.assessment.scoring import (
    QuestionScore,
    Score,
    aggregate,
    area_nodes,
    area_scores,
    reaggregate,
)
from zi_docs.assessment.verdict import Measures, RuleResult, Verdict, evaluate
from zi_docs.catalogue import Catalogue

INDEX_STEP = 0.1
_EPS = 1e-12


@dataclass(frozen=True)
class RuleEffect:
    """What an improvement does to one failed threshold."""

    predicate: str
    code: str
    reading: str | None
    subject: str | None
    before: float
    after: float
    minimum: float
    fixed: bool
    """The rule would pass after this improvement alone."""


@dataclass(frozen=True)
class Gap:
    """One possible improvement of one question."""

    question_id: str
    alias: str
    text: str
    answered: bool
    current: str
    """The current answer as shown (``C``, ``45.0%``, ``3.41``, ``-`` when unanswered)."""
    target: str
    """The improved answer tried (``B``, ``100%``, ``3.51``)."""
    value_before: float
    value_after: float
    points: float
    """Points the improvement adds to the total."""
    helps: tuple[RuleEffect, ...]
    """Failed thresholds (of the predicates analysed) whose value it raises."""


def analyse(catalogue: Catalogue, score: Score, verdicts: tuple[Verdict, ...]) -> tuple[Gap, ...]:
    """Every improving step, best first, against the failed rules of ``verdicts``."""
    values = {q.id: q.value for q in score.questions}
    base = aggregate(catalogue, values)  # each trial changes one question: see reaggregate
    areas = area_nodes(catalogue)
    indices = {q.id: q.index for q in score.questions if q.index is not None}
    # per analysed verdict: its predicate and its failed rules by key (computed once)
    targets = [(v, catalogue.predicate(v.code), {_key(r): r for r in v.failed}) for v in verdicts]
    gaps: list[tuple[float, int, int, Gap]] = []
    for order, question in enumerate(score.questions):
        step = _improve(catalogue, question)
        if step is None:
            continue
        target, new_value, new_index = step
        if new_value <= question.value + _EPS and new_index is None:
            continue
        trial_values = {**values, question.id: new_value}
        trial_indices = dict(indices)
        if new_index is not None:
            trial_indices[question.id] = new_index
        node_values = reaggregate(catalogue, base, trial_values, question.id)
        measures = Measures(
            total=math.fsum(node_values[r.id] for r in catalogue.roots),
            node_values=node_values,
            indices=trial_indices,
            areas=area_scores(catalogue, node_values, areas),
        )
        helps: list[RuleEffect] = []
        for verdict, predicate, before in targets:
            for after in evaluate(predicate, measures).rules:
                old = before.get(_key(after))
                if old is not None and after.value > old.value + _EPS:
                    helps.append(
                        RuleEffect(
                            predicate=verdict.code,
                            code=after.code,
                            reading=after.reading,
                            subject=after.subject,
                            before=old.value,
                            after=after.value,
                            minimum=after.minimum,
                            fixed=after.passed,
                        )
                    )
        points = measures.total - score.total
        gap = Gap(
            question_id=question.id,
            alias=question.alias,
            text=question.text,
            answered=question.answered,
            current=describe(question),
            target=target,
            value_before=question.value,
            value_after=new_value,
            points=points,
            helps=tuple(helps),
        )
        gaps.append((-points, -len(helps), order, gap))
    gaps.sort(key=lambda g: g[:3])
    return tuple(g[3] for g in gaps)


def _key(rule: RuleResult) -> tuple[str, str | None, str | None]:
    return (rule.code, rule.reading, rule.subject)


def _improve(
    catalogue: Catalogue, question: QuestionScore
) -> tuple[str, float, float | None] | None:
    """(target shown, new value, new index or None), or None when already at best."""
    options = catalogue.option_values.get(question.answer_type)
    if options:
        labels = list(options)
        if not question.answered or question.option is None:
            return labels[0], options[labels[0]], None
        position = labels.index(question.option)
        if position == 0:
            return None
        better = labels[position - 1]
        return better, options[better], None
    if question.answer_type == "PERSEN":
        return ("100%", 1.0, None) if question.value < 1.0 - _EPS else None
    node = catalogue.node(question.id)
    low, high = index_range(node, catalogue)
    current = question.index if question.index is not None else low
    if current >= high - _EPS:
        return None
    new_index = min(high, round(current + INDEX_STEP, 6)) if question.answered else high
    return f"{new_index:g}", new_index / high, new_index


def describe(question: QuestionScore) -> str:
    """The answer as shown in lists (plain, locale-free)."""
    if not question.answered:
        return "-"
    if question.option is not None:
        return question.option
    if question.index is not None:
        return f"{question.index:g}"
    return f"{question.percent or 0.0:.2f}%"
