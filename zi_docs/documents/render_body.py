"""Writing a rendered document body into its zip entry piece by piece, so the memory of a
2,000-page Pakta Integritas stays flat in the number of pages.

The body's text arrives from Jinja in small chunks. It is cut after a paragraph's end
(``</w:p>``): every post-processing step docxtpl applies to the whole text (the newline before
a paragraph, the escaped braces, tabs and line breaks inside runs) works inside one
paragraph, so cutting there gives the same result. Each piece is checked as XML by an
incremental parser that builds no tree, and drawings (``wp:docPr``) are numbered in document
order from 1001, as docxtpl's own renumbering does on a tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import IO, Any

PIECE_CHARS = 256_000
"""About how much rendered text is held before it is processed and written."""

_PARAGRAPH_END = "</w:p>"
_NEWLINE_BEFORE_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_DRAWING_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")\d+(")')


def _fix(piece: str, resolve_listing: Callable[[str], str]) -> str:
    piece = _NEWLINE_BEFORE_PARAGRAPH.sub(r"<w:p\1", piece)
    piece = (
        piece.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    )
    return resolve_listing(piece)


def write_body(
    chunks: Iterable[str],
    resolve_listing: Callable[[str], str],
    parser: Any,
    sink: IO[bytes],
    first_id: int = 1000,
) -> None:
    """Post-process ``chunks`` (the rendered body) and write them to ``sink`` as UTF-8;
    ``parser`` (an lxml parser with a target that builds nothing) is fed every byte and
    closed at the end, raising the engine's syntax error if the whole is not XML."""
    drawing = first_id

    def number(match: re.Match[str]) -> str:
        nonlocal drawing
        drawing += 1
        return f"{match.group(1)}{drawing}{match.group(2)}"

    def emit(piece: str) -> None:
        text = _fix(piece, resolve_listing)
        if "docPr" in text:
            text = _DRAWING_ID.sub(number, text)
        data = text.encode("utf-8")
        parser.feed(data)
        sink.write(data)

    held: list[str] = []
    size, limit = 0, PIECE_CHARS
    for chunk in chunks:
        held.append(chunk)
        size += len(chunk)
        if size < limit:
            continue
        text = "".join(held)
        cut = text.rfind(_PARAGRAPH_END)
        if cut < 0:  # one long paragraph: wait for its end, without re-joining every chunk
            held, size, limit = [text], len(text), 2 * size
            continue
        cut += len(_PARAGRAPH_END)
        emit(text[:cut])
        rest = text[cut:]
        held, size, limit = [rest], len(rest), PIECE_CHARS
    emit("".join(held))
    parser.close()
