"""A unit's first day: ``init`` for a real unit (options or prompts), ``--contoh``, ``--dari``,
and the check finding for inputs that still hold the example unit's values."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zi_docs.assessment.answers import load_answers
from zi_docs.cli import cli
from zi_docs.cli import workspace as init_cli
from zi_docs.errors import InvalidInputError, WorkspaceError
from zi_docs.newunit.create import create_blank, create_example
from zi_docs.newunit.leftovers import example_value_findings
from zi_docs.newunit.profile import UnitDetails
from zi_docs.newunit.rollover import roll_over, shift_date
from zi_docs.workspace import EXAMPLE_DIR, Workspace

OPTIONS = [
    "--instansi",
    "Pemerintah Kota Tanjung Harapan",
    "--unit",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "--singkatan",
    "Disdukcapil",
    "--alamat",
    "Jalan Pahlawan Nomor 3",
    "--kota",
    "Tanjung Harapan",
    "--pimpinan",
    'Drs. Ahmad "Gus" Fauzi, M.Si.',
    "--nip",
    "19700101 199503 1 002",
    "--pangkat",
    "pembina tk. i",
    "--jabatan",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    "--tahun",
    "2027",
]


def _details(**change: object) -> UnitDetails:
    values: dict[str, object] = {
        "instansi": "Pemerintah Kota Tanjung Harapan",
        "unit": "Dinas Kependudukan dan Pencatatan Sipil",
        "singkatan": "Disdukcapil",
        "alamat": "Jalan Pahlawan Nomor 3",
        "kota": "Tanjung Harapan",
        "pimpinan": "Drs. Ahmad Fauzi, M.Si.",
        "nip": "197001011995031002",
        "jabatan": "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "tahun": 2027,
    }
    values.update(change)
    return UnitDetails(**values)  # type: ignore[arg-type]


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_init_from_options_makes_a_blank_workspace_for_the_unit(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "dukcapil"
    result = runner.invoke(cli, ["init", str(target), *OPTIONS])
    assert result.exit_code == 0, result.output
    ws = Workspace(target)
    data = ws.profile.data
    assert data["instansi"] == "Pemerintah Kota Tanjung Harapan"
    assert data["pimpinan"]["nama"] == 'Drs. Ahmad "Gus" Fauzi, M.Si.'
    assert data["pimpinan"]["nip"] == "197001011995031002"
    assert (data["pimpinan"]["pangkat"], data["pimpinan"]["golongan"]) == (
        "Pembina Tingkat I",
        "IV/b",
    )
    assert ws.profile.evidence_window == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert data["pengajuan"]["batas_pengajuan"] == dt.date(2028, 5, 31)
    every_input = "".join(p.read_text(encoding="utf-8") for p in ws.inputs_dir.iterdir())
    assert "Sukamaju" not in every_input and "DPMPTSP" not in every_input
    sk = (ws.inputs_dir / "sk-tim.yaml").read_text(encoding="utf-8")
    assert "tanggal: 2027-01-12" in sk and "Kependudukan dan Pencatatan Sipil Tahun 2027" in sk
    assert 'nama: "Drs. Ahmad \\"Gus\\" Fauzi, M.Si."' in sk


def test_blank_workspace_scores_zero_with_113_unanswered(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "ws"
    create_blank(target, _details())
    lke = (target / "lke.yaml").read_text(encoding="utf-8")
    assert "A.I.1.i.a:  # P.MP.i.a: Unit kerja telah membentuk tim" in lke
    assert "B.II.a:  # Nilai Persepsi Kualitas Pelayanan" in lke
    result = runner.invoke(cli, ["--ruang-kerja", str(target), "score", "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.output)
    assert score["total"] == 0
    assert len(score["belum_dijawab"]) == 113
    text = runner.invoke(cli, ["--ruang-kerja", str(target), "score"]).output
    assert "0 dari 113 butir dijawab" in text and "Belum dijawab (113 butir" in text


def test_blank_skeleton_inputs_ask_for_what_only_the_unit_knows(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "ws"
    create_blank(target, _details())
    sk = str(target / "inputs" / "sk-tim.yaml")
    result = runner.invoke(cli, ["--ruang-kerja", str(target), "generate", "sk-tim", sk])
    assert result.exit_code == 1
    assert "(nomor): isian 'nomor' wajib diisi" in result.output
    assert "(tim.ketua.nama): isian 'nama' wajib diisi" in result.output
    assert "tim.penanggung_jawab" not in result.output  # filled from the profile
    piagam = str(target / "inputs" / "piagam.yaml")
    made = runner.invoke(cli, ["--ruang-kerja", str(target), "generate", "piagam", piagam])
    assert made.exit_code == 0, made.output


def test_init_without_options_and_without_terminal_names_what_is_missing(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 2
    for option in ("--instansi", "--unit", "--alamat", "--kota", "--pimpinan", "--nip"):
        assert option in result.output
    assert "--contoh" in result.output
    assert not (tmp_path / "ws").exists()


def test_init_asks_in_indonesian_and_asks_again_after_a_bad_nip(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(init_cli, "can_ask", lambda: True)
    answers = [
        "Pemerintah Kabupaten Lembah Hijau",  # instansi
        "",  # jenis instansi: pemda (default)
        "Badan Pendapatan Daerah",  # unit
        "Bapenda",  # singkatan
        "Jalan Veteran 9",  # alamat
        "Lembah Hijau",  # kota
        "",  # telepon
        "surel-salah",  # email: refused, asked again
        "bapenda@lembahhijau.go.id",
        "",  # situs
        "Hj. Nurlela, S.E., M.M.",  # pimpinan
        "12345",  # NIP: refused, asked again
        "19750312 200003 2 004",
        "Pembina Utama Muda",  # pangkat
        "",  # golongan (follows the pangkat)
        "Kepala Badan Pendapatan Daerah",  # jabatan
        "2028",  # tahun
        "wbbm",  # target
    ]
    result = runner.invoke(cli, ["init", str(tmp_path / "ws")], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Instansi induk" in result.output and "NIP pimpinan" in result.output
    assert "NIP harus 18 digit (tertulis 5 digit); coba lagi." in result.output
    assert "alamat email tidak sah" in result.output
    profile = Workspace(tmp_path / "ws").profile
    assert profile.year == 2028 and profile.target == "WBBM"
    assert profile.data["unit"]["email"] == "bapenda@lembahhijau.go.id"
    assert profile.data["pimpinan"]["golongan"] == "IV/c"


def test_profile_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    bad = _details(nip="1975", email="x@", pangkat="Penata", golongan="IV/a", target="WBX")
    with pytest.raises(InvalidInputError) as caught:
        create_blank(tmp_path / "ws", bad)
    fields = [f.field for f in caught.value.findings]
    assert fields == ["nip", "email", "target", "pangkat"]
    assert "golongan IV/a = Pembina" in str(caught.value.findings[-1])
    assert not (tmp_path / "ws" / "unit.yaml").exists()


def test_init_contoh_keeps_the_example_unit(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["init", str(tmp_path / "ws"), "--contoh"])
    assert result.exit_code == 0, result.output
    ws = Workspace(tmp_path / "ws")
    assert "Sukamaju" in ws.profile.data["instansi"]
    example = (EXAMPLE_DIR / "inputs" / "sk-tim.yaml").read_bytes()
    assert (ws.inputs_dir / "sk-tim.yaml").read_bytes() == example
    assert example_value_findings(ws) == []  # the example is allowed to be the example


def test_inputs_with_example_values_are_a_check_finding(runner: CliRunner, tmp_path: Path) -> None:
    ws = create_blank(tmp_path / "ws", _details()).workspace
    assert example_value_findings(ws) == []
    copied = ws.inputs_dir / "sk-dari-contoh.yaml"
    copied.write_bytes((EXAMPLE_DIR / "inputs" / "sk-tim.yaml").read_bytes())
    (ws.inputs_dir / "pegawai.csv").write_text(
        "nama,nip,jabatan\nRina Marlina,199003142015032001,Pranata Komputer\n", encoding="utf-8"
    )
    found = example_value_findings(ws)
    assert [f.file for f in found] == ["inputs/pegawai.csv", "inputs/sk-dari-contoh.yaml"]
    assert all(f.code == "contoh-tersisa" for f in found)
    assert "'199003142015032001'" in found[0].message
    assert "Sukamaju" in found[1].message and found[1].line is not None
    result = runner.invoke(cli, ["--ruang-kerja", str(ws.root), "check", "--json"])
    codes = [t["kode"] for t in json.loads(result.output)["temuan"]]
    assert codes.count("contoh-tersisa") == 2


def test_dari_rolls_the_unit_into_next_year(runner: CliRunner, tmp_path: Path) -> None:
    old = create_example(tmp_path / "2026").workspace
    (old.templates_dir / "sk-tim.docx").write_bytes(b"templat unit sendiri")
    added = runner.invoke(
        cli,
        [
            "--ruang-kerja",
            str(old.root),
            "archive",
            "add",
            str(old.root / "logo.png"),
            "-i",
            "1.i.a",
        ],
    )
    assert added.exit_code == 0, added.output
    before = _tree_digest(old.root)

    result = runner.invoke(cli, ["init", str(tmp_path / "2027"), "--dari", str(old.root)])
    assert result.exit_code == 0, result.output
    assert _tree_digest(old.root) == before  # the old workspace is only read
    new = Workspace(tmp_path / "2027")
    assert new.profile.year == 2027
    assert new.profile.evidence_window == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert new.profile.data["pengajuan"]["batas_pengajuan"] == dt.date(2028, 5, 31)
    assert new.profile.data["pengajuan"]["mulai_pembangunan"] == dt.date(2025, 2, 3)
    assert (new.templates_dir / "sk-tim.docx").read_bytes() == b"templat unit sendiri"
    sk = (new.inputs_dir / "sk-tim.yaml").read_text(encoding="utf-8")
    assert "tanggal: 2027-01-12" in sk
    assert "nomor:    # isi nomor baru; nomor 2026: 800.1.2.2/015/DPMPTSP/2026" in sk
    assert "Bambang Supriyadi" in sk  # the team is carried over
    sop = (new.inputs_dir / "sop-pelayanan-perizinan.yaml").read_text(encoding="utf-8")
    assert "tanggal_pembuatan: 2026-01-12" in sop and "nomor: 500.16.7.2/SOP-03" in sop

    this_year = load_answers(new.answers_file, new.catalogue)
    assert not any(a.answered for a in this_year.answers.values())
    reference = load_answers(new.reference_answers_file, new.catalogue)
    last_year = load_answers(old.answers_file, old.catalogue)
    assert {k: a.option for k, a in reference.answers.items()} == {
        k: a.option for k, a in last_year.answers.items()
    }
    assert not new.reference_answers_file.stat().st_mode & 0o222  # read-only
    assert "lapis/tahun-lalu.yaml" in result.output and "masih menyebut tahun 2026" in result.output

    verify = runner.invoke(cli, ["--ruang-kerja", str(old.root), "archive", "verify"])
    assert verify.exit_code == 0 and "Arsip utuh" in verify.output


def test_dari_refuses_an_earlier_year_and_a_folder_inside_the_old_one(tmp_path: Path) -> None:
    old = create_example(tmp_path / "lama").workspace
    with pytest.raises(WorkspaceError, match="harus sesudah"):
        roll_over(old.root, tmp_path / "baru", year=2025)
    with pytest.raises(WorkspaceError, match="di dalam ruang kerja lama"):
        roll_over(old.root, old.root / "baru")
    assert not (old.root / "baru").exists()


def test_shifting_29_february_lands_on_28_february() -> None:
    assert shift_date(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
    assert shift_date(dt.date(2027, 3, 1), 2) == dt.date(2029, 3, 1)
