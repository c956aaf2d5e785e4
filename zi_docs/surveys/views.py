"""Survey results as plain data for ``--json`` (and the web app later).

Full-precision values are floats (the nearest double to the exact fraction) with the exact
fraction beside them as ``"p/q"``; rounded values are strings with a decimal point.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from zi_docs.surveys.ikm import IkmGroup, IkmResult, UnsurResult
from zi_docs.surveys.internal import InternalResult, ipkp_from_ikm
from zi_docs.surveys.problems import DataProblem
from zi_docs.surveys.suggest import Suggestion


def _num(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def _unsur(u: UnsurResult) -> dict[str, Any]:
    return {
        "kode": u.code,
        "nama": u.name,
        "n": u.answered,
        "jumlah_nilai": u.total,
        "sebaran": list(u.distribution),
        "nrr": _num(u.nrr),
        "nrr_tepat": _exact(u.nrr),
        "nrr_tertimbang": _num(u.weighted),
        "nilai_konversi": None if u.converted is None else str(u.converted),
        "mutu": u.band.mutu if u.band else None,
        "kinerja": u.band.kinerja if u.band else None,
        "peringkat": u.rank,
        "kepentingan": _num(u.importance),
    }


def _group(g: IkmGroup) -> dict[str, Any]:
    return {
        "kelompok": g.label,
        "responden": g.respondents,
        "ikm": _num(g.ikm),
        "ikm_tepat": _exact(g.ikm),
        "ikm_dibulatkan": None if g.rounded is None else str(g.rounded),
        "indeks_1_4": _num(g.index),
        "mutu": g.band.mutu if g.band else None,
        "kinerja": g.band.kinerja if g.band else None,
        "unsur_tanpa_jawaban": list(g.missing),
        "unsur": [_unsur(u) for u in g.unsur],
    }


def problem_to_dict(p: DataProblem) -> dict[str, Any]:
    return {
        "jenis": p.kind,
        "baris": p.row,
        "kolom": p.column,
        "judul_kolom": p.header or None,
        "butir": p.item or None,
        "nilai": p.value,
        "baris_asal": p.first_row,
        "pesan": p.message(),
    }


def _sample(result: IkmResult) -> dict[str, Any]:
    sample = result.sample
    assert sample is not None
    return {
        "populasi": sample.population,
        "minimal": sample.required,
        "baris_tabel": sample.table_row,
        "responden": sample.respondents,
        "cukup": sample.enough,
        "kekurangan": sample.shortfall,
        "sumber": sample.source,
    }


def ikm_to_dict(result: IkmResult) -> dict[str, Any]:
    data = _group(result.overall)
    ipkp = ipkp_from_ikm(result.overall.ikm) if result.overall.ikm is not None else None
    data.update(
        {
            "berkas": result.file,
            "regulasi": result.scale.legal_basis,
            "bobot": {
                "nama": result.weight.name,
                "nilai": _num(result.weight.value),
                "tertulis": result.weight.shown,
                "uraian": result.weight.description,
            },
            "baris_dibaca": result.rows,
            "unsur_tidak_dipakai": list(result.left_out_unsur),
            "per_layanan": [_group(g) for g in result.services],
            "per_periode": {
                "jenis": result.period_kind,
                "kelompok": [_group(g) for g in result.periods],
            },
            "profil": [
                {
                    "karakteristik": t.name,
                    "judul": t.title,
                    "kolom": t.column,
                    "baris": [
                        {"nilai": r.value, "jumlah": r.count, "persen": float(r.share * 100)}
                        for r in t.rows
                    ],
                }
                for t in result.profile
            ],
            "kuadran": [
                {
                    "kode": q.code,
                    "kinerja": float(q.performance),
                    "kepentingan": float(q.importance),
                    "kuadran": q.quadrant,
                    "nama_kuadran": q.quadrant_name,
                    "kesesuaian_persen": float(q.conformity * 100),
                }
                for q in result.quadrants
            ],
            "sampel": None if result.sample is None else _sample(result),
            "ipkp_dari_ikm": _num(ipkp),
            "masalah_data": {
                "jumlah": result.counts,
                "daftar": [problem_to_dict(p) for p in result.problems],
            },
        }
    )
    return data


def internal_to_dict(result: InternalResult) -> dict[str, Any]:
    return {
        "berkas": result.file,
        "instrumen": result.instrument.key,
        "indeks_nama": result.instrument.index_name,
        "indikator_lke": result.instrument.indicator,
        "skala": [result.low, result.high],
        "metode": {"nama": result.method.name, "uraian": result.method.description},
        "responden": result.respondents,
        "responden_minimal": result.minimum_respondents,
        "rata_rata_mentah": _num(result.mean),
        "indeks": _num(result.index),
        "aspek": [
            {
                "kode": a.code,
                "nama": a.name,
                "n": a.answered,
                "sebaran": list(a.distribution),
                "rata_rata_mentah": _num(a.mean),
                "indeks": _num(a.index),
            }
            for a in result.aspects
        ],
        "masalah_data": {
            "jumlah": result.counts,
            "daftar": [problem_to_dict(p) for p in result.problems],
        },
    }


def suggestions_to_dict(suggestions: tuple[Suggestion, ...]) -> list[dict[str, Any]]:
    return [
        {
            "indikator": s.question,
            "alias": s.alias,
            "pertanyaan": s.text,
            "saran": s.answer,
            "jawaban_sekarang": s.current,
            "alasan": list(s.reasons),
        }
        for s in suggestions
    ]
