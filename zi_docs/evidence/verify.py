"""Integrity check: re-hash every stored file and compare store, database and index.

Vocabulary after BagIt: a file is *missing*, its content is a *mismatch* (expected, found),
or a stored file is *unexpected*. The index adds *index-missing*, *index-stale* and
*index-unexpected* entries.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from zi_docs.errors import BusyError, ZiError
from zi_docs.evidence import indexing
from zi_docs.evidence.archive import Archive, Recovery
from zi_docs.evidence.db.readonly import Rows
from zi_docs.evidence.records import Progress
from zi_docs.evidence.store import hash_file
from zi_docs.evidence.store_listing import ObjectListing, list_objects
from zi_docs.findings import Finding, Severity

_WHAT_TO_DO = {
    "hilang": "pulihkan folder archive/ dari cadangan, atau buang catatannya dengan "
    "'zi-docs archive remove' lalu tambahkan ulang berkas aslinya",
    "berubah": "berkas tersimpan rusak atau diubah di luar zi-docs; pulihkan dari cadangan "
    "atau tambahkan ulang berkas aslinya",
    "ukuran": "berkas tersimpan rusak atau diubah di luar zi-docs; jalankan 'zi-docs archive "
    "verify' tanpa --cepat untuk memastikan",
    "tak-terduga": "berkas ini ditaruh di archive/objects/ di luar zi-docs; pindahkan keluar "
    "lalu tambahkan dengan 'zi-docs archive add'",
    "indeks-kurang": "jalankan 'zi-docs archive reindex'",
    "indeks-usang": "jalankan 'zi-docs archive reindex'",
    "indeks-berlebih": "jalankan 'zi-docs archive reindex'",
    "indeks-rusak": "jalankan 'zi-docs archive reindex --penuh'",
}


@dataclass(frozen=True)
class Problem:
    """One integrity problem."""

    kind: str
    """``hilang`` (missing), ``berubah`` (mismatch), ``ukuran`` (size), ``tak-terduga``
    (unexpected), ``indeks-kurang``, ``indeks-usang``, ``indeks-berlebih`` or
    ``indeks-rusak`` (see :data:`_WHAT_TO_DO`)."""
    path: str
    """Place relative to the archive folder (``objects/ab/ab12...``) or ``index/``."""
    message: str
    sha256: str | None = None
    expected: str | None = None
    found: str | None = None

    def finding(self) -> Finding:
        text = f"{self.message}; {_WHAT_TO_DO[self.kind]}"
        return Finding(text, Severity.ERROR, file=f"archive/{self.path}", code=self.kind)


@dataclass(frozen=True)
class VerifyReport:
    """What ``verify`` checked and found."""

    quick: bool
    files_checked: int
    bytes_checked: int
    index_entries: int | None
    """Entries in the search index, or None when it is unusable."""
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(p.finding() for p in self.problems)


def verify(
    archive: Archive,
    *,
    quick: bool = False,
    progress: Progress | None = None,
) -> VerifyReport:
    """Check every stored file (``quick``: sizes and counts only) and the index.

    Reading only: the writer lock is not held while checking, so a verify neither waits for
    nor blocks an ``add``. When no writer runs, what a killed one left is repaired first (as
    any writer would); work in flight at the time of the check is not reported.
    """
    if quick:
        listing = _listed(archive)
        report = _quick_report(archive, archive.db.sizes(), listing, progress)
    else:
        _recover_when_free(archive)
        files = _rows(archive)
        listing = list_objects(archive.store.root)
        problems = _unexpected(archive, listing.odd, set(listing.sizes) - {f.sha256 for f in files})
        problems += _hash_all(archive, files, progress)
        index_problems, entries = _check_index(archive, files)
        report = VerifyReport(
            quick,
            len(files),
            sum(f.size for f in files),
            entries,
            tuple(sorted(problems, key=lambda p: (p.kind, p.path)) + index_problems),
        )
    return _settled(archive, report)


def verify_with_rows(archive: Archive, rows: Rows, listing: ObjectListing) -> VerifyReport:
    """The quick verify from the catalogue's rows ``check`` read for its view of the files
    and one listing of the objects folder (made while the rows were read, see
    :func:`~zi_docs.evidence.store_listing.start_listing`). What a killed writer left is
    repaired first when no writer runs; that touches neither files nor tags, so the rows
    read before stay the catalogue's."""
    report = _quick_report(archive, rows.files, _recovered(archive, listing), None)
    return _settled(archive, report)


