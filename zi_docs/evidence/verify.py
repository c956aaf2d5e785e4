"""Integrity check: re-hash every stored file and compare store, catalogue and index.

Vocabulary after BagIt: a file is *missing*, its content is a *mismatch* (expected, found),
or a stored file is *unexpected*. The index adds *index-missing*, *index-stale* and
*index-unexpected* entries.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from zi_docs.evidence import searchbridge
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.catalog import StoredFile
from zi_docs.evidence.store import hash_file, is_sha256
from zi_docs.findings import Finding, Severity

Progress = Callable[[int, int], None]

_WHAT_TO_DO = {
    "missing": "pulihkan folder archive/ dari cadangan, atau buang catatannya dengan "
    "'zi-docs archive remove' lalu tambahkan ulang berkas aslinya",
    "mismatch": "berkas tersimpan rusak atau diubah di luar zi-docs; pulihkan dari cadangan "
    "atau tambahkan ulang berkas aslinya",
    "size": "berkas tersimpan rusak atau diubah di luar zi-docs; jalankan 'zi-docs archive "
    "verify' tanpa --quick untuk memastikan",
    "unexpected": "berkas ini ditaruh di archive/objects/ di luar zi-docs; pindahkan keluar "
    "lalu tambahkan dengan 'zi-docs archive add'",
    "index-missing": "jalankan 'zi-docs archive reindex'",
    "index-stale": "jalankan 'zi-docs archive reindex'",
    "index-unexpected": "jalankan 'zi-docs archive reindex'",
    "index-unusable": "jalankan 'zi-docs archive reindex --penuh'",
}


@dataclass(frozen=True)
class Problem:
    """One integrity problem."""

    kind: str
    """``missing``, ``mismatch``, ``size``, ``unexpected``, ``index-missing``,
    ``index-stale``, ``index-unexpected`` or ``index-unusable``."""
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
    threads: int | None = None,
) -> VerifyReport:
    """Check every stored file (``quick``: sizes and counts only) and the index."""
    with archive.writing():
        files = archive.catalog.files(include_trashed=True)
        problems = _check_store(archive, files, quick, progress, threads)
        index_problems, entries = _check_index(archive, files, quick)
    return VerifyReport(
        quick, len(files), sum(f.size for f in files), entries, tuple(problems + index_problems)
    )


def _rel(archive: Archive, path: Path) -> str:
    return path.relative_to(archive.root).as_posix()


def _check_store(
    archive: Archive,
    files: list[StoredFile],
    quick: bool,
    progress: Progress | None,
    threads: int | None,
) -> list[Problem]:
    problems: list[Problem] = []
    known = {f.sha256 for f in files}
    for name, path in archive.store.iter_objects():
        if name not in known or not is_sha256(name) or path.parent.name != name[:2]:
            problems.append(
                Problem(
                    "unexpected", _rel(archive, path), "berkas tersimpan tidak tercatat di katalog"
                )
            )

    def check(stored: StoredFile) -> Problem | None:
        rel = _rel(archive, stored.path)
        try:
            if quick:
                size = stored.path.stat().st_size
                if size != stored.size:
                    return Problem(
                        "size",
                        rel,
                        f"ukuran {stored.name} berbeda",
                        stored.sha256,
                        str(stored.size),
                        str(size),
                    )
                return None
            digest, _ = hash_file(stored.path)
        except FileNotFoundError:
            return Problem(
                "missing",
                rel,
                f"berkas tersimpan {stored.name} hilang",
                stored.sha256,
                stored.sha256,
                None,
            )
        except OSError as exc:
            return Problem(
                "missing",
                rel,
                f"berkas tersimpan {stored.name} tidak bisa dibaca ({exc.strerror})",
                stored.sha256,
                stored.sha256,
                None,
            )
        if digest != stored.sha256:
            return Problem(
                "mismatch",
                rel,
                f"isi {stored.name} tidak cocok: SHA-256 "
                f"seharusnya {stored.sha256[:12]}…, ditemukan {digest[:12]}…",
                stored.sha256,
                stored.sha256,
                digest,
            )
        return None

    workers = threads or min(8, (os.cpu_count() or 1) * 2)
    # Largest first keeps every thread busy until the end.
    ordered = sorted(files, key=lambda f: -f.size)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for done, problem in enumerate(pool.map(check, ordered), 1):
            if problem is not None:
                problems.append(problem)
            if progress is not None:
                progress(done, len(ordered))
    return sorted(problems, key=lambda p: (p.kind, p.path))


def _check_index(
    archive: Archive, files: list[StoredFile], quick: bool
) -> tuple[list[Problem], int | None]:
    state = searchbridge.state(archive.root)
    live = {f.sha256: f for f in files if not f.trashed}
    if not state.usable:
        if not live:
            return [], None
        return [
            Problem(
                "index-unusable",
                "index/",
                "indeks pencarian tidak ada, rusak, atau versi skemanya lain",
            )
        ], None
    problems: list[Problem] = []
    if quick:
        if len(state.stamps) != len(live):
            problems.append(
                Problem(
                    "index-missing" if len(state.stamps) < len(live) else "index-unexpected",
                    "index/",
                    f"indeks memuat {len(state.stamps)} entri, katalog {len(live)} berkas",
                )
            )
        return problems, len(state.stamps)
    for sha, stored in sorted(live.items()):
        stamp = state.stamps.get(sha)
        if stamp is None:
            problems.append(
                Problem(
                    "index-missing", "index/", f"{stored.name} belum ada di indeks pencarian", sha
                )
            )
        elif stamp != stored.revision:
            problems.append(
                Problem(
                    "index-stale",
                    "index/",
                    f"entri indeks {stored.name} usang (revisi {stamp}, katalog {stored.revision})",
                    sha,
                    str(stored.revision),
                    str(stamp),
                )
            )
    for sha in sorted(set(state.stamps) - set(live)):
        problems.append(
            Problem(
                "index-unexpected",
                "index/",
                f"indeks memuat berkas {sha[:12]}… yang tidak ada (atau ada di tempat sampah)",
                sha,
            )
        )
    return problems, len(state.stamps)
