"""File type detection from content (magic bytes), with the extension only as a tie-breaker."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    """What a file is, judged from its bytes."""

    kind: str
    """Short name stored in the archive and used by ``--jenis`` (``pdf``, ``docx``, ``png`` ...)."""
    mime: str
    label: str
    """What the user calls it, in Indonesian."""


PDF = FileType("pdf", "application/pdf", "PDF")
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "dokumen Word",
)
XLSX = FileType(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "lembar kerja Excel",
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "presentasi PowerPoint",
)
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", "dokumen ODT")
ODS = FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", "lembar kerja ODS")
OLE = FileType("ole", "application/x-ole-storage", "dokumen Office lama (.doc/.xls/.ppt)")
PNG = FileType("png", "image/png", "gambar PNG")
JPEG = FileType("jpg", "image/jpeg", "gambar JPEG")
GIF = FileType("gif", "image/gif", "gambar GIF")
TIFF = FileType("tiff", "image/tiff", "gambar TIFF")
WEBP = FileType("webp", "image/webp", "gambar WebP")
MP4 = FileType("mp4", "video/mp4", "video MP4")
TXT = FileType("txt", "text/plain", "teks")
CSV = FileType("csv", "text/csv", "teks CSV")
MD = FileType("md", "text/markdown", "teks Markdown")

SUPPORTED = (PDF, DOCX, XLSX, PPTX, ODT, ODS, OLE, PNG, JPEG, GIF, TIFF, WEBP, MP4, TXT, CSV, MD)
KINDS = tuple(t.kind for t in SUPPORTED)
IMAGE_KINDS = frozenset({"png", "jpg", "gif", "tiff", "webp"})

_MAGIC: tuple[tuple[bytes, FileType], ...] = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
)
_ZIP_MEMBERS: tuple[tuple[str, FileType], ...] = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
_ODF = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
}
_TEXT_EXT = {".csv": CSV, ".md": MD, ".markdown": MD}


class UnknownType(Exception):
    """The content matches no supported type. ``reason`` is an Indonesian phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def detect(path: Path) -> FileType:
    """The type of ``path`` from its first bytes (ZIP containers are opened to tell them apart).

    Raises :class:`UnknownType` when the content is of no supported type.
    """
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    for magic, ftype in _MAGIC:
        if head.startswith(magic):
            return ftype
    if b"%PDF-" in head[:1024]:
        return PDF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp":
        return MP4
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path, head)
    if _looks_like_text(head):
        return _TEXT_EXT.get(path.suffix.lower(), TXT)
    raise UnknownType(_describe_unknown(path, head))


def _zip_type(path: Path, head: bytes) -> FileType:
    for mimetype, ftype in _ODF.items():
        if head[30:38] == b"mimetype" and mimetype in head[:200]:
            return ftype
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnknownType("berkas ZIP/Office rusak") from exc
    for member, ftype in _ZIP_MEMBERS:
        if member in names:
            return ftype
    raise UnknownType("arsip ZIP; zi-docs menyimpan berkas satu per satu, bukan arsip terkompresi")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
            return _mostly_printable(head)
    return _mostly_printable(head)


def _mostly_printable(head: bytes) -> bool:
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control <= len(head) // 100


def _describe_unknown(path: Path, head: bytes) -> str:
    if head.startswith(b"\x7fELF") or head.startswith(b"MZ"):
        return "program/berkas eksekusi"
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "arsip terkompresi"
    suffix = path.suffix.lower() or "tanpa ekstensi"
    return f"isi berkas tidak dikenali ({suffix})"
