"""Laporan Monitoring dan Evaluasi Pembangunan ZI (triwulan).

The input names the Rencana Kerja input it reports on (``rencana_kerja: rencana-kerja.yaml``)
and gives the realisation of each kegiatan by its ``kode``; Bab III scores the workspace's
self-assessment (``lke.yaml``). Charts: progress per area, and score per area against the
minimum of the target predicate.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from zi_docs.angka import angka
from zi_docs.dates_in_text import MONTHS
from zi_docs.documents.charts import Bar, bar_chart
from zi_docs.documents.common import person, unit_context
from zi_docs.documents.formatting import romawi
from zi_docs.documents.inputs import validate_input
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.kinds import rencana_kerja as rk
from zi_docs.documents.monev import area_capaian, area_progress, progress_items
from zi_docs.documents.people import SIGNER
from zi_docs.errors import InvalidInputError
from zi_docs.schema import Choice, Context, Date, Field, Integer, ListOf, Number, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey, load_yaml

STATUS = ["selesai", "dalam proses", "belum"]
PLAN_KEY = "_rencana"

REALISASI = Record(
    Field("kode", Text(), help="kode kegiatan di rencana kerja", example="MP-01"),
    Field("progres", Number(minimum=0, maximum=100), help="persen selesai (0-100)"),
    Field("capaian", Text(), help="output yang sudah dicapai"),
    Field("data_dukung", Text(), required=False, default=""),
)
REKOMENDASI = Record(
    Field("uraian", Text()),
    Field("pic", Text(), help="penanggung jawab tindak lanjut"),
    Field("batas_waktu", Date()),
)
TINDAK_LANJUT = Record(
    Field("rekomendasi", Text(), help="rekomendasi periode lalu"),
    Field("pic", Text()),
    Field("batas_waktu", Date()),
    Field("status", Choice(STATUS)),
    Field("keterangan", Text(), required=False, default=""),
)


def _texts(minimum: int = 1) -> ListOf:
    return ListOf(Text(), min_items=minimum)


class MonevRecord(Record):
    """The input; afterwards the Rencana Kerja it names is loaded and the codes checked."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        if isinstance(cleaned, dict) and cleaned.get("rencana_kerja"):
            cleaned[PLAN_KEY] = _load_plan(cleaned, path, ctx)
        return cleaned


def _plan_path(name: str, ctx: Context) -> Path:
    base = ctx.extra.get("base_dir")
    if isinstance(base, Path):
        return base / name
    workspace = ctx.extra.get("workspace")
    if isinstance(workspace, Workspace):
        return workspace.inputs_dir / name
    return Path(ctx.doc.file).parent / name


def _load_plan(data: dict[str, Any], path: PathKey, ctx: Context) -> dict[str, Any] | None:
    where = (*path, "rencana_kerja")
    plan_file = _plan_path(data["rencana_kerja"], ctx)
    workspace = ctx.extra.get("workspace")
    shown = workspace.display(plan_file) if isinstance(workspace, Workspace) else str(plan_file)
    if not plan_file.is_file():
        ctx.fail(
            where,
            f"berkas rencana kerja {shown} tidak ditemukan; perbaiki namanya, atau taruh "
            "berkas rencana kerja di folder yang sama dengan laporan ini",
            "berkas-tidak-ada",
        )
        return None
    plan: dict[str, Any] | None = None
    raw: dict[str, Any] = {}
    try:
        doc = load_yaml(plan_file, display=shown)
        raw = doc.data if isinstance(doc.data, dict) else {}
        plan = validate_input(doc, rk.KIND.name, rk.SCHEMA, **ctx.extra)
    except InvalidInputError as exc:
        ctx.problems.extend(exc.findings)
    items = (plan or raw).get("kegiatan") or []
    codes = [str(k["kode"]) for k in items if isinstance(k, dict) and k.get("kode")]
    _check_codes(data, path, ctx, codes, shown)
    return plan


def _check_codes(
    data: dict[str, Any], path: PathKey, ctx: Context, codes: list[str], shown: str
) -> None:
    folded = {c.casefold() for c in codes}
    seen: set[str] = set()
    for i, item in enumerate(data.get("realisasi") or []):
        code = item.get("kode") if isinstance(item, dict) else None
        if not code:
            continue
        if code.casefold() not in folded:
            close = difflib.get_close_matches(code, codes, n=1)
            hint = f"; maksudnya '{close[0]}'?" if close else ""
            ctx.fail(
                (*path, "realisasi", i, "kode"),
                f"kegiatan '{code}' tidak ada di {shown}{hint}",
                "kegiatan-tak-dikenal",
            )
        elif code.casefold() in seen:
            ctx.fail(
                (*path, "realisasi", i, "kode"), f"realisasi '{code}' ditulis dua kali", "ganda"
            )
        seen.add(code.casefold())


