"""Who signs a naskah dinas and how the signature block reads (tata naskah dinas).

A Keputusan belongs to the office: its title is always "KEPUTUSAN KEPALA DINAS ...". When
someone else signs, only the signature block changes:

* ``plt``: "Plt. KEPALA DINAS ...," (pelaksana tugas);
* ``plh``: "Plh. KEPALA DINAS ...," (pelaksana harian);
* ``an``: "a.n. KEPALA DINAS ..." then the signer's own jabatan ("SEKRETARIS,");
* ``ub``: "a.n. KEPALA DINAS ...", the jabatan in between ("SEKRETARIS"), "u.b.", then the
  signer's own jabatan.

A signer without NIP (not an ASN) gets no NIP line at all, never "NIP. -".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from zi_docs.documents.formatting import nama_kapital, nama_utuh
from zi_docs.documents.people import SIGNER
from zi_docs.nip import format_nip
from zi_docs.schema import Choice, Field, Record, Text

ROLES = {
    "definitif": "",
    "plt": "Plt.",
    "plh": "Plh.",
    "an": "a.n.",
    "ub": "u.b.",
}
"""How the signer stands towards the office (input value -> printed prefix)."""
_ACTING = re.compile(r"^\s*(plt|plh)\.?\s+", re.IGNORECASE)

SIGNATORY = Record(
    Field(
        "sebagai",
        Choice(list(ROLES)),
        required=False,
        default="definitif",
        help="definitif (pejabatnya sendiri), plt, plh, an (atas nama) atau ub (untuk beliau)",
    ),
    *(replace(f, required=False) if f.name == "nama" else f for f in SIGNER.fields),
    Field(
        "antara",
        Text(),
        required=False,
        default="",
        help="untuk 'ub': jabatan di antara (a.n. KEPALA DINAS / SEKRETARIS / u.b.)",
    ),
)
"""The ``penandatangan:`` of an input: who signs on behalf of the office (bawaan: the head
of unit from unit.yaml, as definitif)."""


def nip_line(nip: str | None) -> str:
    """``NIP. 19800101 200501 1 001``; empty for someone without NIP (not ASN)."""
    text = (nip or "").strip()
    return f"NIP. {format_nip(text)}" if text and text != "-" else ""


def office_of(jabatan: str) -> tuple[str, str]:
    """``Plt. Kepala Dinas X`` -> (``Kepala Dinas X``, ``plt``): the office without an acting
    prefix, and the role it implies (``definitif`` when none)."""
    match = _ACTING.match(jabatan)
    if match is None:
        return jabatan.strip(), "definitif"
    return jabatan[match.end() :].strip(), match.group(1).lower()


def signature(
    office: str, head: dict[str, Any], signer: dict[str, Any] | None, *, capitals: bool
) -> dict[str, Any]:
    """The signature block of ``office``: ``jabatan`` (lines joined by a line break, without
    the closing comma the template adds), ``nama`` (held together before its degrees),
    ``nama_kapital``, ``pangkat_golongan``, ``nip`` and ``nip_baris``.

    ``head`` is the head of unit (the default signer); ``signer`` the input's
    ``penandatangan`` (or None). ``capitals``: offices in capitals, as in a Keputusan.
    """
    office, implied = office_of(office)
    who = dict(head)
    role = implied
    between = ""
    if signer:
        role = signer.get("sebagai") or "definitif"
        between = signer.get("antara") or ""
        if signer.get("nama"):
            who = dict(signer)
    own = office_of(str(who.get("jabatan") or ""))[0]

    def cap(text: str) -> str:
        return text.upper() if capitals else text

    if role in ("plt", "plh"):
        lines = [f"{ROLES[role]} {cap(office)}"]
    elif role == "an":
        lines = [f"a.n. {cap(office)}", cap(own)]
    elif role == "ub":
        lines = [f"a.n. {cap(office)}", cap(between), "u.b.", cap(own)]
    else:
        lines = [cap(office)]
    pangkat, golongan = who.get("pangkat") or "", who.get("golongan") or ""
    return {
        "peran": role,
        "jabatan": "\n".join(line for line in lines if line),
        "nama": nama_utuh(who.get("nama") or ""),
        "nama_kapital": nama_kapital(who.get("nama") or ""),
        "pangkat_golongan": f"{pangkat} ({golongan})"
        if pangkat and golongan
        else (pangkat or golongan),
        "nip": who.get("nip") or "",
        "nip_baris": nip_line(who.get("nip")),
    }
