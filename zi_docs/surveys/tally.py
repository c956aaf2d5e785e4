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
import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from zi_docs.surveys.definition import Column, ColumnMap
from zi_docs.surveys.labels import EMPTY, OUT_OF_SCALE, ScoreReader, label_map
from zi_docs.surveys.periods import parse_date, period_of
from zi_docs.surveys.problems import DataProblem
from zi_docs.surveys.reader import Sheet

UNFILLED = "(tidak diisi)"


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


class _Acc:
    """Scores of one group, counted in one Counter keyed ``item * width + (score - low)``
    (C-level ``Counter.update`` instead of a Python loop over the cells of each row)."""

    __slots__ = ("buffer", "imp", "keys", "respondents", "scores", "width")
    FLUSH = 8192
    """Keys buffered before one ``Counter.update`` (memory stays bounded)."""

    def __init__(self, items: int, width: int, low: int) -> None:
        self.buffer: list[int] = []
        self.scores: Counter[int] = Counter()
        self.imp: Counter[int] = Counter()
        self.keys = [j * width - low for j in range(items)]
        self.width = width
        self.respondents = 0

    def add(self, scores: Sequence[int], importance: Sequence[int], low: int, valid: bool) -> None:
        """Count one respondent; ``valid``: every score is on the scale (the fast path)."""
        self.respondents += 1
        if valid:
            self.buffer.extend(map(operator.add, self.keys, scores))
        else:
            self.buffer.extend(k + v for k, v in zip(self.keys, scores, strict=False) if v >= low)
        if len(self.buffer) >= self.FLUSH:
            self.flush()
        if importance:
            self.imp.update(k + v for k, v in zip(self.keys, importance, strict=False) if v >= low)

    def flush(self) -> None:
        self.scores.update(self.buffer)
        self.buffer.clear()

    def histogram(self, j: int, importance: bool = False) -> tuple[int, ...]:
        self.flush()
        counts = self.imp if importance else self.scores
        return tuple(counts[j * self.width + i] for i in range(self.width))


def _shown(cell: object) -> str:
    text = " ".join(str(cell).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _kind(score: int) -> str:
    if score == EMPTY:
        return "kosong"
    return "di-luar-skala" if score == OUT_OF_SCALE else "label-tidak-dikenal"


def _problem(
    score: int, row_number: int, column: Column, item: str, row: Sequence[object]
) -> DataProblem:
    raw = _cell(row, column)
    return DataProblem(
        _kind(score),
        row_number,
        column.letter,
        column.header,
        item,
        "" if raw is None else _shown(raw),
    )


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
    overall = _Acc(len(items), width, low)
    services: dict[str, _Acc] = {}
    periods: dict[tuple[int, int], tuple[str, _Acc]] = {}
    profile = [(name, col, Counter[str]()) for name, col in columns.profile]
    problems: list[DataProblem] = []
    seen: dict[tuple[object, ...], int] = {}
    ts, who, service = columns.timestamp, columns.respondent, columns.service
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    need = max(where, default=-1) + 1
    pick = operator.itemgetter(*where) if len(where) > 1 else (lambda r: (r[where[0]],))
    lookup = dict.get
    no_importance: list[int] = []
    number = 1
    # nothing but answers to count (a plain U1..U9 export): rows whose cells are all known
    # scores skip everything else
    plain = ts is None and not imp_items and service is None and not profile
    buffer, keys, flush_at = overall.buffer, overall.keys, _Acc.FLUSH
    add_key = operator.add
    try:
        for row in sheet.rows:
            number += 1
            if len(row) >= need:
                found: list[int | None] = list(map(lookup, caches, pick(row)))
                known = cast("list[int]", found)
                if plain and None not in found and min(known) >= low:
                    overall.respondents += 1
                    buffer.extend(map(add_key, keys, known))
                    if len(buffer) >= flush_at:
                        overall.flush()
                    continue
                scores: list[int] = (
                    [
                        readers[j].read(row[c]) if v is None else v
                        for j, (v, c) in enumerate(zip(found, where, strict=True))
                    ]
                    if None in found  # a value not seen before in its column
                    else cast("list[int]", found)
                )
            else:
                scores = [
                    readers[j].read(row[c] if c < len(row) else None) for j, c in enumerate(where)
                ]
            valid = min(scores) >= low
            answered = valid or max(scores) >= low
            if not answered and not any(c is not None and str(c).strip() for c in row):
                problems.append(DataProblem("baris-kosong", number))
                continue
            if ts is not None:
                key = (
                    (_cell(row, ts), _cell(row, who))
                    if who
                    else (_cell(row, ts), *(_cell(row, ic.column) for ic in items))
                )
                if key in seen:
                    problems.append(DataProblem("duplikat", number, first_row=seen[key]))
                    continue
                seen[key] = number
            if not valid:
                for v, ic in zip(scores, items, strict=True):
                    if v < low:
                        problems.append(_problem(v, number, ic.column, ic.item.code, row))
            importance = no_importance
            if imp_items:
                importance = [EMPTY] * len(items)
                for (j, col), reader in zip(imp_items, imp_readers, strict=True):
                    importance[j] = reader.read(_cell(row, col))
                    if importance[j] < low:
                        what = f"kepentingan {items[j].item.code}"
                        problems.append(_problem(importance[j], number, col, what, row))
            if not answered:
                continue
            overall.add(scores, importance, low, valid)
            if service is not None:
                name = _label(_cell(row, service))
                acc = services.get(name)
                if acc is None:
                    acc = services[name] = _Acc(len(items), width, low)
                acc.add(scores, importance, low, valid)
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
                        entry = periods[key_p] = (label, _Acc(len(items), width, low))
                    entry[1].add(scores, importance, low, valid)
            for _name, col, counter in profile:
                counter[_label(_cell(row, col))] += 1
    except sheet.read_errors as exc:
        raise sheet.unreadable(number + 1, exc) from None
    return Tally(
        file=sheet.file,
        rows=number - 1,
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
                distribution=acc.histogram(j),
                low=low,
                importance=acc.histogram(j, True) if ic.importance is not None else None,
            )
            for j, ic in enumerate(columns.items)
        ),
    )
