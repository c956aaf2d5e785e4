"""Pakta Integritas (PermenPANRB 49/2011): one signed page per employee, in batch."""

from __future__ import annotations

from typing import Any

from zi_docs.documents.common import person, slug, unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import PERSON
from zi_docs.documents.staff_list import read_staff
from zi_docs.schema import Boolean, Context, Custom, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey


def _check_list(value: Any, path: PathKey, ctx: Context) -> Any:
    return read_staff(value, path, ctx, PERSON)


class _PaktaRecord(Record):
    """The input record, plus: at least one employee from ``pegawai`` or ``daftar_pegawai``."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        result = super().check(value, path, ctx)
        if isinstance(value, dict) and not value.get("pegawai") and not value.get("daftar_pegawai"):
            ctx.fail(
                (*path, "pegawai"),
                "isi 'pegawai' (daftar di berkas ini) atau "
                "'daftar_pegawai' (berkas CSV/XLSX); keduanya kosong",
                "wajib",
            )
        return result


SCHEMA = _PaktaRecord(
    Field("tanggal", Date(), help="tanggal penandatanganan"),
    Field("tempat", Text(), required=False, help="tempat penandatanganan; bawaan: kota unit"),
    Field(
        "pegawai",
        ListOf(PERSON),
        required=False,
        default=[],
        help="pegawai yang menandatangani, satu halaman per orang",
    ),
    Field(
        "daftar_pegawai",
        Custom(
            "berkas CSV/XLSX dengan kolom nama, nip, jabatan (pangkat, golongan boleh)",
            _check_list,
            example="daftar-pegawai.csv",
        ),
        required=False,
        default=None,
        help="berkas daftar pegawai di samping berkas ini; ditambahkan setelah 'pegawai'",
    ),
    Field(
        "berkas_terpisah",
        Boolean(),
        required=False,
        default=False,
        help="ya: satu berkas .docx per pegawai; tidak: satu berkas, satu halaman per pegawai",
    ),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    people = [*(data.get("pegawai") or []), *(data.get("daftar_pegawai") or [])]
    ctx.update(
        {
            "tanggal": data["tanggal"],
            "tempat": data.get("tempat") or ctx["unit"]["kota"],
            "pegawai": [person(p) for p in people],
            "berkas_terpisah": bool(data.get("berkas_terpisah")),
        }
    )
    return ctx


def split(context: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """One context per employee, named ``<number>-<name>``."""
    width = len(str(len(context["pegawai"])))
    return [
        (
            f"{i:0{width}d}-{slug(p['nama'].split(',')[0], 40) or 'pegawai'}",
            {**context, "pegawai": [p]},
        )
        for i, p in enumerate(context["pegawai"], start=1)
    ]


KIND = DocumentKind(
    name="pakta-integritas",
    title="Pakta Integritas",
    template="pakta-integritas.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="pakta-integritas.yaml",
    split=split,
)
