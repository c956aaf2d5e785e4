"""Context pieces every kind shares: the unit (kop surat), its head (signature) and the year.

``unit_context(workspace, media)`` returns::

    unit:      instansi, instansi_kapital, wilayah, nama, nama_kapital, singkatan, alamat, kota,
               kode_pos, telepon, email, website, alamat_lengkap, kontak, logo (image or None)
    pimpinan:  nama, nip, pangkat, golongan, pangkat_golongan, jabatan, jabatan_lengkap
    tahun, target ("WBK"), target_panjang ("Wilayah Bebas dari Korupsi")

Every key is always present (``""`` or ``None`` when the profile leaves it out), so templates
may test ``{% if unit.telepon %}`` without tripping the strict undefined check.
"""

from __future__ import annotations

import re
from typing import Any

from zi_docs.documents.kind import Media
from zi_docs.workspace import Workspace

TARGET_NAMES = {
    "WBK": "Wilayah Bebas dari Korupsi",
    "WBBM": "Wilayah Birokrasi Bersih dan Melayani",
}
LOGO_HEIGHT_MM = 24.0


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
        f"Telepon {unit['telepon']}" if unit.get("telepon") else "",
        f"Laman {unit['website']}" if unit.get("website") else "",
        f"Pos-el {unit['email']}" if unit.get("email") else "",
    ]
    logo_path = workspace.logo_path()
    head = person(data["pimpinan"])
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
        "tahun": workspace.profile.year,
        "target": target,
        "target_panjang": TARGET_NAMES.get(target, target),
    }
