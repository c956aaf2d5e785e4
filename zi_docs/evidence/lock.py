"""One writer at a time: a ``filelock`` lock on ``archive/.lock`` with a short wait.

``filelock`` picks the platform's lock (``flock`` on POSIX, ``msvcrt`` on Windows, a marker
file where neither exists). Beside the lock the holder writes ``.lock.pemilik`` (its PID,
host and start time) and removes it on release, so a second writer can say who holds the
archive, and a holder that was killed is recognised: its lock is taken over and that is
reported (:attr:`ArchiveLock.took_over`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

with warnings.catch_warnings():  # without fcntl filelock warns that only a soft lock exists:
    warnings.simplefilter("ignore")  # that lock is used, with the owner check below
    import filelock

from zi_docs.errors import BusyError
from zi_docs.processes import pid_alive

log = logging.getLogger(__name__)

DEFAULT_WAIT = 10.0
"""Seconds a writer waits for another one to finish before giving up."""
OWNER_SUFFIX = ".pemilik"


@dataclass(frozen=True)
class Holder:
    """Who wrote an owner file: enough to tell a live holder from a dead one."""

    pid: int
    host: str
    since: str

    @property
    def alive(self) -> bool:
        if self.host != socket.gethostname():
            return True  # another computer on a shared folder: cannot tell, assume it runs
        return pid_alive(self.pid)

    def describe(self) -> str:
        return f"proses {self.pid} di {self.host} sejak {self.since}"


def read_holder(path: Path) -> Holder | None:
    """The holder recorded beside lock ``path``, if any (unreadable means none)."""
    try:
        pid, host, since = (
            path.with_name(path.name + OWNER_SUFFIX).read_text("utf-8").split("\n")[:3]
        )
        return Holder(int(pid), host, since)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


class ArchiveLock:
    """Re-entrant within one object; released when the process dies (or taken over then)."""

    def __init__(self, path: Path, wait: float = DEFAULT_WAIT) -> None:
        self.path = path
        self.wait = wait
        self._lock = filelock.FileLock(str(path), thread_local=False)
        self._depth = 0
        self.took_over: Holder | None = None
        """The dead process whose lock this one took over, if that happened."""

    @property
    def owner_file(self) -> Path:
        return self.path.with_name(self.path.name + OWNER_SUFFIX)

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=self.wait, poll_interval=0.05)
        except filelock.Timeout:
            holder = read_holder(self.path)
            if holder is not None and not holder.alive and self._soft:
                # a marker file outlives a killed holder: remove it once, then wait again
                with contextlib.suppress(OSError):
                    self.path.unlink()
                return self._acquire_after_break()
            who = f" ({holder.describe()})" if holder else ""
            raise BusyError(
                f"arsip sedang dipakai proses lain{who}",
                hint="tunggu sampai proses itu selesai lalu ulangi perintah ini",
            ) from None
        self._after_acquired()

    @property
    def _soft(self) -> bool:
        """A marker-file lock (no ``fcntl``/``msvcrt``): the kernel does not release it."""
        return not isinstance(self._lock, (filelock.UnixFileLock, filelock.WindowsFileLock))

    def _acquire_after_break(self) -> None:
        try:
            self._lock.acquire(timeout=self.wait, poll_interval=0.05)
        except filelock.Timeout:
            holder = read_holder(self.path)
            who = f" ({holder.describe()})" if holder else ""
            raise BusyError(
                f"arsip sedang dipakai proses lain{who}",
                hint="tunggu sampai proses itu selesai lalu ulangi perintah ini",
            ) from None
        self._after_acquired()

    def _after_acquired(self) -> None:
        previous = read_holder(self.path)
        if previous is not None and previous.pid != os.getpid():
            # the owner file outlived its lock: the holder died without releasing it
            self.took_over = previous
            log.warning(
                "kunci arsip %s ditinggalkan %s yang sudah berhenti; diambil alih",
                self.path,
                previous.describe(),
            )
        self._write_owner()
        self._depth = 1

    def _write_owner(self) -> None:
        # a holder killed between writing its owner file and renaming it left ``.pemilik.PID``
        for leftover in self.owner_file.parent.glob(f"{self.owner_file.name}.*"):
            pid = leftover.name.rsplit(".", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        since = dt.datetime.now().isoformat(timespec="seconds")
        tmp = self.owner_file.with_name(f"{self.owner_file.name}.{os.getpid()}")
        with contextlib.suppress(OSError):  # only a courtesy for messages: never fatal
            tmp.write_text(f"{os.getpid()}\n{socket.gethostname()}\n{since}\n", "utf-8")
            os.replace(tmp, self.owner_file)

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0:
            with contextlib.suppress(OSError):
                self.owner_file.unlink()
            self._lock.release()

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
