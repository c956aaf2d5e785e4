"""SK (Keputusan) Tim Kerja Pembangunan Zona Integritas, with the membership lampiran."""

from __future__ import annotations

import itertools
from typing import Any

from zi_docs.documents.common import person, unit_context
from zi_docs.documents.formatting import diktum, huruf
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import PERSON
from zi_docs.documents.signing import SIGNATORY, signature
from zi_docs.documents.staff_list import read_sheet
from zi_docs.schema import Choice, Context, Custom, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

_DIKTUM_RECORD = Record(
    Field("teks", Text(), help="isi diktum"),
    Field(
        "butir",
        ListOf(Text()),
        required=False,
        default=[],
        help="rincian a., b., c. di bawah diktum",
    ),
)


def _check_diktum(value: Any, path: PathKey, ctx: Context) -> Any:
    if isinstance(value, dict):
        return _DIKTUM_RECORD.check(value, path, ctx)
    text = Text().check(value, path, ctx)
    return {"teks": text, "butir": []}


DIKTUM = Custom(
    "teks diktum, atau kelompok isian 'teks' dan 'butir' (daftar rincian)",
    _check_diktum,
    example="Membentuk Tim Kerja ...",
)

POKJA = Record(
    Field(
        "area",
        Text(),
        help="area perubahan, misalnya Manajemen Perubahan",
        example="Manajemen Perubahan",
    ),
    Field("koordinator", PERSON),
    Field("anggota", ListOf(PERSON, min_items=1)),
)

MEMBER_ROW = Record(
    Field("kelompok", Text(), help="area perubahan pokja-nya, misalnya Manajemen Perubahan"),
    Field("kedudukan", Choice(["Koordinator", "Anggota"]), help="Koordinator atau Anggota"),
    *PERSON.fields,
)
"""One row of the members sheet (``tim.daftar_anggota``)."""


def _member_sheet(value: Any, path: PathKey, ctx: Context) -> Any:
    return read_sheet(value, path, ctx, MEMBER_ROW, example="anggota-tim.xlsx")


