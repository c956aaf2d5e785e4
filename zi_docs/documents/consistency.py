"""Cross-document consistency of a workspace's inputs, as ``check`` findings.

What an evaluator sends back when the documents disagree with each other:

- the same person written with two NIPs, or one NIP with two different names;
- the same document number on two documents;
- the SK Tim cited by the monev report with another number or date, or the monev signed by a
  Ketua Tim other than the SK's;
- SOP dates out of order (made after it took effect, revised before it was made);
- the same person twice in one Pokja of the SK;
- a budget written with thousand dots that YAML read as a fraction (``4.000`` is 4,0).

Every finding names the files and lines involved. Files that cannot be read are skipped here
(``generate`` reports their problems).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from zi_docs.dates_in_text import find_dates
from zi_docs.documents.formatting import name_core
from zi_docs.documents.staff_list import read_rows
from zi_docs.errors import ZiError
from zi_docs.findings import Finding, Severity
from zi_docs.nip import format_nip, normalise_nip
from zi_docs.schema import as_date
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey, YamlDoc, format_path, read_yaml_shared

_NUMBER_IN_TEXT = re.compile(r"\bnomor\s*:?\s*([0-9A-Za-z][\w./-]*[0-9A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class Person:
    """One person record in one input (a dict with ``nama`` and ``nip`` or ``jabatan``)."""

    name: str
    nip: str | None
    """18 digits, or ``None`` for ``-`` and empty."""
    where: str
    """``inputs/sk-tim.yaml:70 (tim.ketua)``."""
    path: PathKey


@dataclass(frozen=True)
class _Input:
    doc: YamlDoc
    kind: str

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    def where(self, path: PathKey) -> str:
        line = self.doc.line_of(path)
        place = f"{self.doc.file}:{line}" if line else self.doc.file
        return f"{place} ({format_path(path)})" if path else place


def _inputs(workspace: Workspace) -> list[_Input]:
    found = []
    folder = workspace.inputs_dir
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        try:
            doc = read_yaml_shared(path, display=workspace.display(path))  # only read here
        except ZiError:
            continue
        kind = doc.data.get("jenis") if isinstance(doc.data, dict) else None
        found.append(_Input(doc, str(kind or "")))
    return found


def _people(item: _Input) -> Iterator[Person]:
    def walk(value: Any, path: PathKey) -> Iterator[Person]:
        if isinstance(value, dict):
            name = value.get("nama")
            if isinstance(name, str) and name.strip() and ("nip" in value or "jabatan" in value):
                raw = str(value.get("nip") or "").strip()
                nip = normalise_nip(raw) if raw and raw != "-" else None
                yield Person(name.strip(), nip, item.where(path), path)
            for key, inner in value.items():
                yield from walk(inner, (*path, str(key)))
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                yield from walk(inner, (*path, i))

    yield from walk(item.data, ())


def _listed_people(workspace: Workspace, inputs: list[_Input]) -> Iterator[Person]:
    """People of the staff lists (CSV/XLSX) that inputs name in ``daftar_pegawai``."""
    names = {i.data.get("daftar_pegawai") for i in inputs}
    for name in sorted(n for n in names if isinstance(n, str) and n.strip()):
        file = (workspace.inputs_dir / name.strip()).resolve()
        if not file.is_relative_to(workspace.root.resolve()):
            continue  # read_staff reports it; never read a file outside the workspace
        try:
            rows = read_rows(file) if file.is_file() else []
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        for line, row in rows:
            if row.get("nama"):
                raw = str(row.get("nip") or "").strip()
                yield Person(
                    str(row["nama"]).strip(),
                    normalise_nip(raw) if raw and raw != "-" else None,
                    f"{workspace.display(file)}:{line}",
                    (),
                )


def _unit_people(workspace: Workspace) -> list[Person]:
    try:
        doc = read_yaml_shared(workspace.unit_file, display=workspace.display(workspace.unit_file))
    except ZiError:
        return []
    head = doc.data.get("pimpinan") if isinstance(doc.data, dict) else None
    if not isinstance(head, dict) or not head.get("nama"):
        return []
    raw = str(head.get("nip") or "").strip()
    line = doc.line_of(("pimpinan",))
    return [
        Person(
            str(head["nama"]).strip(),
            normalise_nip(raw) if raw and raw != "-" else None,
            f"{doc.file}:{line} (pimpinan)" if line else f"{doc.file} (pimpinan)",
            ("pimpinan",),
        )
    ]


def _warn(message: str, code: str) -> Finding:
    return Finding(message, Severity.WARNING, code=code)


def _person_findings(people: list[Person]) -> list[Finding]:
    found = []
    by_nip: dict[str, list[Person]] = defaultdict(list)
    by_name: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if p.nip:
            by_nip[p.nip].append(p)
        by_name[name_core(p.name)].append(p)
    for nip, group in by_nip.items():
        names: dict[str, Person] = {}
        for p in group:
            names.setdefault(name_core(p.name), p)
        if len(names) > 1:
            shown = " dan ".join(f"'{p.name}' ({p.where})" for p in names.values())
            found.append(
                _warn(
                    f"NIP {format_nip(nip)} tertulis untuk {shown}; satu NIP adalah satu "
                    "orang: samakan ejaan namanya atau perbaiki NIP-nya",
                    "nama-beda-ejaan",
                )
            )
    for core, group in by_name.items():
        nips: dict[str, Person] = {}
        for p in group:
            if p.nip:
                nips.setdefault(p.nip, p)
        if core and len(nips) > 1:
            shown = " dan ".join(f"{format_nip(n)} ({p.where})" for n, p in nips.items())
            found.append(
                _warn(
                    f"'{group[0].name}' tertulis dengan dua NIP: {shown}; periksa NIP yang benar "
                    "dan samakan di semua dokumen",
                    "nip-berbeda",
                )
            )
    return found


def _number_findings(inputs: list[_Input]) -> list[Finding]:
    by_number: dict[str, list[_Input]] = defaultdict(list)
    for item in inputs:
        number = item.data.get("nomor")
        if isinstance(number, str) and number.strip():
            by_number[number.strip()].append(item)
    return [
        _warn(
            f"nomor {number} dipakai oleh lebih dari satu dokumen: "
            + ", ".join(i.where(("nomor",)) for i in group)
            + "; setiap naskah dinas bernomor sendiri",
            "nomor-ganda",
        )
        for number, group in by_number.items()
        if len(group) > 1
    ]


def _monev_findings(inputs: list[_Input]) -> list[Finding]:
    sks = [i for i in inputs if i.kind == "sk-tim"]
    if len(sks) != 1:
        return []
    sk = sks[0]
    number = str(sk.data.get("nomor") or "").strip()
    date = as_date(sk.data.get("tanggal"))
    ketua = sk.data.get("tim", {}).get("ketua") if isinstance(sk.data.get("tim"), dict) else None
    found = []
    for monev in (i for i in inputs if i.kind == "laporan-monev"):
        for index, line in enumerate(monev.data.get("dasar_hukum") or []):
            text = str(line)
            if "tim kerja" not in text.casefold():
                continue
            place = monev.where(("dasar_hukum", index))
            cited = _NUMBER_IN_TEXT.search(text)
            if number and cited and cited.group(1) != number:
                found.append(
                    _warn(
                        f"{place} merujuk SK Tim Kerja nomor {cited.group(1)}, padahal SK-nya "
                        f"bernomor {number} ({sk.where(('nomor',))}); samakan rujukannya",
                        "rujukan-sk-berbeda",
                    )
                )
            cited_date = next(find_dates(text), None)
            if date and cited_date and cited_date[1] != date:
                found.append(
                    _warn(
                        f"{place} menyebut SK Tim Kerja bertanggal {cited_date[1]:%d-%m-%Y}, "
                        f"padahal SK-nya ditetapkan {date:%d-%m-%Y} ({sk.where(('tanggal',))})",
                        "rujukan-sk-berbeda",
                    )
                )
        signer = monev.data.get("ketua_tim")
        if isinstance(ketua, dict) and isinstance(signer, dict) and signer.get("nama"):
            same_name = name_core(signer["nama"]) == name_core(ketua.get("nama") or "")
            same_nip = normalise_nip(str(signer.get("nip") or "")) == normalise_nip(
                str(ketua.get("nip") or "")
            )
            if not (same_name and same_nip):
                found.append(
                    _warn(
                        f"laporan monev ditandatangani Ketua Tim '{signer['nama']}' "
                        f"({monev.where(('ketua_tim',))}), tetapi Ketua Tim di SK adalah "
                        f"'{ketua.get('nama')}' ({sk.where(('tim', 'ketua'))})",
                        "ketua-tim-berbeda",
                    )
                )
    return found


def _sop_findings(inputs: list[_Input]) -> list[Finding]:
    found = []
    labels = {
        "tanggal_pembuatan": "pembuatan",
        "tanggal_revisi": "revisi",
        "tanggal_efektif": "efektif",
    }
    for sop in (i for i in inputs if i.kind == "sop"):
        dates = {key: as_date(sop.data.get(key)) for key in labels}
        for early, late in (
            ("tanggal_pembuatan", "tanggal_efektif"),
            ("tanggal_pembuatan", "tanggal_revisi"),
            ("tanggal_revisi", "tanggal_efektif"),
        ):
            first, second = dates[early], dates[late]
            if isinstance(first, dt.date) and isinstance(second, dt.date) and second < first:
                found.append(
                    _warn(
                        f"{sop.where((late,))}: tanggal {labels[late]} ({second:%d-%m-%Y}) "
                        f"sebelum tanggal {labels[early]} ({first:%d-%m-%Y}); periksa urutannya",
                        "sop-urutan-tanggal",
                    )
                )
    return found


def _sk_member_findings(inputs: list[_Input]) -> list[Finding]:
    found = []
    for sk in (i for i in inputs if i.kind == "sk-tim"):
        team = sk.data.get("tim")
        for index, pokja in enumerate(team.get("pokja") or [] if isinstance(team, dict) else []):
            if not isinstance(pokja, dict):
                continue
            seen: dict[str, str] = {}
            anggota = pokja.get("anggota")
            members: list[tuple[str | int, ...]] = [("koordinator",)]
            members += (
                [("anggota", n) for n in range(len(anggota))] if isinstance(anggota, list) else []
            )
            for sub in members:
                person = _get(pokja, sub)
                if not isinstance(person, dict):
                    continue
                nip = normalise_nip(str(person.get("nip") or ""))
                if not nip or nip == "-":
                    continue
                where = sk.where(("tim", "pokja", index, *sub))
                if nip in seen:
                    found.append(
                        _warn(
                            f"NIP {format_nip(nip)} tercantum dua kali dalam Pokja "
                            f"'{pokja.get('area')}': {seen[nip]} dan {where}",
                            "sk-anggota-ganda",
                        )
                    )
                seen.setdefault(nip, where)
    return found


def _get(value: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return None
            value = value[part]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def _money_findings(inputs: list[_Input]) -> list[Finding]:
    found = []
    for plan in (i for i in inputs if i.kind == "rencana-kerja"):
        for index, activity in enumerate(plan.data.get("kegiatan") or []):
            money = activity.get("anggaran") if isinstance(activity, dict) else None
            if isinstance(money, float):
                found.append(
                    _warn(
                        f"{plan.where(('kegiatan', index, 'anggaran'))}: anggaran {money:g} "
                        "terbaca sebagai pecahan; bila maksudnya ribuan rupiah, tulis tanpa titik "
                        '(4000000) atau dalam tanda kutip ("4.000.000")',
                        "anggaran-bertitik",
                    )
                )
    return found


def consistency_findings(workspace: Workspace) -> list[Finding]:
    """Every cross-document inconsistency among the workspace's inputs."""
    inputs = _inputs(workspace)
    people = [
        *_unit_people(workspace),
        *(p for i in inputs for p in _people(i)),
        *_listed_people(workspace, inputs),
    ]
    return [
        *_person_findings(people),
        *_number_findings(inputs),
        *_monev_findings(inputs),
        *_sop_findings(inputs),
        *_sk_member_findings(inputs),
        *_money_findings(inputs),
    ]
