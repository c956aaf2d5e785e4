"""YAML with lines, the schema validator, and NIP rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zi_docs.errors import InvalidInputError
from zi_docs.nip import NIP, format_nip, nip_problems
from zi_docs.schema import Choice, Date, Field, Integer, ListOf, Record, Text, as_date, validate
from zi_docs.yamlio import format_path, load_yaml, parse_yaml, read_yaml_shared

PERSON = Record(
    Field("nama", Text()),
    Field("nip", NIP),
    Field("lahir", Date(), required=False),
)
SCHEMA = Record(
    Field("judul", Text()),
    Field("tahun", Integer(minimum=2000)),
    Field("jenis", Choice(["SK", "SE"])),
    Field("anggota", ListOf(PERSON, min_items=1)),
)


def test_lines_are_kept_per_path() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x: 2\n  - x: 3\n", "f.yaml")
    assert doc.line_of(("b", 1, "x")) == 4
    assert doc.line_of(("b", 1, "missing")) == 4
    assert format_path(("b", 1, "x")) == "b[2].x"


def test_duplicate_keys_are_errors_not_silent_overwrites() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    (finding,) = info.value.findings
    assert finding.line == 3 and "dua kali" in finding.message


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "rusak.yaml")
    assert info.value.findings[0].file == "rusak.yaml"
    assert info.value.findings[0].line is not None


def test_every_problem_reported_at_once_with_lines() -> None:
    text = (
        "judul: ''\n"
        "tahun: 1999\n"
        "jenis: SKB\n"
        "anggota:\n"
        "  - nama: Ani\n"
        "    nip: '12345'\n"
        "    lahir: 31-02-1990\n"
        "  - nip: '198001012005011001'\n"
        "    jabatn: Staf\n"
    )
    with pytest.raises(InvalidInputError) as info:
        validate(parse_yaml(text, "in.yaml"), SCHEMA)
    found = {(f.field, f.line) for f in info.value.findings}
    assert ("judul", 1) in found
    assert ("tahun", 2) in found
    assert ("jenis", 3) in found
    assert ("anggota[1].nip", 6) in found
    assert ("anggota[1].lahir", 7) in found
    assert ("anggota[2].nama", 8) in found
    assert ("anggota[2].jabatn", 9) in found
    messages = " | ".join(f.message for f in info.value.findings)
    assert "NIP harus 18 digit" in messages
    assert "TTTT-BB-HH" in messages


def test_valid_input_is_cleaned() -> None:
    text = (
        "judul: SK\ntahun: 2026\njenis: sk\n"
        "anggota:\n  - nama: Ani\n    nip: 19800101 200501 1 001\n"
    )
    data = validate(parse_yaml(text, "in.yaml"), SCHEMA)
    assert data["jenis"] == "SK"
    assert data["anggota"][0]["nip"] == "198001012005011001"
    assert data["anggota"][0]["lahir"] is None


def test_nip_rules() -> None:
    assert nip_problems("198001012005011001") == []
    assert format_nip("198001012005011001") == "19800101 200501 1 001"
    assert "bulan" in nip_problems("198001012005131001")[0]
    assert "pria" in nip_problems("198001012005013001")[0]
    assert "tanggal lahir" in nip_problems("198013012005011001")[0]


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2005, 12, 31)),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(0, 999),
)
def test_any_well_formed_nip_is_valid_and_round_trips(
    born: dt.date, month: int, sex: str, serial: int
) -> None:
    nip = f"{born:%Y%m%d}{born.year + 20}{month:02d}{sex}{serial:03d}"
    assert nip_problems(nip) == []
    assert format_nip(nip).replace(" ", "") == nip


def test_impossible_date_is_a_finding_not_a_crash() -> None:
    schema = Record(Field("tanggal", Date()))
    with pytest.raises(InvalidInputError) as info:
        validate(parse_yaml("tanggal: 2026-02-30\n", "in.yaml"), schema)
    (finding,) = info.value.findings
    assert finding.line == 1 and "bukan tanggal" in finding.message


def test_as_date_reads_yaml_dates_and_nothing_else() -> None:
    assert as_date(dt.date(2026, 1, 15)) == dt.date(2026, 1, 15)
    assert as_date(dt.datetime(2026, 1, 15, 9, 30)) == dt.date(2026, 1, 15)
    assert as_date(" 2026-01-15 ") == dt.date(2026, 1, 15)
    assert [as_date(v) for v in ("2026-02-30", "15-01-2026", 20260115, None)] == [None] * 4


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3, "kurung siku '[' belum ditutup"),
        ("a: 1\n\tb: 2\n", 2, "karakter tab; pakai spasi"),
        ("a: b: c\n", 1, "beri tanda kutip pada nilai yang memuat ':'"),
        ('a: "abc\nb: 2\n', 3, "tanda kutip belum ditutup"),
        ("a:\n    b: 1\n  c: 2\n", 3, "indentasi tidak sejajar"),
        ("a: *tebal\n", 1, "nilai diawali '*'"),
    ],
)
def test_yaml_syntax_errors_say_what_to_fix(text: str, line: int, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_yaml(text, "rusak.yaml")
    finding = info.value.findings[0]
    assert (finding.file, finding.line, finding.code) == ("rusak.yaml", line, "yaml-sintaks")
    assert words in finding.message
    assert "found" not in finding.message and "expected" not in finding.message


def test_a_shared_parse_is_reused_for_the_same_bytes_only(tmp_path: Path) -> None:
    path = tmp_path / "isian.yaml"
    path.write_text("jenis: piagam\nnomor: 1\n", encoding="utf-8")
    first = read_yaml_shared(path, display="inputs/isian.yaml")
    assert read_yaml_shared(path, display="inputs/isian.yaml") is first
    assert first.data == load_yaml(path).data and first.file == "inputs/isian.yaml"
    assert read_yaml_shared(path, display="lain.yaml").file == "lain.yaml"  # named as asked
    tick = path.stat()
    path.write_text("jenis: piagam\nnomor: 2\n", encoding="utf-8")  # same size ...
    os.utime(path, ns=(tick.st_atime_ns, tick.st_mtime_ns))  # ... and the same time
    assert read_yaml_shared(path, display="inputs/isian.yaml").data["nomor"] == 2
    path.unlink()
    with pytest.raises(InvalidInputError, match="tidak ditemukan"):
        read_yaml_shared(path, display="inputs/isian.yaml")
