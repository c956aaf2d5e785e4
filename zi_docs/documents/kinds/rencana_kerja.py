"""Rencana Kerja Pembangunan Zona Integritas: a landscape table of kegiatan grouped by area.

Every kegiatan names the LKE indicator(s) it serves (ids or aliases such as ``P.MP.ii.a``);
the area it is listed under comes from its first indicator. The schedule is in months
(``jadwal: bulan``, 12 columns) or quarters (``jadwal: triwulan``, TW I-IV); scheduled cells
are shaded.
"""

from __future__ import annotations

import re
from typing import Any

from zi_docs.catalogue import Catalogue, load_catalogue
from zi_docs.documents.common import unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.errors import NotFoundError
from zi_docs.schema import Choice, Context, Custom, Date, Field, ListOf, Record, Rupiah, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

MONTHS = tuple(str(m) for m in range(1, 13))
"""Month column labels (a 4 mm column holds a number, not a month name)."""
QUARTERS = ("TW I", "TW II", "TW III", "TW IV")
SHADE = "8EAADB"
"""Fill of a scheduled cell."""
_RANGE = re.compile(r"\s*(\d{1,2})\s*(?:-|s\.?d\.?|sampai)\s*(\d{1,2})\s*")


def catalogue_of(ctx: Context) -> Catalogue:
    """The workspace catalogue the engine passes in, else the bundled one."""
    catalogue = ctx.extra.get("catalogue")
    return catalogue if isinstance(catalogue, Catalogue) else load_catalogue()


def _indicator(value: Any, path: PathKey, ctx: Context) -> Any:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        ctx.fail(path, "harus berupa id indikator LKE, misalnya P.MP.ii.a", "jenis-teks")
        return None
    catalogue = catalogue_of(ctx)
    try:
        node = catalogue.resolve(str(value))
    except NotFoundError as exc:
        hint = f"; maksudnya {', '.join(exc.suggestions[:3])}?" if exc.suggestions else ""
        ctx.fail(
            path,
            f"indikator LKE '{value}' tidak ada dalam katalog {catalogue.id}{hint}",
            "indikator-tak-dikenal",
        )
        return None
    if node.level not in ("sub", "pertanyaan"):
        ctx.fail(
            path,
            f"'{value}' adalah {node.level} ({node.name}); sebutkan sub-komponen "
            "atau pertanyaan LKE, misalnya P.MP.ii.a",
            "indikator-tingkat",
        )
        return None
    return node.id


def _schedule(value: Any, path: PathKey, ctx: Context) -> Any:
    """Months/quarters as a list: ``[1, 2, 3]``, ``"4-6"`` or a mix; checked later by mode."""
    items = value if isinstance(value, list) else [value]
    periods: set[int] = set()
    for i, item in enumerate(items):
        where = (*path, i) if isinstance(value, list) else path
        if isinstance(item, int) and not isinstance(item, bool):
            periods.add(item)
        elif isinstance(item, str) and (match := _RANGE.fullmatch(item)):
            low, high = int(match.group(1)), int(match.group(2))
            if low > high:
                ctx.fail(where, f"rentang '{item}' terbalik; tulis dari kecil ke besar", "rentang")
            periods.update(range(low, high + 1))
        elif isinstance(item, str) and item.strip().isdigit():
            periods.add(int(item))
        else:
            ctx.fail(
                where,
                f"'{item}' bukan nomor bulan/triwulan; tulis misalnya 3 atau '4-6'",
                "jadwal",
            )
    return sorted(periods)


KEGIATAN = Record(
    Field(
        "kode",
        Text(max_len=20),
        help="kode singkat kegiatan, dipakai laporan monev",
        example="MP-01",
    ),
    Field(
        "indikator",
        ListOf(Custom("id indikator LKE", _indicator, "P.MP.ii.a"), min_items=1),
        help="indikator LKE yang dilayani (id atau alias, mis. P.MP.ii.a)",
    ),
    Field("kegiatan", Text()),
    Field("output", Text(), help="output/target"),
    Field("indikator_keberhasilan", Text()),
    Field(
        "jadwal",
        Custom(
            "daftar bulan (1-12) atau triwulan (1-4), mis. [1, 2] atau '4-6'", _schedule, [1, 2, 3]
        ),
    ),
    Field("penanggung_jawab", Text()),
    Field(
        "anggaran",
        Rupiah(),
        required=False,
        default=0,
        help="rupiah; 0 atau kosong bila tanpa anggaran",
    ),
    Field("data_dukung", Text(), help="data dukung yang dihasilkan"),
)


