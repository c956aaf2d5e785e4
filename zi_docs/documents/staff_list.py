"""Read a list of employees (nama, nip, jabatan, ...) from a CSV or XLSX file.

Rows become records validated like YAML input: every problem names the file, the row's line
and the column (``daftar-pegawai.csv:7 (nip): NIP harus 18 digit``). This is the documents'
openpyxl *reading* home (staff lists); workbooks are written only by :mod:`zi_docs.spreadsheet`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from zi_docs.schema import Context, Record
from zi_docs.yamlio import PathKey, YamlDoc

COLUMNS = ("nama", "nip", "jabatan", "pangkat", "golongan")


def _rows_csv(path: Path) -> list[tuple[int, list[Any]]]:
    text = path.read_bytes().decode("utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    return [(reader.line_num, row) for row in reader]


def _rows_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [(i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()


def read_staff(value: Any, path: PathKey, ctx: Context, record: Record) -> list[dict[str, Any]]:
    """Check a ``daftar_pegawai`` value (a file name next to the input) and load its rows."""
    if not isinstance(value, str) or not value.strip():
        ctx.fail(path, "harus nama berkas CSV atau XLSX, misalnya daftar-pegawai.csv", "jenis-teks")
        return []
    base = ctx.extra.get("base_dir") or Path.cwd()
    file = (Path(base) / value.strip()).resolve()
    workspace = ctx.extra.get("workspace")
    shown = workspace.display(file) if workspace is not None else str(file)
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
            ctx.fail(path, "daftar pegawai harus berupa .csv atau .xlsx", "berkas-jenis")
            return []
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        ctx.fail(path, f"berkas {shown} tidak dapat dibaca ({exc})", "berkas-tak-terbaca")
        return []
    rows = [(line, row) for line, row in rows if any(str(c or "").strip() for c in row)]
    if not rows:
        ctx.fail(path, f"berkas {shown} kosong", "berkas-kosong")
        return []
    header_line, header = rows[0]
    names = [str(c or "").strip().lower() for c in header]
    missing = [c for c in ("nama", "nip", "jabatan") if c not in names]
    if missing:
        ctx.fail(
            path,
            f"{shown} baris {header_line}: kolom {', '.join(missing)} tidak ada; "
            f"baris pertama harus judul kolom: {', '.join(COLUMNS)}",
            "berkas-kolom",
        )
        return []
    people: list[dict[str, Any]] = []
    for line, row in rows[1:]:
        raw: dict[str, Any] = {}
        for name, cell in zip(names, row, strict=False):
            if name not in COLUMNS or cell is None or str(cell).strip() == "":
                continue
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


def read_rows(file: Path) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a CSV/XLSX staff list as ``(line, {column: cell})`` by lower-case header,
    without validation (for cross-document checks). Raises ``OSError``/``ValueError``."""
    rows = _rows_xlsx(file) if file.suffix.lower() in (".xlsx", ".xlsm") else _rows_csv(file)
    rows = [(line, row) for line, row in rows if any(str(c or "").strip() for c in row)]
    if not rows:
        return []
    names = [str(c or "").strip().lower() for c in rows[0][1]]
    return [(line, dict(zip(names, row, strict=False))) for line, row in rows[1:]]
