"""Incoming files before they enter the archive: collect, validate, hash, detect type, read text.

:func:`prepare` runs in worker processes; it returns a :class:`Prepared` file or a
:class:`Rejection` with one Indonesian sentence saying what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zi_docs import zipcheck
from zi_docs.angka import angka
from zi_docs.evidence.sniff import FileType, UnknownType, detect
from zi_docs.evidence.store import hash_file
from zi_docs.refs import IndicatorRef

DEFAULT_MAX_MB = 100
_IGNORED = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_ZIPPED = frozenset({"docx", "xlsx", "pptx", "odt", "ods"})
_CLAIMED = {".pdf": "PDF", ".docx": "dokumen Word", ".xlsx": "lembar kerja Excel", ".png": "PNG"}
_CLAIMED |= {".jpg": "JPEG", ".jpeg": "JPEG"}


@dataclass(frozen=True)
class Candidate:
    """A file named on the command line or found in a folder, with the tags it should get."""

    path: Path
    tags: tuple[IndicatorRef, ...] = ()
    display_name: str | None = None
    """The name to record instead of the path's (an upload's original name); never a path."""


@dataclass(frozen=True)
class Rejection:
    """A file that was not added; nothing of it is left in the archive."""

    source: str
    """The file as the user knows it (undecodable bytes shown as U+FFFD)."""
    reason: str
    """What is wrong and what to do, in Indonesian."""
    code: str
    """Stable code for scripts and tests: ``empty``, ``too-large``, ``encrypted`` ..."""


@dataclass(frozen=True)
class Prepared:
    """A valid file, hashed and read, ready to be stored."""

    path: Path
    source: str
    name: str
    """The file name, NFC-normalised."""
    sha256: str
    size: int
    ftype: FileType
    tags: tuple[IndicatorRef, ...]
    text: str
    text_status: str
    pages: int | None
    meta_date: dt.date | None
    """The document's own date found in the file (its text, EXIF or metadata), if any."""
    known: bool
    """Already in the archive when prepared: text was not extracted again."""
    meta_source: str | None = None
    """Where ``meta_date`` came from: ``teks``, ``exif`` or ``metadata``."""


