"""Cross-document consistency findings of ``check``, and rupiah written with thousand dots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zi_docs.cli import cli
from zi_docs.documents import consistency_findings, generate
from zi_docs.documents.inputs import validate_input
from zi_docs.documents.kinds.rencana_kerja import KIND
from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _codes(found: list[Finding]) -> list[str]:
    return sorted(f.code for f in found)


def _consistent(workspace: Workspace) -> Workspace:
    """The example with its two known disagreements fixed, so each test adds one."""
    monev = workspace.inputs_dir / "laporan-monev-tw3.yaml"
    _edit(monev, "Nomor 000.8/012/DPMPTSP/2026", "Nomor 800.1.2.2/015/DPMPTSP/2026")
    _edit(monev, "Ir. Bambang Sutrisno, M.T.", "Ir. Bambang Supriyadi, M.M.")
    _edit(monev, '"197208151998031005"', '"197108151998031005"')
    assert consistency_findings(workspace) == []
    return workspace


def test_example_monev_disagrees_with_its_sk(workspace: Workspace) -> None:
    found = consistency_findings(workspace)
    assert _codes(found) == ["ketua-tim-berbeda", "rujukan-sk-berbeda"]
    cited = next(f for f in found if f.code == "rujukan-sk-berbeda")
    assert "000.8/012/DPMPTSP/2026" in cited.message
    assert "800.1.2.2/015/DPMPTSP/2026" in cited.message
    assert "inputs/laporan-monev-tw3.yaml:20" in cited.message


def test_one_person_with_two_nips_and_one_nip_with_two_names(workspace: Workspace) -> None:
    _consistent(workspace)
    sk = workspace.inputs_dir / "sk-tim.yaml"
    _edit(sk, 'nama: "Agus Salim, S.H., M.H.", nip: "197806102003121002"',
          'nama: "Agus Salim, S.H., M.H.", nip: "197806102003121009"')  # fmt: skip
    pakta = workspace.inputs_dir / "pakta-integritas.yaml"
    _edit(pakta, "nama: Dewi Anggraini, S.Sos.", "nama: Dewi Anggraeni, S.Sos.")
    found = consistency_findings(workspace)
    assert _codes(found) == ["nama-beda-ejaan", "nip-berbeda"]
    spelling = next(f for f in found if f.code == "nama-beda-ejaan")
    assert "Dewi Anggraini" in spelling.message and "Dewi Anggraeni" in spelling.message
    assert "inputs/pakta-integritas.yaml:" in spelling.message
    two = next(f for f in found if f.code == "nip-berbeda")
    assert "19780610 200312 1 002" in two.message and "19780610 200312 1 009" in two.message


def test_staff_list_people_are_compared_too(workspace: Workspace) -> None:
    _consistent(workspace)
    staff = workspace.inputs_dir / "daftar-pegawai.csv"
    _edit(staff, "19780610 200312 1 002", "19780610 200312 1 009")
    found = consistency_findings(workspace)
    assert _codes(found) == ["nip-berbeda"]
    assert "inputs/daftar-pegawai.csv:2" in found[0].message


def test_titles_do_not_make_two_spellings(workspace: Workspace) -> None:
    _consistent(workspace)
    pakta = workspace.inputs_dir / "pakta-integritas.yaml"
    _edit(pakta, "nama: Dewi Anggraini, S.Sos.", "nama: DEWI ANGGRAINI")
    assert consistency_findings(workspace) == []


def test_the_same_number_on_two_documents(workspace: Workspace) -> None:
    _consistent(workspace)
    _edit(workspace.inputs_dir / "rencana-kerja.yaml", "000.8/045/DPMPTSP/2026",
          "800.1.2.2/015/DPMPTSP/2026")  # fmt: skip
    found = consistency_findings(workspace)
    assert _codes(found) == ["nomor-ganda"]
    assert "inputs/rencana-kerja.yaml" in found[0].message
    assert "inputs/sk-tim.yaml" in found[0].message


def test_sk_date_cited_by_the_monev_must_match(workspace: Workspace) -> None:
    _consistent(workspace)
    _edit(workspace.inputs_dir / "laporan-monev-tw3.yaml", "Nomor 800.1.2.2/015/DPMPTSP/2026",
          "Nomor 800.1.2.2/015/DPMPTSP/2026 tanggal 21 Januari 2026")  # fmt: skip
    found = consistency_findings(workspace)
    assert _codes(found) == ["rujukan-sk-berbeda"]
    assert "21-01-2026" in found[0].message and "12-01-2026" in found[0].message


def test_sop_dates_out_of_order(workspace: Workspace) -> None:
    _consistent(workspace)
    sop = workspace.inputs_dir / "sop-pelayanan-perizinan.yaml"
    _edit(sop, "tanggal_efektif: 2026-02-02", "tanggal_efektif: 2026-01-02")
    found = consistency_findings(workspace)
    assert _codes(found) == ["sop-urutan-tanggal"]
    assert "tanggal efektif (02-01-2026) sebelum tanggal pembuatan (12-01-2026)" in found[0].message


def test_the_same_person_twice_in_one_pokja(workspace: Workspace) -> None:
    _consistent(workspace)
    siti = (
        '- {nama: "Siti Rahmawati, A.Md.", nip: "199205052019022002", '
        "jabatan: Pengelola Layanan Operasional}"
    )
    _edit(workspace.inputs_dir / "sk-tim.yaml", siti, f"{siti}\n        {siti}")
    found = consistency_findings(workspace)
    assert _codes(found) == ["sk-anggota-ganda"]
    assert "Penataan Tata Laksana" in found[0].message


def test_check_reports_inconsistencies_first(workspace: Workspace) -> None:
    result = CliRunner().invoke(cli, ["--ruang-kerja", str(workspace.root), "check", "--json"])
    codes = [t["kode"] for t in json.loads(result.output)["temuan"]]
    assert codes[:2] == ["rujukan-sk-berbeda", "ketua-tim-berbeda"]


@pytest.mark.parametrize(
    ("written", "amount"),
    [('"4.000.000"', 4000000), ('"Rp 4.000.000,00"', 4000000), ("Rp4.000.000,-", 4000000),
     ("4000000", 4000000), ("0", 0)],
)  # fmt: skip
def test_money_with_thousand_dots_is_accepted(
    workspace: Workspace, written: str, amount: int
) -> None:
    plan = workspace.inputs_dir / "rencana-kerja.yaml"
    _edit(plan, "anggaran: 3500000", f"anggaran: {written}")
    result = generate(workspace, "rencana-kerja", plan)
    assert result.documents and result.documents[0].is_file()
    data = validate_input(
        load_yaml(plan), "rencana-kerja", KIND.schema, catalogue=workspace.catalogue
    )
    assert data["kegiatan"][1]["anggaran"] == amount


def test_money_that_yaml_read_as_a_fraction_is_refused_with_a_hint(workspace: Workspace) -> None:
    plan = workspace.inputs_dir / "rencana-kerja.yaml"
    _edit(plan, "anggaran: 3500000", "anggaran: 3.500")
    with pytest.raises(InvalidInputError) as caught:
        generate(workspace, "rencana-kerja", plan)
    [finding] = caught.value.findings
    assert finding.code == "rupiah-bertitik" and '"4.000.000"' in finding.message
    assert [f.code for f in consistency_findings(workspace)].count("anggaran-bertitik") == 1
