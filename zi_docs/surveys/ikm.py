"""The Indeks Kepuasan Masyarakat of PermenPANRB 14/2017, exactly.

Per unsur: NRR = sum of its scores / the respondents who answered that unsur; NRR tertimbang =
NRR x weight. IKM = sum of NRR tertimbang; the converted IKM = IKM x 25 (nilai dasar). The
weight is 1/number of unsur as the regulation prints it (0,11 for nine) or exact (1/9), named
in every result. Mutu and kinerja come from the converted value rounded half up to two
decimals. Every intermediate value is a :class:`~fractions.Fraction`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from zi_docs.surveys.definition import Definition, map_columns
from zi_docs.surveys.exact import half_up
from zi_docs.surveys.problems import DataProblem, count_kinds
from zi_docs.surveys.profile import ProfileTable, profile_tables
from zi_docs.surveys.quadrant import QuadrantRow, quadrants
from zi_docs.surveys.reader import open_sheet
from zi_docs.surveys.sample import SampleCheck, check_sample
from zi_docs.surveys.scales import MutuBand, SkmScale, Weight, skm_scale
from zi_docs.surveys.tally import GroupCount, ItemCount, Tally, count_answers


@dataclass(frozen=True)
class UnsurResult:
    """One unsur in one group of respondents."""

    code: str
    name: str
    answered: int
    """Respondents who answered this unsur (the NRR's divisor)."""
    total: int
    distribution: tuple[int, ...]
    nrr: Fraction | None
    """None when nobody answered it."""
    weighted: Fraction | None
    converted: Decimal | None
    """NRR x 25 rounded half up to two decimals."""
    band: MutuBand | None
    rank: int
    """1 = the highest NRR in the group (ties share a rank)."""
    importance: Fraction | None = None
    """Mean kepentingan, when asked."""


@dataclass(frozen=True)
class IkmGroup:
    """The IKM of all respondents, one unit of service or one period."""

    label: str
    respondents: int
    unsur: tuple[UnsurResult, ...]
    index: Fraction | None
    """Sum of weighted NRR (scale 1-4); None when an unsur has no answer in this group."""
    ikm: Fraction | None
    """The converted IKM (25-100) at full precision."""
    rounded: Decimal | None
    band: MutuBand | None

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.unsur if u.nrr is None)

    def lowest(self, count: int = 3) -> tuple[UnsurResult, ...]:
        scored = [u for u in self.unsur if u.nrr is not None]
        return tuple(sorted(scored, key=lambda u: (u.nrr, u.code))[:count])


@dataclass(frozen=True)
class IkmResult:
    """What ``survei ikm`` computes from one export."""

    file: str
    scale: SkmScale
    weight: Weight
    overall: IkmGroup
    services: tuple[IkmGroup, ...]
    periods: tuple[IkmGroup, ...]
    period_kind: str
    profile: tuple[ProfileTable, ...]
    quadrants: tuple[QuadrantRow, ...]
    sample: SampleCheck | None
    problems: tuple[DataProblem, ...]
    rows: int
    left_out_unsur: tuple[str, ...]
    """Unsur of 14/2017 the definition does not use."""
    first_date: object = None
    last_date: object = None

    @property
    def usable(self) -> bool:
        return self.overall.ikm is not None

    @property
    def counts(self) -> dict[str, int]:
        """Problems per kind, every kind listed (zero included)."""
        return count_kinds(self.problems)


def _unsur(count: ItemCount, weight: Fraction, scale: SkmScale) -> UnsurResult:
    nrr = Fraction(count.total, count.answered) if count.answered else None
    converted = half_up(nrr * scale.base, 2) if nrr is not None else None
    importance = (
        Fraction(count.importance_total, count.importance_answered)
        if count.importance_answered
        else None
    )
    return UnsurResult(
        code=count.code,
        name=count.name,
        answered=count.answered,
        total=count.total,
        distribution=count.distribution,
        nrr=nrr,
        weighted=nrr * weight if nrr is not None else None,
        converted=converted,
        band=scale.band(converted) if converted is not None else None,
        rank=0,
        importance=importance,
    )


def _ranked(results: list[UnsurResult]) -> tuple[UnsurResult, ...]:
    values = sorted({u.nrr for u in results if u.nrr is not None}, reverse=True)
    rank = {v: i + 1 for i, v in enumerate(values)}
    return tuple(replace(u, rank=rank.get(u.nrr, 0) if u.nrr is not None else 0) for u in results)


def group_ikm(group: GroupCount, weight: Weight, scale: SkmScale) -> IkmGroup:
    unsur = _ranked([_unsur(c, weight.value, scale) for c in group.items])
    complete = bool(unsur) and all(u.weighted is not None for u in unsur)
    index = sum((u.weighted for u in unsur if u.weighted is not None), Fraction(0))
    ikm = index * scale.base if complete else None
    rounded = half_up(ikm, 2) if ikm is not None else None
    return IkmGroup(
        label=group.label,
        respondents=group.respondents,
        unsur=unsur,
        index=index if complete else None,
        ikm=ikm,
        rounded=rounded,
        band=scale.band(rounded) if rounded is not None else None,
    )


def ikm_from_tally(
    tally: Tally,
    *,
    weight_name: str = "regulasi",
    population: int | None = None,
    period_kind: str = "triwulan",
    left_out: tuple[str, ...] = (),
    scale: SkmScale | None = None,
) -> IkmResult:
    scale = scale or skm_scale()
    weight = scale.weight(weight_name, max(1, len(tally.overall.items)))
    overall = group_ikm(tally.overall, weight, scale)
    return IkmResult(
        file=tally.file,
        scale=scale,
        weight=weight,
        overall=overall,
        services=tuple(group_ikm(g, weight, scale) for g in tally.services),
        periods=tuple(group_ikm(g, weight, scale) for g in tally.periods),
        period_kind=period_kind,
        profile=profile_tables(tally.profile, tally.overall.respondents, scale.age_groups),
        quadrants=quadrants(overall.unsur, scale.quadrants),
        sample=check_sample(population, overall.respondents) if population else None,
        problems=tally.problems,
        rows=tally.rows,
        left_out_unsur=left_out,
        first_date=tally.first_date,
        last_date=tally.last_date,
    )


def compute_ikm(
    path: Path,
    *,
    definition: Definition | None = None,
    weight: str = "regulasi",
    population: int | None = None,
    period_kind: str = "triwulan",
    display: str | None = None,
) -> IkmResult:
    """Read the export at ``path`` and compute the IKM with every table of the report.

    Raises :class:`~zi_docs.errors.InvalidInputError` when the file or its columns cannot be
    used; bad cells and rows are returned as ``problems``, never raised.
    """
    scale = skm_scale()
    definition = definition or Definition()
    with open_sheet(path, display) as sheet:
        columns, left_out = map_columns(
            sheet.header,
            scale.unsur,
            definition,
            file=sheet.file,
            low=scale.low,
            letters=scale.letters,
            defaults=scale.default_columns,
        )
        tally = count_answers(
            sheet,
            columns,
            low=scale.low,
            high=scale.high,
            letters=scale.letters,
            importance_labels=scale.importance_labels,
            period_kind=period_kind,
        )
    return ikm_from_tally(
        tally,
        weight_name=weight,
        population=population,
        period_kind=period_kind,
        left_out=tuple(u.code for u in left_out),
        scale=scale,
    )
