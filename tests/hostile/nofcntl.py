"""pytest plugin (``-p nofcntl``): the run behaves as on a platform without ``fcntl``.

The archive lock then falls back to ``filelock``'s soft (marker-file) lock. The search index
(tantivy) does its own locking outside Python. whoosh, when installed (the benches' side-by-side
baseline), gets its ``fcntl`` lock replaced by a no-op, as the archive's index lock already
serialises writers (on Windows whoosh uses ``msvcrt`` instead).
"""

from __future__ import annotations

import sys
import warnings

sys.modules["fcntl"] = None  # type: ignore[assignment]


class _NoLock:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.locked = False

    def acquire(self, blocking: bool = False) -> bool:
        self.locked = True
        return True

    def release(self) -> None:
        self.locked = False


def pytest_configure() -> None:
    try:
        import whoosh.filedb.filestore
        import whoosh.util.filelock
    except ImportError:  # only the dev extra installs whoosh; zi-docs itself does not use it
        pass
    else:
        whoosh.util.filelock.FileLock = _NoLock  # type: ignore[misc,assignment]
        whoosh.filedb.filestore.FileLock = _NoLock  # type: ignore[misc,assignment]
    # filelock warns at import that only its soft lock is left; that is the point here (and
    # with the lazy front doors nothing imported it earlier, outside pytest's warning filter)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "only soft file lock is available", UserWarning)
        import filelock

    assert not filelock.has_fcntl, "fcntl is still importable"
