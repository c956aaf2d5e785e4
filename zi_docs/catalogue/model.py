"""The catalogue's value objects and look-ups (ids, aliases, text search)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from zi_docs.catalogue.formula import Formula
from zi_docs.errors import NotFoundError

LEVELS = ("komponen", "bagian", "area", "sub", "pertanyaan")


@dataclass(frozen=True)
class ChecklistItem:
    """One piece of data dukung an indicator expects."""

    key: str
    """Short stable key, unique within the indicator (``sk-tim``)."""
    description: str
    required: bool
    """Needed at minimum for the top answer to be accepted."""
    generator: str | None = None
    """The zi-docs document kind that produces this evidence, if any."""


@dataclass(frozen=True)
class CountInput:
    """One typed count of a percentage item."""

    key: str
    label: str


@dataclass(frozen=True, eq=False)
class Node:
    """A node of the LKE tree: komponen, bagian, area, sub-komponen or pertanyaan."""

    id: str
    level: str
    name: str
    """Name of the node, or the question text for a pertanyaan."""
    weight: float | None
    """Bobot; ``None`` for a question that shares its sub's weight equally."""
    number: str = ""
    """Printed number or letter by position (``1``, ``i``, ``a``)."""
    code: str | None = None
    """``pengungkit``/``hasil`` for komponen, ``pemenuhan``/``reform`` for bagian."""
    area: str | None = None
    """Area code (``MP``) for the area and everything below it."""
    part: str | None = None
    """``pemenuhan``, ``reform`` or ``hasil`` (or the komponen code when there is no bagian)."""
    children: tuple[Node, ...] = ()
    answer_type: str | None = None
    criteria: Mapping[str, str] = field(default_factory=dict)
    explanation: str | None = None
    note: str | None = None
    official_label: str | None = None
    kode_bps: str | None = None
    inputs: tuple[CountInput, ...] = ()
    formula: Formula | None = None
    zero_denominator: float | None = None
    """Percentage used when the formula divides by zero; ``None`` makes it an invalid answer."""
    checklist: tuple[ChecklistItem, ...] = ()

    @property
    def is_question(self) -> bool:
        return self.level == "pertanyaan"

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def questions(self) -> list[Node]:
        return [n for n in self.walk() if n.is_question]

    def checklist_item(self, key: str) -> ChecklistItem | None:
        return next((c for c in self.checklist if c.key == key), None)


@dataclass(frozen=True)
class ThresholdRule:
    """One line of Tabel 6."""

    code: str
    description: str
    measure: str
    """``total`` | ``node`` (a node's value) | ``indeks`` (a survey answer) | ``area_persen``."""
    node: str | None = None
    minimum: float | None = None
    min_percent: float | None = None


@dataclass(frozen=True)
class Predicate:
    """A predicate (WBK, WBBM) and its thresholds."""

    code: str
    name: str
    rules: tuple[ThresholdRule, ...]
    prerequisite: str | None = None


def fold(text: str) -> str:
    """Lower-case, accent-free text for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, eq=False)
class Catalogue:
    """A loaded, validated LKE catalogue."""

    id: str
    version: str
    title: str
    legal_basis: str
    source: str
    path: Path
    option_values: Mapping[str, Mapping[str, float]]
    special_types: Mapping[str, Mapping[str, object]]
    areas: Mapping[str, str]
    predicates: tuple[Predicate, ...]
    roots: tuple[Node, ...]
    by_id: Mapping[str, Node]
    parent_of: Mapping[str, str]
    aliases: Mapping[str, str]
    """Folded alias -> id (ids themselves, ``P.MP.i.a``, ``1.i.a``, ``PPA1A``)."""
    short_aliases: Mapping[str, str]
    """Id -> the alias shown beside it (``P.MP.i.a``)."""

    # ---- navigation -------------------------------------------------------------------
    def walk(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()

    def questions(self) -> list[Node]:
        return [n for n in self.walk() if n.is_question]

    def node(self, node_id: str) -> Node:
        return self.by_id[node_id]

    def parent(self, node: Node) -> Node | None:
        parent_id = self.parent_of.get(node.id)
        return self.by_id[parent_id] if parent_id else None

    def ancestors(self, node: Node) -> list[Node]:
        """From the root down to the node's parent."""
        chain = []
        current = self.parent(node)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return list(reversed(chain))

    def ancestor_at(self, node: Node, level: str) -> Node | None:
        if node.level == level:
            return node
        return next((a for a in self.ancestors(node) if a.level == level), None)

    def options(self, answer_type: str) -> list[str]:
        """Option labels of an answer type, best first (empty for PERSEN/INDEKS)."""
        return list(self.option_values.get(answer_type, {}))

    def predicate(self, code: str) -> Predicate:
        for predicate in self.predicates:
            if predicate.code.casefold() == code.casefold():
                return predicate
        raise NotFoundError(
            f"predikat '{code}' tidak ada dalam katalog {self.id}",
            suggestions=[p.code for p in self.predicates],
        )

    # ---- look-ups ---------------------------------------------------------------------
    def resolve(self, text: str) -> Node:
        """The node named by an id or alias, case-insensitively; suggestions if unknown."""
        key = fold(text.strip()).rstrip(".")
        node_id = self.aliases.get(key)
        if node_id is not None:
            return self.by_id[node_id]
        close = difflib.get_close_matches(key, list(self.aliases), n=5, cutoff=0.6)
        suggestions: list[str] = []
        for alias in close:
            if self.aliases[alias] not in suggestions:
                suggestions.append(self.aliases[alias])
        raise NotFoundError(
            f"indikator '{text}' tidak ada dalam katalog {self.id}",
            suggestions=suggestions,
            hint="lihat daftar indikator dengan: zi-docs lke list",
        )

    def resolve_area(self, text: str) -> str:
        """The area code named by its code or its name (``pp``, ``Penguatan Pengawasan``)."""
        wanted = fold(text.strip())
        for code, name in self.areas.items():
            if wanted in (fold(code), fold(name)):
                return code
        raise NotFoundError(
            f"area '{text}' tidak ada dalam katalog {self.id}",
            suggestions=[f"{code} ({name})" for code, name in self.areas.items()],
        )

    def short_alias(self, node: Node) -> str:
        """The alias users write (``P.MP.i.a``), or the id when there is none."""
        return self.short_aliases.get(node.id, node.id)

    def search(self, text: str) -> list[tuple[Node, str]]:
        """Questions whose text, criteria, explanation or checklist mention every word.

        Returns (node, where) pairs, where is the field that matched first.
        """
        words = [w for w in fold(text).split() if w]
        if not words:
            return []
        hits: list[tuple[int, int, Node, str]] = []
        for order, node in enumerate(self.walk()):
            fields = [("teks", node.name)]
            fields += [(f"kriteria {k}", v) for k, v in node.criteria.items()]
            if node.explanation:
                fields.append(("penjelasan", node.explanation))
            fields += [(f"data dukung {c.key}", c.description) for c in node.checklist]
            haystack = fold(" ".join(v for _, v in fields))
            if all(w in haystack for w in words):
                where = next((f for f, v in fields if words[0] in fold(v)), "teks")
                rank = 0 if where == "teks" else 1
                hits.append((rank, order, node, where))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [(node, where) for _, _, node, where in hits]
