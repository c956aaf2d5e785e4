"""Laporan Hasil Evaluasi (LHE) pembangunan Zona Integritas, from an evaluation layer.

The input names the layer (``lapis: tpi-unit``) whose latest answers are the hasil
evaluasi; the unit's own ``lke.yaml`` is the penilaian mandiri. Everything about the
evaluator (office, signer, team, letter) comes from the input; everything about the unit
from ``unit.yaml``: the template holds no unit-specific text.

Parts: cover; surat pengantar; landasan penugasan (surat tugas, team with role and NIP),
dasar hukum, tujuan, sasaran, metodologi, lingkup; the results table (komponen | bobot |
penilaian mandiri | hasil evaluasi) for pengungkit, Pemenuhan, Reform, each area and hasil;
the Tabel 6 verdict with both readings of the per-area rule; the simpulan; rekomendasi;
signatures; an annex with every evaluator note per indicator and the unit's tanggapan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zi_docs.angka import angka
from zi_docs.assessment import (
    ScoreReport,
    Verdict,
    score_answer_set,
    score_workspace,
    subject_label,
)
from zi_docs.documents.common import person, unit_context
from zi_docs.documents.formatting import tanggal
from zi_docs.documents.kind import DocumentKind, Media
from zi_docs.documents.people import SIGNER
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evaluation import Layer, answer_text, load_layer
from zi_docs.nip import NIP
from zi_docs.schema import Context, Date, Field, ListOf, Record, Text
from zi_docs.workspace import Workspace
from zi_docs.yamlio import PathKey

LAYER_KEY = "_lapis"
COVER_LOGO_MM = 35.0
"""Height of the logo on the cover (the kop's logo is smaller)."""


class WorkspaceImage(Text):
    """The name of a PNG/JPEG file in the workspace folder (like ``unit.logo``)."""

    def __init__(self) -> None:
        super().__init__(max_len=200)
        self.describe = "berkas gambar di folder ruang kerja"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        text = super().check(value, path, ctx)
        workspace = ctx.extra.get("workspace")
        if not text or not isinstance(workspace, Workspace):
            return text
        file = workspace.root / text
        if not file.resolve().is_relative_to(workspace.root.resolve()):
            ctx.fail(
                path,
                f"'{text}' menunjuk ke luar folder ruang kerja (atau lewat tautan); salin "
                "berkas logonya ke folder ruang kerja dan tulis namanya saja",
                "di-luar-ruang-kerja",
            )
        elif not file.is_file():
            ctx.fail(
                path,
                f"berkas logo '{text}' tidak ada di folder ruang kerja; taruh berkasnya "
                "(PNG/JPEG) di sana atau hapus baris ini agar sampul memakai logo unit",
                "logo-tidak-ada",
            )
        return text

    def example(self) -> Any:
        return "logo-inspektorat.png"


MEMBER = Record(
    Field("nama", Text(max_len=200), example="Dra. Siti Aminah, M.Si."),
    Field("nip", NIP, required=False),
    Field("peran", Text(max_len=100), help="jabatan dalam tim", example="Ketua Tim"),
)
OFFICE = Record(
    Field("instansi", Text(), help="instansi induk penilai", example="Pemerintah Kabupaten X"),
    Field("nama", Text(), help="kantor penilai", example="Inspektorat Daerah"),
    Field("alamat", Text()),
    Field("kontak", Text(), required=False, default=""),
    Field(
        "logo",
        WorkspaceImage(),
        required=False,
        default="",
        help="logo kantor penilai untuk sampul (berkas di folder ruang kerja); bawaan: logo "
        "unit di unit.yaml",
    ),
)
LETTER = Record(Field("nomor", Text()), Field("tanggal", Date()))


class LheRecord(Record):
    """The input; afterwards the layer it names is loaded (its problems reported here)."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        cleaned = super().check(value, path, ctx)
        workspace = ctx.extra.get("workspace")
        name = value.get("lapis") if isinstance(value, dict) else None
        if isinstance(name, str) and name and isinstance(workspace, Workspace):
            try:
                layer = load_layer(workspace, name)
                if isinstance(cleaned, dict):
                    cleaned[LAYER_KEY] = layer
            except NotFoundError as err:
                ctx.fail(
                    (*path, "lapis"),
                    f"{err.message}; {err.hint or ''}".rstrip("; "),
                    "lapis-tidak-ada",
                )
            except InvalidInputError as err:
                ctx.problems.extend(err.findings)
        return cleaned


def _texts() -> ListOf:
    return ListOf(Text(), min_items=1)


SCHEMA = LheRecord(
    Field(
        "lapis", Text(), help="lapis evaluasi yang dilaporkan (lapis/NAMA.yaml)", example="tpi-unit"
    ),
    Field("nomor", Text(), help="nomor surat pengantar/LHE"),
    Field("tanggal", Date()),
    Field("kota", Text(), required=False, help="tempat surat; bawaan: kota unit kerja"),
    Field("sifat", Text(), required=False, default="Biasa"),
    Field("lampiran", Text(), required=False, default="1 (satu) berkas"),
    Field("perihal", Text(), required=False, default=""),
    Field("kepada", Text(), help="Yth. penerima surat pengantar"),
    Field("di", Text(), required=False, default="Tempat"),
    Field("penerbit", OFFICE, help="kantor penilai (kop surat pengantar)"),
    Field("penandatangan", SIGNER, help="yang menandatangani surat pengantar"),
    Field("tembusan", ListOf(Text()), required=False, default=[]),
    Field("surat_tugas", LETTER),
    Field(
        "tim",
        ListOf(MEMBER, min_items=1),
        help="tim evaluasi; yang berperan 'Ketua Tim' menandatangani laporan",
    ),
    Field("dasar_hukum", _texts()),
    Field("tujuan", _texts()),
    Field("sasaran", _texts()),
    Field("metodologi", _texts()),
    Field("lingkup", _texts(), help="lingkup dan batasan evaluasi"),
    Field("rekomendasi", _texts()),
    Field("apresiasi", Text(), required=False, default=""),
)


def _rows(mandiri: ScoreReport, evaluasi: ScoreReport) -> list[dict[str, Any]]:
    """Komponen, bagian (Pemenuhan, Reform), each area, hasil and its subs, and the total."""
    rows = []
    for node in mandiri.score.nodes:
        if node.level == "sub" and node.part != "hasil":
            continue
        number = node.number if node.level != "komponen" else node.id
        rows.append(
            {
                "uraian": f"{number}. {node.name}",
                "bobot": angka(node.weight),
                "mandiri": angka(node.value),
                "evaluasi": angka(evaluasi.score.node(node.id).value),
                "tebal": node.level in ("komponen", "bagian"),
            }
        )
    rows.append(
        {
            "uraian": "NILAI TOTAL",
            "bobot": angka(mandiri.score.max_total),
            "mandiri": angka(mandiri.total),
            "evaluasi": angka(evaluasi.total),
            "tebal": True,
        }
    )
    return rows


def _verdict(verdict: Verdict) -> dict[str, Any]:
    rules = []
    for rule in verdict.rules:
        if rule.reading is not None:
            continue
        unit = " (indeks)" if rule.unit == "indeks" else ""
        rules.append(
            {
                "uraian": rule.description + unit,
                "nilai": angka(rule.value),
                "minimum": angka(rule.minimum),
                "status": "Memenuhi" if rule.passed else "Belum memenuhi",
            }
        )
    readings = []
    for reading, passed in _area_readings(verdict).items():
        failed = [r for r in verdict.rules if r.reading == reading and not r.passed]
        detail = "; ".join(
            f"{subject_label(r.subject)} {angka(r.value)} < {angka(r.minimum)}" for r in failed
        )
        readings.append(
            {
                "tafsir": reading,
                "status": "Memenuhi" if passed else "Belum memenuhi",
                "rincian": detail or "semua area memenuhi",
            }
        )
    return {"nama": verdict.name, "aturan": rules, "tafsir": readings}


def _area_readings(verdict: Verdict) -> dict[str, bool]:
    found: dict[str, bool] = {}
    for rule in verdict.rules:
        if rule.reading is not None:
            found[rule.reading] = found.get(rule.reading, True) and rule.passed
    return found


def _simpulan(verdict: Verdict) -> tuple[bool, str]:
    readings = verdict.passed_by_reading
    if verdict.passed:
        return True, "memenuhi kriteria untuk diajukan ke Tim Penilai Nasional (TPN)"
    if any(readings.values()):
        ok = ", ".join(r for r, v in readings.items() if v)
        bad = ", ".join(r for r, v in readings.items() if not v)
        return False, (
            "belum memenuhi kriteria untuk diajukan ke Tim Penilai Nasional (TPN): syarat nilai "
            f"per area terpenuhi menurut tafsir {ok}, tetapi belum menurut tafsir {bad}"
        )
    return False, "belum memenuhi kriteria untuk diajukan ke Tim Penilai Nasional (TPN)"


def _notes(layer: Layer, mandiri: ScoreReport, workspace: Workspace) -> list[dict[str, Any]]:
    catalogue = workspace.catalogue
    latest = layer.answer_set()
    rows: list[dict[str, Any]] = []
    for node in catalogue.questions():
        noted = layer.notes(node.id)
        if not noted:
            continue
        own = mandiri.score.question(node.id)
        rows.append(
            {
                "no": len(rows) + 1,
                "indikator": f"{catalogue.short_alias(node)} {node.name}",
                "mandiri": own.option or _own(own.index, own.percent),
                "evaluasi": answer_text(latest.get(node.id)) or "-",
                "catatan": [
                    f"Putaran {r.number} ({tanggal(r.date)}): {note}" for r, note, _ in noted
                ],
                "tanggapan": [resp for _, _, resp in noted if resp] or ["-"],
            }
        )
    return rows


def _own(index: float | None, percent: float | None) -> str:
    if index is not None:
        return angka(index)
    if percent is not None:
        return f"{angka(percent)}%"
    return "-"


def build_context(data: dict[str, Any], workspace: Workspace, media: Media) -> dict[str, Any]:
    layer: Layer = data[LAYER_KEY]
    mandiri = score_workspace(workspace)
    evaluasi = score_answer_set(workspace, layer.answer_set(), layer=layer.name)
    verdict = evaluasi.verdict(evaluasi.target)
    passed, simpulan = _simpulan(verdict)
    ctx = unit_context(workspace, media)
    team = [{"no": i, **person(m), "peran": m["peran"]} for i, m in enumerate(data["tim"], 1)]
    leader = next((m for m in team if m["peran"].casefold() == "ketua tim"), team[0])
    last = layer.last
    office = data["penerbit"]
    ctx["lhe"] = {
        "nomor": data["nomor"],
        "tanggal": data["tanggal"],
        "kota": data.get("kota") or ctx["unit"]["kota"],
        "sifat": data["sifat"],
        "lampiran": data["lampiran"],
        "perihal": data["perihal"]
        or f"Laporan Hasil Evaluasi Pembangunan Zona Integritas {ctx['unit']['nama']}",
        "kepada": data["kepada"],
        "di": data["di"],
        "penerbit": {
            **office,
            "instansi_kapital": office["instansi"].upper(),
            "nama_kapital": office["nama"].upper(),
        },
        "penandatangan": person(data["penandatangan"]),
        "tembusan": data["tembusan"],
        "surat_tugas": data["surat_tugas"],
        "tim": team,
        "ketua": leader,
        "dasar_hukum": data["dasar_hukum"],
        "tujuan": data["tujuan"],
        "sasaran": data["sasaran"],
        "metodologi": data["metodologi"],
        "lingkup": data["lingkup"],
        "rekomendasi": data["rekomendasi"],
        "apresiasi": data["apresiasi"],
        "logo_sampul": _cover_logo(office, workspace, media),
        "putaran": last.number if last else 0,
        "tanggal_putaran": last.date if last else data["tanggal"],
        "penilai": last.evaluator if last else "",
        "hasil": _rows(mandiri, evaluasi),
        "total_mandiri": angka(mandiri.total),
        "total_evaluasi": angka(evaluasi.total),
        "predikat": _verdict(verdict),
        "memenuhi": passed,
        "simpulan": simpulan,
        "catatan": _notes(layer, mandiri, workspace),
    }
    return ctx


def _cover_logo(office: dict[str, Any], workspace: Workspace, media: Media) -> object | None:
    """The evaluator's logo when the input names one, else the unit's, at cover size."""
    own = office.get("logo")
    path: Path | None = workspace.root / own if own else workspace.logo_path()
    return media.image(path, height_mm=COVER_LOGO_MM) if path else None


def output_name(data: dict[str, Any]) -> str:
    return f"lhe-{data['lapis']}"


KIND = DocumentKind(
    name="lhe",
    title="Laporan Hasil Evaluasi Pembangunan Zona Integritas",
    template="lhe.docx",
    schema=SCHEMA,
    build_context=build_context,
    example_input="lhe.yaml",
    output_name=output_name,
)
