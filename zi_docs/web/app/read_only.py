"""Why a page shows no form: one sentence naming who fills it in, from the roles data
(``peran-web.yaml``), so a koordinator on another area's indicator or a pengamat knows the
page is read-only on purpose and whom to ask."""

from __future__ import annotations

from typing import Any

from zi_docs.web import roles

WHAT = {
    "jawab": "jawaban diisi oleh",
    "unggah": "data dukung diunggah dan ditandai oleh",
}


def _joined(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " atau " + names[-1]


def who_may(capability: str, area_name: str | None) -> str:
    """The roles holding ``capability`` in words: area-bound roles with the area's name first,
    then the others (``koordinator pokja area Manajemen Perubahan atau ketua tim /
    pimpinan``)."""
    bound, free = [], []
    for role in roles.roles().values():
        if capability not in role.capabilities or "akun" in role.capabilities:
            continue
        label = role.label.lower()
        if role.per_area:
            bound.append(f"{label} area {area_name}" if area_name else label)
        else:
            free.append(label)
    return _joined(bound + free)


def why_read_only(here: Any, capability: str, area: str | None, catalogue: Any) -> str:
    """The sentence for a page section the account may read but not change; ``""`` when it
    may change it."""
    if here.can(capability, area):
        return ""
    name = catalogue.areas.get(area) if area else None
    sentence = f"Anda dapat membaca indikator ini; {WHAT[capability]} {who_may(capability, name)}."
    held = here.role
    if held.per_area and capability in held.capabilities and here.grant.areas:
        mine = ", ".join(catalogue.areas.get(a, a) for a in sorted(here.grant.areas))
        sentence += f" Akun Anda ({held.label}) mengisi area {mine}."
    elif capability not in held.capabilities:
        sentence += f" Peran Anda ({held.label}) tidak mengubah bagian ini."
    return sentence
