"""The bundles a workspace sent out (``bundel-terkirim.yaml``), so a returned workbook is tied
to what was evaluated.

``export`` puts ``Sidik bundel: sha256:...`` in the header of the bundle's workbook and records
it here with the date, the bundle's name and the fingerprint of the unit's answers at that
moment. ``lke impor`` looks the workbook's fingerprint up: a known bundle tells which one it was
and whether the unit's answers changed since; an unknown one is a workbook of another bundle
(another unit, another year, or one exported before bundles were recorded).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zi_docs.outputs import write_text_atomic
from zi_docs.workspace import Workspace
from zi_docs.yamledit import editing
from zi_docs.yamlio import dump_yaml, load_yaml

HEADER = (
    "# Bundel yang diekspor dari ruang kerja ini (ditulis oleh zi-docs export). Sidiknya ada\n"
    "# di kepala kertas kerja bundel; lke impor mencocokkan kertas kerja yang kembali dengan\n"
    "# daftar ini. Jangan disunting.\n\n"
)


@dataclass(frozen=True)
class SentBundle:
    """One exported bundle."""

    fingerprint: str
    """``sha256:<hex>``, as in the workbook's header."""
    date: dt.date
    name: str
    """The bundle's folder or zip name."""
    answers: str
    """Fingerprint of ``lke.yaml`` when the bundle was made (``sha256:<hex>``)."""


def _digest(text: str) -> str:
    return text[text.index("sha256:") :] if "sha256:" in text else text


def sent_bundles(workspace: Workspace) -> tuple[SentBundle, ...]:
    """Every recorded bundle, oldest first (none when the file does not exist)."""
    path = workspace.bundles_file
    if not path.is_file():
        return ()
    data = load_yaml(path, display=workspace.display(path)).data or {}
    entries: list[Any] = data.get("bundel") or [] if isinstance(data, dict) else []
    return tuple(
        SentBundle(
            fingerprint=str(e.get("sidik", "")),
            date=e["tanggal"] if isinstance(e.get("tanggal"), dt.date) else dt.date.min,
            name=str(e.get("nama", "")),
            answers=str(e.get("sidik_jawaban", "")),
        )
        for e in entries
        if isinstance(e, dict)
    )


def record_bundle(
    workspace: Workspace, *, fingerprint: str, answers: str, name: str, date: dt.date
) -> SentBundle:
    """Add one bundle to the register (under the file's edit lock, written atomically)."""
    sent = SentBundle(_digest(fingerprint), date, name, _digest(answers))
    path = workspace.bundles_file
    with editing(path):
        entries = [
            {
                "sidik": b.fingerprint,
                "tanggal": b.date,
                "nama": b.name,
                "sidik_jawaban": b.answers,
            }
            for b in (*sent_bundles(workspace), sent)
        ]
        write_text_atomic(path, HEADER + dump_yaml({"bundel": entries}))
    return sent


def find_bundle(workspace: Workspace, fingerprint: str) -> SentBundle | None:
    """The recorded bundle with this fingerprint (the last, when recorded twice)."""
    wanted = _digest(fingerprint)
    found = [b for b in sent_bundles(workspace) if b.fingerprint == wanted]
    return found[-1] if found else None
