"""Text and metadata date of an evidence file (the only pypdf and pypdfium2 imports).

PDF text comes from PDFium (pypdfium2), 15-25x faster than pypdf on LibreOffice-made PDFs for
the same words; pypdf keeps what it does well: structure, metadata and encryption. Should
PDFium refuse a file that pypdf can read, pypdf reads its text instead.

Pure functions of a path and a detected kind, so that ingest can run them in worker processes.
PDF pages without a text layer and images go through OCR (:mod:`zi_docs.evidence.ocr`) when a
cache folder is given and Tesseract is installed; otherwise the file is marked
:data:`STATUS_PENDING` and ``zi-docs archive ocr`` reads it later.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from zi_docs.dates_in_text import date_after, letter_head_date
from zi_docs.errors import ToolMissingError, ZiError
from zi_docs.evidence import ocr
from zi_docs.evidence.photo import photo_date
from zi_docs.evidence.sniff import IMAGE_KINDS
from zi_docs.evidence.textfiles import docx_text, read_plain_text, xlsx_text

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)

STATUS_OK = "ok"
STATUS_PENDING = "teks belum diekstrak"
"""Text still to be read by OCR (Tesseract missing, or not run yet)."""
STATUS_FAILED = "gagal"
STATUS_NONE = "tanpa teks"
"""A kind zi-docs keeps but does not read (video, legacy Office, presentations)."""

FAILURE_CORRUPT = "rusak"
FAILURE_ENCRYPTED = "berpassword"

TEXT_KINDS = frozenset({"txt", "csv", "md"})
PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Extraction:
    """What could be read from one file."""

    text: str
    status: str
    """:data:`STATUS_OK`, :data:`STATUS_PENDING`, :data:`STATUS_FAILED` or :data:`STATUS_NONE`."""
    page_count: int | None = None
    pages_without_text: tuple[int, ...] = ()
    """1-based PDF pages that have no text layer and were not (or could not be) OCR'd."""
    ocr_pages: tuple[int, ...] = ()
    """1-based PDF pages (or ``(0,)`` for an image) whose text came from OCR."""
    date: dt.date | None = None
    """The document's own date: for a PDF from its text ("pada tanggal ...", a dated letter
    head) before its metadata; for a photo from EXIF; DOCX/XLSX created."""
    date_source: str | None = None
    """Where ``date`` came from: ``teks``, ``metadata`` or ``exif``."""
    error: str | None = None
    """What is wrong and what to do, in Indonesian, when status is :data:`STATUS_FAILED`."""
    failure: str | None = None
    """:data:`FAILURE_CORRUPT` or :data:`FAILURE_ENCRYPTED`: the archive rejects such files."""
    notes: tuple[str, ...] = ()
    """Warnings worth showing (OCR language fallback, OCR tool missing)."""


class PendingFile(Protocol):
    """A stored file waiting for OCR (the archive's ``StoredFile`` fits)."""

    @property
    def sha256(self) -> str: ...
    @property
    def path(self) -> Path: ...
    @property
    def kind(self) -> str: ...


def extract(
    path: Path, kind: str, *, sha256: str | None = None, ocr_cache: Path | None = None
) -> Extraction:
    """Read ``path`` of detected ``kind``. Never raises for bad content: see ``status``.

    OCR runs only when ``ocr_cache`` (e.g. ``archive/cache/ocr``) and ``sha256`` are given.
    """
    cache = ocr_cache if sha256 else None
    try:
        if kind == "pdf":
            return _pdf(path, sha256 or "", cache)
        if kind in IMAGE_KINDS:
            return _image(path, sha256 or "", cache)
        if kind == "docx":
            text, created = docx_text(path)
            return Extraction(text, STATUS_OK, date=created, date_source=_source(created))
        if kind == "xlsx":
            text, created = xlsx_text(path)
            return Extraction(text, STATUS_OK, date=created, date_source=_source(created))
        if kind in TEXT_KINDS:
            return Extraction(read_plain_text(path), STATUS_OK)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, SyntaxError) as exc:
        return _corrupt(path, kind, exc)
    except OSError as exc:
        return Extraction(
            "",
            STATUS_FAILED,
            error=f"berkas {path.name} tidak dapat dibaca ({exc.strerror or exc}); periksa izin "
            "aksesnya atau salin ulang berkas aslinya",
        )
    return Extraction("", STATUS_NONE)


def ocr_pending(files: Iterable[PendingFile], cache_dir: Path) -> Iterator[tuple[str, Extraction]]:
    """For ``zi-docs archive ocr``: extract each file again with OCR; yields (sha256, result).

    Raises :class:`ToolMissingError` before reading anything when Tesseract is missing.
    """
    ocr.ocr_language()
    for stored in files:
        yield (
            stored.sha256,
            extract(stored.path, stored.kind, sha256=stored.sha256, ocr_cache=cache_dir),
        )


def _corrupt(path: Path, kind: str, exc: BaseException) -> Extraction:
    log.debug("cannot read %s as %s: %r", path, kind, exc)
    return Extraction(
        "",
        STATUS_FAILED,
        failure=FAILURE_CORRUPT,
        error=f"berkas {kind.upper()} '{path.name}' rusak atau tidak lengkap dan tidak dapat "
        "dibaca; buka berkas aslinya, simpan ulang atau unduh kembali, lalu tambahkan lagi",
    )


