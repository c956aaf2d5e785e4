"""Survey exports as units really have them: Google Forms CSV with long headers and a
timestamp, an XLSX with typed and text cells, ';' CSV from Excel, a definition file with its
mistakes, random answer grids (hypothesis), sample table, profile, quadrant, SPAK/SPKP methods,
and the LKE suggestions from the archive."""

from __future__ import annotations

import datetime as dt
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from survey_helpers import unsur_header, write_csv

from zi_docs.errors import InvalidInputError
from zi_docs.surveys.definition import load_definition
from zi_docs.surveys.ikm import compute_ikm
from zi_docs.surveys.internal import compute_internal, ipkp_from_ikm, method_named
from zi_docs.surveys.periods import parse_date
from zi_docs.surveys.sample import required_sample
from zi_docs.workspace import Workspace

LONG = [
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
    "pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan?",
    "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
]
DEFINITION = """\
kolom:
  waktu: Timestamp
  layanan: Jenis layanan
profil:
  jenis_kelamin: Jenis Kelamin
unsur:
  U1: 1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan
  U2: 2. Bagaimana pemahaman
  U3: kecepatan waktu
  U4: kewajaran biaya
  U5: kesesuaian produk
  U6: kompetensi
  U7: perilaku petugas
  U8: 9. Bagaimana
  U9: 8. Bagaimana
label:
  Sangat puas: 4
"""


def _google_forms(tmp_path: Path) -> tuple[Path, Path]:
    header = ["Timestamp", "Jenis layanan", "Jenis Kelamin", *LONG]
    rows = [
        # Google Forms, English UI: yyyy/mm/dd with GMT offset; the 14/2017 questionnaire
        # asks sarana (8) before pengaduan (9)
        [
            "2026/02/10 9:15:02 AM GMT+7",
            "Izin Usaha",
            "Perempuan",
            "Sangat sesuai",
            "Mudah",
            "Cepat",
            "Gratis",
            "Sesuai",
            "Kompeten",
            "Sopan dan ramah",
            "Baik",
            "Dikelola dengan baik",
        ],
        [
            "2026/03/31 4:01:00 PM GMT+7",
            "Izin Usaha",
            "Laki-laki",
            "Sesuai",
            "Sangat mudah",
            "Kurang cepat",
            "Gratis",
            "Sesuai",
            "Kompeten",
            "Sangat puas",
            "Cukup",
            "Berfungsi kurang maksimal",
        ],
        [
            "2026/04/02 10:00:00 AM GMT+7",
            "Reklame",
            "Perempuan",
            "Kurang sesuai",
            "Mudah",
            "Tidak cepat",
            "Murah",
            "Sangat sesuai",
            "Sangat kompeten",
            "Sopan dan ramah",
            "Sangat baik",
            "Ada tetapi tidak berfungsi",
        ],
    ]
    definition = tmp_path / "def.yaml"
    definition.write_text(DEFINITION, encoding="utf-8")
    return write_csv(tmp_path / "forms.csv", header, rows), definition


def test_google_forms_export_with_long_headers_and_timestamp(tmp_path: Path) -> None:
    path, definition = _google_forms(tmp_path)
    result = compute_ikm(path, definition=load_definition(definition), weight="eksak")
    assert not result.problems
    by_code = {u.code: u for u in result.overall.unsur}
    # by hand: U3 cepat 3 + kurang cepat 2 + tidak cepat 1 = 6 / 3; U7 uses the extra label
    assert by_code["U3"].nrr == 2 and by_code["U7"].nrr == Fraction(3 + 4 + 3, 3)
    # U8 is question 9 (pengaduan): 4 + 3 + 2; U9 is question 8 (sarana): 3 + 2 + 4
    assert by_code["U8"].total == 9 and by_code["U9"].total == 9
    assert [(g.label, g.respondents) for g in result.periods] == [
        ("Triwulan I 2026", 2),
        ("Triwulan II 2026", 1),
    ]
    assert [(g.label, g.respondents) for g in result.services] == [
        ("Izin Usaha", 2),
        ("Reklame", 1),
    ]
    assert [(r.value, r.count) for r in result.profile[0].rows] == [
        ("Perempuan", 2),
        ("Laki-laki", 1),
    ]
    totals = (4 + 3 + 2) + (3 + 4 + 3) + 6 + (4 + 4 + 3) + (3 + 3 + 4) + (3 + 3 + 4) + 10 + 9 + 9
    assert result.overall.ikm == Fraction(totals, 3) / 9 * 25


def test_semester_periods(tmp_path: Path) -> None:
    path, definition = _google_forms(tmp_path)
    result = compute_ikm(path, definition=load_definition(definition), period_kind="semester")
    assert [(g.label, g.respondents) for g in result.periods] == [("Semester I 2026", 3)]


