"""The findings of ``check`` in the words of a browser user: grouped by what they mean, each
with the place as a link and what to do in the app, never a terminal command.

The library's sentences end with what to type at the CLI (``'zi-docs archive add ...'``, "isi
jawabannya di lke.yaml"); the web keeps the sentence's first part (what is wrong) and puts the
app's own way of fixing it beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from zi_docs.findings import Finding, Severity

GROUPS: dict[str, tuple[str, str]] = {
    # code (or prefix before '-*') -> (group title, what to do in the app)
    "belum-dijawab": ("Pertanyaan belum dijawab", "Buka indikatornya lalu isi jawabannya."),
    "tanpa-bukti": (
        "Jawaban nilai tertinggi tanpa data dukung",
        "Buka indikatornya lalu unggah data dukungnya, atau turunkan jawabannya.",
    ),
    "wajib-kurang": (
        "Jawaban nilai tertinggi, data dukung wajib belum lengkap",
        "Buka indikatornya lalu unggah data dukung yang belum ada.",
    ),
    "butir-kurang": (
        "Data dukung wajib belum lengkap",
        "Buka indikatornya lalu unggah data dukung yang belum ada.",
    ),
    "hanya-konsep": (
        "Hanya ada konsep yang belum ditandatangani",
        "Buka konsepnya di Arsip lalu unggah pindaian atau PDF TTE yang sudah ditandatangani.",
    ),
    "belum-ditandai": (
        "Berkas belum ditandai ke indikator",
        "Buka berkasnya di Arsip lalu tandai ke indikatornya, atau pindahkan ke tempat sampah.",
    ),
    "di-luar-periode": (
        "Berkas bertanggal di luar periode penilaian",
        "Pastikan penilai menerimanya, atau ganti dengan bukti tahun penilaian.",
    ),
    "indikator-tak-dikenal": (
        "Tanda ke indikator yang tidak ada",
        "Buka berkasnya di Arsip, lepas tanda yang salah lalu tandai ke indikator yang benar.",
    ),
    "butir-tak-dikenal": (
        "Tanda ke butir data dukung yang tidak ada",
        "Buka berkasnya di Arsip, lepas tanda yang salah lalu tandai ke butir yang benar.",
    ),
    "prasyarat": (
        "Prasyarat pengajuan belum terpenuhi",
        "Nilai prasyarat dicatat pada profil unit (bukan jawaban LKE) dan belum dapat diubah "
        "lewat aplikasi web: kirim nilai terbaru beserta buktinya (mis. LHP BPK, laporan "
        "kepatuhan LHKPN/LHKASN, SK pembangunan ZI) ke ketua tim atau admin ruang kerja agar "
        "profil unit diperbarui; halaman ini menghitung ulang setelahnya.",
    ),
    "integritas": (
        "Berkas arsip hilang atau berubah",
        "Laporkan ke admin ruang kerja: arsip perlu diperiksa keutuhannya.",
    ),
    "tindak-lanjut": ("Tindak lanjut hasil evaluasi", ""),
    "contoh-tersisa": (
        "Isian masih memuat data contoh",
        "Ganti isian contoh dengan data unit Anda di formulir dokumennya.",
    ),
}
OTHER = ("Temuan lain", "")
SEVERITY_WORDS = {
    Severity.ERROR: "perlu diperbaiki",
    Severity.WARNING: "perlu diperiksa",
    Severity.INFO: "catatan",
}
_COMMAND = re.compile(r"'zi-docs [^']*'")
_ITEM_KEY = re.compile(r"\s*\[[a-z0-9][a-z0-9-]*\]")
_GENERATOR = re.compile(r"zi-docs generate ([a-z0-9-]+)(?: inputs/([a-z0-9][a-z0-9_-]*)\.yaml)?")
_CLI_FILES = re.compile(r"\b(lke|unit)\.yaml\b")


@dataclass(frozen=True)
class Shown:
    """One finding as the Periksa page shows it."""

    message: str
    severity: str
    level: str
    """``galat``, ``peringatan`` or ``info`` (the CSS class)."""
    place: str
    link: str | None
    documents: tuple[tuple[str, str], ...] = ()
    """(title, form address) of document forms that make a missing item."""


SHOWN_PER_GROUP = 25
"""Findings of one group shown on the page; the Word report lists every one (a big archive can
have thousands of one warning, and rendering them all made the page slow)."""


@dataclass(frozen=True)
class Group:
    title: str
    todo: str
    findings: tuple[Shown, ...]
    """The first :data:`SHOWN_PER_GROUP` findings of the group."""
    total: int
    serious: int
    """How many of all the group's findings (shown or not) are errors."""

    @property
    def more(self) -> int:
        """How many findings of the group the page does not show."""
        return self.total - len(self.findings)


