"""A rule-based Indonesian stemmer written for zi-docs (confix stripping without a dictionary).

In the spirit of Tala (2003) and Nazief–Adriani, but our own rules: strip particles (-lah, -kah,
-tah, -pun) and possessives (-ku, -mu, -nya), then a derivational suffix allowed by the outer
prefix (``peN-…-an`` but never ``peN-…-kan``; ``meN-…-kan``/``-i`` but never ``meN-…-an``), then
up to three prefixes, undoing the nasal assimilation of meN-/peN- (``menyusun`` → susun,
``memukul`` → pukul, ``menulis`` → tulis, ``mengawasi`` → awas).

Where the rules allow several readings (``memanfaatkan``: p-anfaat or m-anfaat?) the small
hand-written root list in ``zi_docs/data/akar-kata-id.txt`` picks one; without a match the
default reading wins. What matters for search is that index and query are stemmed by the same
function, so every inflected form of a word meets at one stem even when that stem is not the
dictionary root. The result is a fixpoint: ``stem(stem(w)) == stem(w)``, never empty, never
longer than the (lower-cased) input.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from zi_docs.resources import ROOT_WORDS, resource

STEMMER_VERSION = 1
"""Bump when the rules change: the search index is rebuilt when its stamp differs."""

ROOTS_FILE = resource(ROOT_WORDS)

_VOWELS = frozenset("aiueo")
_SYLLABLE = re.compile(r"ai|au|oi|[aiueo]")
_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES: dict[str | None, tuple[str, ...]] = {
    "me": ("kan", "i"),
    "di": ("kan", "i"),
    "ter": ("kan", "i"),
    "ber": ("kan", "an"),
    "pe": ("an",),
    "ke": ("an",),
    None: ("an", "kan"),
}
_MAX_PREFIXES = 3


def load_words(path: Path) -> frozenset[str]:
    """Words of a data list: whitespace-separated, ``#`` starts a comment line."""
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            words.update(w.lower() for w in line.split())
    return frozenset(words)


ROOTS = load_words(ROOTS_FILE)


