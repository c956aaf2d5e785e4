"""The answers file: accepted forms; every kind of invalid answer, with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from zi_docs.assessment import AnswerSet, load_answers
from zi_docs.catalogue import Catalogue, load_catalogue
from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding, Severity


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def load(tmp_path: Path, catalogue: Catalogue, text: str) -> AnswerSet:
    path = tmp_path / "lke.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_answers(path, catalogue, display="lke.yaml")


def problems(tmp_path: Path, catalogue: Catalogue, text: str) -> list[Finding]:
    with pytest.raises(InvalidInputError) as info:
        load(tmp_path, catalogue, text)
    assert all(f.file == "lke.yaml" for f in info.value.findings)
    return list(info.value.findings)


def test_accepted_forms(tmp_path: Path, catalogue: Catalogue) -> None:
    answers = load(
        tmp_path,
        catalogue,
        """\
        lke: permenpanrb-90-2021
        jawaban:
          A.I.1.i.a: ya
          P.MP.i.b: {jawaban: b, catatan: "Mekanisme seleksi belum tertulis"}
          1.ii.a: true
          A.II.1.i.a: {input: {jumlah_agen_perubahan: 10, jumlah_perubahan_dibuat: 8}}
          A.II.4.i.a: {persen: 75}
          A.I.2.i.a:
          A.I.2.i.b: {catatan: "SOP sedang direviu"}
        hasil:
          B.I.a: "3,65"
          B.I.b: B
          B.II.a: 3.41
        """,
    )
    a = answers.answers
    assert a["A.I.1.i.a"].option == "Ya"
    assert a["A.I.1.i.a"].line == 3
    assert a["A.I.1.i.b"].option == "B"
    assert a["A.I.1.i.b"].written_id == "P.MP.i.b"
    assert a["A.I.1.i.b"].note == "Mekanisme seleksi belum tertulis"
    assert a["A.I.1.ii.a"].option == "Ya"
    assert a["A.II.1.i.a"].counts == {"jumlah_agen_perubahan": 10, "jumlah_perubahan_dibuat": 8}
    assert a["A.II.4.i.a"].percent == 75
    assert not a["A.I.2.i.a"].answered
    assert not a["A.I.2.i.b"].answered
    assert a["A.I.2.i.b"].note == "SOP sedang direviu"
    assert a["B.I.a"].index == pytest.approx(3.65)
    assert a["B.I.b"].option == "B"
    assert a["B.II.a"].index == pytest.approx(3.41)
    assert answers.warnings == ()


def test_missing_catalogue_line_and_section_mismatch_are_warnings(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    answers = load(tmp_path, catalogue, "jawaban:\n  B.I.a: 3.7\n")
    assert answers.answers["B.I.a"].index == pytest.approx(3.7)
    codes = {w.code for w in answers.warnings}
    assert codes == {"jawaban-katalog", "jawaban-salah-bagian"}
    assert all(w.severity is Severity.WARNING for w in answers.warnings)


def test_empty_file_means_nothing_answered(tmp_path: Path, catalogue: Catalogue) -> None:
    answers = load(tmp_path, catalogue, "lke: permenpanrb-90-2021\n")
    assert answers.answers == {}


@pytest.mark.parametrize(
    ("body", "line", "code", "words"),
    [
        (
            "  A.I.1.i.b: F\n",
            3,
            "jawaban-pilihan-tak-dikenal",
            ["jawaban 'F' tidak dikenal untuk A.I.1.i.b (jenis ABC); pilihan: A, B, C"],
        ),
        (
            "  A.I.1.i.a: {jawaban: Mungkin}\n",
            3,
            "jawaban-pilihan-tak-dikenal",
            ["pilihan: Ya, Tidak"],
        ),
        (
            "  A.II.1.i.a: {input: {jumlah_agen_perubahan: 0, jumlah_perubahan_dibuat: 3}}\n",
            3,
            "jawaban-penyebut-nol",
            ["penyebut", "nol", "A.II.1.i.a"],
        ),
        (
            "  A.II.4.i.a:\n    input:\n      jumlah_sasaran: 8\n"
            "      jumlah_sasaran_tercapai: -1\n",
            6,
            "jawaban-jumlah-negatif",
            ["tidak boleh negatif", "jumlah_sasaran_tercapai"],
        ),
        ("  A.I.9.i.a: Ya\n", 3, "jawaban-id-tak-dikenal", ["A.I.9.i.a", "mungkin maksud Anda"]),
        (
            "  A.II.4.i.a: {input: {jumlah_sasaran: 8}}\n",
            3,
            "jawaban-jumlah-kurang",
            ["jumlah_sasaran_tercapai", "belum diisi"],
        ),
        ("  A.II.4.i.a: {persen: 750}\n", 3, "jawaban-persen-rentang", ["0 sampai 100", "750"]),
        ("  A.II.4.i.a: 75\n", 3, "jawaban-salah-bentuk", ["butir persentase", "jumlah_sasaran"]),
        (
            "  A.II.4.i.a: {input: {jumlah_sasaran: 8, jumlah_sasaran_tercapai: 7,"
            " jumlah_tercapai: 7}}\n",
            3,
            "jawaban-jumlah-tak-dikenal",
            ["jumlah_tercapai", "jumlah_sasaran_tercapai"],
        ),
        (
            "  A.I.1.i.a: {jawaban: Ya, catatn: x}\n",
            3,
            "jawaban-isian-tak-dikenal",
            ["catatn", "maksudnya 'catatan'"],
        ),
        ("  A.I.1.i: Ya\n", 3, "jawaban-bukan-pertanyaan", ["sub", "A.I.1.i.a, A.I.1.i.b"]),
        (
            "  A.I.1.i.a: {input: {x: 1}}\n",
            3,
            "jawaban-salah-bentuk",
            ["isian jumlah", "Ya, Tidak"],
        ),
    ],
)
def test_each_invalid_answer_names_file_line_and_allowed_values(
    tmp_path: Path, catalogue: Catalogue, body: str, line: int, code: str, words: list[str]
) -> None:
    found = problems(tmp_path, catalogue, "lke: permenpanrb-90-2021\njawaban:\n" + body)
    assert [f.code for f in found] == [code]
    assert found[0].line == line
    assert str(found[0]).startswith(f"lke.yaml:{line} ")
    for word in words:
        assert word in found[0].message


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("4.2", "jawaban-indeks-rentang"),
        ("-0.1", "jawaban-indeks-rentang"),
        ("tinggi", "jawaban-indeks"),
    ],
)
def test_survey_index_must_be_0_to_4(
    tmp_path: Path, catalogue: Catalogue, value: str, code: str
) -> None:
    found = problems(tmp_path, catalogue, f"lke: permenpanrb-90-2021\nhasil:\n  B.I.a: {value}\n")
    assert [(f.code, f.line) for f in found] == [(code, 3)]
    assert "0 sampai 4" in found[0].message


def test_bad_yaml_names_the_line(tmp_path: Path, catalogue: Catalogue) -> None:
    found = problems(tmp_path, catalogue, "lke: x\njawaban:\n  A.I.1.i.a: [Ya\n  A.I.1.i.b: B\n")
    assert found[0].code == "yaml-sintaks"
    assert found[0].line is not None and found[0].line >= 3


def test_duplicate_key_names_the_line(tmp_path: Path, catalogue: Catalogue) -> None:
    found = problems(
        tmp_path,
        catalogue,
        "lke: permenpanrb-90-2021\njawaban:\n  A.I.1.i.a: Ya\n  A.I.1.i.a: Tidak\n",
    )
    assert [(f.code, f.line) for f in found] == [("yaml-kunci-ganda", 4)]


def test_id_and_alias_of_the_same_question_are_a_duplicate(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    found = problems(
        tmp_path, catalogue, "lke: permenpanrb-90-2021\njawaban:\n  A.I.1.i.a: Ya\n  p.mp.i.a: Ya\n"
    )
    assert [(f.code, f.line) for f in found] == [("jawaban-ganda", 4)]
    assert "A.I.1.i.a" in found[0].message


def test_other_catalogue_is_an_error(tmp_path: Path, catalogue: Catalogue) -> None:
    found = problems(tmp_path, catalogue, "lke: permenpanrb-52-2014\njawaban:\n  A.I.1.i.a: Ya\n")
    assert [(f.code, f.line) for f in found] == [("jawaban-katalog", 1)]
    assert "unit.yaml" in found[0].message


def test_all_problems_are_reported_together(tmp_path: Path, catalogue: Catalogue) -> None:
    found = problems(
        tmp_path,
        catalogue,
        """\
        lke: permenpanrb-90-2021
        jawabn: {}
        jawaban:
          A.I.1.i.a: Ya
          A.I.1.i.b: F
          A.I.9.i.a: Ya
          A.II.1.i.a: {input: {jumlah_agen_perubahan: 0, jumlah_perubahan_dibuat: 3}}
          A.II.4.i.a: {input: {jumlah_sasaran: -2, jumlah_sasaran_tercapai: 1}}
        hasil:
          B.I.a: 5
        """,
    )
    assert [(f.line, f.code) for f in found] == [
        (2, "jawaban-bagian"),
        (5, "jawaban-pilihan-tak-dikenal"),
        (6, "jawaban-id-tak-dikenal"),
        (7, "jawaban-penyebut-nol"),
        (8, "jawaban-jumlah-negatif"),
        (10, "jawaban-indeks-rentang"),
    ]
    assert "maksudnya 'jawaban'" in found[0].message
