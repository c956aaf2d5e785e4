"""OCR through Tesseract (the only Tesseract and pdftoppm subprocess), cached by SHA-256.

Images are read as they are; a PDF page without a text layer is first rendered to PNG at
200 dpi with ``pdftoppm``. Results are kept under ``archive/cache/ocr/`` keyed by the file's
SHA-256, the page and the language, so nothing is ever OCR'd twice.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zi_docs.errors import ToolMissingError, ZiError
from zi_docs.outputs import write_text_atomic
from zi_docs.programs import find_program, install_hint

log = logging.getLogger(__name__)

TESSERACT = "tesseract"
PDFTOPPM = "pdftoppm"
"""Keys of :mod:`zi_docs.programs`, which finds the programs (also at Windows install paths)."""
PREFERRED_LANGUAGE = "ind"
FALLBACK_LANGUAGE = "eng"
RENDER_DPI = 200
TIMEOUT_SECONDS = 180

_Reader = Callable[[str], str]
"""Reads the text of one image or page in the given Tesseract language."""


@dataclass(frozen=True)
class OcrText:
    """Text read from one image or one rendered PDF page."""

    text: str
    language: str
    """Tesseract language used (``ind``; ``eng`` only when ``ind`` is not installed)."""
    cached: bool
    """True when the text came from the cache and Tesseract did not run."""


class OcrError(ZiError):
    """Tesseract or pdftoppm ran but could not read the file."""


def tesseract_available() -> bool:
    return find_program(TESSERACT) is not None


def _program(name: str) -> str:
    """The full path of an OCR program (checked to exist before use)."""
    return find_program(name) or name


@lru_cache(maxsize=1)
def ocr_language() -> str:
    """``ind`` when its language pack is installed, otherwise ``eng`` (with a warning).

    Raises :class:`ToolMissingError` when Tesseract is not installed.
    """
    if not tesseract_available():
        raise ToolMissingError(
            "Tesseract OCR tidak terpasang, jadi teks gambar dan hasil pindaian belum dapat dibaca",
            hint=install_hint(TESSERACT, "tesseract-ocr tesseract-ocr-ind")
            + " (di Windows pilih juga bahasa Indonesian saat memasang), lalu jalankan: "
            "zi-docs archive ocr",
        )
    listed = _run_tool([_program(TESSERACT), "--list-langs"]).stdout
    languages = {line.strip() for line in listed.splitlines()[1:]}
    if PREFERRED_LANGUAGE in languages:
        return PREFERRED_LANGUAGE
    log.warning(
        "paket bahasa Indonesia Tesseract (ind) tidak terpasang; OCR memakai bahasa Inggris "
        "(eng), hasilnya kurang akurat. Pasang 'tesseract-ocr-ind' lalu kosongkan "
        "archive/cache/ocr untuk membaca ulang."
    )
    return FALLBACK_LANGUAGE


def cache_file(cache_dir: Path, sha256: str, page: int, language: str) -> Path:
    """Where the text of ``page`` (0 for an image) of the file ``sha256`` is cached."""
    return cache_dir / sha256[:2] / f"{sha256}-{page}-{language}.txt"


def ocr_image(image: Path, *, sha256: str, cache_dir: Path) -> OcrText:
    """Text of an image file (PNG, JPEG, TIFF ...)."""
    return _cached(cache_dir, sha256, 0, lambda lang: _tesseract(image, lang))


def ocr_pdf_page(pdf: Path, page: int, *, sha256: str, cache_dir: Path) -> OcrText:
    """Text of one PDF page (1-based), rendered at 200 dpi and read by Tesseract."""

    def read(language: str) -> str:
        with tempfile.TemporaryDirectory(prefix="zi-ocr-") as tmp:
            prefix = Path(tmp) / "page"
            _run_tool(
                [
                    _program(PDFTOPPM),
                    "-r",
                    str(RENDER_DPI),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-png",
                    str(pdf),
                    str(prefix),
                ],
                what=f"halaman {page} dari {pdf.name} tidak dapat digambar ulang untuk OCR",
            )
            images = sorted(Path(tmp).glob("page*.png"))
            if not images:
                raise OcrError(f"halaman {page} dari {pdf.name} tidak ada atau kosong")
            return _tesseract(images[0], language)

    return _cached(cache_dir, sha256, page, read)


def _cached(cache_dir: Path, sha256: str, page: int, read: _Reader) -> OcrText:
    language = ocr_language()
    target = cache_file(cache_dir, sha256, page, language)
    if target.is_file():
        return OcrText(target.read_text(encoding="utf-8"), language, cached=True)
    if page and find_program(PDFTOPPM) is None:
        raise ToolMissingError(
            "pdftoppm (poppler-utils) tidak terpasang, halaman PDF hasil pindaian belum dapat "
            "dibaca",
            hint=install_hint(PDFTOPPM, "poppler-utils") + ", lalu jalankan: zi-docs archive ocr",
        )
    text = read(language)
    _write_atomic(target, text)
    return OcrText(text, language, cached=False)


def _tesseract(image: Path, language: str) -> str:
    done = _run_tool(
        [_program(TESSERACT), str(image), "stdout", "-l", language],
        what=f"Tesseract tidak dapat membaca gambar {image.name}",
    )
    return done.stdout.replace("\x0c", "\n").strip()


def _run_tool(args: list[str], what: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run an OCR tool; a failure becomes :class:`OcrError` naming the file."""
    try:
        done = subprocess.run(
            args,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"{what or args[0]}: melewati batas waktu {TIMEOUT_SECONDS} detik") from exc
    if done.returncode != 0:
        detail = (done.stderr or "").strip().splitlines()
        raise OcrError(
            f"{what or args[0]} ({detail[-1] if detail else f'kode {done.returncode}'})",
            hint="periksa apakah berkas itu rusak; berkas tetap disimpan tanpa teks",
        )
    return done


def _write_atomic(target: Path, text: str) -> None:
    write_text_atomic(target, text)