def _listed(archive: Archive) -> ObjectListing:
    """One listing of the objects folder, with what a killed writer left repaired when no
    writer runs (its temporary files are taken from this listing)."""
    return _recovered(archive, list_objects(archive.store.root))


def _recovered(archive: Archive, listing: ObjectListing) -> ObjectListing:
    """``listing`` after what a killed writer left is repaired (when no writer runs), its
    temporary files taken from the listing."""
    recovery = _recover_when_free(archive, listing.temporary)
    if recovery is not None and recovery.objects_removed:
        listing = list_objects(archive.store.root)  # rare: an interrupted add was undone
    return listing


def _recover_when_free(
    archive: Archive, temporary_files: Sequence[str] | None = None
) -> Recovery | None:
    """Finish an interrupted change if no writer holds the archive now; never wait. None
    when a writer runs (it recovers itself) or the archive is read-only."""
    wait, archive.lock.wait = archive.lock.wait, 0
    try:
        with archive.lock:
            return archive.recover(temporary_files)
    except (BusyError, OSError, ZiError):
        return None
    finally:
        archive.lock.wait = wait


def _settled(archive: Archive, report: VerifyReport) -> VerifyReport:
    """Drop problems of files a writer is adding or re-indexing while we looked."""
    if not any(p.kind == "tak-terduga" or p.sha256 for p in report.problems):
        return report  # the common case: no file's problem to settle, no more queries
    busy = set(archive.db.pending("pending_objects"))
    busy |= set(archive.db.pending("pending_index"))
    known = set(archive.db.all_shas())
    kept = []
    for problem in report.problems:
        if problem.kind == "tak-terduga":
            sha = Path(problem.path).name
            if _rel(archive, archive.store.path_for(sha)) == problem.path and (
                sha in busy or sha in known
            ):
                continue  # stored and catalogued (or journalled) since we listed the files
        elif problem.sha256 in busy:
            continue
        kept.append(problem)
    if len(kept) == len(report.problems):
        return report
    return replace(report, problems=tuple(kept))


class _Row(NamedTuple):
    """What verify needs of a catalogue record (no tags, names or paths)."""

    sha256: str
    size: int
    name: str
    live: bool
    """Not in the trash."""


def _rows(archive: Archive) -> list[_Row]:
    """Every database record, trashed ones too, in one query."""
    rows = archive.db.sizes()
    return [_Row(sha, size, name, bool(live)) for sha, size, name, live in rows]


def _quick_report(
    archive: Archive,
    rows: Sequence[Sequence[Any]],
    listing: ObjectListing,
    progress: Progress | None,
) -> VerifyReport:
    """Sizes and counts: the rows (``(sha256, size, name, live, ...)``, trashed too, read by
    position: no records) against one listing of the objects folder; no hashing, no threads."""
    sizes = listing.sizes
    # each pass over the rows is one call into C (at 100,000 files a Python loop per pass
    # cost a few times more)
    recorded = list(map(itemgetter(1), rows))
    expected = dict(zip(map(itemgetter(0), rows), recorded, strict=True))
    # the common case, every object there with its size and no other, is one comparison
    alike = expected == sizes
    unknown = set() if alike else sizes.keys() - expected.keys()
    problems = _unexpected(archive, listing.odd, unknown)
    for row in () if alike else rows:
        sha, size, name = row[0], row[1], row[2]
        found = sizes.get(sha)
        if found == size:
            continue  # no path is built for a file that is fine
        rel = _rel(archive, archive.store.path_for(sha))
        if found is None:
            problems.append(
                Problem("hilang", rel, f"berkas tersimpan {name} hilang", sha, sha, None)
            )
        else:
            problems.append(
                Problem("ukuran", rel, f"ukuran {name} berbeda", sha, str(size), str(found))
            )
    if progress is not None:
        progress(len(rows), len(rows))
    live = sum(map(bool, map(itemgetter(3), rows)))
    entries = indexing.entry_count(archive.root)
    index_problems = _count_index(entries, live)
    return VerifyReport(
        True,
        len(rows),
        sum(recorded),
        entries,
        tuple(sorted(problems, key=lambda p: (p.kind, p.path)) + index_problems),
    )


def _rel(archive: Archive, path: Path) -> str:
    return path.relative_to(archive.root).as_posix()


