"""The unit's own SPAK/SPKP surveys -> IPAK/IPKP on the LKE's 0-4 scale, by a named method.

No regulation says how a mean on the instrument's scale (commonly 1-6) becomes the 0-4 index,
so the method is a named setting (see ``survei-internal.yaml``) and every result carries the
raw mean on the instrument's own scale, the number of respondents and the method. The
overall mean is the mean of the aspect means, each over the respondents who answered it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from zi_docs.errors import NotFoundError
from zi_docs.surveys.definition import Definition, map_columns
from zi_docs.surveys.problems import DataProblem, count_kinds
from zi_docs.surveys.reader import open_sheet
from zi_docs.surveys.scales import Instrument, Method, internal_surveys, skm_scale
from zi_docs.surveys.tally import count_answers


@dataclass(frozen=True)
class AspectResult:
    code: str
    name: str
    answered: int
    distribution: tuple[int, ...]
    mean: Fraction | None
    """On the instrument's scale; None when nobody answered."""
    index: Fraction | None
    """On 0-4 by the result's method."""


@dataclass(frozen=True)
class InternalResult:
    """What ``survei spak|spkp`` computes."""

    file: str
    instrument: Instrument
    method: Method
    low: int
    high: int
    aspects: tuple[AspectResult, ...]
    respondents: int
    mean: Fraction | None
    index: Fraction | None
    minimum_respondents: int
    problems: tuple[DataProblem, ...]
    rows: int

    @property
    def usable(self) -> bool:
        return self.index is not None

    @property
    def too_few(self) -> bool:
        return self.respondents < self.minimum_respondents

    @property
    def counts(self) -> dict[str, int]:
        return count_kinds(self.problems)


def method_named(name: str | None) -> Method:
    surveys = internal_surveys()
    key = (name or surveys.default_method).strip().lower()
    if key not in surveys.methods:
        raise NotFoundError(
            f"metode konversi '{name}' tidak dikenal",
            suggestions=sorted(surveys.methods),
            hint="pilih salah satu metode dengan --metode",
        )
    return surveys.methods[key]


def ipkp_from_ikm(ikm: Fraction) -> Fraction:
    """IPKP taken from the SKM when the unit chooses so: the converted IKM / 25."""
    return ikm / skm_scale().base


def compute_internal(
    path: Path,
    instrument: str,
    *,
    definition: Definition | None = None,
    method: str | None = None,
    display: str | None = None,
) -> InternalResult:
    """Read an SPAK or SPKP export (``instrument`` = ``spak``/``spkp``) and compute its index."""
    surveys = internal_surveys()
    spec = surveys.instruments[instrument]
    definition = definition or Definition()
    chosen = method_named(method or definition.method)
    low, high = definition.scale or (spec.low, spec.high)
    with open_sheet(path, display) as sheet:
        columns, _left_out = map_columns(
            sheet.header,
            spec.aspects,
            definition,
            file=sheet.file,
            low=low,
            letters={},
            defaults={},
        )
        tally = count_answers(sheet, columns, low=low, high=high, letters={})
    aspects = []
    for count in tally.overall.items:
        mean = Fraction(count.total, count.answered) if count.answered else None
        aspects.append(
            AspectResult(
                code=count.code,
                name=count.name,
                answered=count.answered,
                distribution=count.distribution,
                mean=mean,
                index=chosen.index(mean, low, high) if mean is not None else None,
            )
        )
    means = [a.mean for a in aspects if a.mean is not None]
    overall = sum(means, Fraction(0)) / len(means) if means and len(means) == len(aspects) else None
    return InternalResult(
        file=tally.file,
        instrument=spec,
        method=chosen,
        low=low,
        high=high,
        aspects=tuple(aspects),
        respondents=tally.overall.respondents,
        mean=overall,
        index=chosen.index(overall, low, high) if overall is not None else None,
        minimum_respondents=surveys.minimum_respondents,
        problems=tally.problems,
        rows=tally.rows,
    )
