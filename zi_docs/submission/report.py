"""Plain views of a check result: a JSON-ready dict and Markdown (``check --markdown``)."""

from __future__ import annotations

from typing import Any

from zi_docs.angka import angka
from zi_docs.findings import Finding, Severity
from zi_docs.submission.check import CheckResult
from zi_docs.submission.gates import GateState
from zi_docs.submission.rollup import GroupStatus

LIGHT_MARK = {"hijau": "🟢", "kuning": "🟡", "merah": "🔴"}
GATE_MARK = {GateState.MET: "[x]", GateState.UNMET: "[ ]", GateState.UNKNOWN: "[?]"}


def group_dict(group: GroupStatus) -> dict[str, Any]:
    return {
        "id": group.id,
        "tingkat": group.level,
        "nama": group.name,
        "area": group.area,
        "bagian": group.part,
        "nilai": group.value,
        "bobot": group.weight,
        "persen_bobot": 100 * group.share,
        "minimum_persen": 100 * group.minimum,
        "pertanyaan": group.questions,
        "dijawab": group.answered,
        "berbukti": group.with_evidence,
        "lengkap": group.complete_questions,
        "butir": group.items,
        "butir_terpenuhi": group.items_covered,
        "butir_wajib": group.required_items,
        "butir_wajib_terpenuhi": group.required_covered,
        "persen_butir": group.items_percent,
        "persen_berbukti": group.evidence_percent,
        "status_lengkap": group.complete,
        "lampu": group.light.value,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kode": finding.code,
        "tingkat": finding.severity.value,
        "pesan": finding.message,
        "berkas": finding.file,
        "indikator": finding.field,
    }


def check_to_dict(result: CheckResult) -> dict[str, Any]:
    report = result.report
    return {
        "unit": result.unit_name,
        "tahun": result.year,
        "lengkap": result.complete,
        "nilai": {"pengungkit": report.pengungkit, "hasil": report.hasil, "total": report.total},
        "predikat_target": report.target,
        "periode_bukti": [d.isoformat() for d in result.completeness.window],
        "kelompok": [group_dict(g) for g in result.rollup.groups],
        "indikator": [
            {
                "id": s.id,
                "alias": s.alias,
                "jawaban": s.answer,
                "nilai": s.value,
                "catatan": s.note,
                "berkas": [result.completeness.files[r].name for r in s.files],
                "butir_terpenuhi": [i.key for i in s.items if i.covered],
                "butir_kurang": [
                    {"key": i.key, "wajib": i.required, "uraian": i.description, "saran": i.hint}
                    for i in s.items
                    if not i.covered
                ],
                "lengkap": s.complete,
            }
            for s in result.completeness.indicators
        ],
        "temuan": [finding_dict(f) for f in result.findings],
        "prasyarat": {
            "batas_pengajuan": result.gates.deadline.isoformat(),
            "sisa_hari": result.gates.days_left,
            "butir": [
                {
                    "kode": g.code,
                    "uraian": g.description,
                    "syarat": g.required,
                    "unit": g.actual,
                    "status": g.state.value,
                }
                for g in result.gates.results
            ],
        },
    }


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def check_markdown(result: CheckResult, area: str | None = None) -> str:
    """The whole check as Markdown; ``area`` (a code) drills into one area."""
    report = result.report
    lines = [
        f"# Kelengkapan Data Dukung — {result.unit_name} ({result.year})",
        "",
        f"Nilai pengungkit {angka(report.pengungkit)}, hasil {angka(report.hasil)}, total "
        f"{angka(report.total)}; target {report.target}. Status: "
        + ("**lengkap**." if result.complete else "**belum lengkap**."),
        "",
        "## Per area",
        "",
        "| Area | Bagian | Nilai | % bobot | Min. | Butir | Berbukti | Lengkap | Lampu |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for group in result.rollup.groups:
        if group.level not in ("area", "area-gabungan") or (area and group.area != area):
            continue
        part = "gabungan" if group.level == "area-gabungan" else group.part or ""
        lines.append(
            f"| {group.name} | {part} | {angka(group.value)} / {angka(group.weight)} | "
            f"{_pct(100 * group.share)} | {_pct(100 * group.minimum)} | "
            f"{_pct(group.items_percent)} | {_pct(group.evidence_percent)} | "
            f"{group.complete_questions}/{group.questions} | "
            f"{LIGHT_MARK[group.light.value]} {group.light.value} |"
        )
    if area:
        lines += ["", f"## Indikator area {area}", ""]
        for s in result.completeness.indicators:
            if s.area != area:
                continue
            mark = "✔" if s.complete else "✘"
            lines.append(
                f"- {mark} **{s.id}** ({s.alias}) jawaban {s.answer or '–'}, {len(s.files)} berkas"
            )
            for item in s.items:
                if not item.covered and item.required:
                    hint = f" → `{item.hint}`" if item.hint else ""
                    lines.append(f"  - belum ada {item.description}{hint}")
    lines += ["", "## Temuan", ""]
    shown = [
        f
        for f in result.findings
        if f.severity is not Severity.INFO and (not area or finding_in_area(result, f, area))
    ]
    lines += [f"- **{f.severity.value}** `{f.code}` {f}" for f in shown] or ["Tidak ada."]
    gates = result.gates
    lines += [
        "",
        "## Prasyarat pengajuan",
        "",
        f"Batas pengajuan {gates.deadline:%d-%m-%Y}: {gates.days_left} hari lagi.",
        "",
    ]
    lines += [
        f"- {GATE_MARK[g.state]} {g.description}: {g.actual or 'belum diisi'} (syarat {g.required})"
        for g in gates.results
    ]
    return "\n".join(lines) + "\n"


def finding_in_area(result: CheckResult, finding: Finding, area: str) -> bool:
    """Whether a finding concerns ``area``: its indicator is there, or it names none."""
    if not finding.field:
        return True
    node_id = finding.field.split(" ", 1)[0]
    node = result.report.catalogue.by_id.get(node_id)
    return node is None or node.area == area
