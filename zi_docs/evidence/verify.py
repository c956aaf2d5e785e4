"""Integrity check: re-hash every stored file and compare store, database and index.

Vocabulary after BagIt: a file is *missing*, its content is a *mismatch* (expected, found),
or a stored file is *unexpected*. The index adds *index-missing*, *index-stale* and
*index-unexpected* entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from zi_docs.errors import BusyError, ZiError
from zi_docs.evidence import indexing
from zi_docs.evidence.archive import Archive, Recovery
from zi_docs.evidence.db.readonly import Rows
from zi_docs.evidence.records import Progress
from zi_docs.evidence.rehash import rehash
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
        listing = _listed(archive, sizes=False)  # every file is read: no size is needed
        files = archive.db.sizes()
        shas = list(map(itemgetter(0), files))
        problems = _unexpected(archive, listing.odd, listing.sizes.keys() - shas)
        problems += _hash_all(archive, files, shas, progress)
        index_problems, entries = _check_index(archive, files)
        report = VerifyReport(
            quick,
            len(files),
            sum(map(itemgetter(1), files)),
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


def _listed(archive: Archive, *, sizes: bool = True) -> ObjectListing:
    """One listing of the objects folder, with what a killed writer left repaired when no
    writer runs (its temporary files are taken from this listing)."""
    return _recovered(archive, list_objects(archive.store.root, sizes=sizes), sizes=sizes)


def _recovered(archive: Archive, listing: ObjectListing, *, sizes: bool = True) -> ObjectListing:
    """``listing`` after what a killed writer left is repaired (when no writer runs), its
    temporary files taken from the listing."""
    recovery = _recover_when_free(archive, listing.temporary)
    if recovery is not None and recovery.objects_removed:
        # rare: an interrupted add was undone
        listing = list_objects(archive.store.root, sizes=sizes)
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


_Row = tuple[str, int, str, int]
"""What verify needs of a catalogue record, ``(sha256, size, name, live)``, trashed ones
too, read by position: one query, no record objects."""


def _quick_report(
    archive: Archive,
    rows: Sequence[Sequence[Any]],
    listing: ObjectListing,
    progress: Progress | None,
) -> VerifyReport:
    """Sizes and counts: the rows (``(sha256, size, name, live, ...)``, trashed too, read by
    position: no records) against one listing of the objects folder; no hashing, no threads."""
    # each pass over the rows is one call into C (at 100,000 files a Python loop per pass
    # cost a few times more)
    recorded = list(map(itemgetter(1), rows))
    total = sum(recorded)
    if listing.matched is not None and listing.matched != (len(rows), total):
        # the listing's child compared it with the catalogue as it was a moment before
        # these rows were read (a writer came between): compare with these rows here
        listing = list_objects(archive.store.root)
    sizes = listing.sizes
    if listing.matched is not None:
        alike, unknown = True, set()  # the child found every object there with its size
    else:
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
        total,
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
    shas: list[str],
    progress: Progress | None,
) -> list[Problem]:
    problems: list[Problem] = []

    def check(position: int, found: str | OSError) -> None:
        sha = shas[position]
        if found == sha:
            return  # the common case: no path is built for a file that is fine
        name = files[position][2]
        rel = _rel(archive, archive.store.path_for(sha))
        if isinstance(found, FileNotFoundError):
            message = f"berkas tersimpan {name} hilang"
        elif isinstance(found, OSError):
            message = f"berkas tersimpan {name} tidak bisa dibaca ({found.strerror})"
        else:
            message = (
                f"isi {name} tidak cocok: SHA-256 seharusnya {sha[:12]}…, ditemukan {found[:12]}…"
            )
            problems.append(Problem("berubah", rel, message, sha, sha, found))
            return
        problems.append(Problem("hilang", rel, message, sha, sha, None))

    locations = list(map(archive.store.location, shas))
    rehash(locations, list(map(itemgetter(1), files)), check, progress)
    return problems


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
    live = {row[0]: row[2] for row in files if row[3]}
    if not state.usable:
        return ([_UNUSABLE] if live else []), None
    revisions = archive.db.revisions()
    if state.stamps == revisions and revisions.keys() == live.keys():
        return [], len(state.stamps)  # the common case: one comparison, no loop per file
    problems: list[Problem] = []
    for sha, name in sorted(live.items()):
        stamp = state.stamps.get(sha)
        if stamp is None:
            problems.append(
                Problem("indeks-kurang", "index/", f"{name} belum ada di indeks pencarian", sha)
            )
        elif stamp != revisions[sha]:
            problems.append(
                Problem(
                    "indeks-usang",
                    "index/",
                    f"entri indeks {name} usang (revisi {stamp}, katalog {revisions[sha]})",
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
