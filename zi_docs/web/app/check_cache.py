"""The workspace check (``run_check``) once per change of the workspace, not once per page.

Beranda, the LKE tree and every indicator page show the same check of the same files. A
result is kept per workspace together with a *stamp* of the files it was made from: name,
size, modification time and inode of every file in the workspace (the archive's stored
objects are named by their content and never rewritten, so their fan-out folders stand for
them). Any write, by the web app, the CLI or an editor, changes the stamp and the next page
checks again. One page computes while the others wait for it instead of all computing at
once. A result is also dropped after :data:`MAX_AGE_S` and at midnight (the days left to
the deadline change). A file written in the last :data:`RACY_S` seconds may be written again
within the same clock tick without its stamp changing, so a check made then is not kept.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from zi_docs.submission import CheckResult, run_check
from zi_docs.workspace import Workspace

MAX_AGE_S = 300.0
"""Even with an unchanged stamp, check again after this long (a safety net only)."""
RACY_S = 2.0
SKIPPED_DIRS = frozenset({".zi-web", "__pycache__"})
"""The web app's own state (sessions, uploads in progress) is not an input of the check."""
SKIPPED_SUFFIXES = (".lock", "-shm")
"""Lock files and SQLite's shared-memory file change without the data changing."""
OBJECTS = ("archive", "objects")

Stamp = tuple[tuple[str, int, int, int], ...]


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
    day: dt.date
    made: float
    result: CheckResult


_entries: dict[Path, _Entry] = {}
_locks: dict[Path, threading.Lock] = {}
_guard = threading.Lock()


def stamp(root: Path) -> Stamp:
    """What identifies the state of every file under ``root`` the check may read."""
    found: list[tuple[str, int, int, int]] = []
    objects = root.joinpath(*OBJECTS)
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(SKIPPED_SUFFIXES):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name in SKIPPED_DIRS:
                    continue
                if Path(folder) == objects:
                    found.append((entry.path, 0, info.st_mtime_ns, info.st_ino))
                    continue
                pending.append(Path(entry.path))
            else:
                found.append((entry.path, info.st_size, info.st_mtime_ns, info.st_ino))
    return tuple(sorted(found))


def checked(workspace: Workspace, today: dt.date | None = None) -> CheckResult:
    """``run_check(workspace, today, read_only=True)``, reused while no file has changed."""
    day = today or dt.date.today()
    root = workspace.root
    with _guard:
        lock = _locks.setdefault(root, threading.Lock())
    with lock:
        current = stamp(root)
        entry = _entries.get(root)
        if (
            entry is not None
            and entry.stamp == current
            and entry.day == day
            and time.monotonic() - entry.made < MAX_AGE_S
        ):
            return entry.result
        taken = time.time_ns()
        result = run_check(workspace, day, read_only=True)
        newest = max((mtime for _, _, mtime, _ in current), default=0)
        if taken - newest > RACY_S * 1e9:
            _entries[root] = _Entry(current, day, time.monotonic(), result)
        else:
            _entries.pop(root, None)
        return result
