"""Portable payload names: safe on Windows, NTFS, macOS and Linux, and never colliding.

Rules applied to every path component:

- Unicode NFC (macOS hands out NFD names; the archive stores NFC; Windows compares code points).
- Characters Windows rejects are replaced: ``/ \\ | :`` become ``-``, ``< > " ? *`` and
  control characters (U+0000-U+001F, U+007F) are dropped; runs of spaces collapse.
- No trailing dots or spaces (Windows strips them silently), no leading spaces.
- Reserved device names (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9, also with an extension
  such as ``nul.txt``) get a leading ``_``.
- Path length: Windows' classic MAX_PATH is 260 characters including the drive and the
  terminating NUL, so 259 usable. We reserve ``ROOT_ALLOWANCE`` = 80 characters for the folder
  the evaluator unpacks the bag into (``C:\\Users\\<nama>\\Downloads\\<bundel>\\`` fits easily),
  which leaves ``MAX_RELATIVE`` = 179 characters for a path inside the bag, ``data/`` included.
  Folder names are capped at ``MAX_FOLDER`` characters; a file name's title part is shortened
  (never its indicator-id prefix or extension) to fit.
- Collisions are judged case-insensitively (Windows and macOS file systems are): the second
  ``X.pdf`` in a folder becomes ``X (2).pdf``, then ``X (3).pdf``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

WINDOWS_MAX_PATH = 259
ROOT_ALLOWANCE = 80
MAX_RELATIVE = WINDOWS_MAX_PATH - ROOT_ALLOWANCE
MAX_FOLDER = 60
MIN_TITLE = 8

_REPLACE = str.maketrans({"/": "-", "\\": "-", "|": "-", ":": "-"})
_DROP = re.compile(r'[<>"?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_ESCAPE_LIKE = re.compile(r"%(?=0[adAD])")
"""``%0A``/``%0D`` in a name would be decoded as a line break by BagIt manifest readers."""
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}


def clean_component(text: str, fallback: str = "berkas") -> str:
    """One path component made portable (no length limit applied)."""
    text = unicodedata.normalize("NFC", text).translate(_REPLACE)
    text = _ESCAPE_LIKE.sub("%-", _DROP.sub("", _SPACES.sub(" ", text)))
    text = _SPACES.sub(" ", text).strip().rstrip(". ")
    if not text:
        text = fallback
    stem = text.split(".", 1)[0].strip().upper()
    if stem in _RESERVED:
        text = "_" + text
    return text


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary when possible, no trailing
    dots or spaces."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(". -") or text[:limit]


@functools.lru_cache(maxsize=4096)
def folder_name(text: str) -> str:
    """A folder of the LKE tree, portable and capped (cached: every file of an indicator sits
    in the same few folders, and cleaning them again for each of 20,000 files doubles the
    planning time)."""
    return shorten(clean_component(text, "folder"), MAX_FOLDER)


def clean_extension(extension: str) -> str:
    """``.PDF`` -> ``.pdf``; anything unusable -> ``""``."""
    ext = clean_component(extension.lstrip("."), "").lower()
    return f".{ext}" if ext and len(ext) <= 10 and "." not in ext and " " not in ext else ""


class NameAllocator:
    """Hands out unique, portable relative paths within one bag."""

    def __init__(self, max_relative: int = MAX_RELATIVE) -> None:
        self.max_relative = max_relative
        self._taken: set[str] = set()

    def file_path(self, folders: list[str], prefix: str, title: str, extension: str) -> str:
        """``folders/prefix title.ext``, portable, unique, within the length budget."""
        directory = "/".join(folder_name(f) for f in folders)
        ext = clean_extension(extension)
        prefix = clean_component(prefix, "")
        title = clean_component(title)
        if title.lower().endswith(ext) and ext:
            title = title[: -len(ext)].rstrip(". ") or "berkas"
        budget = self.max_relative - len(directory) - 1 - len(ext)
        head = f"{prefix} " if prefix else ""
        for number in range(1, 100_000):
            suffix = "" if number == 1 else f" ({number})"
            room = max(budget - len(head) - len(suffix), MIN_TITLE)
            name = clean_component(head + shorten(title, room) + suffix + ext)
            path = f"{directory}/{name}" if directory else name
            key = path.casefold()
            if key not in self._taken:
                self._taken.add(key)
                return path
        raise RuntimeError("too many files with the same name")  # pragma: no cover

    def reserve(self, path: str) -> None:
        self._taken.add(path.casefold())
