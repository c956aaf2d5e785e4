"""Plain-data and text views of a :class:`ScoreReport` (JSON output, Indonesian numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zi_docs.assessment.gaps import Gap
from zi_docs.assessment.report import ScoreReport
from zi_docs.assessment.scoring import QuestionScore
from zi_docs.assessment.verdict import Verdict


def report_to_dict(report: ScoreReport) -> dict[str, Any]:
    """Everything ``score --json`` prints; numbers at full precision."""
    score = report.score
    return {
        "pengungkit": score.pengungkit,
        "hasil": score.hasil,
        "total": score.total,
        "maks": {
            "pengungkit": score.max_pengungkit,
            "hasil": score.max_hasil,
            "total": score.max_total,
        },
        "katalog": report.catalogue.id,
        "berkas_jawaban": report.answers_file,
        "lapis": report.layer,
        "unit": report.unit_name,
        "tahun": report.year,
        "target_predikat": report.target,
        "area": [
            {
                "kode": a.code,
                "nama": a.name,
                "bobot": a.weight,
                "nilai": a.value,
                "persen": a.share * 100,
                "bagian": [
                    {
                        "bagian": p.part,
                        "id": p.node_id,
                        "bobot": p.weight,
                        "nilai": p.value,
                        "persen": p.share * 100,
                    }
                    for p in a.parts
                ],
            }
            for a in score.areas
        ],
        "predikat": [_verdict(v) for v in report.verdicts],
        "celah": [_gap(g) for g in report.gaps],
        "belum_dijawab": list(score.unanswered),
        "simpul": [
            {
                "id": n.id,
                "tingkat": n.level,
                "nama": n.name,
                "area": n.area,
                "bagian": n.part,
                "bobot": n.weight,
                "nilai": n.value,
                "persen": n.share * 100,
            }
            for n in score.nodes
        ],
        "pertanyaan": [_question(q) for q in score.questions],
        "peringatan": [str(f) for f in report.warnings],
    }


def _fields(item: Any, keys: Mapping[str, str]) -> dict[str, Any]:
    """``{json key: item.attribute}`` in the order of ``keys``."""
    return {key: getattr(item, attribute) for key, attribute in keys.items()}


_QUESTION_KEYS = {
    "id": "id",
    "alias": "alias",
    "jenis": "answer_type",
    "area": "area",
    "bagian": "part",
    "dijawab": "answered",
    "jawaban": "option",
    "isian": "counts",
    "persen_diketik": "typed_percent",
    "indeks": "index",
    "persen": "percent",
    "nilai": "value",
    "bobot": "weight",
    "poin": "points",
    "catatan": "note",
    "sumber": "source",
    "baris": "line",
}
_RULE_KEYS = {
    "kode": "code",
    "uraian": "description",
    "nilai": "value",
    "minimum": "minimum",
    "lulus": "passed",
    "tafsir": "reading",
    "subjek": "subject",
    "satuan": "unit",
}
_EFFECT_KEYS = {
    "predikat": "predicate",
    "kode": "code",
    "tafsir": "reading",
    "subjek": "subject",
    "sebelum": "before",
    "sesudah": "after",
    "minimum": "minimum",
    "terpenuhi": "fixed",
}
_GAP_KEYS = {
    "id": "question_id",
    "alias": "alias",
    "teks": "text",
    "dijawab": "answered",
    "jawaban_sekarang": "current",
    "jawaban_target": "target",
    "nilai_sekarang": "value_before",
    "nilai_target": "value_after",
    "tambahan_poin": "points",
}


def _question(q: QuestionScore) -> dict[str, Any]:
    data = _fields(q, _QUESTION_KEYS)
    data["isian"] = dict(q.counts) if q.counts else None
    return data


def _verdict(v: Verdict) -> dict[str, Any]:
    return {
        "kode": v.code,
        "nama": v.name,
        "lulus": v.passed,
        "lulus_per_tafsir": dict(v.passed_by_reading),
        "prasyarat": v.prerequisite,
        "aturan": [_fields(r, _RULE_KEYS) for r in v.rules],
    }


def _gap(g: Gap) -> dict[str, Any]:
    return {**_fields(g, _GAP_KEYS), "membantu": [_fields(e, _EFFECT_KEYS) for e in g.helps]}
