"""What a new unit tells zi-docs on its first day, and the checks on each answer.

The CLI asks for these (options or Indonesian prompts); the library takes a
:class:`UnitDetails` and never asks anything itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.nip import nip_problems, normalise_nip
from zi_docs.resources import RANKS, resource
from zi_docs.workspace import YEARS
from zi_docs.yamlio import load_yaml

PANGKAT_FILE = resource(RANKS)
TARGETS = ("WBK", "WBBM")
JENIS_INSTANSI = ("pemda", "kl")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class UnitDetails:
    """The profile of a real unit, as typed by its team (``zi-docs init``)."""

    instansi: str
    """Instansi induk, e.g. ``Pemerintah Kota Bandung``."""
    unit: str
    """Full name of the unit."""
    alamat: str
    kota: str
    """Where documents are signed ("Ditetapkan di ...")."""
    pimpinan: str
    """Name of the head of unit, with titles."""
    nip: str
    """The head's NIP (18 digits; spaces allowed), or ``-`` for a non-ASN head."""
    jabatan: str
    """The head's jabatan as printed under the signature."""
    tahun: int
    """Assessment year."""
    singkatan: str = ""
    telepon: str = ""
    email: str = ""
    website: str = ""
    pangkat: str = ""
    golongan: str = ""
    target: str = "WBK"
    jenis_instansi: str = "pemda"

    @property
    def short_name(self) -> str:
        """The singkatan, or the initials of the unit's name when none was given."""
        if self.singkatan:
            return self.singkatan
        return "".join(w[0] for w in self.unit.split() if w[:1].isupper()) or "UNIT"


# The fields a unit must give; the rest are optional or have defaults.
REQUIRED = ("instansi", "unit", "alamat", "kota", "pimpinan", "nip", "jabatan", "tahun")


@lru_cache(maxsize=1)
def pangkat_table() -> dict[str, str]:
    """golongan/ruang -> pangkat, from ``data/pangkat-golongan.yaml``."""
    data = load_yaml(PANGKAT_FILE).data
    return {str(k): str(v) for k, v in data["pangkat"].items()}


def _fold(text: str) -> str:
    text = re.sub(r"\btk\.?\s*", "tingkat ", text.strip().lower())
    return re.sub(r"\s+", " ", text)


def canonical_pangkat(text: str) -> str | None:
    """``"pembina tk. i"`` -> ``"Pembina Tingkat I"``; ``None`` when it is not a pangkat."""
    wanted = _fold(text)
    return next((p for p in pangkat_table().values() if _fold(p) == wanted), None)


def canonical_golongan(text: str) -> str | None:
    """``"iv/b"`` or ``"IV b"`` -> ``"IV/b"``; ``None`` when it is not a golongan ruang."""
    match = re.fullmatch(r"\s*(I{1,3}|IV)\s*[/ -]?\s*([a-eA-E])\s*", text.upper())
    if not match:
        return None
    code = f"{match.group(1)}/{match.group(2).lower()}"
    return code if code in pangkat_table() else None


def field_problem(name: str, value: str) -> str | None:
    """Why one typed answer is not acceptable (``None`` when it is); used by the prompts too."""
    text = value.strip()
    if name in REQUIRED and not text:
        return "wajib diisi"
    if not text:
        return None
    if name == "nip":
        if text == "-":
            return None
        problems = nip_problems(text)
        return "; ".join(problems) if problems else None
    if name == "tahun" and (not text.isdigit() or not YEARS[0] <= int(text) <= YEARS[1]):
        return f"tahun harus bilangan {YEARS[0]} sampai {YEARS[1]}"
    if name == "email" and not _EMAIL.fullmatch(text):
        return "alamat email tidak sah (contoh: dinas@kotaanu.go.id)"
    if name == "pangkat" and canonical_pangkat(text) is None:
        return "pangkat tidak dikenal; pilih salah satu: " + ", ".join(pangkat_table().values())
    if name == "golongan" and canonical_golongan(text) is None:
        return "golongan tidak dikenal; tulis seperti IV/a, III/d"
    if name == "target" and text.upper() not in TARGETS:
        return "target predikat harus WBK atau WBBM"
    if name == "jenis_instansi" and text.lower() not in JENIS_INSTANSI:
        return "jenis instansi harus pemda atau kl"
    return None


def checked(details: UnitDetails) -> UnitDetails:
    """``details`` cleaned (NIP digits, canonical pangkat and golongan), or every problem at
    once as :class:`InvalidInputError`."""
    problems = []
    for f in fields(details):
        problem = field_problem(f.name, str(getattr(details, f.name)))
        if problem:
            problems.append(Finding(problem, field=f.name, code="profil-tidak-sah"))
    golongan = canonical_golongan(details.golongan) if details.golongan else None
    pangkat = canonical_pangkat(details.pangkat) if details.pangkat else None
    if golongan and pangkat and pangkat_table()[golongan] != pangkat:
        problems.append(
            Finding(
                f"pangkat {pangkat} tidak sesuai golongan {golongan} "
                f"(golongan {golongan} = {pangkat_table()[golongan]})",
                field="pangkat",
                code="profil-tidak-sah",
            )
        )
    if problems:
        raise InvalidInputError(
            f"profil unit memuat {len(problems)} isian yang tidak sah; ruang kerja tidak dibuat",
            problems,
            hint="perbaiki isian di atas lalu jalankan lagi",
        )
    if pangkat and not golongan:
        golongan = next(g for g, p in pangkat_table().items() if p == pangkat)
    if golongan and not pangkat:
        pangkat = pangkat_table()[golongan]
    nip = details.nip.strip()
    return UnitDetails(
        **{
            **{f.name: getattr(details, f.name) for f in fields(details)},
            "nip": nip if nip == "-" else normalise_nip(nip),
            "pangkat": pangkat or "",
            "golongan": golongan or "",
            "target": details.target.upper(),
            "jenis_instansi": details.jenis_instansi.lower(),
        }
    )
