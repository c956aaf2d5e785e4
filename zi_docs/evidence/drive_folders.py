"""Reading an evidence folder tree laid out like the LKE (the Google Drive folders units keep):
the tags of each file from its path.

Understood path shapes (case-insensitive, any depth)::

    AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM.pdf        Pemenuhan by default
    II. REFORM/AREA II/ii. .../2.ii.a Laporan.pdf            a REFORM branch
    P.MP.i.a/undangan.pdf,  A.II.1.i.a/foto.jpg,  PPA1A/... folders named by our ids/aliases
    Manajemen Perubahan/Penyusunan Tim Kerja/a. SK.pdf      area and sub by name

The checklist item is taken from the file name when it names one (``SK TIM`` -> ``sk-tim``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from zi_docs.catalogue import Catalogue, Node, fold
from zi_docs.refs import IndicatorRef

_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_ROMAN_BY_NUMBER = {v: k for k, v in _ROMAN.items()}
_AREA = re.compile(r"^area\s*[-_.]?\s*([ivx]+|\d+)\b")
_FULL = re.compile(r"^(\d+)\s*\.\s*([ivx]+)\s*\.\s*([a-z])(?![a-z])")
_AREA_SUB = re.compile(r"^(\d+)\s*\.\s*([ivx]+)(?![a-z])")
_SUB = re.compile(r"^([ivx]+)(?:\s*[.)]|\s|$)")
_LETTER = re.compile(r"^([a-z])(?:\s*[.)]|$)")
_NUMBERED = re.compile(r"^(\d+)\s*[.)]\s*")
_TOKEN = re.compile(r"^[\w.]+")


@dataclass(frozen=True)
class _Place:
    part: str | None = None
    area: int | None = None
    sub: int | None = None
    letter: str | None = None
    node: Node | None = None
    """A node named directly by an id or alias."""


@dataclass(frozen=True)
class Placement:
    """Where one file of the tree goes."""

    path: Path
    relative: str
    tags: tuple[IndicatorRef, ...]
    reason: str | None = None
    """Why the file could not be placed (then ``tags`` is empty)."""


def place(relative: PurePath, catalogue: Catalogue) -> tuple[tuple[IndicatorRef, ...], str | None]:
    """Tags for a file at ``relative`` inside the tree, or a reason why there are none.

    Windows paths read the same as POSIX ones: a drive or root (``D:\\``) is skipped, and a
    backslash inside a name (a zip made on Windows, unpacked elsewhere) separates folders."""
    state = _Place()
    parts = [p for part in relative.parts[1 if relative.anchor else 0 :] for p in part.split("\\")]
    segments = [*parts[:-1], PurePath(parts[-1]).stem] if parts else []
    for segment in segments:
        state = _read_segment(fold(segment).strip(), state, catalogue)
    node = _node_for(state, catalogue)
    if node is None:
        return (), _why(state)
    if not node.is_question:
        questions = node.questions()
        if len(questions) != 1:
            return (), (
                f"hanya sampai {node.level} {node.id} ({node.name}); awali nama "
                "berkas dengan nomor butir, mis. '1.i.a ...'"
            )
        node = questions[0]
    return (IndicatorRef(node.id, _item_from_name(segments[-1], node)),), None


def _read_segment(text: str, state: _Place, catalogue: Catalogue) -> _Place:
    if "reform" in text:
        return replace(state, part="reform", area=None, sub=None, letter=None, node=None)
    if "pemenuhan" in text:
        return replace(state, part="pemenuhan", area=None, sub=None, letter=None, node=None)
    token = _TOKEN.match(text)
    name = token.group(0).rstrip(".") if token else ""
    if len(name) >= 3 and any(c.isalpha() for c in name):
        node = catalogue.by_id.get(catalogue.aliases.get(name, ""))
        if (
            node is not None
            and node.level in ("sub", "pertanyaan")
            and (not _looks_numbered(name) or state.part is None)
        ):
            return _state_of(node)
    if match := _AREA.match(text):
        return replace(state, area=_number(match.group(1)), sub=None, letter=None, node=None)
    if match := _FULL.match(text):
        return replace(
            state,
            area=int(match.group(1)),
            sub=_ROMAN[match.group(2)],
            letter=match.group(3),
            node=None,
        )
    if match := _AREA_SUB.match(text):
        return replace(
            state, area=int(match.group(1)), sub=_ROMAN[match.group(2)], letter=None, node=None
        )
    if state.area is not None and state.sub is None and (match := _SUB.match(text)):
        return replace(state, sub=_ROMAN[match.group(1)], node=None)
    if state.sub is not None and (match := _LETTER.match(text)):
        return replace(state, letter=match.group(1), node=None)
    return _by_name(_NUMBERED.sub("", text), state, catalogue)


def _state_of(node: Node) -> _Place:
    """The structural place of a node named by id, so deeper folders can refine it."""
    parts = node.id.split(".")
    if len(parts) >= 4 and parts[0] == "A" and parts[1] in ("I", "II") and parts[2].isdigit():
        return _Place(
            part="reform" if parts[1] == "II" else "pemenuhan",
            area=int(parts[2]),
            sub=_ROMAN.get(parts[3]),
            letter=parts[4] if len(parts) > 4 else None,
        )
    return _Place(node=node)


def _looks_numbered(token: str) -> bool:
    """``1.i.a`` is relative to the part (Pemenuhan or Reform), unlike ``P.MP.i.a``."""
    return token[:1].isdigit()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _ROMAN.get(text, 0)


def _by_name(text: str, state: _Place, catalogue: Catalogue) -> _Place:
    """An area or sub-komponen named by its name (``Manajemen Perubahan``)."""
    if not text:
        return state
    for node in _bagian(state, catalogue).children:
        if fold(node.name) == text:
            return replace(state, area=int(node.number), sub=None, letter=None, node=None)
        if state.area is not None and node.number == str(state.area):
            for sub in node.children:
                if fold(sub.name) == text:
                    return replace(state, sub=_ROMAN.get(sub.number), letter=None, node=None)
    return state


def _bagian(state: _Place, catalogue: Catalogue) -> Node:
    return catalogue.by_id["A.II" if state.part == "reform" else "A.I"]


def _node_for(state: _Place, catalogue: Catalogue) -> Node | None:
    if state.node is not None:
        return state.node
    if state.area is None or state.sub is None:
        return None
    base = _bagian(state, catalogue).id
    node_id = f"{base}.{state.area}.{_ROMAN_BY_NUMBER.get(state.sub, '?')}"
    if state.letter:
        node_id += f".{state.letter}"
    return catalogue.by_id.get(node_id)


def _why(state: _Place) -> str:
    if state.area is None:
        return "jalurnya tidak menyebut area (mis. 'AREA I') atau nomor butir (mis. '1.i.a')"
    if state.sub is None:
        return (
            "jalurnya tidak menyebut sub-komponen (mis. 'i. Penyusunan Tim Kerja') atau "
            "nomor butir (mis. '1.i.a')"
        )
    return "nomor butir di jalurnya tidak ada dalam katalog LKE"


def _item_from_name(stem: str, node: Node) -> str | None:
    """The checklist item whose key words all appear in the file name (longest wins)."""
    words = set(re.split(r"[^a-z0-9]+", fold(stem)))
    best: str | None = None
    for item in node.checklist:
        parts = item.key.split("-")
        if all(p in words for p in parts) and (best is None or len(item.key) > len(best)):
            best = item.key
    return best


def plan(folder: Path, files: list[Path], catalogue: Catalogue) -> list[Placement]:
    """Placement of every file found under ``folder``."""
    placements = []
    for path in files:
        relative = PurePath(path.relative_to(folder))
        tags, reason = place(relative, catalogue)
        placements.append(Placement(path, relative.as_posix(), tags, reason))
    return placements
