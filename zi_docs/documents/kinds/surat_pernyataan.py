"""Surat Pernyataan signed by each employee (bebas benturan kepentingan, kesediaan menjadi agen
perubahan, ...): one page per person, like the Pakta Integritas; it serves the
``surat-pernyataan`` item of the indicators it names."""

from __future__ import annotations

from typing import Any

from zi_docs.documents.common import person, slug, unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.meeting import _indicator, serves_item
from zi_docs.documents.people import PERSON
from zi_docs.documents.staff_list import read_staff
from zi_docs.schema import Boolean, Context, Custom, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey


def _staff(value: Any, path: PathKey, ctx: Context) -> Any:
    return read_staff(value, path, ctx, PERSON)


SCHEMA = Record(
    Field("judul", Text(), required=False, default="Surat Pernyataan", help="judul surat"),
    Field("tanggal", Date()),
    Field("tempat", Text(), required=False, help="bawaan: kota unit kerja"),
    Field(
        "pernyataan",
        ListOf(Text(), min_items=1),
        help="butir yang dinyatakan, satu per butir",
    ),
    Field(
        "indikator",
        ListOf(Custom("id indikator LKE", _indicator, "P.PW.v.c")),
        required=False,
        default=[],
        help="indikator LKE yang dibuktikan surat ini",
    ),
    Field("pegawai", ListOf(PERSON), required=False, default=[]),
    Field(
        "daftar_pegawai",
        Custom("berkas CSV/XLSX dengan kolom nama, nip, jabatan", _staff),
        required=False,
        default=None,
    ),
    Field("berkas_terpisah", Boolean(), required=False, default=False),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    people = [person(p) for p in [*data["pegawai"], *(data.get("daftar_pegawai") or [])]]
    ctx["pernyataan"] = {
        "judul": data["judul"].upper(),
        "tanggal": data["tanggal"],
        "tempat": data.get("tempat") or ctx["unit"]["kota"],
        "butir": data["pernyataan"],
    }
    ctx["pegawai"] = people
    return ctx


def split(context: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (slug(p["nama"], 40) or str(i), {**context, "pegawai": [p]})
        for i, p in enumerate(context["pegawai"], start=1)
    ]


KIND = DocumentKind(
    name="surat-pernyataan",
    title="Surat Pernyataan",
    template="surat-pernyataan.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="surat-pernyataan-benturan.yaml",
    serves_of=serves_item("surat-pernyataan"),
    split=split,
)
