"""Round-trip YAML editing (ruamel.yaml's only home): change one value of a hand-written file
and keep its comments, key order and formatting everywhere else.

Reading for validation stays in :mod:`zi_docs.yamlio` (which keeps line numbers); this module
is only for writing back a file that people also edit by hand.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from zi_docs.errors import BusyError, InvalidInputError
from zi_docs.findings import Finding

LOCK_WAIT_SECONDS = 10.0


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_roundtrip(path: Path, display: str) -> Any:
    """The file's data as ruamel's comment-keeping structures (``{}`` for a missing file), the
    caller's own to change: a copy of :func:`read_roundtrip`'s (copying takes a few
    milliseconds where parsing again takes tens)."""
    return copy.deepcopy(read_roundtrip(path, display))


READ_KEPT = 8
"""Texts whose parse :func:`read_roundtrip` keeps (one answers file per served unit, say)."""


def read_roundtrip(path: Path, display: str) -> Any:
    """What :func:`load_roundtrip` gives, for reading only: the parse is shared by every read
    of the same text (ruamel parses a few hundred lines in a tenth of a second, and a page
    reads the same answers file again and again). Being keyed by the text itself, it can never
    be stale; callers must not change what it returns."""
    return _kept_parse(_text(path), display)


@lru_cache(maxsize=READ_KEPT)
def _kept_parse(text: str, display: str) -> Any:
    return _parse(text, display)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ""


def _parse(text: str, display: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        data = _yaml().load(text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInputError(
            f"{display} tidak dapat dibaca sebagai YAML",
            [
                Finding(
                    f"penulisan YAML salah: {getattr(err, 'problem', err)}", file=display, line=line
                )
            ],
            hint="perbaiki baris itu dengan penyunting teks, lalu coba lagi",
        ) from None
    if data is None:
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
    return data


def to_roundtrip(value: Any) -> Any:
    """Plain dicts and lists as ruamel structures (flow style for short mappings)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = to_roundtrip(item)
        if all(not isinstance(v, (dict, list)) for v in value.values()) and len(value) <= 3:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(to_roundtrip(v) for v in value)
        return seq
    return value


def replace_value(mapping: Any, key: str, value: Any) -> None:
    """Set ``mapping[key]`` to ``value``, editing an existing mapping in place so that its
    style (block or flow) and its comments stay."""
    from ruamel.yaml.comments import CommentedMap

    old = mapping.get(key)
    if isinstance(old, CommentedMap) and isinstance(value, dict):
        for gone in [k for k in old if k not in value]:
            del old[gone]
        for sub, item in value.items():
            if isinstance(old.get(sub), CommentedMap) and isinstance(item, dict):
                replace_value(old, sub, item)
            else:
                old[sub] = to_roundtrip(item)
        return
    mapping[key] = to_roundtrip(value)


def dump_roundtrip(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step (temporary file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def editing(path: Path) -> Iterator[None]:
    """Hold the file's edit lock (``.NAME.lock`` beside it) for one read-modify-write."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(path.with_name(f".{path.name}.lock")), timeout=LOCK_WAIT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise BusyError(
            f"{path.name} sedang diubah oleh orang atau proses lain",
            hint="tunggu sebentar lalu simpan lagi",
        ) from None
    try:
        # only the lock holder writes, so a temporary file left here was left by a writer that
        # was killed between writing and renaming: it never replaced the file, and can go
        for stale in path.parent.glob(f".{path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        yield
    finally:
        lock.release()
