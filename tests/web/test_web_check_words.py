"""Periksa shows the findings in words: grouped by meaning, places as links, what to do in
the app, and never a CLI command, an answers-file name or a checklist key."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from zi_docs.web.app.check_words import plain_words

from .conftest import KEY


@pytest.mark.django_db
def test_findings_are_grouped_in_words_without_commands(login: Any, stored: dict[str, str]) -> None:
    page = login("pengamat").get(reverse("zi_web:periksa", kwargs={"ws": KEY})).content.decode()
    findings = page.split('id="temuan-periksa"')[1].split("</section>")[0]
    for cli in ("zi-docs", "--indikator", "lke.yaml", "[mekanisme-pemilihan]", "tanpa-bukti"):
        assert cli not in findings, cli
    for title in (
        "Pertanyaan belum dijawab",
        "Jawaban nilai tertinggi tanpa data dukung",
        "Data dukung wajib belum lengkap",
        "Prasyarat pengajuan belum terpenuhi",
    ):
        assert title in findings, title
    indicator = reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": "A.I.5.iv.c"})
    assert f'href="{indicator}"' in findings
    assert "unggah data dukungnya" in findings
    assert "<strong>Kepatuhan penyampaian LHKASN</strong>" in findings


@pytest.mark.django_db
def test_gates_are_told_in_words_with_whom_to_ask(login: Any, stored: dict[str, str]) -> None:
    """A web user is never told to edit YAML: each unmet gate by what it is, the unit's value,
    what is required, and that the ketua or workspace admin updates the unit profile."""
    page = login("pengamat").get(reverse("zi_web:periksa", kwargs={"ws": KEY})).content.decode()
    for raw in ("unit.yaml", "pengajuan.", "lhkasn_persen", "sptjm"):
        assert raw not in page, raw
    findings = page.split('id="temuan-periksa"')[1].split("</section>")[0]
    assert (
        "<strong>Kepatuhan penyampaian LHKASN</strong>: Nilai unit 96,5%; syarat: ≥ 100%. "
        "Belum terpenuhi." in findings
    )
    assert (
        "<strong>Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) pimpinan unit tersedia</strong>: "
        "Belum ada; syarat: harus ada." in findings
    )
    gates = page.split('id="prasyarat"')[1].split("</section>")[0]
    assert "ketua tim atau admin ruang kerja" in gates
    assert "ketua tim atau admin ruang kerja" in findings


def test_plain_words_keeps_what_is_wrong_and_drops_what_to_type() -> None:
    assert (
        plain_words(
            "jawaban 'Ya' (nilai tertinggi) tanpa data dukung sama sekali; penilai akan "
            "menurunkannya. Tambahkan bukti dengan 'zi-docs archive add BERKAS "
            "--indikator A.I.1.i.a'"
        )
        == "Jawaban 'Ya' (nilai tertinggi) tanpa data dukung sama sekali; penilai akan "
        "menurunkannya."
    )
    assert (
        plain_words(
            "data dukung wajib belum ada: belum ada SK Tim [sk-tim] → zi-docs generate sk-tim "
            "inputs/sk-tim.yaml; belum ada Notulen [notulen]"
        )
        == "Data dukung wajib belum ada: belum ada SK Tim; belum ada Notulen"
    )
    assert plain_words(
        "pertanyaan belum dijawab (dihitung nol): X; isi jawabannya di lke.yaml"
    ) == ("Pertanyaan belum dijawab (dihitung nol): X")


@pytest.mark.django_db
def test_an_item_zi_docs_can_make_links_to_its_form(login: Any, workspace: Any) -> None:
    from zi_docs.documents import all_kinds
    from zi_docs.findings import Finding
    from zi_docs.web.app.check_words import grouped

    finding = Finding(
        "data dukung wajib belum ada: belum ada SK Tim [sk-tim] → zi-docs generate sk-tim "
        "inputs/sk-tim.yaml",
        field="A.I.1.i.a (P.MP.i.a)",
        code="butir-kurang",
    )
    (group,) = grouped([finding], KEY, workspace.catalogue, all_kinds())
    (shown,) = group.findings
    form = reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": "sk-tim", "nama": "sk-tim"})
    assert shown.documents == ((all_kinds()["sk-tim"].title, form),)
    assert shown.link and shown.place.startswith("A.I.1.i.a ")


def test_a_gate_not_yet_recorded_says_so_in_words() -> None:
    from zi_docs.submission.gates import GateResult, GateState
    from zi_docs.web.app.check_words import gate_words

    gate = GateResult(
        "spip", "Maturitas SPIP instansi", "level_spip", "≥ level 3", "", GateState.UNKNOWN
    )
    assert gate_words(gate) == "Nilai unit belum dicatat; syarat: ≥ level 3."
