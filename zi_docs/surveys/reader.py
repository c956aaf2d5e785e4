"""Read a survey export row by row: CSV (Google Forms, Kobo, Excel ``;`` exports) or XLSX.

Rows stream from the file, so memory does not grow with the number of answers. Row numbers are
those a spreadsheet shows (the header is row 1); cells keep their type from XLSX (numbers,
dates) and are text from CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding

Cell = object
"""``str``, ``int``, ``float``, ``datetime``/``date`` or ``None``."""
_SNIFF_BYTES = 65536


@dataclass(frozen=True)
class Sheet:
    """An opened export: its header and an iterator of data rows (row 2, 3, ... as a
    spreadsheet numbers them). Reading may raise one of ``read_errors``; :meth:`unreadable`
    turns it into the user's error for that row."""

    file: str
    header: tuple[str, ...]
    rows: Iterator[Sequence[Cell]]
    read_errors: tuple[type[Exception], ...] = ()

    def unreadable(self, row: int, exc: Exception) -> InvalidInputError:
        return _fail(self.file, f"baris {row} tidak terbaca ({exc})", _CSV_HINT)


def column_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA`` (as a spreadsheet names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _fail(file: str, message: str, hint: str) -> InvalidInputError:
    return InvalidInputError(
        f"{file} tidak dapat dibaca sebagai hasil survei",
        [Finding(message=message, file=file, code="survei-berkas")],
        hint=hint,
    )


@contextmanager
def open_sheet(path: Path, display: str | None = None) -> Iterator[Sheet]:
    """Open ``path`` (``.csv``, ``.txt`` or ``.xlsx``); the rows are valid inside the block."""
    file = display or str(path)
    if not path.is_file():
        raise _fail(file, "berkas tidak ada", "periksa nama dan folder berkas jawaban survei")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with _xlsx(path, file) as sheet:
            yield sheet
    elif suffix in (".csv", ".txt", ".tsv"):
        with _csv(path, file) as sheet:
            yield sheet
    else:
        raise _fail(
            file,
            f"jenis berkas '{suffix or '(tanpa akhiran)'}' tidak dikenal",
            "simpan hasil survei sebagai .csv atau .xlsx (Google Forms: Unduh respons (.csv))",
        )


def _encoding(head: bytes) -> str:
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        cut = len(head) == _SNIFF_BYTES and exc.start >= len(head) - 4
        if not cut:  # not merely a character cut at the end of the sniff window
            return "cp1252"
    return "utf-8-sig"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


@contextmanager
def _csv(path: Path, file: str) -> Iterator[Sheet]:
    with path.open("rb") as raw:
        head = raw.read(_SNIFF_BYTES)
    encoding = _encoding(head)
    first = head.decode(encoding, errors="replace").splitlines()[0] if head.strip() else ""
    with path.open("r", encoding=encoding, newline="") as stream:
        reader = csv.reader(stream, delimiter=_delimiter(first))
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise _fail(file, f"baris judul tidak terbaca ({exc})", _CSV_HINT) from None
        if not header or not any(h.strip() for h in header):
            raise _fail(file, "berkas kosong atau tanpa baris judul kolom", _HEADER_HINT)
        yield Sheet(file, tuple(h.strip() for h in header), reader, (csv.Error, UnicodeDecodeError))


_CSV_HINT = "simpan ulang berkasnya sebagai CSV UTF-8 dari Excel atau Google Sheets"
_HEADER_HINT = "baris pertama harus berisi judul kolom (mis. U1 ... U9 atau teks pertanyaan)"


@contextmanager
def _xlsx(path: Path, file: str) -> Iterator[Sheet]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _fail(
            file, f"bukan berkas Excel yang sah ({type(exc).__name__})", _XLSX_HINT
        ) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(h is not None and str(h).strip() for h in header):
            raise _fail(file, "lembar pertama kosong atau tanpa baris judul kolom", _HEADER_HINT)
        yield Sheet(
            file,
            tuple("" if h is None else str(h).strip() for h in header),
            _xlsx_rows(rows),
        )
    finally:
        book.close()


_XLSX_HINT = "buka berkasnya di Excel lalu simpan ulang sebagai .xlsx, atau ekspor sebagai CSV"


def _xlsx_rows(rows: Iterator[tuple[object, ...]]) -> Iterator[Sequence[Cell]]:
    for row in rows:
        yield [_plain(v) for v in row]


def _plain(value: object) -> Cell:
    """Booleans become text (``True == 1`` must not read as a score)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return value