def _unexpected(archive: Archive, odd: list[Path], unknown: set[str]) -> list[Problem]:
    paths = odd + [archive.store.path_for(sha) for sha in unknown]
    return [
        Problem("tak-terduga", _rel(archive, path), "berkas tersimpan tidak tercatat di katalog")
        for path in paths
    ]


def _hash_all(
    archive: Archive,
    files: list[_Row],
    progress: Progress | None,
) -> list[Problem]:
    root = str(archive.store.root)

    def check(stored: _Row) -> Problem | None:
        sha = stored.sha256
        try:
            digest, _ = hash_file(os.path.join(root, sha[:2], sha))
            if digest == sha:
                return None  # the common case: no path object is built for a file that is fine
        except FileNotFoundError:
            rel = _rel(archive, archive.store.path_for(sha))
            return Problem(
                "hilang",
                rel,
                f"berkas tersimpan {stored.name} hilang",
                stored.sha256,
                stored.sha256,
                None,
            )
        except OSError as exc:
            rel = _rel(archive, archive.store.path_for(sha))
            return Problem(
                "hilang",
                rel,
                f"berkas tersimpan {stored.name} tidak bisa dibaca ({exc.strerror})",
                stored.sha256,
                stored.sha256,
                None,
            )
        return Problem(
            "berubah",
            _rel(archive, archive.store.path_for(sha)),
            f"isi {stored.name} tidak cocok: SHA-256 "
            f"seharusnya {stored.sha256[:12]}…, ditemukan {digest[:12]}…",
            stored.sha256,
            stored.sha256,
            digest,
        )

    def check_batch(batch: list[_Row]) -> list[Problem]:
        return [p for p in map(check, batch) if p is not None]

    problems: list[Problem] = []
    workers = min(8, (os.cpu_count() or 1) * 2)
    # Largest first keeps every thread busy until the end; small files go in batches, so a
    # hundred thousand of them do not cost a hundred thousand tasks.
    ordered = sorted(files, key=lambda f: -f.size)
    batches = _batches(ordered)
    done = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for batch, found in zip(batches, pool.map(check_batch, batches), strict=True):
            problems.extend(found)
            done += len(batch)
            if progress is not None:
                progress(done, len(ordered))
    return problems


BATCH_FILES = 64
BATCH_BYTES = 8 << 20


def _batches(files: list[_Row]) -> list[list[_Row]]:
    """Consecutive runs of up to :data:`BATCH_FILES` files or :data:`BATCH_BYTES` bytes."""
    batches: list[list[_Row]] = []
    current: list[_Row] = []
    size = 0
    for stored in files:
        current.append(stored)
        size += stored.size
        if len(current) >= BATCH_FILES or size >= BATCH_BYTES:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches


def _count_index(entries: int | None, live: int) -> list[Problem]:
    if entries is None:
        return [_UNUSABLE] if live else []
    if entries == live:
        return []
    return [
        Problem(
            "indeks-kurang" if entries < live else "indeks-berlebih",
            "index/",
            f"indeks memuat {entries} entri, katalog {live} berkas",
        )
    ]


_UNUSABLE = Problem(
    "indeks-rusak", "index/", "indeks pencarian tidak ada, rusak, atau versi skemanya lain"
)


def _check_index(archive: Archive, files: list[_Row]) -> tuple[list[Problem], int | None]:
    state = indexing.state(archive.root)
    live = {f.sha256: f for f in files if f.live}
    revisions = archive.db.revisions()
    if not state.usable:
        return ([_UNUSABLE] if live else []), None
    problems: list[Problem] = []
    for sha, stored in sorted(live.items()):
        stamp = state.stamps.get(sha)
        if stamp is None:
            problems.append(
                Problem(
                    "indeks-kurang", "index/", f"{stored.name} belum ada di indeks pencarian", sha
                )
            )
        elif stamp != revisions[sha]:
            problems.append(
                Problem(
                    "indeks-usang",
                    "index/",
                    f"entri indeks {stored.name} usang (revisi {stamp}, katalog {revisions[sha]})",
                    sha,
                    str(revisions[sha]),
                    str(stamp),
                )
            )
    for sha in sorted(set(state.stamps) - set(live)):
        problems.append(
            Problem(
                "indeks-berlebih",
                "index/",
                f"indeks memuat berkas {sha[:12]}… yang tidak ada (atau ada di tempat sampah)",
                sha,
            )
        )
    return problems, len(state.stamps)
