"""``lke impor``: real-world workbook variants, the differences report, bad workbooks, safety."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lke_workbooks import LkeSheet, example_answers
from openpyxl import Workbook

from zi_docs.assessment import load_answers, score_answers, score_workspace
from zi_docs.catalogue import Catalogue
from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.sheet_import import SheetImport, import_workbook
from zi_docs.workspace import Workspace


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return workspace.catalogue


@pytest.fixture
def answers(catalogue: Catalogue) -> dict[str, Any]:
    return example_answers(catalogue)


def _import(path: Path, catalogue: Catalogue, **kwargs: Any) -> SheetImport:
    return import_workbook(path, catalogue, **kwargs)


EXAMPLE_TOTAL = 79.55780890804598


@pytest.mark.parametrize(
    "variant",
    [
        {},
        {"markers": "prefix", "bare_letters": True},
        {"markers": "prefix", "dash_unlettered": False},
        {"values": "formula"},
        {"evidence": True, "group_titles_row": True},
        {"merge_text": True, "values": "formula"},
    ],
    ids=["kolom-penanda", "awalan-tanpa-titik", "tanpa-strip", "rumus", "bukti-judul", "gabung"],
)
def test_clean_variants_give_the_example_answers(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any], variant: dict[str, Any]
) -> None:
    path = LkeSheet(catalogue, [("Unit", answers)], **variant).save(tmp_path / "lke.xlsx")
    result = _import(path, catalogue)
    assert result.score.total == pytest.approx(EXAMPLE_TOTAL, abs=1e-9)
    assert result.unmatched == () and result.text_only == ()
    assert result.differences == ()
    lhkasn = result.data["jawaban"]["A.II.5.iii.b"]["input"]
    expected = answers["A.II.5.iii.b"]["input"]
    assert lhkasn == expected and all(isinstance(v, int) for v in lhkasn.values())
    assert result.data["jawaban"]["A.I.1.i.b"]["catatan"] == answers["A.I.1.i.b"]["catatan"]


def test_evidence_columns_become_references(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    answers = dict(answers)
    answers["A.I.1.i.a"] = {
        "jawaban": "Ya",
        "bukti": ["SK Tim ZI 2026.pdf", "https://drive.example/sk-tim"],
    }
    path = LkeSheet(catalogue, [("Unit", answers)], evidence=True).save(tmp_path / "lke.xlsx")
    result = _import(path, catalogue)
    entry = result.data["jawaban"]["A.I.1.i.a"]
    assert entry == {
        "jawaban": "Ya",
        "bukti": ["SK Tim ZI 2026.pdf", "https://drive.example/sk-tim"],
    }
    assert result.answers.get("A.I.1.i.a").evidence == (  # type: ignore[union-attr]
        "SK Tim ZI 2026.pdf",
        "https://drive.example/sk-tim",
    )


def _messy(catalogue: Catalogue, answers: dict[str, Any], **extra: Any) -> LkeSheet:
    return LkeSheet(
        catalogue,
        [("Unit", answers)],
        values="formula",
        text_edits={
            "A.I.1.i.a": "Unit telah membentuk tim pembangunan ZI",
            "A.I.2.i.b": "Apakah jumlah pegawai yang hadir apel pagi sudah dicatat?",
        },
        hidden={"A.I.1.ii.c"},
        merge_text=True,
        choice_typos={"A.I.1.i.a": "Ya"},
        node_overrides={"A.I.1.i": 0.5},
        skip_in_formula={"A.I.1": "A.I.1.iv"},
        total_row=80.1,
        summary_weights={"MP": 5, "TTL": 5, "SDM": 15},
        **extra,
    )


def test_messy_workbook_reports_every_difference_with_its_cause(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    path = _messy(catalogue, answers).save(tmp_path / "lke.xlsx")
    result = _import(path, catalogue)
    # the answers are the sheet's answers; none of its wrong values is copied
    assert result.score.total == pytest.approx(EXAMPLE_TOTAL, abs=1e-9)
    by_id = {(d.id, d.where.rsplit(" ", 1)[-1][0]): d for d in result.differences}
    skipped = next(d for d in result.differences if d.id == "A.I.1")
    assert skipped.cause is not None and "tidak mencakup baris" in skipped.cause
    assert "(A.I.1.iv)" in skipped.cause
    assert skipped.sheet_value == pytest.approx(
        result.score.node("A.I.1").value - result.score.node("A.I.1.iv").value
    )
    typed = next(d for d in result.differences if d.id == "A.I.1.i")
    assert (typed.sheet_value, typed.value) == (0.5, pytest.approx(0.375))
    assert typed.cause is not None and typed.cause.startswith("nilai diketik tangan")
    total = next(d for d in result.differences if d.id == "TOTAL")
    assert total.sheet_value == 80.1 and "total diketik tangan" in (total.cause or "")
    stale = [d for d in result.differences if "Rekap" in d.where]
    assert {d.id for d in stale} == {"MP", "TTL", "SDM"}
    mp_weight = next(d for d in stale if d.id == "MP" and d.sheet_value == 5)
    assert mp_weight.value == 8 and "usang" in (mp_weight.cause or "")
    assert any(d.cause == "dihitung dengan bobot ringkasan yang usang" for d in stale)
    assert len(by_id) >= 4
    codes = {n.code for n in result.notes}
    assert {"xlsx-tersembunyi", "xlsx-pilihan-jawaban"} <= codes
    hidden = next(n for n in result.notes if n.code == "xlsx-tersembunyi")
    assert "A.I.1.ii.c" in hidden.message and "baris" in (hidden.field or "")
    # heavily rephrased text is matched by position and listed with its row
    [rephrased] = [r for r in result.text_only if r.node and r.node.id == "A.I.2.i.b"]
    assert rephrased.how == "posisi-teks-beda" and rephrased.row > 0


def test_formulas_without_cached_values_are_said_once(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    path = LkeSheet(catalogue, [("Unit", answers)], values="nocache").save(tmp_path / "lke.xlsx")
    result = _import(path, catalogue)
    [note] = [n for n in result.notes if n.code == "xlsx-tanpa-nilai-tersimpan"]
    assert note.message.startswith("60 sel Nilai berisi rumus tanpa nilai tersimpan")
    assert result.differences == ()
    assert result.score.total == pytest.approx(EXAMPLE_TOTAL, abs=1e-9)


def test_unmatched_and_text_only_rows_are_listed(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    sheet = LkeSheet(catalogue, [("Unit", answers)], markers="prefix")
    path = sheet.save(tmp_path / "lke.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book["LKE"]
    row_a = sheet.row_of["A.I.1.i.a"]
    ws.cell(row_a, 1, "Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas")
    ws.insert_rows(row_a + 2)
    ws.cell(row_a + 2, 1, "z. Baris tambahan buatan pengisi yang tidak ada di LKE")
    book.save(path)
    result = _import(path, catalogue)
    [extra] = result.unmatched
    assert (extra.row, extra.marker) == (row_a + 2, "z")
    [by_text] = [r for r in result.text_only if r.row == row_a]
    assert by_text.how == "teks" and by_text.node is not None
    assert by_text.node.id == "A.I.1.i.a"
    assert result.data["jawaban"]["A.I.1.i.a"] == "Ya"


def test_evaluator_group_by_column_title(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    tpi = dict(answers)
    tpi["A.I.1.i.b"] = {"jawaban": "C", "catatan": "Mekanisme seleksi belum ada"}
    for titles_row in (True, False):
        path = LkeSheet(
            catalogue, [("Unit", answers), ("TPI", tpi)], group_titles_row=titles_row
        ).save(tmp_path / f"lke-{titles_row}.xlsx")
        unit = _import(path, catalogue)
        evaluator = _import(path, catalogue, column="Jawaban TPI" if not titles_row else "TPI")
        assert unit.groups == ("Unit", "TPI") and evaluator.group == "TPI"
        assert unit.data["jawaban"]["A.I.1.i.b"]["jawaban"] == "B"
        assert evaluator.data["jawaban"]["A.I.1.i.b"] == {
            "jawaban": "C",
            "catatan": "Mekanisme seleksi belum ada",
        }
        assert evaluator.score.total < unit.score.total
        with pytest.raises(InvalidInputError) as caught:
            _import(path, catalogue, column="Inspektorat")
        assert "'TPI'" in caught.value.findings[0].message


# ---- bad workbooks ---------------------------------------------------------------------------
def _ole(tmp_path: Path, name: str, encrypted: bool) -> Path:
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    body += ("EncryptionInfo" if encrypted else "Workbook").encode("utf-16-le") + b"\x00" * 64
    path = tmp_path / name
    path.write_bytes(body)
    return path


def test_bad_workbooks_are_named(tmp_path: Path, catalogue: Catalogue) -> None:
    text = tmp_path / "bukan.xlsx"
    text.write_text("No;Penilaian;Jawaban\n", encoding="utf-8")
    broken = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "bukan buku kerja")
    empty = Workbook()
    empty.active.append(["Daftar hadir", "Nama", "Tanda tangan"])
    empty.save(tmp_path / "lain.xlsx")
    cases = {
        text: ("xlsx-bukan-buku-kerja", "bukan buku kerja Excel"),
        _ole(tmp_path, "lama.xls", False): ("xlsx-lama", "Excel lama (.xls)"),
        _ole(tmp_path, "sandi.xlsx", True): ("xlsx-sandi", "dilindungi kata sandi"),
        broken: ("xlsx-rusak", "rusak"),
        tmp_path / "lain.xlsx": ("xlsx-tanpa-lembar-lke", "'Sheet'"),
        tmp_path / "tidak-ada.xlsx": ("xlsx-tidak-ada", "tidak ditemukan"),
    }
    for path, (code, words) in cases.items():
        with pytest.raises(InvalidInputError) as caught:
            _import(path, catalogue)
        [finding] = caught.value.findings
        assert finding.code == code, path
        assert words in finding.message or words in caught.value.message, path


def test_answers_not_allowed_are_all_reported_with_sheet_and_cell(
    tmp_path: Path, catalogue: Catalogue, answers: dict[str, Any]
) -> None:
    bad = dict(answers)
    bad["A.I.1.i.a"] = "Mungkin"
    bad["A.I.1.i.b"] = "F"
    bad["B.I.a"] = 5.2
    bad["A.II.3.iii.a"] = {
        "input": {**answers["A.II.3.iii.a"]["input"], "pelanggaran_tahun_ini": "x"}
    }
    sheet = LkeSheet(catalogue, [("Unit", bad)])
    path = sheet.save(tmp_path / "lke.xlsx")
    with pytest.raises(InvalidInputError) as caught:
        _import(path, catalogue)
    places = {f.field for f in caught.value.findings}
    column = "J"
    assert {
        f"lembar 'LKE', sel {column}{sheet.row_of['A.I.1.i.a']}",
        f"lembar 'LKE', sel {column}{sheet.row_of['A.I.1.i.b']}",
        f"lembar 'LKE', sel {column}{sheet.row_of['B.I.a']}",
    } <= places
    assert len(caught.value.findings) == 4
    assert any("pilihan: Ya, Tidak" in f.message for f in caught.value.findings)


# ---- CLI: writes only on success, never over answers without --timpa --------------------------
def test_cli_import_refuses_to_overwrite_then_timpa(
    run_cli: Any, workspace: Workspace, tmp_path: Path, catalogue: Catalogue
) -> None:
    answers = example_answers(catalogue)
    answers["A.I.1.i.b"] = "C"
    path = _messy(catalogue, answers).save(tmp_path / "lke.xlsx")
    before = workspace.answers_file.read_bytes()
    refused = run_cli("lke", "impor", str(path))
    assert refused.exit_code == 1
    assert "lke.yaml sudah berisi jawaban; tidak ditimpa" in refused.output
    assert workspace.answers_file.read_bytes() == before
    done = run_cli("lke", "impor", str(path), "--timpa")
    assert done.exit_code == 0, done.output
    assert "Perbedaan nilai lembar dan zi-docs" in done.output
    assert "sebab: rumus =SUM(" in done.output
    written = load_answers(workspace.answers_file, catalogue)
    assert written.get("A.I.1.i.b").option == "C"  # type: ignore[union-attr]
    assert score_workspace(workspace).total == pytest.approx(
        score_answers(catalogue, written).total
    )
    assert not list(workspace.root.glob(".lke.yaml.*"))


def test_cli_failed_import_writes_nothing(
    run_cli: Any, workspace: Workspace, tmp_path: Path, catalogue: Catalogue
) -> None:
    bad = example_answers(catalogue)
    bad["A.I.1.i.a"] = "Mungkin"
    path = LkeSheet(catalogue, [("Unit", bad)]).save(tmp_path / "lke.xlsx")
    target = tmp_path / "baru.yaml"
    result = run_cli("lke", "impor", str(path), "-o", str(target))
    assert result.exit_code == 1
    assert "tidak ada yang ditulis" in result.output and "sel J" in result.output
    assert not target.exists()


def test_cli_bad_workbook_over_existing_answers_names_both_problems(
    run_cli: Any, workspace: Workspace, tmp_path: Path
) -> None:
    text = tmp_path / "bukan.xlsx"
    text.write_text("No;Penilaian;Jawaban\n", encoding="utf-8")
    before = workspace.answers_file.read_bytes()
    result = run_cli("lke", "impor", str(text))  # lke.yaml answers questions, no --timpa
    assert result.exit_code == 1
    output = result.output
    assert "bukan buku kerja Excel" in output  # the bad file is named first ...
    assert "lke.yaml sudah berisi jawaban; tidak ditimpa" in output  # ... and the refusal too
    assert output.index("bukan buku kerja Excel") < output.index("sudah berisi jawaban")
    assert "--timpa" in output
    assert workspace.answers_file.read_bytes() == before
    assert not list(workspace.root.glob(".lke.yaml.*"))
    timpa = run_cli("lke", "impor", str(text), "--timpa")  # only the file's problem is left
    assert timpa.exit_code == 1
    assert "bukan buku kerja Excel" in timpa.output
    assert "sudah berisi jawaban" not in timpa.output
    assert workspace.answers_file.read_bytes() == before


def test_cli_json_lists_rows_and_differences(
    run_cli: Any, tmp_path: Path, catalogue: Catalogue
) -> None:
    path = _messy(catalogue, example_answers(catalogue)).save(tmp_path / "lke.xlsx")
    result = run_cli("lke", "impor", str(path), "-o", str(tmp_path / "x.yaml"), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["terjawab"] == 111 and data["kolom"] == "Unit"
    assert any(d["id"] == "TOTAL" and d["nilai_lembar"] == 80.1 for d in data["perbedaan"])
    assert any(r["cara"] == "posisi-teks-beda" for r in data["hanya_teks"])
    assert (tmp_path / "x.yaml").is_file()


def _random_answers(catalogue: Catalogue, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    answers: dict[str, Any] = {}
    for node in catalogue.questions():
        if rng.randrange(10) == 0:
            continue  # unanswered
        options = catalogue.options(node.answer_type or "")
        if options:
            answers[node.id] = rng.choice(options)
        elif node.answer_type == "PERSEN":
            answers[node.id] = {"input": {i.key: rng.randint(1, 60) for i in node.inputs}}
        else:
            answers[node.id] = rng.randint(0, 400) / 100
    return answers


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_answers_survive_the_workbook(tmp_path: Path, catalogue: Catalogue, seed: int) -> None:
    """Whatever the unit answered, writing it as a sheet and importing it gives it back."""
    answers = _random_answers(catalogue, seed)
    markers = "columns" if seed % 2 else "prefix"
    path = LkeSheet(catalogue, [("Unit", answers)], markers=markers).save(tmp_path / "x.xlsx")
    result = _import(path, catalogue)
    back = {**result.data["jawaban"], **result.data["hasil"]}
    assert back == answers
    assert result.unmatched == () and result.differences == ()
