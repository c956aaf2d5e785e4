"""Read an .xlsx workbook into plain grids (the evaluation package's openpyxl home).

The cells come from the sheet XML in one pass (:mod:`sheet_xml`): values, formulas together
with the values Excel cached for them, percentage formats, hidden rows and merged ranges.
openpyxl is used only to translate a shared formula into each cell's own text.

Files that are not workbooks are recognised by their first bytes and named plainly: an old
``.xls``, a password-protected workbook (both OLE compound files), anything else.
"""

from __future__ import annotations

import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.sheet_xml import NO_CACHE, Grid, cell_name, read_sheets
from zi_docs.findings import Finding
from zi_docs.zipcheck import expansion_problem

__all__ = ["NO_CACHE", "Book", "Grid", "cell_name", "finite", "read_book"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


@dataclass(frozen=True)
class Book:
    """A read workbook."""

    file: str
    """The file as shown to the user."""
    grids: tuple[Grid, ...]


def _problem(file: str, message: str, hint: str, code: str) -> InvalidInputError:
    return InvalidInputError(
        f"{file} tidak dapat diimpor: {message}",
        [Finding(message=message, file=file, code=code)],
        hint=hint,
    )


def _sniff(path: Path, file: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                body = head + handle.read(4 * 1024 * 1024)
    except FileNotFoundError:
        raise _problem(
            file, "berkas tidak ditemukan", "periksa nama dan foldernya", "xlsx-tidak-ada"
        ) from None
    except IsADirectoryError:
        raise _problem(
            file, "itu sebuah folder, bukan berkas", "sebutkan berkas .xlsx-nya", "xlsx-tidak-ada"
        ) from None
    if head == _OLE_MAGIC:
        if _ENCRYPTED_MARK in body:
            raise _problem(
                file,
                "buku kerja dilindungi kata sandi sehingga isinya tidak dapat dibaca",
                "buka di Excel, hapus kata sandinya (File > Info > Lindungi Buku Kerja > "
                "Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi",
                "xlsx-sandi",
            )
        raise _problem(
            file,
            "berkas berformat Excel lama (.xls), bukan .xlsx",
            "buka di Excel atau LibreOffice lalu simpan sebagai 'Buku Kerja Excel (.xlsx)'",
            "xlsx-lama",
        )
    if head[:4] != _ZIP_MAGIC:
        raise _problem(
            file,
            "isinya bukan buku kerja Excel .xlsx",
            "pilih berkas .xlsx hasil Excel atau LibreOffice (bukan PDF, CSV, atau gambar)",
            "xlsx-bukan-buku-kerja",
        )


def read_book(path: Path, *, display: str | None = None) -> Book:
    """Every worksheet of ``path``; raise :class:`InvalidInputError` for a file that is not
    a readable .xlsx, saying what it is and what to do."""
    file = display or str(path)
    _sniff(path, file)
    sheets: list[Grid] = []
    try:
        with zipfile.ZipFile(path) as archive:
            bomb = expansion_problem(archive.infolist())
            if bomb is None:
                sheets = list(read_sheets(archive, _translate))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError) as exc:
        raise _problem(
            file,
            f"buku kerja rusak atau tidak lengkap ({type(exc).__name__})",
            "buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi",
            "xlsx-rusak",
        ) from None
    if bomb is not None:
        raise _problem(
            file, bomb, "minta berkas aslinya dari pengirimnya lalu impor lagi", "xlsx-bom-zip"
        )
    return Book(file=file, grids=tuple(sheets))


def _translate(formula: str, origin: str, ref: str) -> str:
    """The formula of ``ref`` that shares ``formula``, written at ``origin``."""
    from openpyxl.formula.translate import Translator, TranslatorError

    try:
        return str(Translator(formula, origin=origin).translate_formula(ref))
    except TranslatorError:
        return formula


def finite(value: Any) -> float | None:
    """A cell value as a finite number, or ``None``."""
    if isinstance(value, bool) or value is None or value is NO_CACHE:
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ".").replace("%", "").strip())
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None