class RencanaKerjaRecord(Record):
    """The input; after the field checks, schedules are checked against the mode and codes
    for uniqueness."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        if isinstance(cleaned, dict):
            check_plan(cleaned, path, ctx)
        return cleaned


def check_plan(data: dict[str, Any], path: PathKey, ctx: Context) -> None:
    last = 4 if data.get("jadwal") == "triwulan" else 12
    unit = "triwulan" if last == 4 else "bulan"
    seen: dict[str, int] = {}
    for i, item in enumerate(data.get("kegiatan") or []):
        if not isinstance(item, dict):
            continue
        code = item.get("kode")
        if code and code.casefold() in seen:
            ctx.fail(
                (*path, "kegiatan", i, "kode"),
                f"kode '{code}' sudah dipakai kegiatan ke-{seen[code.casefold()] + 1}",
                "ganda",
            )
        elif code:
            seen[code.casefold()] = i
        periods = item.get("jadwal") or []
        wrong = [p for p in periods if not 1 <= p <= last]
        if wrong:
            ctx.fail(
                (*path, "kegiatan", i, "jadwal"),
                f"{unit} {', '.join(map(str, wrong))} tidak ada; isi {unit} 1 sampai {last}",
                "jadwal",
            )
        elif not periods and item.get("kegiatan"):
            ctx.fail((*path, "kegiatan", i, "jadwal"), "jadwal tidak boleh kosong", "jadwal")


SCHEMA = RencanaKerjaRecord(
    Field("nomor", Text(), required=False, default="", help="nomor penetapan (bila ada)"),
    Field("tanggal", Date(), help="tanggal penetapan rencana kerja"),
    Field(
        "jadwal",
        Choice(["bulan", "triwulan"]),
        required=False,
        default="bulan",
        help="kolom jadwal per bulan (12 kolom) atau per triwulan (TW I-IV)",
    ),
    Field("kegiatan", ListOf(KEGIATAN, min_items=1)),
)


def plan_rows(data: dict[str, Any], catalogue: Catalogue) -> list[dict[str, Any]]:
    """Kegiatan grouped by area (catalogue order), each with its indicators resolved."""
    grouped: dict[str, list[dict[str, Any]]] = {code: [] for code in catalogue.areas}
    for item in data["kegiatan"]:
        first = catalogue.node(item["indikator"][0])
        grouped.setdefault(first.area or "", []).append(item)
    groups = []
    for code, items in grouped.items():
        if items:
            groups.append(
                {"kode": code, "nama": catalogue.areas.get(code, code), "kegiatan": items}
            )
    return groups


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    catalogue = workspace.catalogue
    quarterly = data["jadwal"] == "triwulan"
    labels = QUARTERS if quarterly else MONTHS
    span = 3 if quarterly else 1
    number = 0
    groups = []
    total = 0.0
    for group in plan_rows(data, catalogue):
        rows = []
        for item in group["kegiatan"]:
            number += 1
            nodes = [catalogue.node(i) for i in item["indikator"]]
            total += float(item["anggaran"] or 0)
            rows.append(
                {
                    "no": number,
                    "kode": item["kode"],
                    "indikator": "\n".join(f"{catalogue.short_alias(n)} {n.name}" for n in nodes),
                    "kegiatan": item["kegiatan"],
                    "output": item["output"],
                    "indikator_keberhasilan": item["indikator_keberhasilan"],
                    "jadwal": [
                        {"span": span, "warna": SHADE if p in item["jadwal"] else "FFFFFF"}
                        for p in range(1, len(labels) + 1)
                    ],
                    "penanggung_jawab": item["penanggung_jawab"],
                    "anggaran": item["anggaran"] or 0,
                    "data_dukung": item["data_dukung"],
                }
            )
        groups.append({"kode": group["kode"], "nama": group["nama"], "kegiatan": rows})
    context = unit_context(workspace, media)
    context["rk"] = {
        "nomor": data.get("nomor") or "",
        "tanggal": data["tanggal"],
        "triwulan": quarterly,
        "judul_jadwal": [{"span": span, "nama": label} for label in labels],
        "area": groups,
        "jumlah_kegiatan": number,
        "total_anggaran": total,
    }
    return context


KIND = DocumentKind(
    name="rencana-kerja",
    title="Rencana Kerja Pembangunan Zona Integritas",
    template="rencana-kerja.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="rencana-kerja.yaml",
)