def _pdf(path: Path, sha256: str, cache: Path | None) -> Extraction:
    # the engines load when a PDF is read, not when zi-docs starts
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return _encrypted(path)
        count = len(reader.pages)
        created = _pdf_date(reader)
        pages = _pdfium_pages(path, count)
        if pages is None:
            pages = [page.extract_text() or "" for page in reader.pages]
    except DependencyError:
        return _encrypted(path)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, EOFError) as exc:
        return _corrupt(path, "pdf", exc)
    texts = [_clean(p) for p in pages]
    missing = [n for n, text in enumerate(texts, start=1) if not text]
    done: list[int] = []
    notes: list[str] = []
    tool_missing = False
    if cache is not None:
        for number in missing:
            try:
                result = ocr.ocr_pdf_page(path, number, sha256=sha256, cache_dir=cache)
            except ToolMissingError as exc:
                notes.append(_describe(exc))
                tool_missing = True
                break
            except ZiError as exc:  # this page stays without text; the others are still read
                notes.append(_describe(exc))
                continue
            texts[number - 1] = result.text
            done.append(number)
            _note_language(result, notes)
    written = date_after(texts[0]) or letter_head_date(texts[0]) if texts else None
    if written is None and len(texts) > 1:
        written = date_after(PAGE_SEPARATOR.join(texts))
    still = tuple(n for n in missing if n not in done)
    pending = tool_missing or (bool(still) and cache is None)
    status = STATUS_PENDING if pending else STATUS_OK
    return Extraction(
        PAGE_SEPARATOR.join(t for t in texts if t),
        status,
        page_count=len(texts),
        pages_without_text=still,
        ocr_pages=tuple(done),
        date=written or created,
        date_source="teks" if written else _source(created),
        notes=tuple(notes),
    )


def _pdfium_pages(path: Path, count: int) -> list[str] | None:
    """The text of every page by PDFium, or None when PDFium cannot read the file (or sees
    another page count than pypdf: then pypdf's reading is the one to trust)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        log.debug("PDFium cannot open %s (%r); reading its text with pypdf", path, exc)
        return None
    try:
        if len(document) != count:
            return None
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    except pypdfium2.PdfiumError as exc:
        log.debug("PDFium cannot read %s (%r); reading its text with pypdf", path, exc)
        return None
    finally:
        document.close()


_PDFIUM_NOISE = str.maketrans({"\x00": None, "\ufffe": None, "\x02": "-", "\r": None})
"""NULs; PDFium's marks for soft hyphens (U+FFFE) and hyphens at line ends (U+0002); the
CR of its CRLF line ends."""


def _clean(text: str) -> str:
    return text.translate(_PDFIUM_NOISE).strip()


def _image(path: Path, sha256: str, cache: Path | None) -> Extraction:
    read = _image_text(path, sha256, cache)
    taken = photo_date(path)
    return replace(read, date=taken, date_source="exif") if taken else read


def _image_text(path: Path, sha256: str, cache: Path | None) -> Extraction:
    if cache is None:
        return Extraction("", STATUS_PENDING)
    try:
        result = ocr.ocr_image(path, sha256=sha256, cache_dir=cache)
    except ToolMissingError as exc:
        return Extraction("", STATUS_PENDING, notes=(_describe(exc),))
    except ZiError as exc:
        return Extraction("", STATUS_FAILED, error=_describe(exc))
    notes: list[str] = []
    _note_language(result, notes)
    return Extraction(result.text, STATUS_OK, ocr_pages=(0,), notes=tuple(notes))


def _source(day: dt.date | None) -> str | None:
    return "metadata" if day else None


def _encrypted(path: Path) -> Extraction:
    return Extraction(
        "",
        STATUS_FAILED,
        failure=FAILURE_ENCRYPTED,
        error=f"PDF '{path.name}' dilindungi kata sandi sehingga isinya tidak dapat dibaca; "
        "simpan ulang tanpa kata sandi (mis. cetak ke PDF) lalu tambahkan lagi",
    )


def _pdf_date(reader: PdfReader) -> dt.date | None:
    from pypdf.errors import PyPdfError

    try:
        meta = reader.metadata
        if meta is None:
            return None
        raw = meta.get("/CreationDate")
    except (PyPdfError, ValueError, TypeError, KeyError):
        return None
    try:
        created: Any = meta.creation_date
    except (PyPdfError, ValueError, TypeError, KeyError):
        created = None
    if isinstance(created, dt.datetime):
        return created.date()
    return _lenient_pdf_date(str(raw)) if raw else None


_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _lenient_pdf_date(raw: str) -> dt.date | None:
    """The date part of a PDF date string that pypdf refuses, e.g. LibreOffice's
    ``D:20261123082629Z'`` (a stray apostrophe after the ``Z``)."""
    match = _PDF_DATE.match(raw.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _note_language(result: ocr.OcrText, notes: list[str]) -> None:
    if result.language != ocr.PREFERRED_LANGUAGE:
        note = "OCR memakai bahasa Inggris karena paket bahasa Indonesia Tesseract tidak ada"
        if note not in notes:
            notes.append(note)


def _describe(exc: ZiError) -> str:
    return f"{exc.message}; {exc.hint}" if exc.hint else exc.message
