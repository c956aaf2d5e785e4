"""The tindak lanjut register: add/list/update/close, items from a layer's notes, check
findings, the monev report, and the P.MP.iii.c suggestion (never written silently)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from submission_helpers import Fake, make_archive
from test_doc_generate import text_lines

from zi_docs.documents import generate
from zi_docs.evaluation.followup import add_items, load_register, suggest_mp_iii_c, update_item
from zi_docs.submission.check import run_check
from zi_docs.workspace import Workspace

DUE = "2026-04-30"


def _add(run_cli: Any, text: str, *extra: str) -> str:
    result = run_cli(
        "tindak-lanjut", "tambah", text, "--pemilik", "Pokja MP", "--batas", DUE, *extra
    )
    assert result.exit_code == 0, result.output
    return result.output.split()[0]


def test_add_list_update_close(run_cli: Any, workspace: Workspace) -> None:
    make_archive(workspace, [Fake("sk.pdf", b"%PDF sk mekanisme", [("A.I.1.i.b", None)])])
    code = _add(
        run_cli, "Tetapkan mekanisme seleksi tim", "--sumber", "monev", "--indikator", "P.MP.i.b"
    )
    assert code == "TL-001"
    assert _add(run_cli, "Perbarui SOP pengaduan") == "TL-002"
    listed = json.loads(run_cli("tindak-lanjut", "daftar", "--json").stdout)
    assert [(i["kode"], i["status"], i["indikator"]) for i in listed] == [
        ("TL-001", "terbuka", "A.I.1.i.b"),
        ("TL-002", "terbuka", None),
    ]
    moved = run_cli("tindak-lanjut", "ubah", "tl-002", "--status", "dalam-proses")
    assert moved.exit_code == 0 and "TL-002: dalam-proses" in moved.output
    refused = run_cli("tindak-lanjut", "ubah", "TL-001", "--status", "selesai")
    assert refused.exit_code == 1 and "--bukti" in refused.output
    missing = run_cli("tindak-lanjut", "tutup", "TL-001", "--bukti", "ffffffffffff")
    assert missing.exit_code == 1
    ref = hashlib.sha256(b"%PDF sk mekanisme").hexdigest()[:12]
    closed = run_cli("tindak-lanjut", "tutup", "TL-001", "--bukti", ref, "--tanggal", "2026-04-20")
    assert closed.exit_code == 0, closed.output
    [first, _] = load_register(workspace).items
    assert (first.status, first.evidence, first.closed) == ("selesai", (ref,), dt.date(2026, 4, 20))
    unknown = run_cli("tindak-lanjut", "ubah", "TL-009", "--status", "selesai")
    assert unknown.exit_code == 1 and "TL-001" in unknown.output


def test_items_from_layer_notes_once(run_cli: Any, workspace: Workspace) -> None:
    (workspace.layers_dir / "tpi-unit.yaml").unlink()
    for qid, note in (("P.MP.i.b", "Mekanisme seleksi belum ada"), ("P.TTL.i.c", "Evaluasi SOP")):
        result = run_cli("lapis", "catat", "tpi-unit", qid, "--catatan", note, "--penilai", "TPI")
        assert result.exit_code == 0, result.output
    made = run_cli("tindak-lanjut", "dari-lapis", "tpi-unit", "--batas", DUE)
    assert "2 butir ditambahkan: TL-001, TL-002" in made.output
    again = run_cli("tindak-lanjut", "dari-lapis", "tpi-unit", "--batas", DUE)
    assert "Tidak ada catatan baru" in again.output
    items = load_register(workspace).items
    assert {(i.indicator, i.owner, i.origin) for i in items} == {
        ("A.I.1.i.b", "Pokja Manajemen Perubahan", "lapis tpi-unit putaran 1"),
        ("A.I.2.i.c", "Pokja Penataan Tatalaksana", "lapis tpi-unit putaran 1"),
    }


def test_items_from_the_lhe_recommendations_once(run_cli: Any, workspace: Workspace) -> None:
    lhe = workspace.inputs_dir / "lhe.yaml"
    made = run_cli("tindak-lanjut", "dari-lhe", str(lhe), "--batas", DUE, "--pemilik", "Pokja RB")
    assert made.exit_code == 0, made.output
    assert "3 butir ditambahkan: TL-001, TL-002, TL-003" in made.output
    again = run_cli("tindak-lanjut", "dari-lhe", str(lhe), "--batas", DUE)
    assert "sudah ada di register" in again.output
    items = load_register(workspace).items
    assert {(i.source, i.origin, i.owner) for i in items} == {
        ("rekomendasi", "LHE nomor 700.1.2/045/ITDA/2026", "Pokja RB")
    }
    assert (
        items[0].text
        == "Menetapkan mekanisme dan kriteria seleksi anggota Tim Kerja secara tertulis"
    )


def test_a_recommendation_that_is_no_text_is_named_with_its_line(
    run_cli: Any, workspace: Workspace
) -> None:
    lhe = workspace.inputs_dir / "lhe.yaml"
    text = lhe.read_text(encoding="utf-8")
    lhe.write_text(text.replace("rekomendasi:\n", "rekomendasi:\n  - 12\n", 1), encoding="utf-8")
    failed = run_cli("tindak-lanjut", "dari-lhe", str(lhe), "--batas", DUE)
    assert failed.exit_code == 1
    line = text.splitlines().index("rekomendasi:") + 2
    assert f"lhe.yaml:{line} (rekomendasi[1]): harus berupa teks" in failed.output
    assert not workspace.followup_file.exists()


def test_check_reports_overdue_and_open_items(workspace: Workspace) -> None:
    add_items(
        workspace,
        [
            {
                "uraian": "Lewat",
                "sumber": "monev",
                "pemilik": "Pokja PW",
                "batas_waktu": dt.date(2026, 3, 1),
            },
            {
                "uraian": "Masih lama",
                "sumber": "survei",
                "pemilik": "Pokja PP",
                "batas_waktu": dt.date(2026, 12, 1),
            },
        ],
    )
    result = run_check(workspace, dt.date(2026, 5, 1))
    found = {f.code: f for f in result.findings if f.code.startswith("tindak-lanjut")}
    assert set(found) == {"tindak-lanjut-terlambat", "tindak-lanjut-terbuka"}
    late = found["tindak-lanjut-terlambat"]
    assert late.severity.value == "peringatan" and "TL-001" in late.message
    assert (late.file, late.field) == ("tindak-lanjut.yaml", "butir[1] TL-001")
    assert not result.complete


def test_check_text_shows_an_overdue_item_after_many_errors(
    run_cli: Any, workspace: Workspace
) -> None:
    add_items(
        workspace,
        [
            {
                "uraian": "Lewat jauh",
                "sumber": "monev",
                "pemilik": "Pokja PW",
                "batas_waktu": dt.date(2020, 3, 1),
            }
        ],
    )
    text = run_cli("check")
    assert text.exit_code == 3, text.output
    found = json.loads(run_cli("check", "--json").stdout)["temuan"]
    serious = [f for f in found if f["tingkat"] != "info"]
    errors = [f for f in serious if f["tingkat"] == "galat"]
    assert len(errors) > 40  # the example answers much without evidence
    assert len(serious) > 25  # more than the old text view's 25 lines
    overdue = next(line for line in text.output.splitlines() if "[tindak-lanjut-terlambat]" in line)
    assert (
        "[peringatan] tindak-lanjut.yaml (butir[1] TL-001)" in overdue and "2020-03-01" in overdue
    )
    for code in {f["kode"] for f in serious}:  # every kind shows at least once
        assert f"[{code}]" in text.output, code
    lines = text.output.splitlines()
    first_warning = next(i for i, line in enumerate(lines) if "[peringatan]" in line)
    assert all("[peringatan]" not in line for line in lines[:first_warning])
    assert not any("  - " in line and "[peringatan]" not in line for line in lines[first_warning:])
    many = [
        code for code in {f["kode"] for f in errors} if sum(f["kode"] == code for f in errors) > 5
    ]
    assert many  # a kind with more than the cap is cut to a count of its own
    for code in many:
        hidden = sum(f["kode"] == code for f in errors) - 5
        assert f"… dan {hidden} temuan serupa [{code}]" in text.output
    assert "temuan lain" not in text.output
    report = workspace.root / "kelengkapan.docx"
    assert run_cli("check", "--docx", str(report)).exit_code == 3
    lines = text_lines(report)
    assert any(
        "daftar tindak lanjut (butir[1] TL-001)" in line and "2020-03-01" in line for line in lines
    )
    for code in many:  # the Word report lists ten of a kind and counts the rest
        hidden = sum(f["kode"] == code for f in errors) - 10
        assert f"|  | {code} | … dan {hidden} temuan serupa |" in lines, code
    mp = "| galat | tanpa-bukti | A.I.1.i.a (P.MP.i.a): jawaban 'Ya' (nilai tertinggi) tanpa"
    assert any(line.startswith(mp) for line in lines)  # each row says where it is


def test_monev_report_lists_the_register(workspace: Workspace) -> None:
    add_items(
        workspace,
        [
            {
                "uraian": "Sosialisasi ulang kanal pengaduan",
                "sumber": "rekomendasi",
                "pemilik": "Pokja PP",
                "batas_waktu": dt.date(2026, 9, 30),
            }
        ],
    )
    result = generate(workspace, "laporan-monev", workspace.inputs_dir / "laporan-monev-tw3.yaml")
    text = "\n".join(text_lines(result.documents[0]))
    assert (
        "| Sosialisasi ulang kanal pengaduan | Pokja PP | 30 September 2026 | Terbuka | TL-001 |"
        in text
    )


@pytest.mark.parametrize(("closed", "option"), [(3, "A"), (2, "B"), (1, "C"), (0, "D")])
def test_mp_iii_c_suggestion_with_reasoning(workspace: Workspace, closed: int, option: str) -> None:
    make_archive(workspace, [Fake("bukti.pdf", b"%PDF bukti", [("A.I.1.iii.c", None)])])
    ref = hashlib.sha256(b"%PDF bukti").hexdigest()[:12]
    add_items(
        workspace,
        [
            {
                "uraian": f"R{i}",
                "sumber": "monev",
                "pemilik": "Pokja MP",
                "batas_waktu": dt.date(2026, 6, 1),
            }
            for i in range(3)
        ]
        + [
            {
                "uraian": "survei",
                "sumber": "survei",
                "pemilik": "Pokja PP",
                "batas_waktu": dt.date(2026, 6, 1),
            }
        ],
    )
    for code in ("TL-001", "TL-002", "TL-003")[:closed]:
        update_item(
            workspace, code, {"status": "selesai", "bukti": [ref]}, today=dt.date(2026, 5, 1)
        )
    suggestion = suggest_mp_iii_c(load_register(workspace))
    assert (suggestion.option, suggestion.counted, suggestion.closed) == (option, 3, closed)
    assert f"{closed} dari 3 butir" in suggestion.reasoning


def test_suggestion_cli_never_writes(run_cli: Any, workspace: Workspace) -> None:
    before = workspace.answers_file.read_bytes()
    empty = json.loads(run_cli("tindak-lanjut", "saran", "--json").stdout)
    assert empty["saran"] is None and "belum ada dasar" in empty["alasan"]
    _add(run_cli, "R1", "--sumber", "monev")
    shown = run_cli("tindak-lanjut", "saran")
    assert "saran D, jawaban sekarang B" in shown.output
    assert "ubah sendiri di lke.yaml: A.I.1.iii.c: D" in shown.output
    assert workspace.answers_file.read_bytes() == before


def test_an_owner_outside_the_pokja_list_gets_a_hint(run_cli: Any, workspace: Workspace) -> None:
    typo = run_cli("tindak-lanjut", "tambah", "Uji", "--pemilik", "Pokja MP", "--batas", DUE)
    assert typo.exit_code == 0
    assert "Catatan: Pemilik 'Pokja MP' bukan salah satu pokja" in typo.stderr
    assert "Pokja Manajemen Perubahan" in typo.stderr
    named = run_cli(
        "tindak-lanjut", "tambah", "Uji", "--pemilik", "Pokja Manajemen Perubahan", "--batas", DUE
    )
    assert named.exit_code == 0 and "Catatan" not in named.stderr
    changed = run_cli("tindak-lanjut", "ubah", "TL-001", "--pemilik", "Tim Kerja ZI")
    assert changed.exit_code == 0 and "Catatan" not in changed.stderr
