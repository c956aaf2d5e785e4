"""The sheet's own values (Nilai of questions, subs, areas, totals; summary sheets) against
zi-docs's score of the imported answers.

Every difference names the id, both values and, when it can be named, the cause: a formula
that leaves out a part, a hand-typed total that is not the sum of its parts on the sheet, a
value the sheet skipped, an option value or weight other than the catalogue's. zi-docs keeps
its own value; the sheet's is only reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from zi_docs.angka import angka
from zi_docs.assessment import Score
from zi_docs.catalogue import Catalogue, Node, fold
from zi_docs.evaluation.row_match import SheetRow
from zi_docs.evaluation.sheet_layout import HEADER_SCAN_ROWS, Group, Layout, role_of
from zi_docs.evaluation.sheet_read import NO_CACHE, Grid, cell_name, finite
from zi_docs.findings import Finding, Severity

QUESTION_TOLERANCE = 0.006
"""Sheets show values to two decimals (0,67 for 2/3): closer than this is the same value."""
NODE_TOLERANCE = 0.011
_REF = re.compile(r"(?<![A-Z!])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


@dataclass(frozen=True)
class Difference:
    """One value the sheet shows differently from zi-docs."""

    id: str
    """Catalogue id (``A.I.1.iv``), ``TOTAL``, or an area code on a summary sheet."""
    where: str
    """``lembar 'LKE', sel F20``."""
    sheet_value: float | None
    """What the sheet shows (``None``: the sheet left it empty)."""
    value: float
    """What zi-docs computes from the imported answers."""
    cause: str | None
    """The reason, when it can be named."""


def _place(grid: Grid, row: int, column: int) -> str:
    return f"lembar '{grid.name}', sel {cell_name(row, column)}"


def _referenced_rows(formula: str) -> set[int]:
    rows: set[int] = set()
    for _c1, r1, _c2, r2 in _REF.findall(formula.upper()):
        first = int(r1)
        last = int(r2) if r2 else first
        rows.update(range(min(first, last), max(first, last) + 1))
    return rows


def compare_sheet(
    layout: Layout,
    group: Group,
    rows: Sequence[SheetRow],
    catalogue: Catalogue,
    score: Score,
    notes: list[Finding],
    file: str,
) -> list[Difference]:
    """Differences between the group's Nilai column and ``score``; formula cells without a
    stored value are summed up in one note appended to ``notes``."""
    column = group.columns.get("nilai")
    if column is None:
        return []
    grid = layout.grid
    row_of: dict[str, int] = {}
    for r in rows:
        if r.node is not None and r.how != "isian" and r.node.id not in row_of:
            row_of[r.node.id] = r.row
    differences: list[Difference] = []
    uncached: list[str] = []
    for sheet_row in rows:
        if sheet_row.how == "isian" or sheet_row.how == "tidak-cocok":
            continue
        node = sheet_row.node
        if node is not None and row_of.get(node.id) != sheet_row.row:
            continue
        raw = grid.value(sheet_row.row, column)
        if raw is NO_CACHE:
            uncached.append(cell_name(sheet_row.row, column))
            continue
        where = _place(grid, sheet_row.row, column)
        if node is None:
            differences.extend(_total(layout, column, sheet_row.row, catalogue, score, row_of))
        elif node.is_question:
            found = _question(node, score, finite(raw), where)
            differences.extend([found] if found else [])
        else:
            found = _node(layout, column, sheet_row.row, node, catalogue, score, row_of)
            differences.extend([found] if found else [])
    if uncached:
        shown = ", ".join(uncached[:5]) + (
            f" dan {len(uncached) - 5} lainnya" if len(uncached) > 5 else ""
        )
        notes.append(
            Finding(
                f"{len(uncached)} sel Nilai berisi rumus tanpa nilai tersimpan ({shown}); "
                "berkas belum dihitung ulang oleh Excel/LibreOffice, jadi nilai itu tidak "
                "dibandingkan",
                Severity.INFO,
                file=file,
                field=f"lembar '{grid.name}'",
                code="xlsx-tanpa-nilai-tersimpan",
            )
        )
    return differences


def _question(node: Node, score: Score, sheet: float | None, where: str) -> Difference | None:
    ours = score.question(node.id)
    if not ours.answered:
        if sheet in (None, 0.0):
            return None
        return Difference(
            node.id, where, sheet, 0.0, "lembar memberi nilai padahal jawabannya kosong"
        )
    if sheet is None:
        return Difference(
            node.id, where, None, ours.value, "lembar tidak mengisi nilai untuk jawaban yang ada"
        )
    if min(abs(sheet - ours.value), abs(sheet - ours.points)) <= QUESTION_TOLERANCE:
        return None
    if ours.option is not None:
        cause = (
            f"lembar memberi nilai {angka(sheet, 3)} untuk jawaban {ours.option}; nilai opsi "
            f"itu di katalog {angka(ours.value, 3)}"
        )
    elif ours.percent is not None:
        cause = f"persentase yang dihitung zi-docs {angka(ours.percent, 2)}% dari isian jumlahnya"
    else:
        cause = None
    return Difference(node.id, where, sheet, ours.value, cause)


def _node(
    layout: Layout,
    column: int,
    row: int,
    node: Node,
    catalogue: Catalogue,
    score: Score,
    row_of: dict[str, int],
) -> Difference | None:
    grid = layout.grid
    sheet = finite(grid.value(row, column))
    ours = score.node(node.id).value
    if sheet is not None and abs(sheet - ours) <= NODE_TOLERANCE:
        return None
    if sheet is None and abs(ours) <= NODE_TOLERANCE:
        return None
    where = _place(grid, row, column)
    if sheet is None:
        return Difference(node.id, where, None, ours, "lembar tidak mengisi nilai ini")
    causes = []
    weight_column = layout.shared.get("bobot")
    sheet_weight = finite(grid.value(row, weight_column)) if weight_column else None
    if sheet_weight is not None and abs(sheet_weight - (node.weight or 0.0)) > 1e-9:
        causes.append(
            f"bobot di lembar {angka(sheet_weight)}, di katalog {angka(node.weight or 0.0)}"
        )
    child_rows = [(c, row_of[c.id]) for c in node.children if c.id in row_of]
    formula = grid.formula(row, column)
    if formula:
        covered = _referenced_rows(formula)
        skipped = [(c, r) for c, r in child_rows if r not in covered]
        if skipped:
            parts = ", ".join(f"baris {r} ({c.id})" for c, r in skipped)
            causes.append(f"rumus {formula} tidak mencakup {parts}")
    else:
        shown = _sheet_sum(grid, column, node, child_rows)
        if shown is not None and abs(shown - sheet) > NODE_TOLERANCE:
            causes.append(
                f"nilai diketik tangan (bukan rumus) dan tidak sama dengan jumlah "
                f"komponennya di lembar ({angka(shown, 3)})"
            )
    if not causes and child_rows:
        causes.append("mengikuti selisih pada komponennya (lihat baris di atasnya)")
    return Difference(node.id, where, sheet, ours, "; ".join(causes) or None)


def _sheet_sum(
    grid: Grid, column: int, node: Node, child_rows: list[tuple[Node, int]]
) -> float | None:
    """What the sheet's own child values add up to (a sub: weight x mean of its questions)."""
    values = [finite(grid.value(r, column)) for _c, r in child_rows]
    if not child_rows or any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    unweighted = all(c.weight is None for c in node.children)
    if node.children[0].is_question and unweighted and all(v <= 1.0 + 1e-9 for v in numbers):
        return (node.weight or 0.0) * math.fsum(numbers) / len(node.children)
    return math.fsum(numbers)


