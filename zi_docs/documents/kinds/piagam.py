"""Piagam Pencanangan Pembangunan Zona Integritas."""

from __future__ import annotations

from typing import Any

from zi_docs.documents.common import person, unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.nip import NIP
from zi_docs.schema import Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace

LOGO_HEIGHT_MM = 32.0

SAKSI = Record(
    Field("nama", Text(max_len=200), example="Drs. H. Mulyadi, M.Si."),
    Field("jabatan", Text(max_len=300), example="Inspektur Kabupaten Sukamaju"),
    Field("nip", NIP, required=False),
)

SCHEMA = Record(
    Field("tanggal", Date(), help="tanggal pencanangan"),
    Field("tempat", Text(), required=False, help="tempat pencanangan; bawaan: kota unit"),
    Field(
        "komitmen", ListOf(Text(), min_items=1), help="butir komitmen unit kerja, dicetak bernomor"
    ),
    Field(
        "saksi",
        ListOf(SAKSI),
        required=False,
        default=[],
        help="saksi yang ikut menandatangani (boleh dikosongkan)",
    ),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    logo = workspace.logo_path()
    ctx.update(
        {
            "tanggal": data["tanggal"],
            "tempat": data.get("tempat") or ctx["unit"]["kota"],
            "komitmen": list(data["komitmen"]),
            "saksi": [person(s) for s in data.get("saksi") or []],
            "logo_besar": media.image(logo, height_mm=LOGO_HEIGHT_MM) if logo else None,
        }
    )
    return ctx


KIND = DocumentKind(
    name="piagam",
    title="Piagam Pencanangan Pembangunan Zona Integritas",
    template="piagam.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="piagam.yaml",
)
