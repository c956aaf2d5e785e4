"""Context pieces every kind shares: the unit (kop surat), its head (signature) and the year.

``unit_context(workspace, media)`` returns::

    unit:      instansi, instansi_kapital, wilayah, nama, nama_kapital, singkatan, alamat, kota,
               kode_pos, telepon, email, website, alamat_lengkap, kontak, logo (image or None)
    pimpinan:  nama, nip, nip_baris, pangkat, golongan, pangkat_golongan, jabatan (the office,
               without a "Plt."/"Plh." prefix), jabatan_lengkap
    ttd:       the head's signature block (see ``zi_docs.documents.signing.signature``)
    tahun, target ("WBK"), target_panjang ("Wilayah Bebas dari Korupsi")

Every key is always present (``""`` or ``None`` when the profile leaves it out), so templates
may test ``{% if unit.telepon %}`` without tripping the strict undefined check.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from zi_docs.documents.kind import Media
from zi_docs.documents.signing import nip_line, office_of, signature
from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace

TARGET_NAMES = {
    "WBK": "Wilayah Bebas dari Korupsi",
    "WBBM": "Wilayah Birokrasi Bersih dan Melayani",
}
LOGO_HEIGHT_MM = 24.0
NBSP = "\u00a0"


def slug(text: str, limit: int) -> str:
    """A file-name piece: ``Pelayanan Perizinan`` -> ``pelayanan-perizinan`` (``limit`` chars)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit]


def _region(instansi: str) -> str:
    """``Pemerintah Kabupaten Sukamaju`` -> ``Kabupaten Sukamaju`` (K/L names unchanged)."""
    prefix = "pemerintah "
    return instansi[len(prefix) :] if instansi.lower().startswith(prefix) else ""


def person(raw: dict[str, Any] | None) -> dict[str, Any]:
    """A person record with every optional key present and ``pangkat_golongan`` joined."""
    raw = dict(raw or {})
    pangkat, golongan = raw.get("pangkat") or "", raw.get("golongan") or ""
    joined = f"{pangkat} ({golongan})" if pangkat and golongan else (pangkat or golongan)
    return {
        "nama": raw.get("nama") or "",
        "nip": raw.get("nip") or "-",
        "nip_baris": nip_line(raw.get("nip")),
        "pangkat": pangkat,
        "golongan": golongan,
        "pangkat_golongan": joined,
        "jabatan": raw.get("jabatan") or "",
    }


def unit_context(
    workspace: Workspace, media: Media, logo_height_mm: float = LOGO_HEIGHT_MM
) -> dict[str, Any]:
    """Unit, head of unit, year and target, ready for any template."""
    data = workspace.profile.data
    unit = data["unit"]
    instansi = data["instansi"]
    region = _region(instansi)
    address = unit["alamat"] + (f", {unit['kota']}" if unit.get("kota") else "")
    address += f" {unit['kode_pos']}" if unit.get("kode_pos") else ""
    contacts = [
        _contact("Telepon", unit.get("telepon")),
        _contact("Laman", unit.get("website")),
        _contact("Pos\u2011el", unit.get("email")),
    ]
    logo_path = _logo(workspace)
    head = person(data["pimpinan"])
    head["jabatan"] = office_of(head["jabatan"])[0]
    head["jabatan_lengkap"] = head["jabatan"] + (f" {region}" if region else "")
    target = workspace.profile.target
    return {
        "unit": {
            "instansi": instansi,
            "instansi_kapital": instansi.upper(),
            "wilayah": region,
            "nama": unit["nama"],
            "nama_kapital": unit["nama"].upper(),
            "singkatan": unit.get("singkatan") or "",
            "alamat": unit["alamat"],
            "kota": unit["kota"],
            "kode_pos": unit.get("kode_pos") or "",
            "telepon": unit.get("telepon") or "",
            "email": unit.get("email") or "",
            "website": unit.get("website") or "",
            "alamat_lengkap": address,
            "kontak": " · ".join(c for c in contacts if c),
            "logo": media.image(logo_path, height_mm=logo_height_mm) if logo_path else None,
        },
        "pimpinan": head,
        "ttd": signature(
            data["pimpinan"]["jabatan"] + (f" {region}" if region else ""),
            data["pimpinan"],
            None,
            capitals=False,
        ),
        "tahun": workspace.profile.year,
        "target": target,
        "target_panjang": TARGET_NAMES.get(target, target),
    }


def _contact(label: str, value: str | None) -> str:
    """``Telepon (0231) 321654`` held together: a line may break between contacts only."""
    return f"{label} {value}".replace(" ", NBSP) if value else ""


def _logo(workspace: Workspace) -> Path | None:
    """The logo file of the kop surat; naming a file that is not there is an error."""
    logo = workspace.profile.data["unit"].get("logo")
    if not logo:
        return None
    found = workspace.logo_path()  # refuses a logo outside the workspace
    if found is not None:
        return found
    path: Path = workspace.root / str(logo)
    if not path.is_file():
        shown = workspace.display(workspace.unit_file)
        raise InvalidInputError(
            f"berkas logo '{logo}' tidak ditemukan",
            [
                Finding(
                    message=f"unit.logo menyebut '{logo}', tetapi berkas itu tidak ada di "
                    f"folder ruang kerja ({workspace.display(path)})",
                    file=shown,
                    field="unit.logo",
                    code="logo-tidak-ada",
                )
            ],
            hint="taruh berkas logo (PNG/JPEG) di folder ruang kerja dengan nama itu, atau "
            "hapus baris 'logo:' di unit.yaml bila kop surat tanpa logo",
        )
    return path
