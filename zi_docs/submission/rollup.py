"""Roll completeness and score up per sub-komponen, area and part, with a traffic light.

Rule (the TPI's traffic light), for a group of questions with a score share:

- *complete* — every question of the group is complete (answered, at least one evidence
  file, every required checklist item covered; see :mod:`completeness`). Equivalently: no
  unanswered question, 100% of questions with evidence and 100% of required items covered.
  Optional items do not make a group incomplete; their coverage is shown as a percentage.
- *above minimum* — the group's value ÷ its weight ≥ the area minimum of the unit's target
  predicate (Tabel 6: 60% WBK, 75% WBBM), with a tolerance of 1e-9 for float rounding. The
  same percentage is applied at every level (sub, area part, combined area, Pemenuhan/Reform).
- green = complete and above; yellow = exactly one of the two; red = neither.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from zi_docs.assessment import Score
from zi_docs.catalogue import Catalogue
from zi_docs.submission.completeness import Completeness, IndicatorStatus

EPSILON = 1e-9


class Light(enum.Enum):
    """Traffic light of a group."""

    GREEN = "hijau"
    YELLOW = "kuning"
    RED = "merah"


def light_for(complete: bool, share: float, minimum: float) -> Light:
    """The traffic-light rule (see module docstring)."""
    above = share + EPSILON >= minimum
    if complete and above:
        return Light.GREEN
    if complete or above:
        return Light.YELLOW
    return Light.RED


@dataclass(frozen=True)
class GroupStatus:
    """Completeness and score of one sub-komponen, area (part or combined) or part."""

    id: str
    """Node id (``A.I.1.i``), or ``area:MP`` for a combined area."""
    level: str
    """``sub``, ``area``, ``area-gabungan`` or ``bagian``."""
    name: str
    area: str | None
    part: str | None
    questions: int
    answered: int
    with_evidence: int
    complete_questions: int
    items: int
    items_covered: int
    required_items: int
    required_covered: int
    value: float
    weight: float
    minimum: float
    """Minimum share (0..1) of the target predicate."""

    @property
    def share(self) -> float:
        return self.value / self.weight if self.weight else 0.0

    @property
    def items_percent(self) -> float:
        return 100.0 * self.items_covered / self.items if self.items else 100.0

    @property
    def evidence_percent(self) -> float:
        return 100.0 * self.with_evidence / self.questions if self.questions else 100.0

    @property
    def complete(self) -> bool:
        return self.complete_questions == self.questions

    @property
    def light(self) -> Light:
        return light_for(self.complete, self.share, self.minimum)


@dataclass(frozen=True)
class Rollup:
    """Every group of the pengungkit, in tree order, plus the combined areas."""

    groups: tuple[GroupStatus, ...]
    minimum: float
    predicate: str

    def of_level(self, level: str) -> list[GroupStatus]:
        return [g for g in self.groups if g.level == level]

    def group(self, group_id: str) -> GroupStatus:
        return self._by_id[group_id]

    @cached_property
    def _by_id(self) -> dict[str, GroupStatus]:
        return {g.id: g for g in self.groups}


def area_minimum(catalogue: Catalogue, predicate: str) -> float:
    """The per-area minimum share (0..1) of a predicate, from the catalogue's Tabel 6."""
    rule = next(
        (r for r in catalogue.predicate(predicate).rules if r.measure == "area_persen"), None
    )
    return (rule.min_percent or 0.0) / 100.0 if rule else 0.0


def group_status(
    group_id: str,
    level: str,
    name: str,
    indicators: Sequence[IndicatorStatus],
    value: float,
    weight: float,
    minimum: float,
    area: str | None = None,
    part: str | None = None,
) -> GroupStatus:
    items = [i for s in indicators for i in s.items]
    return GroupStatus(
        id=group_id,
        level=level,
        name=name,
        area=area,
        part=part,
        questions=len(indicators),
        answered=sum(s.answered for s in indicators),
        with_evidence=sum(s.has_evidence for s in indicators),
        complete_questions=sum(s.complete for s in indicators),
        items=len(items),
        items_covered=sum(i.covered for i in items),
        required_items=sum(i.required for i in items),
        required_covered=sum(i.required and i.covered for i in items),
        value=value,
        weight=weight,
        minimum=minimum,
    )


def roll_up(
    catalogue: Catalogue, score: Score, completeness: Completeness, predicate: str
) -> Rollup:
    """Groups for every sub-komponen, area part, bagian and combined area of the pengungkit."""
    minimum = area_minimum(catalogue, predicate)
    status = {s.id: s for s in completeness.indicators}
    groups: list[GroupStatus] = []
    for node in catalogue.walk():
        komponen = catalogue.ancestor_at(node, "komponen")
        if node.level not in ("bagian", "area", "sub") or komponen is None:
            continue
        if komponen.code != "pengungkit":
            continue
        groups.append(
            group_status(
                node.id,
                node.level,
                node.name,
                [status[q.id] for q in node.questions()],
                score.node_values.get(node.id, 0.0),
                node.weight or 0.0,
                minimum,
                area=node.area,
                part=node.part,
            )
        )
    for area in score.areas:
        members = area_members(completeness.indicators, area.code)
        groups.append(
            group_status(
                f"area:{area.code}",
                "area-gabungan",
                area.name,
                members,
                area.value,
                area.weight,
                minimum,
                area=area.code,
            )
        )
    return Rollup(groups=tuple(groups), minimum=minimum, predicate=predicate)


def area_members(indicators: Iterable[IndicatorStatus], area: str) -> list[IndicatorStatus]:
    """The Pemenuhan and Reform questions of a change area."""
    return [s for s in indicators if s.area == area and s.part in ("pemenuhan", "reform")]
