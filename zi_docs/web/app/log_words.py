"""The activity logs in words: the web audit trail and the archive's audit log as one list,
newest first, with verbs instead of action codes, sizes in KB/MB, indicator ids with their
names and items' titles, and accounts by name and role instead of ``web:NAME``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from zi_docs.angka import angka
from zi_docs.web import roles
from zi_docs.web.app.models import Activity, Grant

VERBS: dict[str, str] = {
    # archive audit log (zi_docs.evidence)
    "tambah": "menambahkan berkas ke arsip",
    "tambah-tag": "menandai berkas ke indikator",
    "hapus-tag": "melepas tanda berkas",
    "impor-tag": "mengimpor tanda berkas",
    "ubah": "mengubah keterangan berkas",
    "buang": "memindahkan berkas ke tempat sampah",
    "pulihkan": "memulihkan berkas",
    "hapus-permanen": "menghapus berkas untuk selamanya",
    "ocr": "membaca teks berkas (OCR)",
    "bangun-ulang": "membangun ulang katalog arsip",
    "ganti-konsep": "mengganti konsep",
    "konsep-diganti": "mengganti konsep dengan versi bertanda tangan",
    # web audit trail (zi_docs.web.app.activity.record)
    "akun-tambah": "menambah akun",
    "akun-ubah": "mengubah peran akun",
    "akun-hapus": "menghapus akun",
    "arsip-konsep": "menyimpan konsep ke arsip",
    "buat": "membuat dokumen",
    "ekspor": "mengunduh bundel untuk penilai",
    "isian": "menyimpan isian dokumen",
    "jawab": "menjawab pertanyaan LKE",
    "lhe": "mengunggah LHE",
    "putaran": "membuka putaran evaluasi",
    "tanda-tangan": "mengunggah versi bertanda tangan",
    "tandai": "menandai berkas ke indikator",
    "tanggapan": "menyimpan tanggapan evaluasi",
    "templat": "mengunggah templat",
    "tindak-lanjut": "mencatat tindak lanjut",
    "unggah": "mengunggah data dukung",
}
_SIZE = re.compile(r"\((\d+) bita, ([a-z0-9]+)\)")
_BYTES = re.compile(r"\b(\d+) bita\b")
_TAG = re.compile(r"\b([A-Z]\.[IVX]+(?:\.[0-9ivx]+)*(?:\.[a-z])?)(?:#([a-z0-9][a-z0-9-]*))?")


@dataclass(frozen=True)
class Line:
    """One activity as a page shows it."""

    at: dt.datetime
    who: str
    verb: str
    detail: str
    source: str
    """``web`` or ``arsip``."""


def size_words(count: int) -> str:
    """``16770`` -> ``16,4 KB``; ``3145728`` -> ``3,0 MB``."""
    if count >= 1024 * 1024:
        return f"{angka(count / (1024 * 1024), 1)} MB"
    return f"{angka(max(count, 1) / 1024, 1)} KB"


def detail_words(detail: str, catalogue: Any) -> str:
    """The detail with sizes in KB/MB and every ``ID#item`` as the indicator id, its name and
    the item's title."""

    def tag(match: re.Match[str]) -> str:
        node = catalogue.by_id.get(match.group(1)) if catalogue is not None else None
        if node is None:
            return match.group(0)
        text = f"{node.id} {node.name}"
        item = node.checklist_item(match.group(2)) if match.group(2) else None
        if item is not None:
            text += f" — {item.description}"
        elif match.group(2):
            text += f" — butir '{match.group(2)}'"
        return text

    detail = _SIZE.sub(lambda m: f"({size_words(int(m.group(1)))}, {m.group(2).upper()})", detail)
    detail = _BYTES.sub(lambda m: size_words(int(m.group(1))), detail)
    detail = detail.replace("; tanpa tag", "; belum ditandai ke indikator")
    return _TAG.sub(tag, detail)


def _people(workspace: str) -> dict[str, str]:
    """Each account of the workspace by name, role and areas: ``koor_mp (Koordinator Pokja
    MP)``."""
    known = roles.role_codes()
    people = {}
    for grant in Grant.objects.filter(workspace=workspace).select_related("user"):
        name = grant.user.get_username()
        if grant.role in known:
            role = " ".join(filter(None, (roles.role(grant.role).label, grant.areas)))
            people[name] = f"{name} ({role.replace(',', ', ')})"
    return people


def _who(name: str, people: dict[str, str], web: bool) -> str:
    account = name.removeprefix("web:")
    if web or name.startswith("web:"):
        return people.get(account, account)
    return f"{name} (lewat baris perintah)"


def _aware(moment: dt.datetime) -> dt.datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _line(at: dt.datetime, who: str, action: str, detail: str, source: str, ctx: Any) -> Line:
    return Line(
        at=_aware(at),
        who=who,
        verb=VERBS.get(action, action.replace("-", " ")),
        detail=detail_words(detail, ctx),
        source=source,
    )


def log_lines(
    workspace: str, web: Iterable[Activity], archive: Iterable[Any], catalogue: Any
) -> list[Line]:
    """Both logs as one list, newest first."""
    people = _people(workspace)
    lines = [
        _line(a.at, _who(a.username, people, True), a.action, a.detail, "web", catalogue)
        for a in web
    ]
    lines += [
        _line(e.at, _who(e.who, people, False), e.action, e.detail, "arsip", catalogue)
        for e in archive
    ]
    return sorted(lines, key=lambda line: line.at, reverse=True)
