"""``zi-docs export --verifikasi``: validate a received bag (folder or ``.zip``) and name every
missing, altered and unexpected file with path, expected and found (the bagit-python
vocabulary: FileMissing, ChecksumMismatch, UnexpectedFile)."""

from __future__ import annotations

import logging
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import bagit

from zi_docs import zipcheck
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
        if self.kind == "link":
            return f"{self.path} adalah tautan (symlink); tidak diikuti, kirim berkas aslinya"
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


_CHUNK = 1 << 20


def _unzip(path: Path, into: Path) -> Path:
    """Extract a received zip after checking every member: no path leaving the folder, no
    link, a total size that fits on the disk, no member compressed suspiciously well (a zip
    bomb); each member is written only up to the size its header declares."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(path, members, into)
            for member in members:
                _extract(archive, member, into, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
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


def _bad_zip(path: Path, message: str) -> InvalidInputError:
    return InvalidInputError(
        f"{path.name} tidak diekstrak",
        [Finding(message, file=path.name)],
        hint="minta pengirim mengekspor ulang bundelnya dengan zi-docs export --zip",
    )


def _check_members(path: Path, members: list[zipfile.ZipInfo], into: Path) -> None:
    total = 0
    for member in members:
        name = member.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or ":" in name:
            raise _bad_zip(path, f"entri '{name}' keluar dari folder (jalur berbahaya)")
        if stat.S_ISLNK(member.external_attr >> 16):
            raise _bad_zip(path, f"entri '{name}' adalah tautan (symlink); bundel tidak memuatnya")
        bomb = zipcheck.expansion_problem([member], max_total=member.file_size)
        if bomb is not None:
            raise _bad_zip(path, f"{bomb}; tidak diekstrak")
        total += member.file_size
    free = shutil.disk_usage(into).free
    if total > free:
        raise _bad_zip(
            path,
            f"isi zip {total // 1_000_000} MB melebihi ruang kosong disk sementara "
            f"({free // 1_000_000} MB)",
        )


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, into: Path, path: Path) -> None:
    target = into.joinpath(*PurePosixPath(member.filename).parts)
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(member) as src, target.open("wb") as dst:
        while block := src.read(_CHUNK):
            written += len(block)
            if written > member.file_size:  # the header lied about the size
                raise _bad_zip(path, f"entri '{member.filename}' lebih besar dari yang tercatat")
            dst.write(block)


_BAG_ERRORS = (
    ("Expected bagit.txt does not exist", "bagit.txt tidak ada"),
    ("Missing required tag in bagit.txt", "bagit.txt tidak lengkap"),
    ("Bag version numbers must be", "versi BagIt di bagit.txt tidak sah"),
    ("Unsupported bag version", "versi BagIt tidak didukung"),
    ("Unsupported encoding", "pengodean berkas tag tidak didukung"),
    ("is unsafe", "manifest memuat jalur yang keluar dari folder bundel"),
    ("multiple times", "manifest mencantumkan berkas yang sama lebih dari sekali"),
    ("No manifest files found", "tidak ada berkas manifest"),
    ("Payload-Oxum", "Payload-Oxum di bag-info.txt tidak cocok dengan isinya"),
    ("Bag is incomplete", "bundel tidak lengkap"),
    ("Bag validation failed", "isi bundel tidak cocok dengan manifest"),
)


def _explain(exc: BaseException) -> str:
    """bagit-python speaks English; the user reads Indonesian."""
    if isinstance(exc, UnicodeError):
        return "berkas manifest atau tag bukan teks UTF-8"
    text = str(exc)
    for pattern, meaning in _BAG_ERRORS:
        if pattern in text:
            return meaning
    return "berkas tag atau manifest tidak terbaca"


def _check(source: Path, root: Path) -> BagCheck:
    try:
        bag = bagit.Bag(str(root))
    except (bagit.BagError, UnicodeError, ValueError, OSError) as exc:
        return BagCheck(source, 0, {}, (BagProblem("invalid", _explain(exc)),))
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
        if target.is_symlink() or any(p.is_symlink() for p in target.parents if p != root):
            problems.append(BagProblem("link", rel))  # never followed out of the bundle
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
        except (bagit.BagError, UnicodeError, ValueError, OSError) as exc:
            problems.append(BagProblem("invalid", _explain(exc)))
    info = {k: v if isinstance(v, str) else "; ".join(v) for k, v in bag.info.items()}
    return BagCheck(source, checked, info, tuple(problems))
