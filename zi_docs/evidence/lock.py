"""One writer at a time: an exclusive ``flock`` on ``archive/.lock`` with a short wait."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from zi_docs.errors import BusyError

DEFAULT_WAIT = 10.0
"""Seconds a writer waits for another one to finish before giving up."""


class ArchiveLock:
    """Re-entrant within one object; released when the process dies (the kernel drops it)."""

    def __init__(self, path: Path, wait: float = DEFAULT_WAIT) -> None:
        self.path = path
        self.wait = wait
        self._fd: int | None = None
        self._depth = 0

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        delay = 0.02
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise BusyError(
                        "arsip sedang dipakai proses lain",
                        hint="tunggu sampai proses itu selesai lalu ulangi perintah ini",
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
