"""Laporan Survei Kepuasan Masyarakat (PermenPANRB 14/2017).

The input names the survey export (``jawaban: skm-2026-tw1.csv``, beside the input) and,
optionally, its definition file, the weight, the population and the texts of Bab I; the rest
— tables per unsur, IKM and mutu, charts, respondent profile, the lowest unsur and their
follow-up, the conclusion — is computed from the answers. ``zi-docs survei ikm --docx`` makes
the same report straight from an export with the default texts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zi_docs.documents import skm_report as view
from zi_docs.documents.common import person, unit_context
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import SIGNER
from zi_docs.errors import InvalidInputError
from zi_docs.refs import IndicatorRef
from zi_docs.schema import Choice, Context, Date, Field, Integer, ListOf, Record, Text
from zi_docs.surveys import PERIOD_KINDS, WEIGHTS, compute_ikm, load_definition
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey, dump_yaml, parse_yaml

RESULT_KEY = "_hasil"

TINDAK_LANJUT = Record(
    Field("unsur", Text(), help="kode unsur, mis. U3"),
    Field("kegiatan", Text(), help="rencana perbaikan"),
    Field("pic", Text(), required=False, default="", help="penanggung jawab"),
    Field("waktu", Text(), required=False, default="", help="jadwal, mis. Triwulan II 2026"),
)


class SkmRecord(Record):
    """The input; afterwards the export it names is read and the IKM computed."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        if isinstance(cleaned, dict) and cleaned.get("jawaban"):
            cleaned[RESULT_KEY] = _compute(cleaned, path, ctx)
        return cleaned


def _beside(name: str, ctx: Context) -> Path:
    base = ctx.extra.get("base_dir")
    folder = base if isinstance(base, Path) else Path(ctx.doc.file).parent
    return folder / name


def _shown(path: Path, ctx: Context) -> str:
    workspace = ctx.extra.get("workspace")
    return workspace.display(path) if isinstance(workspace, Workspace) else str(path)


def _compute(data: dict[str, Any], path: PathKey, ctx: Context) -> Any:
    answers = _beside(data["jawaban"], ctx)
    if not answers.is_file():
        ctx.fail(
            (*path, "jawaban"),
            f"berkas hasil survei {_shown(answers, ctx)} tidak ditemukan; taruh unduhan "
            "Google Forms/Excel di folder yang sama dengan masukan ini",
            "berkas-tidak-ada",
        )
        return None
    try:
        definition = None
        if data.get("definisi"):
            target = _beside(data["definisi"], ctx)
            definition = load_definition(target, display=_shown(target, ctx))
        result = compute_ikm(
            answers,
            definition=definition,
            weight=data["bobot"],
            population=data.get("populasi"),
            period_kind=data["periode_kelompok"],
            display=_shown(answers, ctx),
        )
    except InvalidInputError as exc:
        ctx.problems.extend(exc.findings)
        return None
    if not result.usable:
        ctx.fail(
            (*path, "jawaban"),
            f"IKM tidak dapat dihitung dari {result.file}: unsur "
            f"{', '.join(result.overall.missing)} tanpa jawaban sah; periksa dengan "
            f"zi-docs survei ikm {result.file}",
            "survei-kosong",
        )
        return None
    return result


SCHEMA = SkmRecord(
    Field("jawaban", Text(), help="berkas hasil survei (.csv/.xlsx) di folder yang sama"),
    Field("definisi", Text(), required=False, help="berkas definisi kolom (.yaml)"),
    Field("bobot", Choice(list(WEIGHTS)), required=False, default="regulasi"),
    Field("populasi", Integer(minimum=1), required=False, help="jumlah populasi"),
    Field("periode_kelompok", Choice(list(PERIOD_KINDS)), required=False, default="triwulan"),
    Field("periode", Text(), required=False, help="periode survei, mis. Triwulan I 2026"),
    Field("nomor", Text(), required=False, default=""),
    Field("tanggal", Date(), help="tanggal laporan"),
    Field("latar_belakang", ListOf(Text()), required=False, default=[]),
    Field("dasar_hukum", ListOf(Text()), required=False, default=[]),
    Field("tujuan", ListOf(Text()), required=False, default=[]),
    Field("tindak_lanjut", ListOf(TINDAK_LANJUT), required=False, default=[]),
    Field("kesimpulan", ListOf(Text()), required=False, default=[]),
    Field("ketua_tim", SIGNER, required=False, help="ketua tim pelaksana survei"),
)


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    context = unit_context(workspace, media)
    result = data[RESULT_KEY]
    context["skm"] = view.report_context(data, result, context["unit"], media)
    context["skm"]["ketua_tim"] = person(data.get("ketua_tim"))
    context["skm"]["ada_ketua"] = bool(data.get("ketua_tim"))
    return context


def output_name(data: dict[str, Any]) -> str:
    return f"laporan-skm-{Path(data['jawaban']).stem}"


KIND = DocumentKind(
    name="laporan-skm",
    title="Laporan Survei Kepuasan Masyarakat",
    template="laporan-skm.docx",
    schema=SCHEMA,
    build_context=build_context,
    serves=(IndicatorRef("A.I.6.iv.a", "laporan-skm"),),
    example_input="laporan-skm.yaml",
    output_name=output_name,
)


def write_report(
    workspace: Workspace,
    answers: Path,
    out: Path,
    *,
    definition: Path | None = None,
    weight: str = "regulasi",
    population: int | None = None,
    period_kind: str = "triwulan",
    date: dt.date | None = None,
) -> str:
    """The report straight from an export, with the default texts; returns where it went."""
    from zi_docs.documents.generation import render_documents

    data: dict[str, Any] = {
        "jenis": KIND.name,
        "jawaban": str(answers.resolve()),
        "bobot": weight,
        "periode_kelompok": period_kind,
        "tanggal": date or dt.date.today(),
    }
    if definition is not None:
        data["definisi"] = str(definition.resolve())
    if population is not None:
        data["populasi"] = population
    doc = parse_yaml(dump_yaml(data), f"{answers.name} (survei ikm --docx)")
    target = out if out.suffix.lower() == ".docx" else out.with_suffix(".docx")
    result = render_documents(workspace, KIND.name, answers, target, doc=doc)
    return workspace.display(result.documents[0])
