"""What the pages read from a workspace, computed once per change of the workspace.

Beranda, the LKE tree and every indicator page show the same check (``run_check``) of the
same files; the indicator page also reads its answer and the archive listing. Each such
value is kept per workspace together with a *stamp* of the files it was made from: name,
size, modification time and inode of every file in the workspace (the archive's stored
objects are named by their content and never rewritten, so their fan-out folders stand for
them). Any write, by the web app, the CLI or an editor, changes the stamp and the next page
computes again. One page computes a value while the others wait for it instead of all
computing at once. A value is also dropped after :data:`MAX_AGE_S` and at midnight (the days
left to the deadline change). A file written in the last :data:`RACY_S` seconds may be
written again within the same clock tick without its stamp changing, so a value computed
then is kept with the SHA-256 of each such file (of its names, for an archive object folder),
read before computing, and is used again only while those digests still match (the page
right after a save is made once, not once per page); when such files hold more than
:data:`RACY_DIGEST_BYTES` the value is not kept. (It could be stale only if such a file went
back to its exact former bytes, size and inode within one clock tick while the value was
being made.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from zi_docs.assessment import AnswerEntry, read_answer
from zi_docs.documents import TemplateEntry, TemplateReport, check_templates, list_templates
from zi_docs.evidence import (
    NO_FILTERS,
    Listing,
    SearchFilters,
    SearchResult,
    SearchSession,
    list_files,
)
from zi_docs.submission import CheckResult, run_check
from zi_docs.web.server import THREADS
from zi_docs.workspace import Workspace

T = TypeVar("T")

MAX_AGE_S = 300.0
"""Even with an unchanged stamp, check again after this long (a safety net only)."""
RACY_S = 2.0
RACY_DIGEST_BYTES = 8 << 20
"""Bytes of recently written files read to tell their content; beyond, a value is not kept."""
SKIPPED_DIRS = frozenset({".zi-web", "__pycache__"})
"""The web app's own state (sessions, uploads in progress) is not an input of the check."""
SKIPPED_SUFFIXES = (".lock", "-shm")
"""Lock files and SQLite's shared-memory file change without the data changing."""
EMPTY_SKIPPED = ("-wal",)
"""SQLite makes an empty write-ahead log whenever a reader opens the archive's database and
removes it when the last one closes; only a log with content (a write) is a change."""
OBJECTS = ("archive", "objects")

Stamp = tuple[tuple[str, int, int, int], ...]
Digests = tuple[tuple[str, bytes], ...]
"""Path -> SHA-256 of each file (names of each object folder) written within the racy window."""


MAX_KEPT = 400
"""Values kept per workspace (the check, answers of visited indicators, listings)."""


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
    digests: Digests
    """Of the files that were racy when the value was made; ``()`` once they are settled."""
    day: dt.date
    made: float
    value: Any


_Slot = tuple[Path | tuple[Path, ...], Hashable]
_entries: dict[_Slot, _Entry] = {}
_locks: dict[_Slot, threading.Lock] = {}
_guard = threading.Lock()


