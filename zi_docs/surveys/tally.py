"""Stream an export once: validate every answer cell and count scores per item, per unit of
service and per period, with the respondents' characteristics.

Bad data never stops the count and is never dropped silently: a cell outside the scale, an
unknown label or an empty answer is listed with its row and column and left out of that item
only; a duplicated submission (same timestamp and respondent) or a row of blanks is listed and
left out whole. Memory stays flat in the number of rows, except for the keys kept to find
duplicates (only when the export has a timestamp column).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from zi_docs.surveys.definition import Column, ColumnMap
from zi_docs.surveys.labels import EMPTY, OUT_OF_SCALE, ScoreReader, label_map
from zi_docs.surveys.periods import parse_date, period_of
from zi_docs.surveys.reader import Sheet

KINDS = {
    "di-luar-skala": "nilai di luar skala",
    "label-tidak-dikenal": "label jawaban tidak dikenal",
    "kosong": "jawaban kosong",
    "duplikat": "kiriman ganda (waktu dan responden sama)",
    "baris-kosong": "baris kosong",
    "waktu-tidak-terbaca": "waktu pengisian tidak terbaca",
}
"""Problem code -> what it is, in the order they are reported."""
UNFILLED = "(tidak diisi)"


@dataclass(frozen=True)
class DataProblem:
    """One cell or row left out of the computation."""

    kind: str
    """A key of :data:`KINDS`."""
    row: int
    """Row number as a spreadsheet shows it (the header is row 1)."""
    column: str | None = None
    """Column letter; ``None`` for a whole row."""
    header: str = ""
    item: str = ""
    """The item (``U3``, ``kepentingan U3``) the cell answers."""
    value: str = ""
    """The cell as written (shortened)."""
    first_row: int | None = None
    """For a duplicate: the row it repeats."""

    def message(self) -> str:
        """A sentence a clerk can act on."""
        place = f"baris {self.row}" + (f", kolom {self.column}" if self.column else "")
        what = f" ({self.item})" if self.item else ""
        if self.kind == "di-luar-skala":
            return (
                f"{place}{what}: nilai '{self.value}' di luar skala; tidak dihitung untuk unsur ini"
            )
        if self.kind == "label-tidak-dikenal":
            return (
                f"{place}{what}: jawaban '{self.value}' tidak dikenal; tambahkan labelnya di "
                "berkas definisi atau perbaiki selnya"
            )
        if self.kind == "kosong":
            return f"{place}{what}: jawaban kosong; tidak dihitung untuk unsur ini"
        if self.kind == "duplikat":
            return (
                f"{place}: kiriman ganda dari baris {self.first_row} (waktu dan responden sama); "
                "seluruh baris tidak dihitung"
            )
        if self.kind == "baris-kosong":
            return f"{place}: baris kosong; dilewati"
        return (
            f"{place}: waktu pengisian '{self.value}' tidak terbaca; baris dihitung untuk "
            "keseluruhan tetapi tidak untuk periode"
        )


@dataclass(frozen=True)
class ItemCount:
    """Scores of one item in one group."""

    code: str
    name: str
    distribution: tuple[int, ...]
    """Number of answers per score, from the scale minimum up."""
    low: int
    importance: tuple[int, ...] | None = None
    """The same for the item's kepentingan answers, when asked."""

    @property
    def answered(self) -> int:
        return sum(self.distribution)

    @property
    def total(self) -> int:
        return sum((self.low + i) * n for i, n in enumerate(self.distribution))

    @property
    def importance_answered(self) -> int:
        return sum(self.importance or ())

    @property
    def importance_total(self) -> int:
        return sum((self.low + i) * n for i, n in enumerate(self.importance or ()))


@dataclass(frozen=True)
class GroupCount:
    """One group of respondents: all, one unit of service, or one period."""

    label: str
    respondents: int
    items: tuple[ItemCount, ...]


@dataclass(frozen=True)
class ProfileCount:
    """One respondent characteristic: value -> respondents, in first-seen order."""

    name: str
    column: str
    values: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Tally:
    """Everything one pass over an export counted."""

    file: str
    rows: int
    """Data rows read (header excluded)."""
    overall: GroupCount
    services: tuple[GroupCount, ...]
    periods: tuple[GroupCount, ...]
    profile: tuple[ProfileCount, ...]
    problems: tuple[DataProblem, ...]
    first_date: dt.date | None
    last_date: dt.date | None

    def count(self, kind: str) -> int:
        return sum(1 for p in self.problems if p.kind == kind)


def count_kinds(problems: Sequence[DataProblem]) -> dict[str, int]:
    """Problems per kind, every kind listed (zero included), in the order of :data:`KINDS`."""
    found = {k: 0 for k in KINDS}
    for problem in problems:
        found[problem.kind] += 1
    return found


class _Acc:
    __slots__ = ("hist", "imp", "respondents")

    def __init__(self, items: int, width: int) -> None:
        self.hist = [[0] * width for _ in range(items)]
        self.imp = [[0] * width for _ in range(items)]
        self.respondents = 0

    def add(self, scores: Sequence[int], importance: Sequence[int], low: int) -> None:
        self.respondents += 1
        for j, v in enumerate(scores):
            if v >= low:
                self.hist[j][v - low] += 1
        for j, v in enumerate(importance):
            if v >= low:
                self.imp[j][v - low] += 1


