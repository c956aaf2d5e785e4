"""The Tabel 6 thresholds (WBK, WBBM) checked against a score.

Every rule of a predicate gives one or more :class:`RuleResult`. The per-area rule
(``area_persen``) is ambiguous in the regulation, so it is checked under both readings:

- ``gabungan``: each area's Pemenuhan + Reform against ``min_persen`` of the area's weight
  (MP 8 -> 4.80 for WBK);
- ``terpisah``: Pemenuhan and Reform each against ``min_persen`` of their own weight
  (MP Pemenuhan 4 -> 2.40), as PMPZI-like applications do.

A rule passes when value >= minimum; a tolerance of 1e-11 absorbs floating-point sums only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zi_docs.assessment.scoring import AreaScore, Score
from zi_docs.catalogue import Catalogue, Predicate, ThresholdRule

READINGS = ("gabungan", "terpisah")
TOLERANCE = 1e-11


@dataclass(frozen=True)
class RuleResult:
    """One checked threshold."""

    code: str
    """The rule code from the catalogue (``total``, ``area``, ``ipak-indeks``)."""
    description: str
    value: float
    minimum: float
    passed: bool
    reading: str | None = None
    """``gabungan`` or ``terpisah`` for the per-area rule, else ``None``."""
    subject: str | None = None
    """What was measured: a node id, or for area rules ``MP`` / ``MP pemenuhan``."""
    unit: str = "nilai"
    """``nilai`` (points) or ``indeks`` (survey index 0-4)."""


@dataclass(frozen=True)
class Verdict:
    """The result of one predicate."""

    code: str
    """``WBK`` or ``WBBM``."""
    name: str
    rules: tuple[RuleResult, ...]
    passed_by_reading: Mapping[str, bool]
    """Whether every rule passes, with the per-area rule read ``gabungan`` / ``terpisah``."""
    prerequisite: str | None = None
    """A condition zi-docs cannot check (WBBM: already Menuju WBK)."""

    @property
    def passed(self) -> bool:
        """Passes under both readings of the per-area rule."""
        return all(self.passed_by_reading.values())

    @property
    def failed(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.passed)


@dataclass(frozen=True)
class Measures:
    """What threshold rules read (a :class:`Score` provides it)."""

    total: float
    node_values: Mapping[str, float]
    indices: Mapping[str, float]
    """Question id -> typed survey index (missing = unanswered = 0)."""
    areas: tuple[AreaScore, ...]


def measures_of(score: Score) -> Measures:
    return Measures(
        total=score.total,
        node_values=score.node_values,
        indices={q.id: q.index for q in score.questions if q.index is not None},
        areas=score.areas,
    )


def passes(value: float, minimum: float) -> bool:
    return value >= minimum - TOLERANCE


def evaluate(predicate: Predicate, measures: Measures) -> Verdict:
    """Check every rule of ``predicate``."""
    results: list[RuleResult] = []
    for rule in predicate.rules:
        results.extend(_rule(rule, measures))
    by_reading = {
        reading: all(r.passed for r in results if r.reading in (None, reading))
        for reading in READINGS
    }
    return Verdict(
        code=predicate.code,
        name=predicate.name,
        rules=tuple(results),
        passed_by_reading=by_reading,
        prerequisite=predicate.prerequisite,
    )


def evaluate_all(catalogue: Catalogue, measures: Measures) -> tuple[Verdict, ...]:
    return tuple(evaluate(p, measures) for p in catalogue.predicates)


def _rule(rule: ThresholdRule, m: Measures) -> list[RuleResult]:
    if rule.measure == "area_persen":
        return _area_rule(rule, m)
    minimum = rule.minimum or 0.0
    unit = "nilai"
    if rule.measure == "total":
        value = m.total
    elif rule.measure == "indeks":
        value = m.indices.get(rule.node or "", 0.0)
        unit = "indeks"
    else:
        value = m.node_values.get(rule.node or "", 0.0)
    return [
        RuleResult(
            code=rule.code,
            description=rule.description,
            value=value,
            minimum=minimum,
            passed=passes(value, minimum),
            subject=rule.node,
            unit=unit,
        )
    ]


def area_minimum(min_percent: float, weight: float) -> float:
    """``min_percent`` of ``weight``, computed so that 60% of 4 is exactly 2.4."""
    return min_percent * weight / 100


def _area_rule(rule: ThresholdRule, m: Measures) -> list[RuleResult]:
    """One result per area (reading ``gabungan``) and per area part (reading ``terpisah``)."""
    percent = rule.min_percent or 0.0

    def result(name: str, value: float, weight: float, reading: str, subject: str) -> RuleResult:
        minimum = area_minimum(percent, weight)
        return RuleResult(
            code=rule.code,
            description=f"{rule.description}: {name}",
            value=value,
            minimum=minimum,
            passed=passes(value, minimum),
            reading=reading,
            subject=subject,
        )

    combined = [result(a.name, a.value, a.weight, "gabungan", a.code) for a in m.areas]
    separate = [
        result(
            f"{a.name} ({p.part.capitalize()})", p.value, p.weight, "terpisah", f"{a.code} {p.part}"
        )
        for a in m.areas
        for p in a.parts
    ]
    return combined + separate


def subject_label(subject: str | None) -> str:
    """An area rule's subject as a reader writes it: ``SDM reform`` -> ``SDM Reform``."""
    code, _, part = (subject or "").partition(" ")
    return f"{code} {part.capitalize()}".strip()