SCHEMA = MonevRecord(
    Field(
        "rencana_kerja",
        Text(),
        help="berkas masukan rencana kerja di folder yang sama",
        example="rencana-kerja.yaml",
    ),
    Field("triwulan", Integer(minimum=1, maximum=4)),
    Field("nomor", Text(), required=False, default=""),
    Field("tanggal", Date(), help="tanggal laporan"),
    Field("latar_belakang", _texts(), help="paragraf latar belakang"),
    Field("dasar_hukum", _texts()),
    Field("tujuan", _texts()),
    Field("realisasi", ListOf(REALISASI), help="realisasi tiap kegiatan rencana kerja"),
    Field("kendala", _texts()),
    Field("rekomendasi", ListOf(REKOMENDASI), help="rekomendasi periode ini"),
    Field(
        "tindak_lanjut",
        ListOf(TINDAK_LANJUT),
        required=False,
        default=[],
        help="status rekomendasi periode lalu",
    ),
    Field("penutup", _texts()),
    Field("ketua_tim", SIGNER),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    plan = data[PLAN_KEY]
    catalogue = workspace.catalogue
    groups = rk.plan_rows(plan, catalogue)
    area_of = {k["kode"]: g["kode"] for g in groups for k in g["kegiatan"]}
    quarter = data["triwulan"]
    items = {i.kode: i for i in progress_items(plan, data["realisasi"], quarter, area_of)}
    reported = {r["kode"].casefold(): r for r in data["realisasi"]}
    areas = []
    number = 0
    for group in groups:
        rows = []
        for k in group["kegiatan"]:
            number += 1
            item, entry = items[k["kode"]], reported.get(k["kode"].casefold(), {})
            rows.append(
                {
                    "no": number,
                    "kode": k["kode"],
                    "kegiatan": k["kegiatan"],
                    "output": k["output"],
                    "target": angka(item.target, 1),
                    "realisasi": angka(item.realisasi, 1),
                    "capaian": entry.get("capaian") or "belum dilaporkan",
                    "data_dukung": entry.get("data_dukung") or "-",
                    "status": "sesuai rencana" if item.on_track else "terlambat",
                }
            )
        areas.append({"nama": group["nama"], "kegiatan": rows})
    progress = area_progress(list(items.values()), [g["kode"] for g in groups])
    chart = bar_chart(
        [Bar(catalogue.areas.get(p.area, p.area), (p.target, p.realisasi)) for p in progress],
        ["Target s.d. triwulan ini", "Realisasi"],
    )
    capaian = area_capaian(workspace)
    context = unit_context(workspace, media)
    end_month = MONTHS[quarter * 3 - 1]
    context["monev"] = {
        "nomor": data.get("nomor") or "",
        "tanggal": data["tanggal"],
        "triwulan": quarter,
        "triwulan_romawi": romawi(quarter),
        "periode": f"Januari sampai dengan {end_month} {workspace.profile.year}",
        "latar_belakang": data["latar_belakang"],
        "dasar_hukum": data["dasar_hukum"],
        "tujuan": data["tujuan"],
        "area": areas,
        "progres_area": [
            {
                "nama": catalogue.areas.get(p.area, p.area),
                "jumlah": p.count,
                "target": angka(p.target, 1),
                "realisasi": angka(p.realisasi, 1),
            }
            for p in progress
        ],
        "grafik_progres": media.image(chart, width_mm=150),
        "capaian": _capaian_context(capaian, media),
        "kendala": data["kendala"],
        "rekomendasi": data["rekomendasi"],
        "tindak_lanjut": [{**t, "status": t["status"].capitalize()} for t in data["tindak_lanjut"]]
        + _register_rows(workspace),
        "penutup": data["penutup"],
        "ketua_tim": person(data["ketua_tim"]),
    }
    return context


def _register_rows(workspace: Workspace) -> list[dict[str, Any]]:
    """The follow-up register's items, in the rows of the tindak lanjut table."""
    from zi_docs.evaluation import load_register

    rows = []
    for item in load_register(workspace).items:
        remark = "; ".join(
            x
            for x in (
                item.code,
                item.origin,
                f"bukti: {', '.join(item.evidence)}" if item.evidence else "",
                item.remark,
            )
            if x
        )
        rows.append(
            {
                "rekomendasi": item.text,
                "pic": item.owner,
                "batas_waktu": item.due,
                "status": item.status.replace("-", " ").capitalize(),
                "keterangan": remark,
            }
        )
    return rows


def _capaian_context(capaian: Any, media: Media) -> dict[str, Any]:
    if capaian is None:
        return {
            "ada": False,
            "area": [],
            "grafik": None,
            "total": 0,
            "pengungkit": 0,
            "hasil": 0,
            "predikat": "",
            "memenuhi": False,
            "berkas": "",
        }
    minimum = max((a.min_percent for a in capaian.areas), default=0.0)
    chart = bar_chart(
        [Bar(a.name, (a.percent,)) for a in capaian.areas],
        ["Nilai area (% dari bobot)"],
        minimum=minimum,
        minimum_label=f"Batas minimal {capaian.target} ({angka(minimum, 1)}%)",
    )
    return {
        "ada": True,
        "area": [
            {
                "nama": a.name,
                "bobot": a.weight,
                "nilai": a.value,
                "minimum": a.minimum,
                "persen": angka(a.percent, 1),
                "memenuhi": "Ya" if a.passed else "Belum",
            }
            for a in capaian.areas
        ],
        "grafik": media.image(chart, width_mm=150),
        "total": capaian.total,
        "pengungkit": capaian.pengungkit,
        "hasil": capaian.hasil,
        "predikat": capaian.target,
        "memenuhi": capaian.passed,
        "berkas": capaian.answers_file,
    }


def output_name(data: dict[str, Any]) -> str:
    return f"laporan-monev-tw{data['triwulan']}"


KIND = DocumentKind(
    name="laporan-monev",
    title="Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas",
    template="laporan-monev.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="laporan-monev-tw3.yaml",
    output_name=output_name,
)
