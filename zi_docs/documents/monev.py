"""What the Laporan Monev reports: progress against the Rencana Kerja, and the self-assessment.

Progress: a kegiatan's target at the end of a quarter is the share of its scheduled months
(or quarters) that have passed; its realisation is the percentage the team reports. An area's
progress is the mean over its kegiatan.

Capaian: the only dependency on the scoring library is :func:`area_capaian`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class KegiatanProgress:
    """One kegiatan of the plan at the end of the period."""

    kode: str
    area: str
    target: float
    """Percent of the kegiatan planned to be done by the end of the period."""
    realisasi: float
    """Percent reported done (0 when not reported)."""
    reported: bool

    @property
    def on_track(self) -> bool:
        return self.realisasi + 1e-9 >= self.target


@dataclass(frozen=True)
class AreaProgress:
    area: str
    target: float
    realisasi: float
    count: int


def period_target(schedule: Sequence[int], quarter: int, quarterly: bool) -> float:
    """Percent of ``schedule`` (months, or quarters when ``quarterly``) due by ``quarter``."""
    if not schedule:
        return 0.0
    last = quarter if quarterly else quarter * 3
    due = sum(1 for p in schedule if p <= last)
    return 100.0 * due / len(schedule)


def area_progress(items: Sequence[KegiatanProgress], order: Sequence[str]) -> list[AreaProgress]:
    """Mean target and realisation per area, in ``order`` (areas without kegiatan left out)."""
    result = []
    for area in order:
        mine = [i for i in items if i.area == area]
        if mine:
            result.append(
                AreaProgress(
                    area=area,
                    target=sum(i.target for i in mine) / len(mine),
                    realisasi=sum(i.realisasi for i in mine) / len(mine),
                    count=len(mine),
                )
            )
    return result


@dataclass(frozen=True)
class AreaCapaian:
    """One area's self-assessment value against its minimum for the target predicate."""

    code: str
    name: str
    weight: float
    value: float
    minimum: float

    @property
    def percent(self) -> float:
        return 100.0 * self.value / self.weight if self.weight else 0.0

    @property
    def min_percent(self) -> float:
        return 100.0 * self.minimum / self.weight if self.weight else 0.0

    @property
    def passed(self) -> bool:
        return self.value + 1e-11 >= self.minimum


@dataclass(frozen=True)
class Capaian:
    """The self-assessment summary the report prints."""

    target: str
    total: float
    pengungkit: float
    hasil: float
    areas: tuple[AreaCapaian, ...]
    passed: bool
    """The target predicate's rules all pass (both readings of the area rule)."""
    answers_file: str


def area_capaian(workspace: Workspace) -> Capaian | None:
    """Score the workspace's answers; ``None`` when there are no answers yet.

    Invalid answers raise the scoring library's :class:`~zi_docs.errors.InvalidInputError`.
    """
    if not workspace.answers_file.is_file():
        return None
    from zi_docs.assessment import score_workspace

    report = score_workspace(workspace)
    verdict = report.verdict(report.target)
    minimums: dict[str, float] = {}
    for rule in verdict.rules:
        if rule.reading == "gabungan" and rule.subject:
            minimums[rule.subject] = rule.minimum
    areas = tuple(
        AreaCapaian(
            code=a.code,
            name=a.name,
            weight=a.weight,
            value=a.value,
            minimum=minimums.get(a.code, 0.0),
        )
        for a in report.score.areas
    )
    return Capaian(
        target=report.target,
        total=report.total,
        pengungkit=report.pengungkit,
        hasil=report.hasil,
        areas=areas,
        passed=verdict.passed,
        answers_file=report.answers_file,
    )


def progress_items(
    plan: dict[str, Any], realisasi: Sequence[dict[str, Any]], quarter: int, area_of: dict[str, str]
) -> list[KegiatanProgress]:
    """Every kegiatan of the validated plan with its target and reported realisation."""
    reported = {r["kode"].casefold(): r for r in realisasi if r.get("kode")}
    quarterly = plan.get("jadwal") == "triwulan"
    items = []
    for item in plan["kegiatan"]:
        entry = reported.get(item["kode"].casefold())
        items.append(
            KegiatanProgress(
                kode=item["kode"],
                area=area_of[item["kode"]],
                target=period_target(item["jadwal"], quarter, quarterly),
                realisasi=float(entry["progres"]) if entry else 0.0,
                reported=entry is not None,
            )
        )
    return items
