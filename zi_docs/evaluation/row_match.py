"""Sheet rows -> catalogue ids, by position in the hierarchy first and by text second.

A row's marker (``A.``, ``I.``, ``1.``, ``i.``, ``a.``, ``a``, ``-``) is read from its own
cell in the hierarchy columns or from the start of its text. Markers move a cursor through
the catalogue tree (komponen, bagian, area, sub-komponen, question); the row's text then
confirms the node. When the position gives nothing, or gives a node whose text is clearly
another, the row is matched by text alone and says so. Rows under a percentage item whose
text names one of its counts are count rows. Nothing is guessed silently: every row records
how it was matched.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from zi_docs.catalogue import Catalogue, Node, fold
from zi_docs.evaluation.sheet_layout import Layout

_MARKER = r"([A-Z]|[IVX]{1,4}|\d{1,2}|[ivx]{1,4}|[a-z]|-)"
_MARKER_CELL = re.compile(rf"^\(?{_MARKER}[.)]?$")
_MARKER_PREFIX = re.compile(rf"^\(?{_MARKER}(?:[.)]\s*|\s+)(.+)$")
_TOTAL_WORDS = ("total", "nilai total", "jumlah nilai", "nilai lke", "total nilai", "jumlah")
_PUNCTUATION = re.compile(r"[^\w%/]+")
TEXT_OK = 0.55
"""Similarity above which the sheet's text confirms the node its position gives."""
TEXT_ONLY = 0.8
"""Similarity needed to match a row by text alone."""


@dataclass(frozen=True)
class SheetRow:
    """One data row of the sheet and what it was matched to."""

    row: int
    marker: str
    text: str
    node: Node | None
    how: str
    """``posisi`` (position, text agrees), ``posisi-teks-beda`` (position, text differs),
    ``teks`` (text only), ``isian`` (a count row), ``total``, or ``tidak-cocok``."""
    count_key: str | None = None
    """For a count row: the count's key; ``node`` is its percentage item."""
    hidden: bool = False
    similarity: float = 1.0


def _clean(text: str) -> str:
    folded = text.casefold() if text.isascii() else fold(text)
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two texts (case, accents, punctuation and spacing ignored)."""
    return _likeness(_clean(a), _clean(b))


def _likeness(x: str, y: str) -> float:
    """:func:`similarity` of two already cleaned texts."""
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) >= 12 and shorter in longer:
        return 0.9
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < TEXT_OK or matcher.quick_ratio() < TEXT_OK:
        return matcher.quick_ratio() * 0.5
    return matcher.ratio()


class _Texts:
    """Cleaned texts of one matching run (catalogue names are cleaned once, not per row)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def like(self, text: str, other: str) -> float:
        return _likeness(self.clean(text), self.clean(other))

    def clean(self, text: str) -> str:
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = _clean(text)
        return found


def split_marker(layout: Layout, row: int) -> tuple[str, str]:
    """(marker, text) of a row's hierarchy cells."""
    marker = ""
    texts: list[str] = []
    for column in layout.hierarchy:
        value = layout.grid.value(row, column)
        if value is None:
            continue
        text = " ".join(str(value).split())
        if not text:
            continue
        found = _MARKER_CELL.match(text)
        if found and not texts:
            marker = found.group(1)  # the last marker before the text (A | I | 1 | i | a)
        else:
            texts.append(text)
    text = " ".join(texts)
    if not marker:
        prefixed = _MARKER_PREFIX.match(text)
        if prefixed:
            marker, text = prefixed.group(1), prefixed.group(2)
    return marker, text