def _total(
    layout: Layout,
    column: int,
    row: int,
    catalogue: Catalogue,
    score: Score,
    row_of: dict[str, int],
) -> list[Difference]:
    grid = layout.grid
    sheet = finite(grid.value(row, column))
    if sheet is None or abs(sheet - score.total) <= NODE_TOLERANCE:
        return []
    roots = [(r, row_of[r.id]) for r in catalogue.roots if r.id in row_of]
    formula = grid.formula(row, column)
    cause = None
    if formula:
        skipped = [(r, n) for r, n in roots if n not in _referenced_rows(formula)]
        if skipped:
            cause = f"rumus {formula} tidak mencakup " + ", ".join(
                f"baris {n} ({r.id})" for r, n in skipped
            )
    else:
        parts = [finite(grid.value(n, column)) for _r, n in roots]
        if roots and all(p is not None for p in parts):
            shown = math.fsum(p for p in parts if p is not None)
            if abs(shown - sheet) > NODE_TOLERANCE:
                cause = (
                    "total diketik tangan dan tidak sama dengan jumlah komponennya di lembar "
                    f"({angka(shown, 3)})"
                )
    return [Difference("TOTAL", _place(grid, row, column), sheet, score.total, cause)]


def summary_differences(
    grids: Sequence[Grid], catalogue: Catalogue, score: Score, file: str
) -> list[Difference]:
    """Weights and values of summary sheets: a row per area (combined, or its Pemenuhan or
    Reform part when the row names one)."""
    found: list[Difference] = []
    areas = {fold(area.name): area for area in score.areas}
    for grid in grids:
        header = _summary_header(grid)
        if header is None:
            continue
        row0, weight_col, value_col = header
        for row in range(row0 + 1, grid.max_row + 1):
            texts = [fold(str(v)).strip() for v in grid.values[row - 1] if isinstance(v, str)]
            area = next((areas[t] for t in texts if t in areas), None)
            if area is None:
                continue
            part = next((p for p in area.parts if p.part in texts), None)
            weight_now, value_now = (part.weight, part.value) if part else (area.weight, area.value)
            subject = f"{area.code} {part.part}" if part else area.code
            weight = finite(grid.value(row, weight_col)) if weight_col else None
            value = finite(grid.value(row, value_col)) if value_col else None
            stale = weight is not None and abs(weight - weight_now) > 1e-9
            if stale and weight_col:
                found.append(
                    Difference(
                        subject,
                        _place(grid, row, weight_col),
                        weight,
                        weight_now,
                        "bobot area di lembar ringkasan usang atau salah (katalog "
                        f"{catalogue.id}: {angka(weight_now)})",
                    )
                )
            if value is not None and value_col and abs(value - value_now) > NODE_TOLERANCE:
                found.append(
                    Difference(
                        subject,
                        _place(grid, row, value_col),
                        value,
                        value_now,
                        "dihitung dengan bobot ringkasan yang usang" if stale else None,
                    )
                )
    return found


def _summary_header(grid: Grid) -> tuple[int, int | None, int | None] | None:
    for row in range(1, min(grid.max_row, HEADER_SCAN_ROWS) + 1):
        roles: dict[str, int] = {}
        for column, value in enumerate(grid.values[row - 1], start=1):
            if isinstance(value, str) and (role := role_of(value)) is not None:
                roles.setdefault(role[0], column)
        if "jawaban" in roles:
            return None
        if "bobot" in roles and "nilai" in roles:
            return row, roles.get("bobot"), roles.get("nilai")
    return None
