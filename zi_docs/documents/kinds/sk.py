"""A general Keputusan (SK): Agen Perubahan, UPG, WBS, Penanganan Benturan Kepentingan, Tim
Pengelola Pengaduan, PPID ... The diktum and the lampiran (a list of people with their place,
optionally in groups) come from the input; what it serves comes from
``zi_docs/data/jenis-sk.yaml`` (the catalogue's checklist item of that SK) and ``indikator``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from zi_docs.catalogue import Catalogue
from zi_docs.documents.common import person
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.kinds import sk_tim
from zi_docs.documents.meeting import _indicator
from zi_docs.documents.people import PERSON
from zi_docs.documents.staff_list import read_sheet
from zi_docs.refs import IndicatorRef
from zi_docs.resources import SK_TYPES, resource
from zi_docs.schema import Choice, Context, Custom, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey, load_yaml

SK_TYPES_FILE = resource(SK_TYPES)


@cache
def sk_types() -> dict[str, dict[str, Any]]:
    """Subject -> ``tentang`` (default title) and ``butir`` (checklist keys it serves)."""
    loaded = load_yaml(SK_TYPES_FILE).data
    return dict(loaded["jenis"])


MEMBER = Record(
    *PERSON.fields,
    Field("kedudukan", Text(), help="kedudukan dalam keputusan, mis. Agen Perubahan, Ketua"),
    Field("kelompok", Text(), required=False, default="", help="kelompok/bagian (boleh kosong)"),
)


def _member_sheet(value: Any, path: PathKey, ctx: Context) -> Any:
    return read_sheet(value, path, ctx, MEMBER, example="agen-perubahan.xlsx")


LAMPIRAN = Record(
    Field("judul", Text(), help="judul tabel lampiran, mis. DAFTAR AGEN PERUBAHAN"),
    Field("anggota", ListOf(MEMBER), required=False, default=[]),
    Field(
        "daftar_anggota",
        Custom(
            "berkas CSV/XLSX dengan kolom nama, nip, jabatan, kedudukan, kelompok", _member_sheet
        ),
        required=False,
        default=None,
        help="orang di lampiran dari lembar kerja di samping berkas ini",
    ),
)

_TEAM_FIELDS = {"tim"}
SCHEMA = Record(
    Field(
        "jenis_sk",
        Choice(sorted(sk_types())),
        help="pokok keputusan: " + ", ".join(sorted(sk_types())),
        example="agen-perubahan",
    ),
    *(f for f in sk_tim.SCHEMA.fields if f.name not in _TEAM_FIELDS),
    Field("lampiran", LAMPIRAN, required=False, default=None, help="daftar orang (lampiran)"),
    Field(
        "indikator",
        ListOf(Custom("id indikator LKE", _indicator, "P.MP.iv.b")),
        required=False,
        default=[],
        help="indikator LKE lain yang dibuktikan keputusan ini",
    ),
)


def _rows(lampiran: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not lampiran:
        return []
    people = [*lampiran["anggota"], *(lampiran.get("daftar_anggota") or [])]
    rows: list[dict[str, Any]] = []
    group = None
    for number, raw in enumerate(people, start=1):
        if raw.get("kelompok") and raw["kelompok"] != group:
            group = raw["kelompok"]
            rows.append(
                {"grup": group, "no": "", "nama": "", "nip": "", "jabatan": "", "kedudukan": ""}
            )
        entry = person(raw)
        rows.append(
            {
                "grup": "",
                "no": number,
                "nama": entry["nama"],
                "nip": entry["nip"],
                "jabatan": entry["jabatan"],
                "kedudukan": raw["kedudukan"],
            }
        )
    return rows


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    subject = sk_types()[data["jenis_sk"]]
    tentang = data.get("tentang") or (
        f"{subject['tentang']} di Lingkungan {workspace.profile.unit_name}"
        if subject["tentang"]
        else ""
    )
    team: dict[str, Any] = {
        "penanggung_jawab": None,
        "ketua": None,
        "sekretaris": None,
        "pokja": [],
    }
    ctx = sk_tim.build_context({**data, "tentang": tentang or "-", "tim": team}, workspace, media)
    lampiran = data.get("lampiran")
    ctx["sk"]["judul_lampiran"] = lampiran["judul"].upper() if lampiran else ""
    ctx["sk"]["judul_tim"] = ""
    ctx["sk"]["kolom_kedudukan"] = "Kedudukan"
    ctx["anggota"] = _rows(lampiran)
    ctx["susunan"] = sk_tim.member_groups(ctx["anggota"])
    ctx["ada_lampiran"] = bool(ctx["anggota"])
    return ctx


def serves_of(data: dict[str, Any], catalogue: Catalogue | None) -> Sequence[IndicatorRef]:
    if catalogue is None:
        return ()
    keys = set(sk_types()[data["jenis_sk"]]["butir"])
    wanted = set(data.get("indikator") or [])
    found = []
    for question in catalogue.questions():
        for item in question.checklist:
            if item.key in keys:
                found.append(IndicatorRef(question.id, item.key))
        if question.id in wanted:
            found.append(IndicatorRef(question.id))
    return found


KIND = DocumentKind(
    name="sk",
    title="Keputusan (SK) Kepala Unit Kerja",
    template="sk.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="sk-agen-perubahan.yaml",
    serves_of=serves_of,
)
