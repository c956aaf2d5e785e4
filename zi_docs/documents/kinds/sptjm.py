"""SPTJM (Surat Pernyataan Tanggung Jawab Mutlak) that goes with the proposal of units to the
TPN (PermenPANRB 5/2024, Gambar 7). It is a submission prerequisite (``check`` asks for it),
not an LKE item, so it serves no indicator."""

from __future__ import annotations

from typing import Any

from zi_docs.documents.common import TARGET_NAMES, unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import SIGNER
from zi_docs.documents.signing import nip_line
from zi_docs.schema import Choice, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace

UNIT = Record(
    Field("nama", Text(), help="nama unit kerja yang diusulkan"),
    Field("predikat", Choice(["WBK", "WBBM"]), help="predikat yang diusulkan"),
)

SCHEMA = Record(
    Field("tanggal", Date()),
    Field("tempat", Text(), required=False, help="bawaan: kota unit kerja"),
    Field("penandatangan", SIGNER, help="pimpinan instansi yang menyatakan (nama, nip, jabatan)"),
    Field(
        "unit_diusulkan",
        ListOf(UNIT),
        required=False,
        default=[],
        help="unit kerja yang diusulkan; bawaan: unit kerja ruang kerja ini dengan targetnya",
    ),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    units = data["unit_diusulkan"] or [
        {"nama": workspace.profile.unit_name, "predikat": workspace.profile.target}
    ]
    signer = data["penandatangan"]
    ctx["sptjm"] = {
        "tanggal": data["tanggal"],
        "tempat": data.get("tempat") or ctx["unit"]["kota"],
        "nama": signer["nama"],
        "nip_baris": nip_line(signer.get("nip")),
        "nip": signer.get("nip") or "",
        "jabatan": signer["jabatan"],
        "unit": [
            {**u, "predikat_panjang": f"Menuju {TARGET_NAMES[u['predikat']]} ({u['predikat']})"}
            for u in units
        ],
    }
    return ctx


KIND = DocumentKind(
    name="sptjm",
    title="Surat Pernyataan Tanggung Jawab Mutlak (SPTJM)",
    template="sptjm.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="sptjm.yaml",
)
