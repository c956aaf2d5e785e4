"""Suggested LKE answers from the surveys, each with its reasoning, never written silently.

- P.PP.iv.a (surveys in the year): SKM reports archived for the workspace's year, else the
  periods the given export covers in that year.
- P.PP.iv.b (published): archived evidence of online and offline publication.
- P.PP.iv.c (followed up): archived follow-up reports. zi-docs cannot tell how much of the
  results they cover, so at most "sebagian kecil" (C) is suggested from the archive alone.

The indicators, checklist items and the count -> option table are in the SKM scale data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zi_docs.errors import ZiError
from zi_docs.surveys.ikm import IkmResult
from zi_docs.surveys.scales import skm_scale
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class Suggestion:
    """One suggested answer."""

    question: str
    """Catalogue id (``A.I.6.iv.a``)."""
    alias: str
    """As users know it (``P.PP.iv.a``)."""
    text: str
    answer: str | None
    """None when no option can be suggested honestly."""
    reasons: tuple[str, ...]
    current: str | None
    """The answer in the workspace's lke.yaml now (None: not answered)."""

    @property
    def differs(self) -> bool:
        return self.answer is not None and self.answer != self.current


def _files(workspace: Workspace) -> list[Any]:
    from zi_docs.evidence import stored_files

    return stored_files(workspace)


def _current(workspace: Workspace, question: str) -> str | None:
    if not workspace.answers_file.is_file():
        return None
    try:
        from zi_docs.assessment import load_answers

        answers = load_answers(workspace.answers_file, workspace.catalogue)
    except ZiError:
        return None
    answer = answers.get(question)
    return answer.option if answer is not None else None


def _year_of(stored: Any) -> int:
    date = stored.doc_date or stored.added_at
    return date.year if isinstance(date, (dt.date, dt.datetime)) else 0


def suggest_lke(workspace: Workspace, result: IkmResult | None = None) -> tuple[Suggestion, ...]:
    """Suggestions for P.PP.iv.a, iv.b and iv.c from the archive (and ``result``)."""
    rules = skm_scale().lke_hints
    catalogue = workspace.catalogue
    year = workspace.profile.year
    files = _files(workspace)

    def tagged(alias: str, item: str | None = None) -> list[Any]:
        node = catalogue.resolve(alias).id
        return [
            f
            for f in files
            if any(t.indicator == node and (item is None or t.item == item) for t in f.tags)
        ]

    def make(alias: str, answer: str | None, reasons: list[str]) -> Suggestion:
        node = catalogue.resolve(alias)
        return Suggestion(
            node.id,
            alias,
            node.name,
            answer,
            tuple(reasons),
            _current(workspace, node.id),
        )

    out = []
    rule = rules["jumlah_survei"]
    options = {int(k): str(v) for k, v in rule["pilihan"].items()}
    reports = [f for f in tagged(rule["indikator"]) if _year_of(f) == year]
    reasons = [f"{len(reports)} laporan SKM tahun {year} ada di arsip ({rule['indikator']})"]
    count = len(reports)
    if result is not None and result.periods:
        in_year = [g for g in result.periods if g.label.endswith(str(year)) and g.respondents]
        reasons.append(
            f"{result.file} memuat jawaban pada {len(in_year)} {result.period_kind} tahun {year}"
        )
        if count == 0 and in_year:
            count = len(in_year)
            reasons.append(
                f"belum ada laporan di arsip, jadi dihitung dari periode jawaban ({count}); "
                "arsipkan laporan SKM tiap periode sebagai data dukung"
            )
    top = max(options)
    out.append(make(rule["indikator"], options[min(count, top)], reasons))

    rule = rules["publikasi"]
    online = tagged(rule["indikator"], rule["butir_online"])
    offline = tagged(rule["indikator"], rule["butir_offline"])
    reasons = [
        f"bukti publikasi online di arsip: {len(online)} berkas",
        f"bukti publikasi offline di arsip: {len(offline)} berkas",
    ]
    if online and offline:
        answer: str | None = "A"
    elif offline:
        answer = "B"
    elif online:
        answer = None
        reasons.append(
            "hanya ada bukti online: kriteria A meminta online dan offline, kriteria B hanya "
            "offline; tambahkan foto publikasi di tempat layanan lalu pilih A"
        )
    else:
        answer = "C"
        reasons.append("belum ada bukti publikasi hasil survei di arsip")
    out.append(make(rule["indikator"], answer, reasons))

    rule = rules["tindak_lanjut"]
    follow = tagged(rule["indikator"], rule["butir"])
    reasons = [f"laporan tindak lanjut hasil survei di arsip: {len(follow)} berkas"]
    if follow:
        answer = "C"
        reasons.append(
            "zi-docs tidak dapat menilai berapa bagian hasil survei yang sudah ditindaklanjuti; "
            "pilih B (sebagian besar) atau A (seluruhnya) bila laporan tindak lanjut mencakup "
            "unsur-unsur terendah"
        )
    else:
        answer = "D"
        reasons.append("belum ada bukti tindak lanjut hasil survei di arsip")
    if result is not None and result.usable:
        low = ", ".join(f"{u.code} {u.name}" for u in result.overall.lowest(3))
        reasons.append(f"unsur terendah yang perlu ditindaklanjuti: {low}")
    out.append(make(rule["indikator"], answer, reasons))
    return tuple(out)
