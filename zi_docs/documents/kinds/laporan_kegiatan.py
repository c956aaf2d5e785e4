"""Laporan Kegiatan with its photographs (dokumentasi): evidence that an activity took place
(sosialisasi, internalisasi, bimtek ...). It serves the report and photo items of the
indicators it names."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zi_docs.catalogue import Catalogue
from zi_docs.documents.common import unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.meeting import _indicator, serves_item
from zi_docs.documents.people import SIGNER
from zi_docs.documents.signing import signature
from zi_docs.refs import IndicatorRef
from zi_docs.schema import Context, Custom, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

REPORT_KEYS = (
    "laporan-kegiatan",
    "laporan-pelaksanaan",
    "laporan-sosialisasi",
    "laporan-internalisasi",
    "laporan-kampanye",
    "foto-kegiatan",
)
"""Checklist items a laporan kegiatan with photos is (of the indicators it names)."""
PHOTO_TYPES = (".jpg", ".jpeg", ".png")
PHOTO_WIDTH_MM = 75.0


def _photo(value: Any, path: PathKey, ctx: Context) -> Any:
    """A photo file next to the input (JPEG/PNG)."""
    if not isinstance(value, str) or not value.strip():
        ctx.fail(path, "harus nama berkas foto, misalnya foto-kegiatan-1.jpg", "jenis-teks")
        return None
    base = ctx.extra.get("base_dir") or Path.cwd()
    file = (Path(base) / value.strip()).resolve()
    workspace = ctx.extra.get("workspace")
    shown = workspace.display(file) if isinstance(workspace, Workspace) else str(file)
    if file.suffix.lower() not in PHOTO_TYPES:
        ctx.fail(path, f"{shown} bukan foto JPEG/PNG", "berkas-jenis")
        return None
    if not file.is_file():
        ctx.fail(path, f"foto {shown} tidak ditemukan; periksa nama berkasnya", "berkas-tidak-ada")
        return None
    return file


FOTO = Record(
    Field("berkas", Custom("berkas foto JPEG/PNG di samping berkas ini", _photo, "foto-1.jpg")),
    Field("keterangan", Text(), help="keterangan foto"),
)

SCHEMA = Record(
    Field("kegiatan", Text(), help="nama kegiatan", example="Sosialisasi Pengendalian Gratifikasi"),
    Field("nomor", Text(), required=False, default=""),
    Field("tanggal", Date(), help="tanggal kegiatan"),
    Field("tanggal_laporan", Date(), help="tanggal laporan"),
    Field("tempat", Text()),
    Field(
        "indikator",
        ListOf(Custom("id indikator LKE", _indicator, "P.PW.i.b")),
        required=False,
        default=[],
        help="indikator LKE yang dibuktikan kegiatan ini",
    ),
    Field("dasar", ListOf(Text()), required=False, default=[]),
    Field("maksud_tujuan", ListOf(Text(), min_items=1)),
    Field("peserta", Text(), help="siapa dan berapa orang yang ikut"),
    Field("uraian", ListOf(Text(), min_items=1), help="jalannya kegiatan"),
    Field("hasil", ListOf(Text()), required=False, default=[]),
    Field("penutup", Text(), required=False, default=""),
    Field("foto", ListOf(FOTO), required=False, default=[], help="dokumentasi kegiatan"),
    Field("pelapor", SIGNER, help="yang membuat laporan (ketua panitia/pokja)"),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    photos = [
        {"gambar": media.image(f["berkas"], width_mm=PHOTO_WIDTH_MM), "keterangan": f["keterangan"]}
        for f in data["foto"]
    ]
    pairs = [photos[i : i + 2] for i in range(0, len(photos), 2)]
    for pair in pairs:
        if len(pair) == 1:
            pair.append({"gambar": "", "keterangan": ""})
    head = workspace.profile.data["pimpinan"]
    region = ctx["unit"]["wilayah"]
    ctx["laporan"] = {
        "kegiatan": data["kegiatan"],
        "kegiatan_kapital": data["kegiatan"].upper(),
        "nomor": data["nomor"],
        "tanggal": data["tanggal"],
        "tanggal_laporan": data["tanggal_laporan"],
        "tempat": data["tempat"],
        "dasar": data["dasar"],
        "maksud_tujuan": data["maksud_tujuan"],
        "peserta": data["peserta"],
        "uraian": data["uraian"],
        "hasil": data["hasil"],
        "penutup": data["penutup"],
        "foto": [{"kiri": p[0], "kanan": p[1]} for p in pairs],
        "pelapor_ttd": signature(data["pelapor"]["jabatan"], data["pelapor"], None, capitals=False),
        "mengetahui_ttd": signature(
            head["jabatan"] + (f" {region}" if region else ""), head, None, capitals=False
        ),
    }
    return ctx


def serves_of(data: dict[str, Any], catalogue: Catalogue | None) -> Sequence[IndicatorRef]:
    found: list[IndicatorRef] = []
    for key in REPORT_KEYS:
        if key == "foto-kegiatan" and not data["foto"]:
            continue
        found.extend(serves_item(key)(data, catalogue))
    return found


KIND = DocumentKind(
    name="laporan-kegiatan",
    title="Laporan Kegiatan",
    template="laporan-kegiatan.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="laporan-kegiatan-sosialisasi.yaml",
    serves_of=serves_of,
)