class _Cursor:
    """Where in the catalogue tree the rows above have taken us."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.komponen: Node | None = None
        self.bagian: Node | None = None
        self.area: Node | None = None
        self.sub: Node | None = None
        self.question: Node | None = None
        self.used: set[str] = set()

    def place(self, node: Node) -> None:
        level = node.level
        if level == "komponen":
            self.komponen, self.bagian, self.area, self.sub = node, None, None, None
        elif level == "bagian":
            self.bagian, self.area, self.sub = node, None, None
        elif level == "area":
            self.area, self.sub = node, None
        elif level == "sub":
            self.sub = node
        self.question = node if node.is_question else None
        if not node.is_question:
            for ancestor in self.catalogue.ancestors(node):
                if ancestor.level == "komponen":
                    self.komponen = ancestor
                elif ancestor.level == "bagian":
                    self.bagian = ancestor
                elif ancestor.level == "area":
                    self.area = ancestor
        self.used.add(node.id)

    def by_marker(self, marker: str) -> list[Node]:
        """The nodes the marker may name here, most likely first."""
        if not marker:
            # a question printed without a letter: the next unlettered one of this sub
            unlettered = self._next_unlettered()
            return _some(unlettered) if unlettered and _label(unlettered) == "-" else []
        if marker == "-":
            return _some(self._next_unlettered())
        if re.fullmatch(r"[A-Z]", marker) and any(r.number == marker for r in self.catalogue.roots):
            return [r for r in self.catalogue.roots if r.number == marker]
        if re.fullmatch(r"[IVX]+", marker):
            return _some(_child(self.komponen, marker))
        if marker.isdigit():
            return _some(_child(self.bagian or self.komponen, marker))
        found: list[Node] = []
        if re.fullmatch(r"[ivx]+", marker):
            # i, ii, v...: a sub-komponen, or a question letter continuing the list (or
            # the printed label of a single question, LHKPN "i")
            sub = _child(self.area, marker)
            passed = sub is not None and sub.id in self.used
            if self._next_letter(marker) or passed or sub is None:
                found.extend(_some(self._question(marker)))
            found.extend(_some(sub))
        elif re.fullmatch(r"[a-z]", marker):
            found.extend(_some(self._question(marker)))
        return list(dict.fromkeys(found))

    def _next_letter(self, marker: str) -> bool:
        """A roman-looking marker (``i``, ``v``) that continues the current question list."""
        if self.sub is None or self.question is None or len(marker) != 1:
            return False
        label = _label(self.question)
        return len(label) == 1 and ord(marker) == ord(label) + 1

    def _question(self, letter: str) -> Node | None:
        parent = self.sub
        if parent is None:
            return None
        for child in parent.children:
            if child.is_question and _label(child) == letter and child.id not in self.used:
                return child
        return next((c for c in parent.children if c.is_question and c.number == letter), None)

    def _next_unlettered(self) -> Node | None:
        if self.sub is None:
            return None
        for child in self.sub.children:
            if child.is_question and child.id not in self.used:
                return child
        return None


def _some(node: Node | None) -> list[Node]:
    return [node] if node is not None else []


def _label(node: Node) -> str:
    return node.official_label if node.official_label is not None else node.number


def _child(parent: Node | None, number: str) -> Node | None:
    if parent is None:
        return None
    return next((c for c in parent.children if c.number == number), None)


def _is_total(text: str) -> bool:
    return _clean(text) in _TOTAL_WORDS or _clean(text).startswith("total nilai")


def match_rows(layout: Layout, catalogue: Catalogue) -> Iterator[SheetRow]:
    """Every non-empty row below the header, matched."""
    cursor = _Cursor(catalogue)
    texts = _Texts()
    grid = layout.grid
    questions = catalogue.questions()
    others = [n for n in catalogue.walk() if not n.is_question]
    percent_item: Node | None = None
    for row in range(layout.header_row + 1, grid.max_row + 1):
        marker, text = split_marker(layout, row)
        hidden = row in grid.hidden_rows
        if not marker and not text:
            continue
        if percent_item is not None and marker in ("", "-"):
            key = _count_key(texts, percent_item, text)
            if key is not None:
                yield SheetRow(row, marker, text, percent_item, "isian", key, hidden)
                continue
        if not marker and _is_total(text):
            yield SheetRow(row, marker, text, None, "total", hidden=hidden)
            continue
        candidates = cursor.by_marker(marker)
        if not marker and candidates and texts.like(text, candidates[0].name) < TEXT_OK:
            candidates = []  # no letter and another text: not this position
        node = candidates[0] if candidates else None
        how = "posisi"
        score = 1.0
        if node is not None and text:
            scored = sorted(
                ((texts.like(text, c.name), i, c) for i, c in enumerate(candidates)),
                key=lambda t: (-t[0], t[1]),
            )
            score, _, node = scored[0]
            if score < TEXT_OK:
                pool = questions if node.is_question else others
                better, better_score = _best(texts, text, pool, cursor.used)
                if better is not None and better_score >= TEXT_ONLY:
                    node, how, score = better, "teks", better_score
                else:
                    how = "posisi-teks-beda"
        elif node is None and text:
            pool = _nearby(cursor, questions) + questions + others
            node, score = _best(texts, text, pool, cursor.used)
            how = "teks"
            if node is None or score < TEXT_ONLY:
                yield SheetRow(
                    row, marker, text, None, "tidak-cocok", hidden=hidden, similarity=score
                )
                continue
        if node is None:
            yield SheetRow(row, marker, text, None, "tidak-cocok", hidden=hidden, similarity=0.0)
            continue
        cursor.place(node)
        percent_item = node if node.answer_type == "PERSEN" else None
        yield SheetRow(row, marker, text, node, how, hidden=hidden, similarity=score)


def _nearby(cursor: _Cursor, questions: list[Node]) -> list[Node]:
    if cursor.area is None:
        return []
    return [q for q in questions if q.id.startswith(cursor.area.id + ".")]


def _best(texts: _Texts, text: str, pool: list[Node], used: set[str]) -> tuple[Node | None, float]:
    best: Node | None = None
    best_score = 0.0
    for node in pool:
        if node.id in used:
            continue
        score = texts.like(text, node.name)
        if score > best_score:
            best, best_score = node, score
            if score >= 0.999:
                break
    return best, best_score


def _count_key(texts: _Texts, item: Node, text: str) -> str | None:
    cleaned = texts.clean(text)
    for count in item.inputs:  # the usual case: the label as the catalogue prints it
        if cleaned in (texts.clean(count.label), texts.clean(count.key.replace("_", " "))):
            return count.key
    best_key, best_score = None, 0.0
    for count in item.inputs:
        score = max(texts.like(text, count.label), texts.like(text, count.key.replace("_", " ")))
        if score > best_score:
            best_key, best_score = count.key, score
    return best_key if best_score >= TEXT_OK else None
