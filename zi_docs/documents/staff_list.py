"""Read a list (employees, SK members, rencana kerja activities, monev realisation) from a
CSV or XLSX file, where people keep such lists.

The first row names the columns: the fields of the record each row is checked against.
Rows become records validated like YAML input: every problem names the file, the row's line
and the column (``daftar-pegawai.csv:7 (nip): NIP harus 18 digit``). A column whose field is
a list (indikator, jadwal) takes its items separated by commas or semicolons. This is the
documents' openpyxl *reading* home; workbooks are written only by :mod:`zi_docs.spreadsheet`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from zi_docs import zipcheck
from zi_docs.schema import Context, ListOf, Record
from zi_docs.yamlio import PathKey, YamlDoc

COLUMNS = ("nama", "nip", "jabatan", "pangkat", "golongan")


class _Unreadable(ValueError):
    """The file cannot be read as a staff list; the message says why, in Indonesian."""


def _decode(raw: bytes) -> str:
    """Text of a CSV as Excel and editors save it: UTF-8 (BOM or not), UTF-16 with BOM, or
    the Windows code page ("CSV" from Excel on an Indonesian Windows)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _Unreadable("berkas UTF-16 rusak; simpan ulang sebagai CSV UTF-8") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _rows_csv(path: Path) -> list[tuple[int, list[Any]]]:
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise _Unreadable("berisi karakter NUL (bukan teks CSV); simpan ulang sebagai CSV UTF-8")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error:
        raise _Unreadable(
            f"baris {reader.line_num + 1}: satu isian lebih dari 128 KiB atau tanda kutip "
            'tidak ditutup; periksa tanda kutip (") di baris itu'
        ) from None
    return rows


def _rows_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    bomb = zipcheck.file_problem(path)
    if bomb is not None:
        raise _Unreadable(bomb)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises whatever its parsers meet in a damaged file
        raise _Unreadable(
            "bukan berkas Excel .xlsx yang utuh; buka di Excel/LibreOffice lalu simpan ulang "
            "sebagai .xlsx"
        ) from None
    try:
        if not book.worksheets:
            raise _Unreadable("tidak punya lembar kerja")
        sheet = book.worksheets[0]
        return [(i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    except _Unreadable:
        raise
    except Exception:
        raise _Unreadable(
            "isi lembar kerjanya rusak; buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx"
        ) from None
    finally:
        book.close()


def read_staff(value: Any, path: PathKey, ctx: Context, record: Record) -> list[dict[str, Any]]:
    """Check a ``daftar_pegawai`` value (a file name next to the input) and load its rows."""
    return read_sheet(value, path, ctx, record, columns=COLUMNS, example="daftar-pegawai.csv")


def read_sheet(
    value: Any,
    path: PathKey,
    ctx: Context,
    record: Record,
    *,
    columns: tuple[str, ...] | None = None,
    lists: tuple[str, ...] = (),
    example: str = "daftar.csv",
) -> list[dict[str, Any]]:
    """Check a value naming a CSV/XLSX file next to the input and load its rows as records.

    ``columns``: the columns read (default: every field of ``record``); the required fields
    of ``record`` must have a column. ``lists``: more columns whose cell holds several items.
    """
    columns = columns or tuple(f.name for f in record.fields)
    required = tuple(f.name for f in record.fields if f.required and f.name in columns)
    lists = (*lists, *(f.name for f in record.fields if isinstance(f.kind, ListOf)))
    if not isinstance(value, str) or not value.strip():
        ctx.fail(path, f"harus nama berkas CSV atau XLSX, misalnya {example}", "jenis-teks")
        return []
    base = ctx.extra.get("base_dir") or Path.cwd()
    file = (Path(base) / value.strip()).resolve()
    workspace = ctx.extra.get("workspace")
    shown = workspace.display(file) if workspace is not None else str(file)
    if workspace is not None and not file.is_relative_to(workspace.root.resolve()):
        ctx.fail(
            path,
            f"berkas {value.strip()} berada di luar folder ruang kerja (atau lewat tautan); "
            "salin daftar pegawainya ke folder inputs/ dan tulis namanya saja",
            "di-luar-ruang-kerja",
        )
        return []
    if not file.is_file():
        ctx.fail(path, f"berkas {shown} tidak ditemukan", "berkas-tidak-ada")
        return []
    suffix = file.suffix.lower()
    try:
        if suffix == ".csv":
            rows = _rows_csv(file)
        elif suffix in (".xlsx", ".xlsm"):
            rows = _rows_xlsx(file)
        else:
            ctx.fail(path, f"berkas {shown} harus berupa .csv atau .xlsx", "berkas-jenis")
            return []
    except _Unreadable as exc:
        ctx.fail(path, f"berkas {shown} tidak dapat dibaca: {exc}", "berkas-tak-terbaca")
        return []
    except OSError as exc:
        ctx.fail(
            path, f"berkas {shown} tidak dapat dibaca ({exc.strerror or exc})", "berkas-tak-terbaca"
        )
        return []
    rows = [(line, row) for line, row in rows if any(str(c or "").strip() for c in row)]
    if not rows:
        ctx.fail(path, f"berkas {shown} kosong", "berkas-kosong")
        return []
    header_line, header = rows[0]
    names = [str(c or "").strip().lower() for c in header]
    missing = [c for c in required if c not in names]
    if missing:
        ctx.fail(
            path,
            f"{shown} baris {header_line}: kolom {', '.join(missing)} tidak ada; "
            f"baris pertama harus judul kolom: {', '.join(columns)}",
            "berkas-kolom",
        )
        return []
    people: list[dict[str, Any]] = []
    for line, row in rows[1:]:
        raw: dict[str, Any] = {}
        for name, cell in zip(names, row, strict=False):
            if name not in columns or cell is None or str(cell).strip() == "":
                continue
            if name in lists:
                cell = _items(cell)
            if name == "nip" and isinstance(cell, (int, float)) and not isinstance(cell, bool):
                ctx.problems.append(
                    YamlDoc(None, shown, {(): line}).finding(
                        ("nip",),
                        "NIP tersimpan sebagai angka (digit terakhir bisa hilang); ubah "
                        "format kolom NIP menjadi Teks lalu ketik ulang",
                        code="nip-format",
                    )
                )
                cell = str(int(cell))
            raw[name] = cell
        doc = YamlDoc(data=raw, file=shown, lines={(): line})
        sub = Context(doc=doc, extra=ctx.extra)
        cleaned = record.check(raw, (), sub)
        ctx.problems.extend(sub.problems)
        people.append(cleaned)
    return people


def _items(cell: Any) -> list[Any]:
    """A list cell: ``P.MP.i.a, P.MP.i.b`` -> two items; numbers stay numbers."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return [int(cell) if float(cell).is_integer() else cell]
    items: list[Any] = []
    for part in re.split(r"[;,]", str(cell)):
        text = part.strip()
        if text:
            items.append(int(text) if text.isdigit() else text)
    return items


def read_rows(file: Path) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a CSV/XLSX staff list as ``(line, {column: cell})`` by lower-case header,
    without validation (for cross-document checks). Raises ``OSError``/``ValueError``
    (a damaged file's reason in Indonesian)."""
    rows = _rows_xlsx(file) if file.suffix.lower() in (".xlsx", ".xlsm") else _rows_csv(file)
    rows = [(line, row) for line, row in rows if any(str(c or "").strip() for c in row)]
    if not rows:
        return []
    names = [str(c or "").strip().lower() for c in rows[0][1]]
    return [(line, dict(zip(names, row, strict=False))) for line, row in rows[1:]]
