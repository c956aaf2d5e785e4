"""One meeting (rapat), three documents: its Undangan, Daftar Hadir and Notulen.

The input (``jenis: rapat``, or ``jenis: undangan`` / ``daftar-hadir`` / ``notulen`` for one of
them) names the LKE indicators the meeting is evidence for (``indikator:``); each document
then serves that indicator's checklist item of its own kind (``undangan``, ``daftar-hadir``,
``notulen``), as the LKE asks for "undangan, daftar hadir, dan notulen" of a meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zi_docs.catalogue import Catalogue
from zi_docs.documents.common import person, unit_context
from zi_docs.documents.kind import Media
from zi_docs.documents.kinds.rencana_kerja import catalogue_of
from zi_docs.documents.people import SIGNER
from zi_docs.documents.signing import SIGNATORY, signature
from zi_docs.documents.staff_list import read_sheet
from zi_docs.errors import NotFoundError
from zi_docs.refs import IndicatorRef
from zi_docs.schema import Context, Custom, Date, Field, Integer, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

PESERTA = Record(
    Field("nama", Text(max_len=200), help="nama lengkap dengan gelar"),
    Field("jabatan", Text(max_len=300), help="jabatan atau instansi asal"),
    Field("nip", Text(max_len=30), required=False, default="", help="NIP; kosong bila bukan ASN"),
)


def _indicator(value: Any, path: PathKey, ctx: Context) -> Any:
    """An LKE question or sub-component id (or alias) of the workspace's catalogue."""
    catalogue = catalogue_of(ctx)
    try:
        return catalogue.resolve(str(value)).id
    except NotFoundError as exc:
        hint = f"; maksudnya {', '.join(exc.suggestions[:3])}?" if exc.suggestions else ""
        ctx.fail(
            path, f"indikator LKE '{value}' tidak ada dalam katalog{hint}", "indikator-tak-dikenal"
        )
        return None


def _attendance_sheet(value: Any, path: PathKey, ctx: Context) -> Any:
    return read_sheet(value, path, ctx, PESERTA, example="peserta-rapat.xlsx")


TINDAK_LANJUT = Record(
    Field("uraian", Text()),
    Field("pic", Text(), help="penanggung jawab"),
    Field("batas_waktu", Date()),
)

SCHEMA = Record(
    Field("acara", Text(), help="acara/agenda rapat", example="Rapat Pembentukan Tim Kerja ZI"),
    Field(
        "indikator",
        ListOf(Custom("id indikator LKE", _indicator, "P.MP.i.a")),
        required=False,
        default=[],
        help="indikator LKE yang dibuktikan rapat ini (mis. P.MP.i.a)",
    ),
    Field("tanggal", Date(), help="tanggal rapat"),
    Field("waktu", Text(), help="jam rapat", example="09.00 WIB s.d. selesai"),
    Field("tempat", Text(), help="tempat rapat", example="Ruang Rapat Lantai 2"),
    Field("nomor", Text(), help="nomor surat undangan", example="005/012/DPMPTSP/2026"),
    Field("tanggal_surat", Date(), help="tanggal surat undangan"),
    Field("sifat", Text(), required=False, default="Biasa"),
    Field("lampiran", Text(), required=False, default="-"),
    Field("hal", Text(), required=False, default="", help="perihal; bawaan: Undangan <acara>"),
    Field("kepada", ListOf(Text(), min_items=1), help="yang diundang (Yth. ...)"),
    Field("penandatangan", SIGNATORY, required=False, help="penanda tangan undangan"),
    Field("pimpinan_rapat", SIGNER, required=False, help="bawaan: pimpinan unit"),
    Field("notulis", SIGNER, required=False, default=None, help="pencatat notulen"),
    Field("peserta", ListOf(PESERTA), required=False, default=[], help="daftar hadir"),
    Field(
        "daftar_peserta",
        Custom("berkas CSV/XLSX dengan kolom nama, jabatan, nip", _attendance_sheet),
        required=False,
        default=None,
        help="peserta dari lembar kerja di samping berkas ini",
    ),
    Field(
        "baris_kosong",
        Integer(minimum=0, maximum=100),
        required=False,
        default=5,
        help="baris kosong tambahan di daftar hadir untuk peserta yang belum terdaftar",
    ),
    Field("pembahasan", ListOf(Text()), required=False, default=[]),
    Field("kesimpulan", ListOf(Text()), required=False, default=[]),
    Field("tindak_lanjut", ListOf(TINDAK_LANJUT), required=False, default=[]),
    Field("tembusan", ListOf(Text()), required=False, default=[]),
)


def serves_item(key: str) -> Any:
    """A ``serves_of`` for a kind whose document is the ``key`` item of the named indicators."""

    def serves(data: dict[str, Any], catalogue: Catalogue | None) -> Sequence[IndicatorRef]:
        if catalogue is None:
            return ()
        found: list[IndicatorRef] = []
        for wanted in data.get("indikator") or []:
            for question in catalogue.questions():
                if question.id != wanted and not question.id.startswith(f"{wanted}."):
                    continue
                for item in question.checklist:
                    if item.key == key:
                        found.append(IndicatorRef(question.id, item.key))
        return found

    return serves


def meeting_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    """The context every meeting document reads."""
    ctx = unit_context(workspace, media)
    head = workspace.profile.data["pimpinan"]
    region = ctx["unit"]["wilayah"]
    chair_raw = data.get("pimpinan_rapat") or head
    chair = person(chair_raw)
    notes = person(data["notulis"]) if data.get("notulis") else None
    people = [person(p) for p in [*data["peserta"], *(data.get("daftar_peserta") or [])]]
    rows = [{"no": i, **p} for i, p in enumerate(people, start=1)]
    rows += [
        {"no": len(rows) + i, "nama": "", "nip": "", "jabatan": "", "nip_baris": ""}
        for i in range(1, data["baris_kosong"] + 1)
    ]
    ctx["rapat"] = {
        "acara": data["acara"],
        "tanggal": data["tanggal"],
        "waktu": data["waktu"],
        "tempat": data["tempat"],
        "nomor": data["nomor"],
        "tanggal_surat": data["tanggal_surat"],
        "sifat": data["sifat"],
        "lampiran": data["lampiran"],
        "hal": data["hal"] or f"Undangan {data['acara']}",
        "kepada": data["kepada"],
        "ttd": signature(
            head["jabatan"] + (f" {region}" if region else ""),
            head,
            data.get("penandatangan"),
            capitals=False,
        ),
        "pimpinan_rapat": chair,
        "pimpinan_rapat_ttd": signature(chair_raw["jabatan"], chair_raw, None, capitals=False),
        "notulis": notes,
        "notulis_ttd": signature(data["notulis"]["jabatan"], data["notulis"], None, capitals=False)
        if data.get("notulis")
        else {"jabatan": "", "nama": "", "nip_baris": "", "pangkat_golongan": ""},
        "peserta": rows,
        "jumlah_peserta": len(people),
        "pembahasan": data["pembahasan"],
        "kesimpulan": data["kesimpulan"],
        "tindak_lanjut": data["tindak_lanjut"],
        "tembusan": data["tembusan"],
    }
    return ctx
