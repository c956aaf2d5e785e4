"""The everyday naskah dinas kinds, one meeting input for three documents, and signing rules."""

from __future__ import annotations

import pytest
import yaml
from test_doc_generate import text_lines

from zi_docs.documents.generation import generate
from zi_docs.errors import InvalidInputError
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace

RAPAT = "rapat-pembentukan-tim.yaml"


def test_one_meeting_input_makes_undangan_daftar_hadir_and_notulen(workspace: Workspace) -> None:
    result = generate(workspace, None, workspace.inputs_dir / RAPAT)
    names = [p.name for p in result.documents]
    assert names == [
        "rapat-pembentukan-tim-undangan.docx",
        "rapat-pembentukan-tim-daftar-hadir.docx",
        "rapat-pembentukan-tim-notulen.docx",
    ]
    assert IndicatorRef("A.I.1.i.a", "undangan") in result.served
    assert IndicatorRef("A.I.1.i.a", "daftar-hadir") in result.served
    assert IndicatorRef("A.I.1.i.b", "notulen") in result.served
    undangan, hadir, notulen = (text_lines(p) for p in result.documents)
    assert any("Hal\t:\tUndangan Rapat Pembentukan Tim Kerja" in line for line in undangan)
    assert any("Kamis, 8 Januari 2026" in line for line in undangan)
    assert any("Yusuf Hidayat" in line for line in hadir)
    assert not any("NIP. -" in line for line in hadir + notulen + undangan)
    assert any("8 orang (daftar hadir terlampir)" in line for line in notulen)


def test_a_single_meeting_document_from_the_same_input(workspace: Workspace) -> None:
    result = generate(workspace, "notulen", workspace.inputs_dir / RAPAT)
    assert [p.name for p in result.documents] == ["rapat-pembentukan-tim.docx"]
    assert {s.item for s in result.served} == {"notulen"}


@pytest.mark.parametrize(
    ("kind", "source", "expected"),
    [
        ("sk", "sk-agen-perubahan.yaml", IndicatorRef("A.I.1.iv.b", "sk-agen-perubahan")),
        ("maklumat", "maklumat.yaml", IndicatorRef("A.I.6.i.b", "maklumat")),
        (
            "surat-pernyataan",
            "surat-pernyataan-benturan.yaml",
            IndicatorRef("A.I.5.v.c", "surat-pernyataan"),
        ),
        (
            "laporan-kegiatan",
            "laporan-kegiatan-sosialisasi.yaml",
            IndicatorRef("A.I.5.i.a", "laporan-kampanye"),
        ),
    ],
)
def test_new_kinds_name_the_lke_items_they_serve(
    workspace: Workspace, kind: str, source: str, expected: IndicatorRef
) -> None:
    result = generate(workspace, kind, workspace.inputs_dir / source)
    assert expected in result.served
    assert text_lines(result.documents[0])


def test_sptjm_serves_no_lke_item_and_names_the_unit(workspace: Workspace) -> None:
    result = generate(workspace, "sptjm", workspace.inputs_dir / "sptjm.yaml")
    assert result.served == ()
    lines = text_lines(result.documents[0])
    assert any("Menuju Wilayah Bebas dari Korupsi (WBK)" in line for line in lines)


def _sk_with(workspace: Workspace, signer: dict[str, str]) -> list[str]:
    path = workspace.inputs_dir / "sk-tim.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["penandatangan"] = signer
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return text_lines(generate(workspace, "sk-tim", path).documents[0])


def test_an_sk_signed_a_n_stays_the_offices_keputusan(workspace: Workspace) -> None:
    lines = _sk_with(
        workspace,
        {
            "sebagai": "an",
            "nama": "Ir. Bambang Supriyadi, M.M.",
            "nip": "197108151998031005",
            "jabatan": "Sekretaris",
        },
    )
    text = "\n".join(lines)
    assert "KEPUTUSAN KEPALA DINAS PENANAMAN MODAL" in text
    assert (
        "a.n. KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN SUKAMAJU"
        in text
    )
    assert "SEKRETARIS," in text
    assert "KEPUTUSAN A.N." not in text.upper().replace("\n", " ")


def test_plt_prefix_in_the_profile_goes_to_the_signature_only(workspace: Workspace) -> None:
    unit = workspace.unit_file
    unit.write_text(
        unit.read_text(encoding="utf-8").replace(
            "  jabatan: Kepala Dinas Penanaman", "  jabatan: Plt. Kepala Dinas Penanaman"
        ),
        encoding="utf-8",
    )
    fresh = Workspace(workspace.root)
    lines = text_lines(generate(fresh, "sk-tim", fresh.inputs_dir / "sk-tim.yaml").documents[0])
    text = "\n".join(lines)
    assert "KEPUTUSAN KEPALA DINAS PENANAMAN MODAL" in text
    assert "KEPUTUSAN PLT." not in text.upper()
    assert "Plt. KEPALA DINAS PENANAMAN MODAL" in text


def test_missing_logo_is_an_error_naming_the_file(workspace: Workspace) -> None:
    (workspace.root / "logo.png").unlink()
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml")
    (finding,) = excinfo.value.findings
    assert "logo.png" in finding.message and finding.field == "unit.logo"
    assert finding.file == "unit.yaml"