def _group_of(code: str) -> tuple[str, str]:
    if code in GROUPS:
        return GROUPS[code]
    head = code.split("-", 1)[0]
    for key, value in GROUPS.items():
        if code.startswith(f"{key}-") or key == head:
            return value
    return OTHER


def plain_words(message: str) -> str:
    """The finding's sentence without what to type at the CLI: every clause naming a
    ``zi-docs`` command or the answers/unit file is left out, item keys in brackets too."""
    message = re.sub(r"\s*→ [^;]*", "", message)  # "→ zi-docs generate ..." after an item
    message = _ITEM_KEY.sub("", message)
    kept = []
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", message):
        clauses = [
            c
            for c in sentence.split("; ")
            if not _COMMAND.search(c) and "zi-docs" not in c and not _CLI_FILES.search(c)
        ]
        if clauses:
            kept.append("; ".join(clauses))
    text = (" ".join(kept) if kept else _COMMAND.sub("", message)).strip().rstrip(";,")
    return text[:1].upper() + text[1:]


def _documents(message: str, key: str, kinds: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    found = []
    for kind, name in dict.fromkeys(_GENERATOR.findall(message)):
        if kind in kinds:
            url = reverse("zi_web:isian", kwargs={"ws": key, "jenis": kind, "nama": name or kind})
            found.append((kinds[kind].title, url))
    return tuple(found)


def _place(finding: Finding, key: str, catalogue: Any) -> tuple[str, str | None, str]:
    """(place as shown, link or None, the indicator's own text when the place is one)."""
    field = finding.field or ""
    indicator = field.split(" ", 1)[0]
    node = catalogue.by_id.get(indicator) if indicator else None
    if node is not None:
        url = reverse("zi_web:indikator", kwargs={"ws": key, "indikator": node.id})
        return f"{node.id} {node.name}", url, str(node.name)
    if finding.file and field:
        return f"{finding.file}, {field}", None, ""
    return finding.file or field, None, ""


def gate_words(gate: Any) -> str:
    """One submission gate in words: the unit's value, what is required, and the outcome."""
    if not gate.actual:
        return f"Nilai unit belum dicatat; syarat: {gate.required}."
    if gate.actual == "belum ada":
        return "Belum ada; syarat: harus ada."
    return f"Nilai unit {gate.actual}; syarat: {gate.required}. Belum terpenuhi."


def grouped(
    findings: Any, key: str, catalogue: Any, kinds: dict[str, Any], gates: Any = ()
) -> list[Group]:
    """The findings by group, groups in order of first appearance, errors first; each group
    shows at most :data:`SHOWN_PER_GROUP` findings and counts the rest. A gate's finding
    (``prasyarat-*``) is shown by the gate's description and values from ``gates``."""
    by_code = {f"prasyarat-{gate.code}": gate for gate in gates}
    groups: dict[str, tuple[str, list[Shown], list[int]]] = {}
    for finding in findings:
        title, todo = _group_of(finding.code)
        _, items, counts = groups.setdefault(title, (todo, [], [0, 0]))
        counts[0] += 1
        counts[1] += finding.severity is Severity.ERROR
        if len(items) >= SHOWN_PER_GROUP:
            continue
        place, link, named = _place(finding, key, catalogue)
        message = finding.message.replace(f": {named}", "") if named else finding.message
        gate = by_code.get(finding.code)
        if gate is not None:
            place, message = gate.description, gate_words(gate)
        items.append(
            Shown(
                message=plain_words(message),
                severity=SEVERITY_WORDS[finding.severity],
                level=finding.severity.value,
                place=place,
                link=link,
                documents=_documents(finding.message, key, kinds),
            )
        )
    made = [
        Group(title, todo, tuple(items), total=counts[0], serious=counts[1])
        for title, (todo, items, counts) in groups.items()
    ]
    return sorted(made, key=lambda g: -g.serious)
