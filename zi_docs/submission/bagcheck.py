"""``zi-docs export --verifikasi``: validate a received bag (folder or ``.zip``) and name every
missing, altered and unexpected file with path, expected and found (the bagit-python
vocabulary: FileMissing, ChecksumMismatch, UnexpectedFile)."""

from __future__ import annotations

import logging
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import bagit

from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evidence import hash_file
from zi_docs.findings import Finding

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BagProblem:
    """One problem of a received bag."""

    kind: str
    """``missing`` (hilang), ``altered`` (berubah), ``unexpected`` (tidak terdaftar) or
    ``invalid`` (struktur bag tidak sah)."""
    path: str
    expected: str | None = None
    found: str | None = None

    def message(self) -> str:
        if self.kind == "missing":
            return f"berkas hilang: {self.path} (SHA-256 seharusnya {self.expected})"
        if self.kind == "altered":
            return (
                f"isi berkas berubah: {self.path} (SHA-256 seharusnya {self.expected}, "
                f"ditemukan {self.found})"
            )
        if self.kind == "unexpected":
            return f"berkas tidak terdaftar di manifest: {self.path}"
        return f"struktur bundel tidak sah ({self.path}); minta pengirim mengekspor ulang bundelnya"


@dataclass(frozen=True)
class BagCheck:
    """Result of validating a bag."""

    source: Path
    files_checked: int
    info: dict[str, str]
    """bag-info.txt of the bag (unit, year, score snapshot ...)."""
    problems: tuple[BagProblem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def verify_bag(path: Path) -> BagCheck:
    """Validate the bag at ``path`` (a folder, or a ``.zip`` made by ``export --zip``)."""
    if not path.exists():
        raise NotFoundError(f"{path} tidak ada", hint="sebutkan folder bundel atau berkas .zip")
    if path.is_file():
        with tempfile.TemporaryDirectory(prefix="zi-docs-verifikasi-") as tmp:
            root = _unzip(path, Path(tmp))
            return _check(path, root)
    return _check(path, path)


def _unzip(path: Path, into: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                parts = PurePosixPath(member.filename).parts
                if member.filename.startswith("/") or ".." in parts:
                    raise InvalidInputError(
                        f"{path.name} memuat jalur berbahaya",
                        [Finding(f"entri '{member.filename}' keluar dari folder", file=path.name)],
                    )
            archive.extractall(into)
    except zipfile.BadZipFile:
        raise InvalidInputError(
            f"{path.name} bukan berkas zip yang sah",
            [Finding("berkas rusak atau bukan zip", file=path.name)],
            hint="minta pengirim mengirim ulang bundelnya",
        ) from None
    if (into / "bagit.txt").is_file():
        return into
    tops = [p for p in into.iterdir() if (p / "bagit.txt").is_file()]
    if len(tops) != 1:
        raise InvalidInputError(
            f"{path.name} tidak berisi satu bag BagIt",
            [Finding("tidak ada bagit.txt di puncak zip", file=path.name)],
        )
    return tops[0]


def _check(source: Path, root: Path) -> BagCheck:
    try:
        bag = bagit.Bag(str(root))
    except bagit.BagError as exc:
        return BagCheck(source, 0, {}, (BagProblem("invalid", str(exc)),))
    problems: list[BagProblem] = []
    only_manifest, only_disk = bag.compare_manifests_with_fs()
    missing = set(only_manifest)
    for rel in sorted(missing):
        expected = bag.entries.get(rel, {}).get("sha256")
        problems.append(BagProblem("missing", rel, expected))
    problems.extend(BagProblem("unexpected", rel) for rel in sorted(only_disk))
    checked = 0
    for rel, hashes in sorted(bag.entries.items()):
        target = root / rel
        if rel in missing or "sha256" not in hashes:
            continue
        if not target.is_file():
            problems.append(BagProblem("missing", rel, hashes["sha256"]))
            continue
        checked += 1
        found, _size = hash_file(target)
        if found != hashes["sha256"].lower():
            problems.append(BagProblem("altered", rel, hashes["sha256"].lower(), found))
    if not problems:
        # When every entry has a SHA-256 (checked above), bagit checks structure and
        # completeness only instead of hashing every file a second time.
        hashed = all("sha256" in hashes for hashes in bag.entries.values())
        try:
            bag.validate(completeness_only=hashed)
        except bagit.BagError as exc:
            problems.append(BagProblem("invalid", str(exc)))
    info = {k: v if isinstance(v, str) else "; ".join(v) for k, v in bag.info.items()}
    return BagCheck(source, checked, info, tuple(problems))
