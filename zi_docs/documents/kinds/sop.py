"""SOP Administrasi Pemerintahan (PermenPANRB 35/2012): identity page and drawn flowchart.

One YAML per SOP. Steps are numbered by position; each names its pelaksana (one of the
``pelaksana`` list), its symbol, and where it goes next (``lanjut``; a decision has ``ya``
and ``tidak``). Every inconsistency (a branch to a step that does not exist, an unknown
pelaksana, no start or no end) is reported at once with its line.
"""

from __future__ import annotations

import difflib
from typing import Any

from zi_docs.documents.common import person, slug, unit_context
from zi_docs.documents.flowchart import FlowStep, Symbol
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import SIGNER
from zi_docs.documents.sop_pages import body_height_mm
from zi_docs.documents.sop_table import MAX_PELAKSANA, build_flow_table
from zi_docs.schema import Boolean, Choice, Context, Date, Field, Integer, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

SYMBOLS = [s.value for s in Symbol if s is not Symbol.CONNECTOR]

STEP = Record(
    Field(
        "kegiatan",
        Text(max_len=400),
        help="uraian kegiatan langkah ini",
        example="Memeriksa kelengkapan berkas permohonan",
    ),
    Field(
        "pelaksana",
        Text(),
        help="salah satu nama di daftar 'pelaksana'",
        example="Petugas Front Office",
    ),
    Field(
        "simbol",
        Choice(SYMBOLS),
        required=False,
        default="proses",
        help="mulai, proses, keputusan, atau selesai (bawaan: proses)",
    ),
    Field(
        "kelengkapan",
        Text(),
        required=False,
        default="",
        help="mutu baku: kelengkapan yang diperlukan",
    ),
    Field("waktu", Text(), required=False, default="", help="mutu baku: waktu, mis. '15 menit'"),
    Field("output", Text(), required=False, default="", help="mutu baku: keluaran langkah"),
    Field("keterangan", Text(), required=False, default=""),
    Field(
        "lanjut",
        Integer(minimum=1),
        required=False,
        help="nomor langkah berikutnya (bawaan: langkah sesudahnya)",
    ),
    Field(
        "ya",
        Integer(minimum=1),
        required=False,
        help="langkah keputusan: nomor langkah bila 'Ya' (bawaan: langkah sesudahnya)",
    ),
    Field(
        "tidak",
        Integer(minimum=1),
        required=False,
        help="langkah keputusan: nomor langkah bila 'Tidak' (wajib untuk keputusan)",
    ),
)


def _texts(min_items: int = 1) -> ListOf:
    return ListOf(Text(), min_items=min_items)