def test_xlsx_with_typed_and_text_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Cap waktu", "Usia", *unsur_header()])
    sheet.append([dt.datetime(2026, 1, 6, 8, 30), 34, 4, 3, 3, 4, 4, 3, 4, 3, 4])  # numbers
    sheet.append(
        [
            dt.datetime(2026, 1, 7, 9, 0),
            "27",
            "4",
            "3,0",
            "Cepat",
            "Gratis",
            4.0,
            "Kompeten",
            "4",
            3,
            "Baik",
        ]
    )  # text, a decimal comma, a float, labels
    sheet.append([dt.datetime(2026, 1, 7, 9, 5), 51, True, 3, 3, 4, 4, 3, 4, 3, 4])  # TRUE
    sheet.append([None] * 11)
    sheet.append(["7 Januari", 40, 2, 3, 3, 4, 4, 3, 4, 3, 4])
    path = tmp_path / "skm.xlsx"
    book.save(path)
    result = compute_ikm(path)
    assert [(p.kind, p.row, p.column) for p in result.problems] == [
        ("label-tidak-dikenal", 4, "C"),  # a TRUE checkbox is not the score 1
        ("baris-kosong", 5, None),
        ("waktu-tidak-terbaca", 6, "A"),
    ]
    u1 = result.overall.unsur[0]
    assert (u1.answered, u1.total) == (3, 4 + 4 + 2)
    assert result.overall.unsur[1].distribution == (0, 0, 4, 0)
    assert [r.value for r in result.profile[0].rows] == [
        "20-29 tahun",
        "30-39 tahun",
        "40-49 tahun",
        "50-59 tahun",
    ]


def test_semicolon_csv_from_excel_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = "U1;U2;U3;U4;U5;U6;U7;U8;U9;Pekerjaan\n" + "4;4;4;4;4;4;4;4;4;Pedagang kaki lima é\n"
    path.write_bytes(text.encode("cp1252"))
    result = compute_ikm(path)
    assert result.overall.respondents == 1 and not result.problems
    assert result.profile[0].rows[0].value == "Pedagang kaki lima é"


