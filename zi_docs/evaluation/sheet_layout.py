"""Where things are in an LKE sheet: the header row, the shared columns, the column groups.

KemenPANRB-style sheets put the hierarchy in the first columns, then Bobot | Penjelasan |
Pilihan Jawaban | Jawaban | Nilai | % | Catatan. Variants add Daftar Bukti Dukung and Tautan
Bukti Dukung, rename Jawaban to "Jawaban Unit", or repeat Jawaban | Nilai | % | Catatan once
per evaluator layer, titled either in the header itself ("Jawaban TPI") or in a (merged)
title row above it ("TPI Inspektorat"). Every Jawaban column starts a group; the Nilai, %,
Catatan and evidence columns after it belong to that group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zi_docs.catalogue import fold
from zi_docs.evaluation.sheet_read import Book, Grid

HEADER_SCAN_ROWS = 25

# header text (folded, without the group suffix) -> column role
_ROLES = (
    ("pilihan jawaban", "pilihan"),
    ("tautan bukti dukung", "tautan"),
    ("tautan data dukung", "tautan"),
    ("link bukti dukung", "tautan"),
    ("tautan", "tautan"),
    ("link", "tautan"),
    ("daftar bukti dukung", "bukti"),
    ("bukti dukung", "bukti"),
    ("data dukung", "bukti"),
    ("jawaban", "jawaban"),
    ("bobot", "bobot"),
    ("penjelasan", "penjelasan"),
    ("nilai", "nilai"),
    ("persen", "persen"),
    ("%", "persen"),
    ("catatan", "catatan"),
    ("keterangan", "catatan"),
)
GROUP_ROLES = ("nilai", "persen", "catatan", "bukti", "tautan")


@dataclass(frozen=True)
class Group:
    """One Jawaban | Nilai | % | Catatan group (the unit's, or one evaluator layer's)."""

    title: str
    """As the sheet names it (``Unit``, ``TPI Inspektorat``)."""
    header: str
    """The Jawaban column's own header (``Jawaban TPI``)."""
    columns: dict[str, int]
    """Role (``jawaban``, ``nilai``, ``persen``, ``catatan``, ``bukti``, ``tautan``) ->
    column."""


@dataclass(frozen=True)
class Layout:
    """The columns of one LKE sheet."""

    grid: Grid
    header_row: int
    hierarchy: tuple[int, ...]
    """Columns holding markers and text (left of the first recognised column)."""
    shared: dict[str, int]
    """``bobot``, ``penjelasan``, ``pilihan`` -> column."""
    groups: tuple[Group, ...]
    title_cells: tuple[str, ...]
    """Text of the rows above the header (titles, the hash cell)."""


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def role_of(header: str) -> tuple[str, str] | None:
    """``Jawaban TPI`` -> (``jawaban``, ``TPI``); ``None`` when not an LKE column."""
    folded = fold(header).strip(" :")
    for name, role in _ROLES:
        if folded == name or folded.startswith(name + " ") or folded.startswith(name + "("):
            return role, header.strip()[len(name) :].strip(" ():-")
    return None


def _spread(grid: Grid, row: int) -> dict[int, str]:
    """Column -> text of ``row``, a merged title spread over every column it covers."""
    cells = {c: _text(v) for c, v in enumerate(grid.values[row - 1], start=1) if _text(v)}
    for first_row, first_col, last_row, last_col in grid.merged:
        title = _text(grid.value(first_row, first_col))
        if first_row <= row <= last_row and title:
            for column in range(first_col, last_col + 1):
                cells.setdefault(column, title)
    return cells


def find_layout(grid: Grid) -> Layout | None:
    """The layout of ``grid``, or ``None`` when it has no LKE header row."""
    for row in range(1, min(grid.max_row, HEADER_SCAN_ROWS) + 1):
        cells = _spread(grid, row)
        roles = {c: r for c, text in cells.items() if (r := role_of(text)) is not None}
        kinds = {r[0] for r in roles.values()}
        if "jawaban" in kinds and ("bobot" in kinds or "nilai" in kinds):
            return _layout(grid, row, cells, roles)
    return None


def _layout(
    grid: Grid, row: int, cells: dict[int, str], roles: dict[int, tuple[str, str]]
) -> Layout:
    above = _spread(grid, row - 1) if row > 1 else {}
    first = min(roles)
    shared: dict[str, int] = {}
    groups: list[Group] = []
    current: dict[str, int] | None = None
    header = title = ""
    for column in sorted(roles):
        role, suffix = roles[column]
        if role == "jawaban":
            if current is not None:
                groups.append(Group(title, header, current))
            current = {"jawaban": column}
            header = cells[column]
            title = above.get(column) or suffix or ("Unit" if not groups else header)
            if role_of(title) is not None:
                title = suffix or "Unit"
        elif role in GROUP_ROLES and current is not None:
            current.setdefault(role, column)
        elif role in GROUP_ROLES and role in ("bukti", "tautan"):
            shared.setdefault(role, column)
        else:
            shared.setdefault(role, column)
    if current is not None:
        groups.append(Group(title, header, current))
    titles = tuple(
        _text(v) for r in range(1, max(row - 1, 1)) for v in grid.values[r - 1] if _text(v)
    )
    return Layout(
        grid=grid,
        header_row=row,
        hierarchy=tuple(range(1, first)),
        shared=shared,
        groups=tuple(groups),
        title_cells=titles,
    )


def lke_layouts(book: Book) -> list[Layout]:
    """Every sheet of ``book`` that has an LKE header row, visible sheets first."""
    found = [layout for grid in book.grids if (layout := find_layout(grid)) is not None]
    return sorted(found, key=lambda lay: lay.grid.hidden)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def choose_group(layout: Layout, column: str | None, layer: str | None) -> Group | None:
    """The group to read: named by ``--kolom`` (its title or its Jawaban header), else the
    one titled like the layer, else the unit's (first) group; ``None`` when not found."""
    groups = layout.groups
    if column is not None:
        wanted = _key(column)
        for group in groups:
            if wanted in (_key(group.title), _key(group.header)):
                return group
        return None
    if layer is None:
        return groups[0] if groups else None
    for group in groups:
        if f"({layer})" in group.title:  # the groups zi-docs writes: "TPI ... (tpi-unit)"
            return group
    wanted = _key(layer)
    for group in groups:
        if wanted in (_key(group.title), _key(group.header)) or _key(group.title).endswith(wanted):
            return group
    return groups[1] if len(groups) == 2 else None
