"""Adding files: every bad input rejected with one clear line, dedupe, tags, dates, audit."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from archive_helpers import make_docx, make_encrypted_pdf, make_png, make_zip, write_pdf

from zi_docs import evidence
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace


def _stored_objects(workspace: Workspace) -> list[Path]:
    return sorted(p for p in (workspace.archive_dir / "objects").rglob("*") if p.is_file())


def _bad_inputs(folder: Path) -> dict[str, Path]:
    """One file per bad-input case, keyed by the rejection code expected."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "rusak": folder / "rusak.pdf",
        "berpassword": make_encrypted_pdf(folder / "berpassword.pdf", "Rahasia negara"),
        "kosong": folder / "kosong.pdf",
        "jenis-tak-didukung": make_zip(folder / "arsip.zip"),
        "terlalu-besar": folder / "besar.txt",
        "tautan-rusak": folder / "tautan.pdf",
    }
    truncated = write_pdf(folder / "tmp.pdf", ["Undangan rapat"] * 3).read_bytes()
    cases["rusak"].write_bytes(truncated[: len(truncated) // 3])
    (folder / "tmp.pdf").unlink()
    cases["kosong"].write_bytes(b"")
    cases["terlalu-besar"].write_text("x" * 2_100_000, encoding="utf-8")
    os.symlink(folder / "tidak-ada.pdf", cases["tautan-rusak"])
    return cases


def test_every_bad_input_is_rejected_with_a_reason_and_the_batch_goes_on(
    workspace: Workspace, tmp_path: Path
) -> None:
    cases = _bad_inputs(tmp_path / "masuk")
    good = write_pdf(tmp_path / "masuk" / "undangan.pdf", "Undangan rapat tim ZI")
    odd = tmp_path / "masuk" / os.fsdecode(b"nota\xff.txt")
    odd.write_text("isi nota", encoding="utf-8")
    report = evidence.add_files(workspace, [tmp_path / "masuk"], indicators=["P.MP.i.a"], max_mb=2)
    codes = {Path(r.source).name: r.code for r in report.rejected}
    for code, path in cases.items():
        assert codes[path.name] == code, (path.name, codes)
    assert codes["nota\ufffd.txt"] == "nama-tak-sah"
    assert [o.name for o in report.added] == [good.name]
    for rejection in report.rejected:
        assert rejection.reason and ";" in rejection.reason  # what is wrong; what to do
    assert len(_stored_objects(workspace)) == 1  # rejected files leave no trace
    listed = evidence.list_files(workspace).files
    assert [f.name for f in listed] == ["undangan.pdf"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files with mode 000")
def test_unreadable_file_is_rejected(workspace: Workspace, tmp_path: Path) -> None:
    locked = write_pdf(tmp_path / "terkunci.pdf", "SK")
    locked.chmod(0)
    try:
        report = evidence.add_files(workspace, [locked])
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [r.code for r in report.rejected] == ["tak-terbaca"]
    assert _stored_objects(workspace) == []


def test_unreadable_file_is_rejected_even_as_root(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads mode-000 files, so the permission error is simulated at the read."""
    from zi_docs.evidence import incoming

    def denied(path: Path) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(incoming, "detect", denied)
    report = evidence.add_files(workspace, [write_pdf(tmp_path / "terkunci.pdf", "SK")])
    assert [r.code for r in report.rejected] == ["tak-terbaca"]
    assert "izin" in report.rejected[0].reason
    assert _stored_objects(workspace) == []


def test_same_bytes_again_adds_tags_not_a_copy(workspace: Workspace, tmp_path: Path) -> None:
    first = write_pdf(tmp_path / "SK TIM.pdf", "Keputusan Kepala Dinas tentang Tim ZI")
    second = tmp_path / "salinan" / "SK Tim (1).pdf"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())
    one = evidence.add_files(workspace, [first], indicators=["P.MP.i.a"], item="sk-tim")
    two = evidence.add_files(workspace, [second], indicators=["P.MP.i.b"], item="sk-tim")
    assert len(one.added) == 1 and not two.added
    assert two.present[0].new_tags == (IndicatorRef("A.I.1.i.b", "sk-tim"),)
    assert len(_stored_objects(workspace)) == 1
    stored = evidence.show(workspace, one.added[0].sha256[:8]).file
    assert stored.names == ("SK TIM.pdf", "SK Tim (1).pdf")  # in the order seen
    assert stored.tags == (IndicatorRef("A.I.1.i.a", "sk-tim"), IndicatorRef("A.I.1.i.b", "sk-tim"))
    three = evidence.add_files(workspace, [second], indicators=["P.MP.i.b"], item="sk-tim")
    assert three.present[0].new_tags == ()


def test_duplicate_inside_one_batch_is_stored_once(workspace: Workspace, tmp_path: Path) -> None:
    a = write_pdf(tmp_path / "a.pdf", "Notulen")
    b = tmp_path / "b.pdf"
    b.write_bytes(a.read_bytes())
    report = evidence.add_files(workspace, [a, b])
    assert len(report.added) == 1 and len(report.present) == 1
    assert len(_stored_objects(workspace)) == 1


def test_recorded_fields_and_dates(workspace: Workspace, tmp_path: Path) -> None:
    from_meta = write_pdf(tmp_path / "Notulen Rapat.pdf", "Notulen", created=dt.date(2026, 3, 2))
    given = make_docx(tmp_path / "Cafe\u0301.docx", ["Daftar hadir rapat"], [["No", "Nama"]])
    evidence.add_files(workspace, [from_meta], indicators=["1.i.a"], item="notulen")
    evidence.add_files(
        workspace,
        [given],
        indicators=["1.i.a"],
        item="daftar-hadir",
        doc_date=dt.date(2026, 2, 1),
        title="Daftar Hadir",
        notes="rapat pertama",
    )
    files = {f.name: f for f in evidence.list_files(workspace).files}
    meta = files["Notulen Rapat.pdf"]
    assert (meta.kind, meta.doc_date, meta.date_source) == ("pdf", dt.date(2026, 3, 2), "metadata")
    assert meta.title == "Notulen Rapat" and meta.pages == 1 and meta.text_status == "ok"
    now = dt.datetime.now(dt.timezone.utc)
    assert abs((now - meta.added_at).total_seconds()) < 120  # added date kept apart
    named = files["Café.docx"]  # NFC-normalised
    assert named.name == "Caf\u00e9.docx"
    assert (named.doc_date, named.date_source, named.title, named.notes) == (
        dt.date(2026, 2, 1),
        "tanggal",
        "Daftar Hadir",
        "rapat pertama",
    )
    assert named.kind == "docx" and named.mime.endswith("wordprocessingml.document")
    assert "Daftar hadir rapat" in evidence.show(workspace, "Café.docx").text_excerpt


def test_type_comes_from_content_not_extension(workspace: Workspace, tmp_path: Path) -> None:
    png_named_pdf = make_png(tmp_path / "foto.pdf")
    report = evidence.add_files(workspace, [png_named_pdf])
    assert report.rejected == ()
    assert evidence.list_files(workspace).files[0].kind == "png"


def test_unknown_indicator_or_item_stops_before_anything_is_added(
    workspace: Workspace, tmp_path: Path
) -> None:
    pdf = write_pdf(tmp_path / "a.pdf", "x")
    with pytest.raises(NotFoundError) as err:
        evidence.add_files(workspace, [pdf], indicators=["P.MP.i.z"])
    assert "P.MP.i.z" in err.value.message
    with pytest.raises(InvalidInputError) as bad:
        evidence.add_files(workspace, [pdf], indicators=["P.MP.i.a", "X.Y"], item="sk-tim-salah")
    assert {f.code for f in bad.value.findings} == {"indikator-tak-dikenal", "butir-tak-dikenal"}
    assert _stored_objects(workspace) == []


def test_audit_log_records_who_when_what(workspace: Workspace, tmp_path: Path) -> None:
    import getpass

    pdf = write_pdf(tmp_path / "a.pdf", "x")
    sha = evidence.add_files(workspace, [pdf], indicators=["P.MP.i.a"]).added[0].sha256
    evidence.tag(workspace, sha, ["P.MP.i.b"])
    evidence.untag(workspace, sha, ["P.MP.i.a"])
    evidence.remove(workspace, [sha])
    evidence.restore(workspace, [sha])
    entries = evidence.audit_log(workspace)
    assert [e.action for e in entries] == ["tambah", "tambah-tag", "hapus-tag", "buang", "pulihkan"]
    assert {e.who for e in entries} == {getpass.getuser()}
    assert all(e.sha256 == sha and e.at.tzinfo is not None for e in entries)
    assert "A.I.1.i.b" in entries[1].detail


def test_cli_add_summary_exit_code_and_json(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    good = write_pdf(tmp_path / "undangan.pdf", "Undangan")
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    result = run_cli(
        "archive",
        "add",
        str(good),
        str(empty),
        "-i",
        "P.MP.i.a",
        "--butir",
        "undangan",
        "--tanggal",
        "2026-01-15",
    )
    assert result.exit_code == 1
    assert "+ ditambahkan  " in result.output and "A.I.1.i.a#undangan" in result.output
    assert "kosong.txt: berkas kosong (0 bita)" in result.output
    assert "Ringkasan: 1 ditambahkan, 0 sudah ada, 1 ditolak." in result.output
    again = run_cli("archive", "add", str(good), "--json")
    assert again.exit_code == 0
    data = json.loads(again.output)
    assert data["ditambahkan"] == [] and data["sudah_ada"][0]["nama"] == "undangan.pdf"
    bad_date = run_cli("archive", "add", str(good), "--tanggal", "15-01-2026")
    assert bad_date.exit_code == 2 and "TTTT-BB-HH" in bad_date.output


def test_cli_keeps_pypdf_warnings_off_the_terminal(
    run_cli, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "rusak.pdf"
    full = write_pdf(tmp_path / "utuh.pdf", ["Undangan rapat"] * 3).read_bytes()
    broken.write_bytes(full[: len(full) // 3])
    result = run_cli("archive", "add", str(broken), "--indikator", "P.MP.i.a")
    assert result.exit_code == 1
    assert "! ditolak      " in result.stderr and "rusak.pdf" in result.stderr
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert "EOF" not in result.stderr


def test_schema_1_archive_gets_its_document_numbers_backfilled(
    workspace: Workspace, tmp_path: Path
) -> None:
    import sqlite3

    sk = write_pdf(tmp_path / "sk.pdf", "KEPUTUSAN\nNOMOR 800/015/DPMPTSP/2026\nTENTANG TIM")
    evidence.add_files(workspace, [sk], indicators=["P.MP.i.a"], item="sk-tim")
    db = workspace.archive_dir / "catalog.sqlite"
    with sqlite3.connect(db) as conn:  # as an archive written before schema 2 looks
        conn.execute("DROP TABLE numbers")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema'")
    scan = write_pdf(tmp_path / "scan.pdf", "Salinan\nNomor: 800/015/DPMPTSP/2026\nttd")
    outcome = evidence.add_files(workspace, [scan]).outcomes[0]
    assert outcome.number == "800/015/DPMPTSP/2026"
    assert outcome.matched == (IndicatorRef("A.I.1.i.a", "sk-tim"),)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (ValueError("berubah"), "berubah selama disalin ke arsip"),
        (OSError(28, "No space left on device"), "periksa ruang disk"),
    ],
)
def test_a_file_that_cannot_be_stored_is_rejected_with_what_to_do(
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    words: str,
) -> None:
    from zi_docs.evidence.store import ObjectStore

    def fail(self: ObjectStore, source: Path, sha256: str) -> Path:
        raise error

    monkeypatch.setattr(ObjectStore, "put", fail)
    report = evidence.add_files(workspace, [write_pdf(tmp_path / "sk.pdf", "SK")])
    assert [(r.code, words in r.reason) for r in report.rejected] == [("gagal-simpan", True)]
    assert report.outcomes == () and evidence.list_files(workspace).files == ()