def shown(path: Path) -> str:
    """A path for messages, even when its bytes are not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "replace")


def collect(
    paths: Iterable[Path], tags: tuple[IndicatorRef, ...] = (), *, archive_root: Path | None = None
) -> tuple[list[Candidate], list[Rejection]]:
    """Expand folders (recursively; links inside them are refused), in a stable order.

    The archive's own folder is never taken as input (adding the workspace folder is safe).
    """
    found: list[Candidate] = []
    rejected: list[Rejection] = []
    seen: set[Path] = set()
    own = archive_root.resolve() if archive_root is not None else None

    def visit(path: Path, named: bool) -> None:
        if path in seen:
            return
        seen.add(path)
        if own is not None and path.is_dir() and path.resolve() == own:
            rejected.append(
                Rejection(
                    shown(path),
                    "ini folder arsip zi-docs sendiri; isinya "
                    "sudah tersimpan dan tidak ditambahkan lagi",
                    "arsip-sendiri",
                )
            )
            return
        if path.is_symlink() and not path.exists():
            rejected.append(
                Rejection(
                    shown(path),
                    "tautan (symlink) rusak: tujuannya tidak "
                    "ada; perbaiki tautannya atau tambahkan berkas aslinya",
                    "tautan-rusak",
                )
            )
        elif path.is_symlink() and not named:
            # never followed inside a folder: it could point anywhere (``/etc/passwd``)
            rejected.append(
                Rejection(
                    shown(path),
                    "tautan (symlink/shortcut) di dalam folder tidak diikuti; salin berkas "
                    "aslinya ke folder itu lalu tambahkan lagi",
                    "tautan-tak-diikuti",
                )
            )
        elif path.is_dir():
            try:
                entries = sorted(path.iterdir(), key=lambda p: os.fsencode(p.name))
            except OSError as exc:
                rejected.append(
                    Rejection(
                        shown(path),
                        f"folder tidak bisa dibaca ({exc.strerror}); periksa izin aksesnya",
                        "tak-terbaca",
                    )
                )
                return
            for entry in entries:
                if entry.name.lower() in _IGNORED or entry.name.startswith("."):
                    continue
                visit(entry, named=False)
        elif path.exists() or path.is_symlink():
            found.append(Candidate(path, tags))
        else:
            rejected.append(
                Rejection(
                    shown(path), "berkas atau folder tidak ada; periksa ejaan jalurnya", "tidak-ada"
                )
            )

    for path in paths:
        visit(Path(path), named=True)
    return found, rejected


def prepare(
    candidate: Candidate, max_size: int, known: frozenset[str], ocr_cache: Path | None = None
) -> Prepared | Rejection:
    """Validate one file and read what the archive records about it. Never raises for bad
    input: every problem becomes a :class:`Rejection`."""
    path = candidate.path
    source = candidate.display_name or shown(path)
    try:
        name = unicodedata.normalize("NFC", candidate.display_name or path.name)
        name.encode("utf-8")
    except UnicodeEncodeError:
        return Rejection(
            source,
            "nama berkas bukan teks UTF-8 yang sah (biasanya dibuat di "
            "sistem lama); ganti nama berkasnya lalu tambahkan lagi",
            "nama-tak-sah",
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        return Rejection(
            source, "tautan (symlink) rusak atau berkas hilang; periksa berkasnya", "tautan-rusak"
        )
    except OSError as exc:
        return Rejection(
            source,
            f"berkas tidak bisa dibaca ({exc.strerror}); periksa izin aksesnya",
            "tak-terbaca",
        )
    if not stat.S_ISREG(info.st_mode):
        return Rejection(
            source,
            "bukan berkas biasa (perangkat, pipa, atau soket); tambahkan berkas dokumennya",
            "bukan-berkas-biasa",
        )
    if info.st_size == 0:
        return Rejection(
            source,
            "berkas kosong (0 bita); kemungkinan unggahan atau unduhan "
            "gagal, ambil ulang berkas aslinya",
            "kosong",
        )
    if info.st_size > max_size:
        return Rejection(
            source,
            f"ukuran {megabytes(info.st_size)} melebihi batas {megabytes(max_size)}; "
            "perkecil berkasnya (kompres PDF/gambar) atau naikkan batas dengan "
            "--maks-mb",
            "terlalu-besar",
        )
    try:
        ftype = detect(path)
        sha256, size = hash_file(path)
    except PermissionError:
        return Rejection(
            source,
            "berkas tidak bisa dibaca (izin ditolak); periksa izin "
            "aksesnya atau salin berkasnya ke folder Anda",
            "tak-terbaca",
        )
    except OSError as exc:
        return Rejection(
            source, f"berkas tidak bisa dibaca ({exc.strerror}); periksa berkasnya", "tak-terbaca"
        )
    except UnknownType as exc:
        if path.suffix.lower() == ".pdf":
            return Rejection(
                source,
                "berkas berakhiran .pdf tetapi isinya bukan PDF (rusak "
                "atau salah nama); buka dan simpan ulang sebagai PDF",
                "rusak",
            )
        return Rejection(
            source,
            f"jenis berkas tidak didukung: {exc.reason}; simpan sebagai "
            "PDF, DOCX, XLSX, gambar (PNG/JPG) atau teks",
            "jenis-tak-didukung",
        )
    claimed = _CLAIMED.get(path.suffix.lower())
    if claimed is not None and ftype.kind in ("txt", "csv", "md"):
        return Rejection(
            source,
            f"berkas berakhiran {path.suffix} tetapi isinya teks biasa, bukan {claimed} (rusak "
            "atau salah nama); buka berkas aslinya dan simpan ulang",
            "rusak",
        )
    if ftype.kind in _ZIPPED and (bomb := zipcheck.file_problem(path)) is not None:
        return Rejection(
            source,
            f"{bomb}; buka berkas aslinya dan simpan ulang dari Word/Excel/LibreOffice",
            "bom-zip",
        )
    if sha256 in known:
        return Prepared(
            path, source, name, sha256, size, ftype, candidate.tags, "", "", None, None, known=True
        )
    from zi_docs.evidence import extract as engine  # loaded by the commands that read files

    extracted = engine.extract(path, ftype.kind, sha256=sha256, ocr_cache=ocr_cache)
    if extracted.failure is not None:  # corrupt or password-protected: the message says what to do
        return Rejection(source, extracted.error or extracted.failure, extracted.failure)
    return Prepared(
        path,
        source,
        name,
        sha256,
        size,
        ftype,
        candidate.tags,
        extracted.text,
        extracted.status,
        extracted.page_count,
        extracted.date,
        known=False,
        meta_source=extracted.date_source,
    )


def megabytes(size: int) -> str:
    """``1234567`` -> ``1,2 MB`` (decimal comma), as messages show sizes."""
    return f"{angka(size / 1_000_000, 1)} MB"
