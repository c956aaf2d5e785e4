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
then is not kept.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
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
SKIPPED_DIRS = frozenset({".zi-web", "__pycache__"})
"""The web app's own state (sessions, uploads in progress) is not an input of the check."""
SKIPPED_SUFFIXES = (".lock", "-shm")
"""Lock files and SQLite's shared-memory file change without the data changing."""
EMPTY_SKIPPED = ("-wal",)
"""SQLite makes an empty write-ahead log whenever a reader opens the archive's database and
removes it when the last one closes; only a log with content (a write) is a change."""
OBJECTS = ("archive", "objects")

Stamp = tuple[tuple[str, int, int, int], ...]


MAX_KEPT = 400
"""Values kept per workspace (the check, answers of visited indicators, listings)."""


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
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
        ):
            value: T = entry.value
            return value
        taken = time.time_ns()
        value = compute()
        newest = max((mtime for _, _, mtime, _ in current), default=0)
        with _guard:
            if taken - newest > RACY_S * 1e9:
                _entries[slot] = _Entry(current, day, time.monotonic(), value)
                _bound(slot[0])
            else:
                _entries.pop(slot, None)
        return value


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