class TeamRecord(Record):
    """The team; members from the sheet join the pokja of their area (or make a new one)."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        if not isinstance(cleaned, dict):
            return cleaned
        groups = list(cleaned.get("pokja") or [])
        by_area = {g["area"].casefold(): g for g in groups}
        for row in cleaned.pop("daftar_anggota", None) or []:
            group = by_area.get(row["kelompok"].casefold())
            if group is None:
                group = {"area": row["kelompok"], "koordinator": None, "anggota": []}
                by_area[row["kelompok"].casefold()] = group
                groups.append(group)
            who = {k: row.get(k) for k in ("nama", "nip", "jabatan", "pangkat", "golongan")}
            if row["kedudukan"] == "Koordinator" and group["koordinator"] is None:
                group["koordinator"] = who
            elif row["kedudukan"] == "Koordinator":
                ctx.fail(
                    (*path, "daftar_anggota"),
                    f"pokja {row['kelompok']} punya lebih dari satu Koordinator "
                    f"({group['koordinator']['nama']} dan {row['nama']})",
                    "ganda",
                )
            else:
                group["anggota"].append(who)
        for group in groups:
            if group["koordinator"] is None:
                ctx.fail(
                    (*path, "daftar_anggota"),
                    f"pokja {group['area']} belum punya Koordinator; tandai satu baris dengan "
                    "kedudukan 'Koordinator'",
                    "wajib",
                )
        if not groups and isinstance(value, dict):
            ctx.fail(
                (*path, "pokja"),
                "isi 'pokja' (di berkas ini) atau 'daftar_anggota' (berkas CSV/XLSX)",
                "wajib",
            )
        cleaned["pokja"] = groups
        return cleaned


SCHEMA = Record(
    Field(
        "nomor",
        Text(max_len=120),
        help="nomor keputusan (nomor resmi dari SRIKANDI/agenda)",
        example="800.1.2.2/015/DPMPTSP/2026",
    ),
    Field("tanggal", Date(), help="tanggal penetapan"),
    Field("tempat", Text(), required=False, help="tempat penetapan; bawaan: kota unit kerja"),
    Field(
        "tentang",
        Text(),
        required=False,
        help="judul keputusan; bawaan: Pembentukan Tim Kerja Pembangunan Zona Integritas ...",
    ),
    Field(
        "menimbang",
        ListOf(Text(), min_items=1),
        help="pertimbangan 'bahwa ...'; butir terakhir (huruf a dan huruf b ...) dibuat otomatis",
    ),
    Field("mengingat", ListOf(Text(), min_items=1), help="dasar hukum, satu peraturan per butir"),
    Field("diktum", ListOf(DIKTUM, min_items=1), help="diktum KESATU, KEDUA, ... berurutan"),
    Field("tembusan", ListOf(Text()), required=False, default=[]),
    Field(
        "penandatangan",
        SIGNATORY,
        required=False,
        help="bila bukan pimpinan definitif yang menandatangani: sebagai plt/plh/an/ub, "
        "nama, nip, jabatan",
    ),
    Field(
        "tim",
        TeamRecord(
            Field("penanggung_jawab", PERSON),
            Field("ketua", PERSON),
            Field("sekretaris", PERSON),
            Field(
                "pokja",
                ListOf(POKJA),
                required=False,
                default=[],
                help="satu kelompok kerja per area",
            ),
            Field(
                "daftar_anggota",
                Custom(
                    "berkas CSV/XLSX dengan kolom kelompok, kedudukan, nama, nip, jabatan "
                    "(pangkat, golongan boleh)",
                    _member_sheet,
                    example="anggota-tim.xlsx",
                ),
                required=False,
                default=None,
                help="anggota pokja dari lembar kerja di samping berkas ini; tiap baris "
                "masuk ke pokja area 'kelompok'-nya",
            ),
        ),
        help="susunan keanggotaan tim (lampiran)",
    ),
)


def _sentence(text: str, end: str) -> str:
    return text.rstrip(" ;.,") + end


def _letters(count: int) -> str:
    names = [f"huruf {huruf(i)}" for i in range(1, count + 1)]
    if len(names) <= 2:
        return " dan ".join(names)
    return ", ".join(names[:-1]) + ", dan " + names[-1]


def _rows(team: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    numbers = itertools.count(1)

    def add(raw: dict[str, Any], role: str) -> None:
        entry = person(raw)
        rows.append(
            {
                "grup": "",
                "no": next(numbers),
                "nama": entry["nama"],
                "nip": entry["nip"],
                "jabatan": entry["jabatan"],
                "kedudukan": role,
            }
        )

    add(team["penanggung_jawab"], "Penanggung Jawab")
    add(team["ketua"], "Ketua")
    add(team["sekretaris"], "Sekretaris")
    for group in team["pokja"]:
        rows.append(
            {
                "grup": f"Kelompok Kerja {group['area']}",
                "no": "",
                "nama": "",
                "nip": "",
                "jabatan": "",
                "kedudukan": "",
            }
        )
        add(group["koordinator"], "Koordinator")
        for member in group["anggota"]:
            add(member, "Anggota")
    return rows


def member_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lampiran rows cut into groups, one table each: ``judul`` (the group's title row,
    empty for the members above the first group), ``baris`` (its member rows) and
    ``terakhir`` (the last group, whose table ends with the signature)."""
    groups: list[dict[str, Any]] = [{"judul": "", "baris": []}]
    for row in rows:
        if row["grup"]:
            groups.append({"judul": row["grup"], "baris": []})
        else:
            groups[-1]["baris"].append(row)
    kept = [g for g in groups if g["baris"]]
    return [{**g, "terakhir": i == len(kept) - 1} for i, g in enumerate(kept)]


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    ctx = unit_context(workspace, media)
    unit, head = ctx["unit"], ctx["pimpinan"]
    office = head["jabatan_lengkap"].upper()
    raw_head = workspace.profile.data["pimpinan"]
    signed = signature(
        raw_head["jabatan"] + (f" {unit['wilayah']}" if unit["wilayah"] else ""),
        raw_head,
        data.get("penandatangan"),
        capitals=True,
    )
    tentang = data.get("tentang") or (
        f"Pembentukan Tim Kerja Pembangunan Zona Integritas Menuju {ctx['target_panjang']} di "
        f"Lingkungan {unit['nama']} Tahun {ctx['tahun']}"
    )
    considerations = [_sentence(t, ";") for t in data["menimbang"]]
    considerations.append(
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {_letters(len(considerations))}"
        f", perlu menetapkan Keputusan {head['jabatan_lengkap']} tentang {tentang};"
    )
    ctx.update(
        {
            "sk": {
                "nomor": data["nomor"],
                "tanggal": data["tanggal"],
                "tempat": data.get("tempat") or unit["kota"],
                "tentang": tentang,
                "tentang_kapital": tentang.upper(),
                "pejabat": office,
                "pejabat_ttd": signed["jabatan"],
                "judul": f"KEPUTUSAN {office} TENTANG {tentang.upper()}",
                "judul_lampiran": "SUSUNAN KEANGGOTAAN",
                "kolom_kedudukan": "Kedudukan dalam Tim",
                "judul_tim": f"TIM KERJA PEMBANGUNAN ZONA INTEGRITAS MENUJU "
                f"{ctx['target_panjang'].upper()} ({ctx['target']}) TAHUN {ctx['tahun']}",
            },
            "menimbang": [
                {"huruf": f"{huruf(i)}.", "teks": t} for i, t in enumerate(considerations, start=1)
            ],
            "mengingat": [
                {"nomor": f"{i}.", "teks": _sentence(t, ";")}
                for i, t in enumerate(data["mengingat"], start=1)
            ],
            "diktum": [
                {
                    "label": diktum(i),
                    "teks": d["teks"],
                    "butir": [
                        {"huruf": f"{huruf(j)}.", "teks": b}
                        for j, b in enumerate(d["butir"] or [], start=1)
                    ],
                }
                for i, d in enumerate(data["diktum"], start=1)
            ],
            "tembusan": [
                {"nomor": f"{i}.", "teks": t} for i, t in enumerate(data["tembusan"] or [], start=1)
            ],
            "anggota": _rows(data["tim"]),
            "ttd": signed,
        }
    )
    ctx["susunan"] = member_groups(ctx["anggota"])
    return ctx


KIND = DocumentKind(
    name="sk-tim",
    title="SK Tim Kerja Pembangunan Zona Integritas",
    template="sk-tim.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="sk-tim.yaml",
)
