"""``zi-docs init FOLDER --dari LAMA``: roll a unit's workspace into the next year.

Carried over: the profile, the unit's own templates, logo and every input (team, SOP list,
staff lists), with ISO dates shifted by the number of years and document numbers cleared
(a number is issued once; last year's stays in a comment). Last year's answers are kept as a
read-only reference layer in the plain ``lke.yaml`` format (``lapis/tahun-lalu.yaml``); this
year's ``lke.yaml`` starts blank. The old workspace, its archive included, is only read.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import stat
from pathlib import Path

from zi_docs.atomic import write_text_atomic
from zi_docs.errors import WorkspaceError
from zi_docs.newunit.answers_sheet import blank_answers
from zi_docs.newunit.create import InitResult, make_folders, prepare_root
from zi_docs.workspace import (
    ANSWERS_FILE,
    LAYERS_DIR,
    UNIT_FILE,
    YEARS,
    Workspace,
    find_workspace,
)

_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMBER = re.compile(r"^(\s*-?\s*nomor:)[ \t]*([^#\n]*?)[ \t]*(#.*)?$", re.MULTILINE)
_YEAR_LINE = re.compile(r"^tahun:\s*\d{4}", re.MULTILINE)
_KEEP_DATE_KEYS = ("mulai_pembangunan", "tanggal_pembuatan", "tanggal_efektif", "tanggal_revisi")
"""Dates of past facts that stay as they are: when the unit started building ZI, and when an
SOP was made, took effect or was revised (an SOP stays in force from year to year)."""
_TEXT_SUFFIXES = (".yaml", ".yml")


def shift_date(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole ``years``; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift_dates(text: str, years: int) -> str:
    """Every ISO date in ``text`` moved by ``years``, except on the lines of past facts."""

    def one(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return match.group(0)
        return shift_date(day, years).isoformat()

    lines = []
    for line in text.splitlines(keepends=True):
        key = line.strip().split(":", 1)[0]
        lines.append(line if key in _KEEP_DATE_KEYS else _DATE.sub(one, line))
    return "".join(lines)


def clear_numbers(text: str, old_year: int) -> str:
    """Empty every ``nomor:`` value, keeping last year's in a comment."""

    def one(match: re.Match[str]) -> str:
        value = match.group(2).strip().strip("\"'")
        if not value:
            return match.group(0)
        return f"{match.group(1)}    # isi nomor baru; nomor {old_year}: {value}"

    return _NUMBER.sub(one, text)


def roll_over(old: str | Path, root: Path, *, year: int | None = None) -> InitResult:
    """A new workspace at ``root`` for the next year of the workspace at ``old``."""
    previous = find_workspace(old)
    old_year = previous.profile.year
    new_year = year if year is not None else old_year + 1
    if not YEARS[0] <= new_year <= YEARS[1]:
        raise WorkspaceError(f"tahun {new_year} di luar rentang {YEARS[0]} sampai {YEARS[1]}")
    if new_year <= old_year:
        raise WorkspaceError(
            f"tahun baru ({new_year}) harus sesudah tahun ruang kerja lama ({old_year})",
            hint=f"pakai --tahun {old_year + 1} atau lebih",
        )
    years = new_year - old_year
    wanted = root.expanduser().resolve()
    if previous.root == wanted or previous.root in wanted.parents:
        raise WorkspaceError(
            "ruang kerja baru tidak boleh berada di dalam ruang kerja lama",
            hint="pilih folder di luar ruang kerja lama",
        )
    root = prepare_root(root)
    created: list[Path] = []
    notes: list[str] = []

    unit_text = previous.unit_file.read_text(encoding="utf-8")
    unit_text = _YEAR_LINE.sub(f"tahun: {new_year}", shift_dates(unit_text, years), count=1)
    write_text_atomic(root / UNIT_FILE, unit_text)
    created.append(root / UNIT_FILE)

    fresh = Workspace(root)
    write_text_atomic(
        fresh.answers_file,
        blank_answers(fresh.catalogue, unit=fresh.profile.unit_name, year=new_year),
    )
    created.append(fresh.answers_file)
    created.extend(make_folders(root))
    created.append(_keep_reference(previous, fresh, old_year))

    for name in ("inputs", "templates"):
        source = previous.root / name
        if source.is_dir():
            created.extend(_carry(source, root / name, years, old_year, notes))
    logo = previous.logo_path()
    if logo is not None and logo.parent == previous.root:
        shutil.copy2(logo, root / logo.name)
        created.append(root / logo.name)
    notes.insert(
        0,
        f"jawaban {old_year} disimpan sebagai rujukan (hanya dibaca) di "
        f"{LAYERS_DIR}/{fresh.reference_answers_file.name}; lke.yaml {new_year} masih kosong",
    )
    notes.append(
        f"arsip data dukung {old_year} tetap di {previous.archive_dir} dan tidak diubah; "
        f"bukti {new_year} disimpan di arsip baru"
    )
    return InitResult(workspace=fresh, created=tuple(created), notes=tuple(notes))


def _keep_reference(previous: Workspace, fresh: Workspace, old_year: int) -> Path:
    target = fresh.reference_answers_file
    target.parent.mkdir(exist_ok=True)
    text = (
        previous.answers_file.read_text(encoding="utf-8")
        if previous.answers_file.is_file()
        else f"lke: {previous.profile.catalogue_name}\njawaban: {{}}\n"
    )
    header = (
        f"# Jawaban penilaian mandiri tahun {old_year} ({previous.root}), disalin oleh\n"
        f"# 'zi-docs init --dari' sebagai rujukan. Bukan jawaban tahun ini: isi {ANSWERS_FILE}.\n"
    )
    write_text_atomic(target, header + text)
    target.chmod(stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
    return target


def _carry(source: Path, target: Path, years: int, old_year: int, notes: list[str]) -> list[Path]:
    created = []
    mentions = []
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in _TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8")
            shifted = shift_dates(text, years)
            # an SOP in force keeps its number; a yearly document (SK, plan, report) gets a new one
            standing = re.search(r"(?m)^jenis:\s*sop\b", text) is not None
            write_text_atomic(dest, shifted if standing else clear_numbers(shifted, old_year))
            if re.search(rf"(?<![\d-]){old_year}(?![\d-])", _DATE.sub("", text)):
                mentions.append(f"{source.name}/{path.relative_to(source).as_posix()}")
        else:
            shutil.copy2(path, dest)
        created.append(dest)
    if mentions:
        notes.append(
            f"teks berikut masih menyebut tahun {old_year}; periksa dan sesuaikan: "
            + ", ".join(mentions)
        )
    return created
