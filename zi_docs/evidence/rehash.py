"""Re-hash every stored file for ``verify``: small files in the calling thread, large ones
in a thread pool.

A pool pays only where hashing releases the interpreter lock for long: for a file of a few
KB the cost is the per-file work (open, read, dispatch), and threads taking turns at the
lock made a hundred thousand tiny files cost twice a plain loop. Large files go to the pool
first (largest first, in batches) and the calling thread hashes the small ones meanwhile.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from zi_docs.evidence.records import Progress
from zi_docs.evidence.store import hash_file

SMALL = 256 << 10
"""Files of at most this many bytes (as catalogued) are hashed in the calling thread."""
BATCH_FILES = 64
BATCH_BYTES = 8 << 20
PROGRESS_EVERY = 512
_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


Found = tuple[int, str | OSError]
"""(position of the file in the caller's list, its digest or the error reading it)."""
Check = Callable[[int, str | OSError], None]


def rehash(
    locations: Sequence[str],
    sizes: Sequence[int],
    report: Check,
    progress: Progress | None = None,
) -> None:
    """Hash the file at every location, calling ``report(position, digest or OSError)``
    in the calling thread for each; ``sizes`` are the catalogued sizes (which files are
    small), not trusted for reading: every file is read to its end."""
    total = len(locations)
    large = sorted((i for i in range(total) if sizes[i] > SMALL), key=lambda i: -sizes[i])
    small = [i for i in range(total) if sizes[i] <= SMALL] if large else range(total)
    done = 0
    pending: list[tuple[int, Future[list[Found]]]] = []
    pool = None
    if large:
        workers = min(8, (os.cpu_count() or 1) * 2)
        pool = ThreadPoolExecutor(max_workers=workers)
        for batch in _batches(large, sizes):
            picked = [(i, locations[i]) for i in batch]
            pending.append((len(batch), pool.submit(_hash_batch, picked)))
    try:
        for start in range(0, len(small), PROGRESS_EVERY):
            for i in small[start : start + PROGRESS_EVERY]:
                try:
                    report(i, _hash_small(locations[i]))
                except OSError as exc:
                    report(i, exc)
            done += min(PROGRESS_EVERY, len(small) - start)
            while pending and pending[0][1].done():
                done += _collect(pending.pop(0), report)
            if progress is not None:
                progress(done, total)
        for item in pending:
            done += _collect(item, report)
            if progress is not None:
                progress(done, total)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _collect(item: tuple[int, Future[list[Found]]], report: Check) -> int:
    count, future = item
    for position, found in future.result():
        report(position, found)
    return count


def _hash_batch(batch: list[tuple[int, str]]) -> list[Found]:
    out: list[Found] = []
    for position, location in batch:
        try:
            out.append((position, hash_file(location)[0]))
        except OSError as exc:
            out.append((position, exc))
    return out


def _hash_small(location: str) -> str:
    """SHA-256 of a file read with plain ``os.read`` calls (no file object, no buffer
    sized ahead): a small file is one read and the empty read at its end."""
    fd = os.open(location, _FLAGS)
    try:
        data = os.read(fd, SMALL + 1)
        digest = hashlib.sha256(data)
        while data:
            data = os.read(fd, SMALL + 1)
            digest.update(data)
    finally:
        os.close(fd)
    return digest.hexdigest()


def _batches(order: list[int], sizes: Sequence[int]) -> list[list[int]]:
    """Consecutive runs of up to :data:`BATCH_FILES` files or :data:`BATCH_BYTES` bytes."""
    batches: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i in order:
        current.append(i)
        size += sizes[i]
        if len(current) >= BATCH_FILES or size >= BATCH_BYTES:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches
