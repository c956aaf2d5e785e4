"""``check --docx``: the Laporan Kelengkapan Data Dukung through the documents engine."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from zi_docs.angka import angka, persen
from zi_docs.documents import Bar, bar_chart, render_builtin, tanggal
from zi_docs.findings import Severity, by_kind
from zi_docs.submission.check import CheckResult
from zi_docs.submission.gates import SYMBOL
from zi_docs.submission.rollup import GroupStatus, area_members

TEMPLATE = "laporan-kelengkapan.docx"
_PER_KIND = 10
"""Findings of one kind (code) listed; the rest of that kind is counted, so every kind shows."""


_COMMAND = re.compile(r"zi-docs\s+generate\s+(\S+)(?:\s+\S+\.ya?ml)?")
_OTHER_COMMAND = re.compile(r"[;,(]?\s*(?:dengan|jalankan|lihat)?:?\s*'?zi-docs\s[^;)']*'?\)?")
_YAML = re.compile(r"\b[\w./-]+\.ya?ml\b")


def plain(text: str) -> str:
    """Official text for a printed report: a command becomes what to do in words, a YAML
    path becomes the thing it is (``lke.yaml`` -> lembar jawaban LKE)."""
    text = _COMMAND.sub(lambda m: f"buat dokumen '{m.group(1)}' dengan zi-docs", text)
    text = _OTHER_COMMAND.sub("", text)
    text = text.replace("lke.yaml", "lembar jawaban LKE").replace("unit.yaml", "profil unit")
    text = text.replace("tindak-lanjut.yaml", "daftar tindak lanjut")
    text = re.sub(
        r"isi (pengajuan|unit|halaman)\.[\w.]+ di profil unit", "lengkapi profil unit", text
    )
    return " ".join(_YAML.sub("berkas masukan", text).split())


def write_check_docx(result: CheckResult, dest: Path, today: dt.date | None = None) -> Path:
    """Write the report with one chart per area; returns ``dest``."""
    charts: dict[str, bytes] = {}
    for group in result.rollup.of_level("area-gabungan"):
        subs = [g for g in result.rollup.of_level("sub") if g.area == group.area]
        charts[group.area or ""] = area_chart(subs, result.rollup.minimum)

    def build(image: Callable[[Path | bytes], object]) -> Mapping[str, Any]:
        return _context(result, {k: image(v) for k, v in charts.items()}, today)

    return render_builtin(TEMPLATE, build, dest, page=result.page)


def area_chart(groups: Sequence[GroupStatus], minimum: float) -> bytes:
    """One area's sub-komponen as paired bars: % of weight (coloured by its traffic light)
    and % of checklist items covered, with the area minimum as a vertical line."""
    bars = [
        Bar(
            label=f"[{'P' if g.part == 'pemenuhan' else 'R'}] {g.name}",
            values=(100 * max(0.0, min(1.0, g.share)), g.items_percent),
            light=g.light.value,
        )
        for g in groups
    ]
    return bar_chart(
        bars,
        ("% bobot (warna lampu)", "% butir data dukung"),
        minimum=100 * minimum,
        minimum_label=f"minimum {persen(100 * minimum, 0)}",
    )


def _context(
    result: CheckResult, images: Mapping[str, object], today: dt.date | None
) -> dict[str, Any]:
    report = result.report
    indicators = result.completeness.indicators
    areas = []
    for group in result.rollup.of_level("area-gabungan"):
        rows = [g for g in result.rollup.of_level("area") if g.area == group.area] + [group]
        missing = [
            f"{s.id}: {i.description}" + (f" → {plain(i.hint)}" if i.hint else "")
            for s in area_members(indicators, group.area or "")
            for i in s.required_missing
        ]
        areas.append(
            {
                "nama": group.name,
                "grafik": images.get(group.area or ""),
                "baris": [
                    {
                        "bagian": "gabungan" if g.level == "area-gabungan" else g.part,
                        "nilai": f"{angka(g.value)} / {angka(g.weight)}",
                        "persen": f"{100 * g.share:.0f}%",
                        "butir": f"{g.items_percent:.0f}%",
                        "berbukti": f"{g.evidence_percent:.0f}%",
                        "lengkap": f"{g.complete_questions}/{g.questions}",
                        "lampu": g.light.value,
                    }
                    for g in rows
                ],
                "kurang": missing,
            }
        )
    findings = []
    for code, kind in by_kind(f for f in result.findings if f.severity is not Severity.INFO):
        findings += [
            {"tingkat": f.severity.value, "kode": f.code, "teks": plain(str(f))}
            for f in kind[:_PER_KIND]
        ]
        if len(kind) > _PER_KIND:
            more = f"… dan {len(kind) - _PER_KIND} temuan serupa"
            findings.append({"tingkat": "", "kode": code, "teks": more})
    gates = result.gates
    return {
        "unit": {
            "nama": result.unit_name,
            "instansi": result.instansi,
            "tahun": result.year,
            "target": report.target,
        },
        "ringkasan": {
            "pengungkit": angka(report.pengungkit),
            "hasil": angka(report.hasil),
            "total": angka(report.total),
            "status": "lengkap" if result.complete else "belum lengkap",
            "lengkap": result.completeness.complete_count,
            "pertanyaan": len(indicators),
        },
        "areas": areas,
        "temuan": findings,
        "prasyarat": {
            "batas": f"{gates.deadline:%d-%m-%Y}",
            "sisa": f"{gates.days_left} hari lagi" if gates.days_left >= 0 else "sudah lewat",
            "butir": [
                {
                    "tanda": SYMBOL[g.state],
                    "uraian": g.description,
                    "unit": g.actual or "belum diisi",
                    "syarat": g.required,
                }
                for g in gates.results
            ],
        },
        "tanggal": dated(result.kota, today or dt.date.today()),
    }


def dated(place: str, day: dt.date) -> str:
    """The date line above a signature: ``Sukamaju, 2 Desember 2026`` (without a place, a
    dotted blank to write it in)."""
    return f"{place or '.' * 20}, {tanggal(day)}"