class SopRecord(Record):
    """The SOP input; after the field checks, the steps are checked against each other."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        if isinstance(cleaned, dict):
            _check_steps(cleaned, path, ctx)
        return cleaned


def _check_steps(data: dict[str, Any], path: PathKey, ctx: Context) -> None:
    names = [n for n in data.get("pelaksana") or [] if n]
    folded = [n.casefold() for n in names]
    for i, name in enumerate(names):
        if folded.index(name.casefold()) != i:
            ctx.fail((*path, "pelaksana", i), f"pelaksana '{name}' ditulis dua kali", "ganda")
    steps = [s for s in data.get("langkah") or [] if isinstance(s, dict)]
    count = len(steps)
    if not count:
        return
    for i, step in enumerate(steps):
        where = (*path, "langkah", i)
        who = step.get("pelaksana")
        if who and who.casefold() not in folded:
            close = difflib.get_close_matches(who, names, n=1)
            hint = f"; maksudnya '{close[0]}'?" if close else f"; pilih dari: {', '.join(names)}"
            ctx.fail(
                (*where, "pelaksana"),
                f"pelaksana '{who}' tidak ada di daftar 'pelaksana'" + hint,
                "sop-pelaksana-tak-dikenal",
            )
        _check_links(step, i, count, where, ctx)
    symbols = [s.get("simbol") for s in steps]
    if symbols[0] != "mulai":
        ctx.fail(
            (*path, "langkah", 0, "simbol"),
            "langkah pertama harus bersimbol 'mulai'",
            "sop-tanpa-mulai",
        )
    for i, symbol in enumerate(symbols[1:], start=1):
        if symbol == "mulai":
            ctx.fail(
                (*path, "langkah", i, "simbol"),
                "hanya langkah pertama yang boleh bersimbol 'mulai'",
                "sop-mulai",
            )
    if "selesai" not in symbols:
        ctx.fail(
            (*path, "langkah"),
            "tidak ada langkah bersimbol 'selesai'; langkah terakhir biasanya 'simbol: selesai'",
            "sop-tanpa-selesai",
        )


def _check_links(step: dict[str, Any], i: int, count: int, where: PathKey, ctx: Context) -> None:
    symbol = step.get("simbol")
    no = i + 1
    for key in ("lanjut", "ya", "tidak"):
        target = step.get(key)
        if target is None:
            continue
        if symbol == "keputusan" and key == "lanjut":
            ctx.fail(
                (*where, key),
                "langkah keputusan memakai 'ya' dan 'tidak', bukan 'lanjut'",
                "sop-cabang",
            )
        elif symbol != "keputusan" and key in ("ya", "tidak"):
            ctx.fail(
                (*where, key), f"'{key}' hanya untuk langkah bersimbol 'keputusan'", "sop-cabang"
            )
        elif symbol == "selesai":
            ctx.fail(
                (*where, key), "langkah 'selesai' tidak punya langkah berikutnya", "sop-cabang"
            )
        if not 1 <= target <= count:
            ctx.fail(
                (*where, key),
                f"langkah {target} tidak ada; SOP ini memiliki langkah 1 sampai {count}",
                "sop-langkah-tidak-ada",
            )
        elif target == no:
            ctx.fail(
                (*where, key),
                f"langkah {no} tidak boleh menuju dirinya sendiri",
                "sop-ke-diri-sendiri",
            )
        elif target == 1:
            ctx.fail(
                (*where, key),
                "alur tidak boleh kembali ke simbol Mulai (langkah 1); arahkan ke langkah "
                "yang mengulang pekerjaannya, misalnya langkah 2",
                "sop-kembali-ke-mulai",
            )
    if symbol == "keputusan":
        if step.get("tidak") is None:
            ctx.fail(
                where,
                "langkah keputusan wajib punya 'tidak' (nomor langkah bila Tidak)",
                "sop-cabang",
            )
        elif step.get("tidak") == (step.get("ya") or no + 1):
            ctx.fail(
                (*where, "tidak"), "cabang 'ya' dan 'tidak' menuju langkah yang sama", "sop-cabang"
            )
        if step.get("ya") is None and no == count:
            ctx.fail(where, "langkah keputusan terakhir wajib punya 'ya'", "sop-cabang")
    elif symbol in ("mulai", "proses") and step.get("lanjut") is None and no == count:
        ctx.fail(
            (*where, "simbol"),
            "langkah terakhir harus bersimbol 'selesai' atau punya 'lanjut'",
            "sop-tanpa-selesai",
        )


SCHEMA = SopRecord(
    Field("nomor", Text(), help="nomor SOP", example="800/SOP-01/DPMPTSP/2026"),
    Field("nama", Text(), help="nama SOP", example="Pelayanan Perizinan Berusaha"),
    Field(
        "bidang",
        Text(),
        required=False,
        default="",
        help="bidang/bagian yang menyusun SOP (dicetak di bawah nama unit)",
    ),
    Field("tanggal_pembuatan", Date()),
    Field("tanggal_revisi", Date(), required=False),
    Field(
        "merevisi",
        Text(),
        required=False,
        default="",
        help="nomor/nama SOP yang direvisi (bila SOP ini hasil perbaikan)",
    ),
    Field(
        "inovasi",
        Boolean(),
        required=False,
        default=False,
        help="true bila SOP ini hasil inovasi unit kerja",
    ),
    Field("tanggal_efektif", Date()),
    Field(
        "disahkan_oleh",
        SIGNER,
        required=False,
        help="penanda tangan; bila tidak diisi, pimpinan unit dari unit.yaml",
    ),
    Field("dasar_hukum", _texts()),
    Field("kualifikasi_pelaksana", _texts()),
    Field("keterkaitan", _texts(0), required=False, default=[]),
    Field("peralatan", _texts(), help="peralatan/perlengkapan"),
    Field("peringatan", _texts()),
    Field("pencatatan", _texts(), help="pencatatan dan pendataan"),
    Field(
        "pelaksana",
        ListOf(Text(max_len=60), min_items=1, max_items=MAX_PELAKSANA),
        help=f"nama kolom pelaksana, kiri ke kanan (paling banyak {MAX_PELAKSANA})",
        example=["Pemohon", "Petugas Front Office"],
    ),
    Field("langkah", ListOf(STEP, min_items=2), help="langkah-langkah prosedur, berurutan"),
)


def flow_steps(data: dict[str, Any]) -> list[FlowStep]:
    """The validated steps as flowchart steps (lanes by pelaksana position)."""
    lanes = {name.casefold(): i for i, name in enumerate(data["pelaksana"])}
    steps = []
    count = len(data["langkah"])
    for i, raw in enumerate(data["langkah"]):
        no = i + 1
        symbol = Symbol(raw["simbol"])
        following = no + 1 if no < count else None
        steps.append(
            FlowStep(
                no=no,
                lane=lanes[raw["pelaksana"].casefold()],
                symbol=symbol,
                next=None
                if symbol in (Symbol.END, Symbol.DECISION)
                else (raw.get("lanjut") or following),
                yes=(raw.get("ya") or following) if symbol is Symbol.DECISION else None,
                no_branch=raw.get("tidak") if symbol is Symbol.DECISION else None,
            )
        )
    return steps


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    context = unit_context(workspace, media, logo_height_mm=20.0)
    texts = [
        {
            "kegiatan": s["kegiatan"],
            "kelengkapan": s.get("kelengkapan") or "",
            "waktu": s.get("waktu") or "",
            "output": s.get("output") or "",
            "keterangan": s.get("keterangan") or "",
        }
        for s in data["langkah"]
    ]
    page = workspace.profile.page
    body_mm = body_height_mm(page.width_mm, page.margin_top_mm, page.margin_bottom_mm)
    table = build_flow_table(
        flow_steps(data), data["pelaksana"], texts, media, body_mm=body_mm, font=page.font
    )
    signer = person(data.get("disahkan_oleh") or workspace.profile.data["pimpinan"])
    context["sop"] = {
        "nomor": data["nomor"],
        "nama": data["nama"],
        "bidang": data.get("bidang") or "",
        "tanggal_pembuatan": data["tanggal_pembuatan"],
        "tanggal_revisi": data.get("tanggal_revisi"),
        "tanggal_efektif": data["tanggal_efektif"],
        "disahkan": signer,
        "dasar_hukum": data["dasar_hukum"],
        "kualifikasi_pelaksana": data["kualifikasi_pelaksana"],
        "keterkaitan": data.get("keterkaitan") or ["-"],
        "peralatan": data["peralatan"],
        "peringatan": data["peringatan"],
        "pencatatan": data["pencatatan"],
        "pelaksana": table.header,
        "halaman": [{"baris": rows} for rows in table.pages],
        # a unit's own sop.docx made before the flowchart was paginated loops over one table
        "baris": [row for rows in table.pages for row in rows],
    }
    return context


def output_name(data: dict[str, Any]) -> str:
    name = slug(data["nama"], 60)
    return f"sop-{name}" if name else "sop"


KIND = DocumentKind(
    name="sop",
    title="Standar Operasional Prosedur (SOP)",
    template="sop.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="sop-pelayanan-perizinan.yaml",
    output_name=output_name,
    conditions={"sop-perbaikan": ("merevisi", "tanggal_revisi"), "sop-inovasi": ("inovasi",)},
)