def syllables(word: str) -> int:
    """Vowel nuclei, counting the diphthongs ai/au/oi once."""
    return len(_SYLLABLE.findall(word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word (lower-cased). Non-alphabetic tokens are returned lower-cased."""
    current = word.lower()
    if len(current) < 4 or not current.isalpha():
        return current
    while True:
        following = _stem_once(current)
        if following == current:
            return current
        current = following


def _stem_once(word: str) -> str:
    if len(word) < 4 or word in ROOTS:
        return word
    # Most affixes removed first, then most prefixes; the sort is stable, so rule order breaks ties.
    analyses = sorted(_analyses(word), key=lambda a: (-a[0], -a[1]))
    for _, _, candidate in analyses:
        if candidate in ROOTS:
            return candidate
    for count, _, candidate in analyses:
        if count and _valid(candidate):
            return _drop_final_i(candidate)
    return _drop_final_i(word)


def _valid(candidate: str) -> bool:
    return candidate in ROOTS or (len(candidate) >= 3 and syllables(candidate) >= 2)


def _drop_final_i(word: str) -> str:
    """Unknown stems lose a final -i (not -ai), so ``beli``/``membeli``/``pembelian`` meet."""
    if word in ROOTS or not word.endswith("i") or word.endswith("ai") or len(word) < 4:
        return word
    return word[:-1]


def _inflections(word: str) -> list[tuple[str, int]]:
    """The word, then the word without a particle and/or a possessive pronoun."""
    forms = [(word, 0)]
    bases = [(word, 0)]
    for particle in _PARTICLES:
        if word.endswith(particle) and _valid(word[: -len(particle)]):
            bases.append((word[: -len(particle)], 1))
            forms.append(bases[-1])
            break
    for base, count in bases:
        for possessive in _POSSESSIVES:
            if base.endswith(possessive) and _valid(base[: -len(possessive)]):
                forms.append((base[: -len(possessive)], count + 1))
                break
    return forms


def _analyses(word: str) -> list[tuple[int, int, str]]:
    """Every (affixes removed, prefixes removed, stem) reading of ``word``, in rule order."""
    found: list[tuple[int, int, str]] = []
    for base, count in _inflections(word):
        outer = _prefix_kind(base)
        for suffix in (*_SUFFIXES[outer], ""):
            if suffix:
                body = base[: -len(suffix)]
                if not base.endswith(suffix) or len(body) < 3:
                    continue
                if suffix == "i" and body.endswith("a"):
                    continue  # nilai, pakai, selesai: the -i belongs to the root
            else:
                body = base
            allow_ke = suffix == "an"
            removed = count + (1 if suffix else 0)
            for candidate, prefixes in _strip_prefixes(body, _MAX_PREFIXES, allow_ke, True):
                found.append((removed + prefixes, prefixes, candidate))
    return found


def _prefix_kind(word: str) -> str | None:
    for start, kind in (
        ("me", "me"),
        ("di", "di"),
        ("pe", "pe"),
        ("ber", "ber"),
        ("be", "ber"),
        ("ter", "ter"),
        ("te", "ter"),
        ("ke", "ke"),
    ):
        if word.startswith(start):
            return kind
    return None


def _strip_prefixes(word: str, depth: int, allow_ke: bool, outer: bool) -> list[tuple[str, int]]:
    """Readings of ``word`` with 0..depth prefixes removed, most-removed first."""
    readings: list[tuple[str, int]] = []
    if depth and word not in ROOTS:
        for rest in _prefix_options(word, allow_ke and outer, outer):
            if _valid(rest):
                for deeper, count in _strip_prefixes(rest, depth - 1, False, False):
                    readings.append((deeper, count + 1))
    readings.append((word, 0))
    return readings


def _prefix_options(w: str, allow_ke: bool, outer: bool) -> list[str]:
    """Possible remainders after removing the first prefix of ``w``, preferred first."""
    if w.startswith(("meng", "peng")):
        rest = w[4:]
        if rest[:1] in _VOWELS:
            return [rest, "k" + rest] + ([rest[1:]] if rest.startswith("e") else [])
        return [rest] if rest[:1] in ("g", "h", "k") else []
    if w.startswith(("meny", "peny")):
        rest = w[4:]
        return ["s" + rest, "ny" + rest] if rest[:1] in _VOWELS else []
    if w.startswith(("men", "pen")):
        rest = w[3:]
        if rest[:1] in _VOWELS:
            return ["t" + rest, "n" + rest]
        # "mensosialisasikan" is non-standard but common in official letters
        return [rest] if rest[:1] in ("c", "d", "j", "s", "t", "z") else []
    if w.startswith(("mem", "pem")):
        rest = w[3:]
        if rest[:1] in _VOWELS:
            return ["p" + rest, "m" + rest]
        return [rest] if rest[:1] in ("b", "f", "p", "v") else []
    if w.startswith("me"):
        return [w[2:]] if w[2:3] in ("l", "r", "w", "y") else []
    if w.startswith("per"):
        rest = w[3:]
        return [rest, "r" + rest] if rest[:1] in _VOWELS else [rest]
    if w.startswith("pe"):
        options = [w[2:]] if w[2:3] not in _VOWELS else []
        if w.startswith("pel") and w[3:4] in _VOWELS:
            options.append(w[3:])  # pelajar -> ajar
        return options
    if w.startswith(("ber", "ter")):
        rest = w[3:]
        return [rest, "r" + rest] if rest[:1] in _VOWELS else [rest]
    if w.startswith(("be", "te")):
        if w[2:3] not in _VOWELS and w[3:5] == "er":
            return [w[2:]]  # bekerja, tepercaya
        return [w[3:]] if w.startswith("belajar") else []
    if w.startswith("di") and outer:
        return [w[2:]]
    if w.startswith("ke") and allow_ke:
        return [w[2:]]
    return []
