"""What the Laporan SKM prints, from an :class:`~zi_docs.surveys.ikm.IkmResult`: every number
formatted the Indonesian way, the charts, the lowest unsur with their follow-up, and the
generated method and conclusion paragraphs."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from zi_docs.angka import angka
from zi_docs.documents.charts.skm import (
    QuadrantPoint,
    UnsurBar,
    quadrant_chart,
    spread_chart,
    unsur_chart,
)
from zi_docs.documents.kind import Media
from zi_docs.surveys import PROBLEM_KINDS, IkmGroup, IkmResult, half_up, ipkp_from_ikm

LOWEST = 3
"""How many of the lowest unsur the analysis and the follow-up plan take."""


def _dec(value: Fraction | None, places: int) -> str:
    return "-" if value is None else angka(half_up(value, places), places)


def _pct(value: Fraction) -> str:
    return angka(half_up(value * 100, 2), 2)


def _period(data: dict[str, Any], result: IkmResult) -> str:
    if data.get("periode"):
        return str(data["periode"])
    if result.first_date and result.last_date:
        from zi_docs.documents.formatting import tanggal

        return f"{tanggal(result.first_date)} sampai dengan {tanggal(result.last_date)}"
    return f"Tahun {data['tanggal'].year}"


def _groups(groups: tuple[IkmGroup, ...]) -> list[dict[str, Any]]:
    return [
        {
            "nama": g.label,
            "responden": g.respondents,
            "ikm": angka(g.rounded) if g.rounded is not None else "-",
            "mutu": g.band.mutu if g.band else "-",
            "kinerja": g.band.kinerja if g.band else f"tanpa jawaban {', '.join(g.missing)}",
        }
        for g in groups
    ]


def _fill(texts: list[str], fields: dict[str, str]) -> list[str]:
    return [t.format(**fields) for t in texts]


def _follow_up(data: dict[str, Any], result: IkmResult) -> list[dict[str, Any]]:
    scale = result.scale
    by_code = {u.code: u for u in result.overall.unsur}
    rows = []
    if data.get("tindak_lanjut"):
        for entry in data["tindak_lanjut"]:
            code = entry["unsur"].strip().upper()
            unsur = by_code.get(code)
            rows.append(
                {
                    "unsur": f"{code} {unsur.name}" if unsur else code,
                    "kegiatan": entry["kegiatan"],
                    "pic": entry["pic"] or scale.report_texts["penanggung_jawab_tindak_lanjut"],
                    "waktu": entry["waktu"] or scale.report_texts["waktu_tindak_lanjut"],
                }
            )
        return rows
    advice = {u.code: u.advice for u in scale.unsur}
    for u in result.overall.lowest(LOWEST):
        rows.append(
            {
                "unsur": f"{u.code} {u.name}",
                "kegiatan": advice.get(u.code, ""),
                "pic": scale.report_texts["penanggung_jawab_tindak_lanjut"],
                "waktu": scale.report_texts["waktu_tindak_lanjut"],
            }
        )
    return rows


def _method(result: IkmResult, period: str) -> list[str]:
    w = result.weight
    count = len(result.overall.unsur)
    problems = sum(result.counts.values())
    quality = (
        "Seluruh jawaban memenuhi skala dan dihitung."
        if not problems
        else f"Sebanyak {problems} sel/baris tidak dihitung ("
        + "; ".join(f"{PROBLEM_KINDS[k]} {n}" for k, n in result.counts.items() if n)
        + "); setiap sel hanya dikeluarkan dari unsur yang bersangkutan, sedangkan baris "
        "ganda dan baris kosong dikeluarkan seluruhnya."
    )
    return [
        f"Survei menggunakan kuesioner {count} unsur pelayanan sesuai Peraturan Menteri PANRB "
        f"Nomor 14 Tahun 2017 dengan skala jawaban {result.scale.low} sampai "
        f"{result.scale.high}.",
        "Nilai rata-rata (NRR) setiap unsur adalah jumlah nilai unsur dibagi jumlah responden "
        "yang menjawab unsur tersebut. IKM adalah jumlah NRR tertimbang (NRR x bobot "
        f"{w.shown}, bobot {w.name}) dikalikan nilai dasar {result.scale.base}; mutu pelayanan "
        "ditetapkan dari nilai konversi yang dibulatkan dua desimal.",
        # official text: the data in words, never a file name
        f"Data yang diolah adalah data survei periode {period}: {result.rows} baris jawaban "
        f"dibaca, {result.overall.respondents} responden dihitung. {quality}",
    ]


def report_context(
    data: dict[str, Any], result: IkmResult, unit: dict[str, Any], media: Media
) -> dict[str, Any]:
    overall = result.overall
    scale = result.scale
    assert overall.ikm is not None and overall.band is not None and overall.rounded is not None
    period = _period(data, result)
    fields = {"unit": unit["nama"], "instansi": unit["instansi"], "periode": period}
    texts = scale.report_texts
    unsur = [
        {
            "no": i,
            "kode": u.code,
            "nama": u.name,
            "n": u.answered,
            "jumlah": u.total,
            "nrr": _dec(u.nrr, 4),
            "tertimbang": _dec(u.weighted, 4),
            "konversi": angka(u.converted) if u.converted is not None else "-",
            "mutu": u.band.mutu if u.band else "-",
            "kinerja": u.band.kinerja if u.band else "-",
            "peringkat": u.rank,
            "sebaran": [
                _pct(Fraction(n, u.answered)) if u.answered else "0,00" for n in u.distribution
            ],
        }
        for i, u in enumerate(overall.unsur, start=1)
    ]
    bars = [
        UnsurBar(f"{u.code} {u.name}", float(u.converted), u.band.mutu)
        for u in overall.unsur
        if u.converted is not None and u.band is not None
    ]
    legend = [f"Nilai {scale.low + i}" for i in range(scale.high - scale.low + 1)]
    legend[0] += " (terendah)"
    legend[-1] += " (tertinggi)"
    spread = spread_chart([(u.code, u.distribution) for u in overall.unsur], legend)
    lowest = overall.lowest(LOWEST)
    # chart corners: top-left I (important, low), top-right II, bottom-left III, bottom-right IV
    quadrant_names = [f"{q}. {scale.quadrants[q][0]}" for q in ("I", "II", "III", "IV")]
    quadrants = [
        {
            "kode": q.code,
            "nama": q.name,
            "kinerja": _dec(q.performance, 4),
            "kepentingan": _dec(q.importance, 4),
            "kesesuaian": _pct(q.conformity),
            "kuadran": q.quadrant,
            "nama_kuadran": q.quadrant_name,
        }
        for q in result.quadrants
    ]
    quadrant_png = (
        quadrant_chart(
            [
                QuadrantPoint(q.code, float(q.performance), float(q.importance))
                for q in result.quadrants
            ],
            quadrant_names,
        )
        if result.quadrants
        else None
    )
    sample = result.sample
    conclusion = [
        f"Indeks Kepuasan Masyarakat {unit['nama']} periode {period} adalah "
        f"{angka(overall.rounded)} dari {overall.respondents} responden, dengan mutu pelayanan "
        f"{overall.band.mutu} ({overall.band.kinerja}).",
        "Unsur dengan nilai terendah adalah "
        + ", ".join(f"{u.name} ({_dec(u.nrr, 4)})" for u in lowest)
        + "; unsur-unsur ini menjadi prioritas rencana tindak lanjut.",
        *(
            []
            if sample is None or sample.enough
            else [
                f"Jumlah responden kurang {sample.shortfall} dari sampel minimal {sample.required} "
                f"untuk populasi {sample.population}; periode berikutnya perlu menjangkau lebih "
                "banyak responden."
            ]
        ),
        *data.get("kesimpulan", []),
    ]
    return {
        "nomor": data.get("nomor") or "",
        "tanggal": data["tanggal"],
        "periode": period,
        "latar_belakang": data.get("latar_belakang") or _fill(texts["latar_belakang"], fields),
        "dasar_hukum": data.get("dasar_hukum") or _fill(texts["dasar_hukum"], fields),
        "tujuan": data.get("tujuan") or _fill(texts["tujuan"], fields),
        "metode": _method(result, period),
        "sampel": {
            "ada": sample is not None,
            "populasi": sample.population if sample else 0,
            "minimal": sample.required if sample else 0,
            "baris_tabel": sample.table_row if sample else 0,
            "responden": overall.respondents,
            "status": ("cukup" if sample.enough else f"kurang {sample.shortfall}")
            if sample
            else "",
            "sumber": sample.source if sample else "",
        },
        "responden": overall.respondents,
        "unsur": unsur,
        "skala": [f"Nilai {scale.low + i}" for i in range(scale.high - scale.low + 1)],
        "ikm": {
            "nilai": angka(overall.rounded),
            "indeks": _dec(overall.index, 4),
            "mutu": overall.band.mutu,
            "kinerja": overall.band.kinerja,
            "bobot": result.weight.shown,
            "bobot_nama": result.weight.name,
            "ipkp": _dec(ipkp_from_ikm(overall.ikm), 2),
        },
        "interval": [
            {
                "persepsi": b.perception,
                "ni": b.printed[0],
                "nik": b.printed[1],
                "mutu": b.mutu,
                "kinerja": b.kinerja,
            }
            for b in scale.bands
        ],
        "grafik_unsur": media.image(unsur_chart(bars, float(overall.ikm)), width_mm=155),
        "grafik_sebaran": media.image(spread, width_mm=155),
        "grafik_kuadran": media.image(quadrant_png, width_mm=120) if quadrant_png else None,
        "layanan": _groups(result.services),
        "per_periode": _groups(result.periods),
        "jenis_periode": result.period_kind,
        "profil": [
            {
                "judul": t.title,
                "baris": [
                    {"nilai": r.value, "jumlah": r.count, "persen": _pct(r.share)} for r in t.rows
                ],
            }
            for t in result.profile
        ],
        "terendah": [
            {
                "kode": u.code,
                "nama": u.name,
                "nrr": _dec(u.nrr, 4),
                "mutu": u.band.mutu if u.band else "-",
            }
            for u in lowest
        ],
        "kuadran": quadrants,
        "tindak_lanjut": _follow_up(data, result),
        "kesimpulan": conclusion,
    }