def _shown(cell: object) -> str:
    text = " ".join(str(cell).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _kind(score: int) -> str:
    if score == EMPTY:
        return "kosong"
    return "di-luar-skala" if score == OUT_OF_SCALE else "label-tidak-dikenal"


def _cell(row: Sequence[object], column: Column | None) -> object:
    if column is None or column.index >= len(row):
        return None
    return row[column.index]


def _label(cell: object) -> str:
    text = "" if cell is None else " ".join(str(cell).split())
    return text or UNFILLED


def count_answers(
    sheet: Sheet,
    columns: ColumnMap,
    *,
    low: int,
    high: int,
    letters: dict[str, int],
    importance_labels: Sequence[str] = (),
    period_kind: str = "triwulan",
) -> Tally:
    """One pass over ``sheet``: validated counts and every problem found."""
    items = columns.items
    width = high - low + 1
    readers = [ScoreReader(ic.labels, low, high, letters) for ic in items]
    caches = [r.cache for r in readers]
    where = [ic.column.index for ic in items]
    imp_items = [(j, ic.importance) for j, ic in enumerate(items) if ic.importance is not None]
    imp_labels = label_map(tuple(importance_labels), low)
    imp_readers = [ScoreReader(imp_labels, low, high, letters) for _ in imp_items]
    overall = _Acc(len(items), width)
    services: dict[str, _Acc] = {}
    periods: dict[tuple[int, int], tuple[str, _Acc]] = {}
    profile = [(name, col, Counter[str]()) for name, col in columns.profile]
    problems: list[DataProblem] = []
    seen: dict[tuple[object, ...], int] = {}
    ts, who, service = columns.timestamp, columns.respondent, columns.service
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    rows = 0
    for number, row in sheet.rows:
        rows += 1
        size = len(row)
        scores = [
            caches[j].get(row[c]) or readers[j].read(row[c]) if c < size else EMPTY
            for j, c in enumerate(where)
        ]
        if max(scores) < low and not any(c is not None and str(c).strip() for c in row):
            problems.append(DataProblem("baris-kosong", number))
            continue
        if ts is not None:
            key = (
                (_cell(row, ts), _cell(row, who))
                if who
                else (_cell(row, ts), *(row[c] if c < size else None for c in where))
            )
            if key in seen:
                problems.append(DataProblem("duplikat", number, first_row=seen[key]))
                continue
            seen[key] = number
        importance = [EMPTY] * len(items)
        for (j, col), reader in zip(imp_items, imp_readers, strict=True):
            importance[j] = reader.read(_cell(row, col))
        for j, v in enumerate(scores):
            if v < low:
                ic = items[j]
                raw = row[ic.column.index] if ic.column.index < size else None
                problems.append(
                    DataProblem(
                        _kind(v),
                        number,
                        ic.column.letter,
                        ic.column.header,
                        ic.item.code,
                        "" if raw is None else _shown(raw),
                    )
                )
        for j, col in imp_items:
            v = importance[j]
            if v < low and col is not None:
                raw = _cell(row, col)
                problems.append(
                    DataProblem(
                        _kind(v),
                        number,
                        col.letter,
                        col.header,
                        f"kepentingan {items[j].item.code}",
                        "" if raw is None else _shown(raw),
                    )
                )
        if max(scores) < low:
            continue
        overall.add(scores, importance, low)
        if service is not None:
            name = _label(_cell(row, service))
            acc = services.get(name)
            if acc is None:
                acc = services[name] = _Acc(len(items), width)
            acc.add(scores, importance, low)
        if ts is not None:
            cell = _cell(row, ts)
            date = parse_date(cell, day_first=columns.day_first)
            if date is None:
                problems.append(
                    DataProblem(
                        "waktu-tidak-terbaca",
                        number,
                        ts.letter,
                        ts.header,
                        "",
                        "" if cell is None else _shown(cell),
                    )
                )
            else:
                first_date = date if first_date is None or date < first_date else first_date
                last_date = date if last_date is None or date > last_date else last_date
                key_p, label = period_of(date, period_kind)
                entry = periods.get(key_p)
                if entry is None:
                    entry = periods[key_p] = (label, _Acc(len(items), width))
                entry[1].add(scores, importance, low)
        for _name, col, counter in profile:
            counter[_label(_cell(row, col))] += 1
    return Tally(
        file=sheet.file,
        rows=rows,
        overall=_group("Keseluruhan", overall, columns, low),
        services=tuple(_group(k, v, columns, low) for k, v in services.items()),
        periods=tuple(
            _group(label, acc, columns, low) for _k, (label, acc) in sorted(periods.items())
        ),
        profile=tuple(
            ProfileCount(name, col.header, tuple(counter.items())) for name, col, counter in profile
        ),
        problems=tuple(problems),
        first_date=first_date,
        last_date=last_date,
    )


def _group(label: str, acc: _Acc, columns: ColumnMap, low: int) -> GroupCount:
    return GroupCount(
        label=label,
        respondents=acc.respondents,
        items=tuple(
            ItemCount(
                code=ic.item.code,
                name=ic.item.name,
                distribution=tuple(acc.hist[j]),
                low=low,
                importance=tuple(acc.imp[j]) if ic.importance is not None else None,
            )
            for j, ic in enumerate(columns.items)
        ),
    )
