"""Maklumat Pelayanan (PermenPANRB 15/2014): the unit's public promise to serve by its standar
pelayanan, signed by the head of unit and displayed in the service room."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zi_docs.catalogue import Catalogue
from zi_docs.documents.common import unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.meeting import serves_item
from zi_docs.refs import IndicatorRef
from zi_docs.schema import Date, Field, Record, Text
from zi_docs.workspace import Workspace

STANDARD_TEXT = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
    "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
    "sesuai peraturan perundang-undangan yang berlaku."
)

SCHEMA = Record(
    Field("tanggal", Date(), help="tanggal penetapan maklumat"),
    Field("tempat", Text(), required=False, help="bawaan: kota unit kerja"),
    Field(
        "teks",
        Text(),
        required=False,
        default=STANDARD_TEXT,
        help="bunyi maklumat; bawaan: rumusan PermenPANRB 15/2014",
    ),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    ctx["maklumat"] = {
        "tanggal": data["tanggal"],
        "tempat": data.get("tempat") or ctx["unit"]["kota"],
        "teks": data["teks"].upper(),
    }
    return ctx


def serves_of(data: dict[str, Any], catalogue: Catalogue | None) -> Sequence[IndicatorRef]:
    """Every LKE item that asks for the maklumat itself."""
    if catalogue is None:
        return ()
    ids = [q.id for q in catalogue.questions() if q.checklist_item("maklumat")]
    found: Sequence[IndicatorRef] = serves_item("maklumat")({"indikator": ids}, catalogue)
    return found


KIND = DocumentKind(
    name="maklumat",
    title="Maklumat Pelayanan",
    template="maklumat.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="maklumat.yaml",
    serves_of=serves_of,
)
