"""Document inputs from spreadsheets: SK members, rencana kerja activities, monev realisation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from test_doc_generate import text_lines

from zi_docs.documents.generation import generate
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace


def _yaml(path: Path) -> dict:  # type: ignore[type-arg]
    loaded: dict = yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return loaded


def _write(path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_sk_members_from_a_sheet_join_their_pokja(workspace: Workspace) -> None:
    data = _yaml(workspace.inputs_dir / "sk-tim.yaml")
    data["tim"]["pokja"] = data["tim"]["pokja"][:1]
    data["tim"]["daftar_anggota"] = "anggota-tim.xlsx"
    _xlsx(
        workspace.inputs_dir / "anggota-tim.xlsx",
        [
            ["kelompok", "kedudukan", "nama", "nip", "jabatan"],
            ["Manajemen Perubahan", "Anggota", "Budi Santoso", "-", "Pengadministrasi Umum"],
            [
                "Penguatan Pengawasan",
                "Koordinator",
                "Teguh Santoso, S.H.",
                "197912012006041009",
                "Kepala Bidang Pengendalian",
            ],
            [
                "Penguatan Pengawasan",
                "Anggota",
                "Maya Sari, S.H.",
                "199408082020122006",
                "Analis Hukum",
            ],
        ],
    )
    result = generate(workspace, "sk-tim", _write(workspace.inputs_dir / "sk-lembar.yaml", data))
    lines = text_lines(result.documents[0])
    groups = [line for line in lines if "Kelompok Kerja" in line]
    assert [g.split("|")[1].strip() for g in groups] == [
        "Kelompok Kerja Manajemen Perubahan",
        "Kelompok Kerja Penguatan Pengawasan",
    ]
    assert any("Budi Santoso" in line and "Anggota" in line for line in lines)
    assert any("Teguh Santoso" in line and "Koordinator" in line for line in lines)


def test_sheet_problems_name_file_row_and_column(workspace: Workspace) -> None:
    data = _yaml(workspace.inputs_dir / "sk-tim.yaml")
    data["tim"]["daftar_anggota"] = "anggota-tim.csv"
    (workspace.inputs_dir / "anggota-tim.csv").write_text(
        "kelompok,kedudukan,nama,nip,jabatan\n"
        "Penguatan Akuntabilitas,Anggota,Rudi,12345,Analis\n"
        "Area Baru,Anggota,Sri,-,Analis\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "sk-tim", _write(workspace.inputs_dir / "sk-lembar.yaml", data))
    found = excinfo.value.findings
    nip = next(f for f in found if f.field == "nip")
    assert (nip.file, nip.line) == ("inputs/anggota-tim.csv", 2)
    assert any("Area Baru belum punya Koordinator" in f.message for f in found)


def test_rencana_kerja_activities_from_a_sheet(workspace: Workspace) -> None:
    data = _yaml(workspace.inputs_dir / "rencana-kerja.yaml")
    data["kegiatan"] = data["kegiatan"][:1]
    data["daftar_kegiatan"] = "kegiatan.csv"
    (workspace.inputs_dir / "kegiatan.csv").write_text(
        "kode;indikator;kegiatan;output;indikator_keberhasilan;jadwal;penanggung_jawab;"
        "anggaran;data_dukung\n"
        "PW-09;P.PW.i.a, P.PW.i.b;Sosialisasi UPG;1 kali sosialisasi;Pegawai paham UPG;"
        "3, 7-8;Pokja Pengawasan;1500000;Laporan sosialisasi\n",
        encoding="utf-8",
    )
    result = generate(
        workspace, "rencana-kerja", _write(workspace.inputs_dir / "rk-lembar.yaml", data)
    )
    lines = text_lines(result.documents[0])
    assert any("Sosialisasi UPG" in line and "1.500.000" in line for line in lines)


def test_monev_realisation_from_a_sheet(workspace: Workspace) -> None:
    data = _yaml(workspace.inputs_dir / "laporan-monev-tw3.yaml")
    data["realisasi"] = [r for r in data["realisasi"] if r["kode"] != "PP-02"]
    data["daftar_realisasi"] = "realisasi.xlsx"
    _xlsx(
        workspace.inputs_dir / "realisasi.xlsx",
        [
            ["kode", "progres", "capaian", "data_dukung"],
            ["PP-02", 55, "SKM semester I dari lembar kerja", "Laporan SKM"],
        ],
    )
    result = generate(
        workspace, "laporan-monev", _write(workspace.inputs_dir / "monev-lembar.yaml", data)
    )
    lines = text_lines(result.documents[0])
    assert any("SKM semester I dari lembar kerja" in line and "55,0" in line for line in lines)