def test_not_a_survey_file(tmp_path: Path) -> None:
    bad = tmp_path / "jawaban.xlsx"
    bad.write_text("bukan excel", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        compute_ikm(bad)
    assert "bukan berkas Excel yang sah" in caught.value.findings[0].message
    with pytest.raises(InvalidInputError) as caught:
        compute_ikm(tmp_path / "jawaban.ods")
    assert "berkas tidak ada" in caught.value.findings[0].message
    (tmp_path / "jawaban.ods").write_bytes(b"PK")
    with pytest.raises(InvalidInputError) as caught:
        compute_ikm(tmp_path / "jawaban.ods")
    assert "jenis berkas '.ods' tidak dikenal" in caught.value.findings[0].message


def test_definition_mistakes_are_all_reported(tmp_path: Path) -> None:
    path, _definition = _google_forms(tmp_path)
    definition = tmp_path / "salah.yaml"
    definition.write_text(
        "kolom:\n  waktu: Stempel\n  urutan: bulan-hari\nunsur:\n  U1: Bagaimana\n"
        "  U10: Apa\nlabel:\n  Puas: tinggi\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as caught:
        load_definition(definition)
    fields = sorted((f.line, f.field) for f in caught.value.findings)
    assert fields == [(3, "kolom.urutan"), (8, "label.Puas")]
    definition.write_text(
        "kolom:\n  waktu: Stempel\nunsur:\n  U1: Bagaimana\n  U10: Apa\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as caught:
        compute_ikm(path, definition=load_definition(definition))
    messages = [f.message for f in caught.value.findings]
    assert any("unsur 'U10' tidak dikenal" in m for m in messages)
    assert any("cocok dengan 9 kolom" in m for m in messages)  # 'Bagaimana' is ambiguous
    assert any("kolom waktu 'Stempel' tidak ada" in m for m in messages)


def test_dates_day_first_or_month_first() -> None:
    assert parse_date("05/03/2026 10:00:00") == dt.date(2026, 3, 5)
    assert parse_date("05/03/2026", day_first=False) == dt.date(2026, 5, 3)
    assert parse_date("2026-03-05T10:23:45.000+07:00") == dt.date(2026, 3, 5)
    assert parse_date("31/02/2026") is None and parse_date(42) is None


def test_sample_table() -> None:
    # rows as printed, the next row up between two rows, everyone below the first row
    assert required_sample(100) == (80, 100)
    assert required_sample(1200) == (291, 1200)
    assert required_sample(1201) == (297, 1300)
    assert required_sample(7) == (7, 7)
    assert required_sample(2_000_000) == (384, 100000)
    # Krejcie-Morgan: s = X2 N P(1-P) / (d2 (N-1) + X2 P(1-P)), X2 3.841, P 0.5, d 0.05
    for population in (100, 500, 1000, 5000):
        formula = 3.841 * population * 0.25 / (0.0025 * (population - 1) + 3.841 * 0.25)
        assert abs(required_sample(population)[0] - formula) <= 1


def test_quadrant_when_importance_asked(tmp_path: Path) -> None:
    header = [*unsur_header(), *(f"K{i}" for i in range(1, 10))]
    rows = [
        [2, 4, 4, 4, 4, 4, 4, 4, 3, "Sangat penting", 1, 1, 1, 1, 1, 1, 1, 4],
        [2, 4, 4, 4, 4, 4, 4, 4, 3, 4, 1, 1, 1, 1, 1, 1, 1, "Kurang"],
    ]
    result = compute_ikm(write_csv(tmp_path / "k.csv", header, rows))
    quadrant = {q.code: q.quadrant for q in result.quadrants}
    # U1: important (4) and lowest performance (2) -> I; U2: unimportant, high -> IV
    assert quadrant["U1"] == "I" and quadrant["U2"] == "IV"
    assert [(p.kind, p.column, p.item) for p in result.problems] == [
        ("label-tidak-dikenal", "R", "kepentingan U9")
    ]


def test_internal_methods_by_hand(tmp_path: Path) -> None:
    header = [f"P{i}" for i in range(1, 9)]
    path = write_csv(tmp_path / "spkp.csv", header, [[6, 6, 5, 5, 4, 4, 3, None]] * 2 + [[6] * 8])
    linier = compute_internal(path, "spkp")
    assert linier.aspects[7].mean == 6 and linier.aspects[6].mean == 4
    mean = (Fraction(18, 3) * 2 + Fraction(16, 3) * 2 + Fraction(14, 3) * 2 + 4 + 6) / 8
    assert linier.mean == mean and linier.index == (mean - 1) / 5 * 4
    proporsional = compute_internal(path, "spkp", method="proporsional")
    assert proporsional.index == mean / 6 * 4
    assert ipkp_from_ikm(Fraction(8466, 100)) == Fraction(8466, 2500)
    with pytest.raises(Exception, match="tidak dikenal"):
        method_named("kira-kira")


answers = st.one_of(
    st.integers(min_value=1, max_value=4), st.sampled_from([None, 0, 5, "x", "Sesuai"])
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(answers, min_size=9, max_size=9), min_size=1, max_size=25))
def test_random_grids_match_a_brute_force_count(grid: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "g.csv", unsur_header(), grid)
        result = compute_ikm(path, weight="eksak")
    valid = [[v if isinstance(v, int) and 1 <= v <= 4 else None for v in row] for row in grid]
    # "Sesuai" is a label of U1 and U5 only (score 3)
    for row, raw in zip(valid, grid, strict=True):
        for j in (0, 4):
            if raw[j] == "Sesuai":
                row[j] = 3
    blank = [all(v is None for v in raw) for raw in grid]
    for j, u in enumerate(result.overall.unsur):
        column = [row[j] for row in valid if row[j] is not None]
        assert u.answered == len(column) and u.total == sum(column)
        assert u.nrr == (Fraction(sum(column), len(column)) if column else None)
    kept = [row for row in valid if any(v is not None for v in row)]
    assert result.overall.respondents == len(kept)
    assert result.counts["baris-kosong"] == sum(blank)
    bad_cells = sum(
        1
        for row, raw, b in zip(valid, grid, blank, strict=True)
        if not b
        for v, r in zip(row, raw, strict=True)
        if v is None
    )
    assert sum(result.counts.values()) - result.counts["baris-kosong"] == bad_cells
    if all(u.nrr is not None for u in result.overall.unsur):
        expected = sum((u.nrr for u in result.overall.unsur if u.nrr), Fraction(0)) / 9 * 25
        assert result.overall.ikm == expected
    else:
        assert result.overall.ikm is None


def test_suggestions_from_the_archive(workspace: Workspace, tmp_path: Path) -> None:
    from archive_helpers import write_pdf

    from zi_docs.evidence import add_files
    from zi_docs.surveys.suggest import suggest_lke

    year = workspace.profile.year
    for i in range(3):
        report = write_pdf(tmp_path / f"skm-tw{i + 1}.pdf", f"Laporan SKM triwulan {i + 1}")
        add_files(
            workspace,
            [report],
            indicators=["P.PP.iv.a"],
            item="laporan-skm",
            doc_date=dt.date(year, 3 * i + 3, 28),
        )
    add_files(
        workspace,
        [write_pdf(tmp_path / "web.pdf", "Publikasi IKM di laman")],
        indicators=["P.PP.iv.b"],
        item="publikasi-online",
    )
    iv_a, iv_b, iv_c = suggest_lke(workspace)
    assert (iv_a.alias, iv_a.answer) == ("P.PP.iv.a", "B")  # 3 surveys a year
    assert "3 laporan SKM tahun" in iv_a.reasons[0]
    assert iv_b.answer is None and "hanya ada bukti online" in iv_b.reasons[-1]
    assert iv_c.answer == "D"
    add_files(
        workspace,
        [write_pdf(tmp_path / "papan.pdf", "Foto papan informasi IKM")],
        indicators=["P.PP.iv.b"],
        item="publikasi-offline",
    )
    add_files(
        workspace,
        [write_pdf(tmp_path / "tl.pdf", "Laporan tindak lanjut SKM")],
        indicators=["P.PP.iv.c"],
        item="tindak-lanjut",
    )
    _a, iv_b, iv_c = suggest_lke(workspace)
    assert iv_b.answer == "A" and iv_c.answer == "C"