def stamp(root: Path) -> Stamp:
    """What identifies the state of every file under ``root`` the check may read."""
    found: list[tuple[str, int, int, int]] = []
    objects = os.path.join(root, *OBJECTS)
    pending = [os.fspath(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        in_objects = folder == objects
        for entry in entries:
            name = entry.name
            if name.endswith(SKIPPED_SUFFIXES):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            is_dir = stat.S_ISDIR(info.st_mode)
            if is_dir:
                if name in SKIPPED_DIRS:
                    continue
                if in_objects:
                    found.append((entry.path, 0, info.st_mtime_ns, info.st_ino))
                    continue
                pending.append(entry.path)
            elif not (info.st_size == 0 and name.endswith(EMPTY_SKIPPED)):
                found.append((entry.path, info.st_size, info.st_mtime_ns, info.st_ino))
    found.sort()
    return tuple(found)


_request_stamps: ContextVar[dict[Path, Stamp] | None] = ContextVar("stamps", default=None)


@contextmanager
def one_stamp() -> Iterator[None]:
    """Within the block (one page that only reads), every value of a workspace is checked
    against one stamp taken when the first one is asked for, instead of one stamp each."""
    token = _request_stamps.set({})
    try:
        yield
    finally:
        _request_stamps.reset(token)


def _stamp_now(root: Path) -> Stamp:
    taken = _request_stamps.get()
    if taken is None:
        return stamp(root)
    if root not in taken:
        taken[root] = stamp(root)
    return taken[root]


def kept(workspace: Workspace, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, reused for ``key`` while no file of the workspace has changed."""
    return _kept((workspace.root,), key, compute)


def kept_over(workspaces: Sequence[Workspace], key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` from several workspaces (a rekap), reused while none has changed."""
    return _kept(tuple(ws.root for ws in workspaces), key, compute)


def _kept(roots: tuple[Path, ...], key: Hashable, compute: Callable[[], T]) -> T:
    day = dt.date.today()
    slot = (roots[0] if len(roots) == 1 else roots, key)
    with _guard:
        lock = _locks.setdefault(slot, threading.Lock())
    with lock:
        stamps = [_stamp_now(root) for root in roots]
        current = stamps[0] if len(stamps) == 1 else tuple(f for one in stamps for f in one)
        entry = _entries.get(slot)
        if (
            entry is not None
            and entry.stamp == current
            and entry.day == day
            and time.monotonic() - entry.made < MAX_AGE_S
            and _still(slot, entry)
        ):
            value: T = entry.value
            return value
        racy = _racy(current, time.time_ns())
        digests = _digests(racy) if racy else ()
        value = compute()
        with _guard:
            if digests is not None:
                _entries[slot] = _Entry(current, digests, day, time.monotonic(), value)
                _bound(slot[0])
            else:
                _entries.pop(slot, None)
        return value


def _racy(current: Stamp, now: int) -> list[str]:
    """The paths of ``current`` written within :data:`RACY_S` of ``now`` (or in its future)."""
    return [path for path, _, mtime, _ in current if now - mtime <= RACY_S * 1e9]


def _digests(paths: Sequence[str]) -> Digests | None:
    """What each of ``paths`` holds now, or ``None`` when they hold too much to read."""
    left = RACY_DIGEST_BYTES
    found = []
    for path in paths:
        digest = hashlib.sha256()
        try:
            if os.path.isdir(path):  # an archive object folder: its objects never change
                digest.update("\0".join(sorted(os.listdir(path))).encode("utf-8", "replace"))
            else:
                with open(path, "rb") as stream:
                    while chunk := stream.read(min(left, 1 << 20) + 1):
                        left -= len(chunk)
                        if left < 0:
                            return None
                        digest.update(chunk)
        except OSError:
            digest.update(b"\0gone")  # the stamp changes too, at the latest on the next page
        found.append((path, digest.digest()))
    return tuple(found)


def _still(slot: _Slot, entry: _Entry) -> bool:
    """Whether the racy files of ``entry`` still hold what they held when it was made (under
    the slot's lock). Once past the racy window they are settled: any later write changes
    their stamp, so they are read no more."""
    if not entry.digests:
        return True
    now = time.time_ns()
    if _digests([path for path, _ in entry.digests]) != entry.digests:
        return False
    if not _racy(entry.stamp, now):
        with _guard:
            if _entries.get(slot) is entry:
                _entries[slot] = replace(entry, digests=())
    return True


def _bound(root: Path | tuple[Path, ...]) -> None:
    """Forget the oldest values of ``root`` beyond :data:`MAX_KEPT` (under ``_guard``)."""
    mine = [(entry.made, slot) for slot, entry in _entries.items() if slot[0] == root]
    for _, slot in sorted(mine)[: max(0, len(mine) - MAX_KEPT)]:
        del _entries[slot]


def checked(workspace: Workspace, today: dt.date | None = None) -> CheckResult:
    """``run_check(workspace, today, read_only=True)``, kept while no file has changed."""
    day = today or dt.date.today()
    return kept(workspace, ("check", day), lambda: run_check(workspace, day, read_only=True))


def answer(workspace: Workspace, question_id: str) -> AnswerEntry:
    """The question's entry in the answers file (with its version), kept likewise."""
    return kept(workspace, ("answer", question_id), lambda: read_answer(workspace, question_id))


def listing(workspace: Workspace, filters: SearchFilters = NO_FILTERS) -> Listing:
    """``list_files(workspace, filters)``, kept likewise."""
    return kept(workspace, ("listing", filters), lambda: list_files(workspace, filters))


MAX_IDLE_SESSIONS = THREADS
"""Open search sessions kept idle per workspace (one per server thread at most)."""
_idle_sessions: dict[Path, list[SearchSession]] = {}


def found(workspace: Workspace, text: str, filters: SearchFilters) -> SearchResult:
    """``search(workspace, text, filters)`` through an open index of the workspace (see
    :class:`~zi_docs.evidence.SearchSession`): each search takes an idle session or opens one,
    and gives it back after, so people searching at the same moment do not wait for each
    other (a session searches one at a time). The result is not kept: a session already
    reopens the index whenever anyone has written it, and people search for ever new words
    (a kept result was almost never asked for again, while stamping the workspace for it cost
    a fair part of every search page)."""
    with _guard:
        idle = _idle_sessions.setdefault(workspace.root, [])
        session = idle.pop() if idle else SearchSession()
    try:
        return session.search(workspace, text, filters)
    finally:
        with _guard:
            kept_back = len(idle) < MAX_IDLE_SESSIONS
            if kept_back:
                idle.append(session)
        if not kept_back:
            session.close()


def template_reports(workspace: Workspace) -> tuple[list[TemplateEntry], list[TemplateReport]]:
    """``list_templates`` and ``check_templates`` of the workspace, kept likewise (the built-in
    templates ship with the program and change only when it is reinstalled: then the values
    are made again within :data:`MAX_AGE_S`)."""
    return kept(
        workspace,
        ("templates",),
        lambda: (list_templates(workspace), check_templates(workspace)),
    )
