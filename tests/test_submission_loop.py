"""Closing the loop: generated documents into the archive, matched again by their number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from zi_docs.documents.archiving import archive_generated
from zi_docs.documents.generation import GenerateResult, generate
from zi_docs.errors import NotFoundError
from zi_docs.evidence import SearchFilters, add_files, list_files, verify_archive, view
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.numbers import numbers_in
from zi_docs.refs import IndicatorRef
from zi_docs.submission import run_check
from zi_docs.workspace import Workspace

NUMBER = "800.1.2.2/015/DPMPTSP/2026"


def test_numbers_in_text() -> None:
    text = f"KEPUTUSAN KEPALA DINAS\nNOMOR: {NUMBER}\nTENTANG ... Nomor 12 ... nomor : 45/ab/2026"
    assert numbers_in(text) == (NUMBER, "45/ab/2026")
    assert numbers_in("tanpa nomor apa pun") == ()


def test_generated_document_is_archived_tagged_and_matched_by_number(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view, "integrity", lambda _report: ())
    made = generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml", tmp_path / "out")
    (archived,) = archive_generated(workspace, made)
    assert archived.added
    assert IndicatorRef("A.I.1.i.a", "sk-tim") in archived.tags
    stored = view.read_view(workspace).files
    assert len(stored) == 1 and IndicatorRef("A.I.1.i.a", "sk-tim") in stored[0].tags
    assert stored[0].draft  # a konsep: not data dukung until signed
    result = run_check(workspace, dt.date(2026, 11, 1))
    assert not result.completeness.indicator("A.I.1.i.a").items[0].covered
    only_draft = [f for f in result.findings if f.code == "hanya-konsep"]
    assert {f.field for f in only_draft} == {"A.I.1.i.a (P.MP.i.a)", "A.I.1.i.b (P.MP.i.b)"}
    assert IndicatorRef("A.I.1.i.a", "sk-tim") in _tags_for_number(workspace, NUMBER)
    scan = tmp_path / "scan.txt"
    scan.write_text(f"Salinan sesuai aslinya. Keputusan Nomor: {NUMBER} telah ditandatangani.")
    signed = add_files(workspace, [scan]).outcomes[0]
    assert IndicatorRef("A.I.1.i.a", "sk-tim") in signed.matched
    assert signed.superseded == (stored[0].sha256,)
    # the signed version supersedes the konsep, which leaves the live archive (and the bundle)
    assert [f.name for f in view.read_view(workspace).files] == ["scan.txt"]
    after = run_check(workspace, dt.date(2026, 11, 1))
    assert after.completeness.indicator("A.I.1.i.a").items[0].covered
    assert not [f for f in after.findings if f.code == "hanya-konsep"]
    with pytest.raises(NotFoundError):
        add_files(workspace, [scan], same_as="999/999/XX/2020")


def _tags_for_number(workspace: Workspace, number: str) -> list[IndicatorRef]:
    """The archive's ``--sama-dengan`` rule for ``number``."""
    with Archive.open(workspace) as archive:
        return archive.db.tags_for_number(number)


def test_non_generated_file_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "lain.docx"
    import docx

    docx.Document().save(str(other))
    with pytest.raises(NotFoundError):  # a result that serves no indicator
        archive_generated(workspace, GenerateResult("lain", other, (other,)))
    add_files(workspace, [other], indicators=["A.I.1.i.a"])
    assert _tags_for_number(workspace, NUMBER) == []


def _scan(path: Path, *lines: str) -> Path:
    from archive_helpers import write_pdf

    return write_pdf(path, "\n".join(lines))


def test_cli_generate_arsipkan_then_signed_scan_is_tagged_by_its_number(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    made = run_cli("generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "--arsipkan")
    assert made.exit_code == 0, made.output
    assert (
        "diarsipkan sebagai konsep: out/dokumen/sk-tim.docx -> A.I.1.i.a (sk-tim), "
        "A.I.1.i.b (sk-tim)" in made.output
    )
    assert "konsep belum dihitung sebagai data dukung" in made.output
    again = run_cli("generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "--arsipkan")
    assert again.exit_code == 0 and "sk-tim.docx" in again.output
    # A signed scan opens with the SK's own number: tagged like the SK without --indikator.
    scan = _scan(
        tmp_path / "SK Tim ZI ttd.pdf",
        "KEPUTUSAN KEPALA DINAS PENANAMAN MODAL",
        f"NOMOR {NUMBER}",
        "TENTANG PEMBENTUKAN TIM KERJA",
    )
    added = run_cli("archive", "add", str(scan))
    assert added.exit_code == 0, added.output
    assert f"nomor {NUMBER} sama dengan dokumen di arsip" in added.output
    assert "A.I.1.i.a#sk-tim, A.I.1.i.b#sk-tim" in added.output
    assert "1 ditandai otomatis dari nomor dokumen" in added.output
    assert "versi bertanda tangan ini menggantikan konsep" in added.output
    # Notulen with its own number that only cites the SK: no tags taken over.
    notulen = _scan(
        tmp_path / "notulen.pdf",
        "NOTULEN RAPAT Nomor: 005/021/DPMPTSP/2026",
        f"Berdasarkan Keputusan Nomor {NUMBER} tim kerja rapat.",
    )
    cited = run_cli("archive", "add", str(notulen), "--indikator", "P.MP.iii.b", "--json")
    assert cited.exit_code == 0
    outcome = json.loads(cited.stdout)["ditambahkan"][0]
    assert outcome["nomor"] == "005/021/DPMPTSP/2026" and outcome["tag_dari_nomor"] == []
    listing = {f.name: f.tags for f in list_files(workspace).files}
    assert IndicatorRef("A.I.1.i.a", "sk-tim") in listing["SK Tim ZI ttd.pdf"]
    assert listing["notulen.pdf"] == (IndicatorRef("A.I.1.iii.b"),)


def test_cli_add_sama_dengan_takes_the_tags_of_the_numbered_document(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert (
        run_cli(
            "generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "--arsipkan"
        ).exit_code
        == 0
    )
    photo = tmp_path / "foto penandatanganan.png"
    from archive_helpers import make_png

    make_png(photo)
    result = run_cli("archive", "add", str(photo), "--sama-dengan", NUMBER)
    assert result.exit_code == 0, result.output
    assert "Tag dari dokumen bernomor sama: A.I.1.i.a#sk-tim, A.I.1.i.b#sk-tim" in result.output
    stored = next(f for f in list_files(workspace).files if f.name == photo.name)
    assert stored.tags == (IndicatorRef("A.I.1.i.a", "sk-tim"), IndicatorRef("A.I.1.i.b", "sk-tim"))
    unknown = run_cli("archive", "add", str(photo), "--sama-dengan", "999/999/XX/2020")
    assert unknown.exit_code == 1
    assert "tidak ada berkas bertanda di arsip yang memuat nomor '999/999/XX/2020'" in (
        unknown.output + unknown.stderr
    )


@pytest.mark.libreoffice
def test_cli_generate_pdf_arsipkan_archives_the_pdf(run_cli, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "--pdf", "--arsipkan"
    )
    assert result.exit_code == 0, result.output
    assert (
        "diarsipkan sebagai konsep: out/dokumen/sk-tim.pdf -> A.I.1.i.a (sk-tim)" in result.output
    )
    names = [f.name for f in list_files(workspace).files]
    assert names == ["sk-tim.pdf"]
    assert _tags_for_number(workspace, NUMBER) == [
        IndicatorRef("A.I.1.i.a", "sk-tim"),
        IndicatorRef("A.I.1.i.b", "sk-tim"),
    ]


def test_regenerating_replaces_the_konsep_instead_of_adding_a_copy(
    run_cli, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    sk = workspace.inputs_dir / "sk-tim.yaml"
    assert run_cli("generate", "sk-tim", str(sk), "--arsipkan").exit_code == 0
    first = [f for f in view.read_view(workspace).files if f.draft]
    sk.write_text(
        sk.read_text(encoding="utf-8").replace("mempunyai tugas:", "bertugas:"),
        encoding="utf-8",
    )
    again = run_cli("generate", "sk-tim", str(sk), "--arsipkan")
    assert again.exit_code == 0, again.output
    assert "konsep sebelumnya dari dokumen ini diganti" in again.output
    live = view.read_view(workspace).files
    assert len(live) == 1 and live[0].draft and live[0].sha256 != first[0].sha256
    trashed = list(list_files(workspace, SearchFilters(trashed=True)).files)
    assert [f.sha256 for f in trashed] == [first[0].sha256]
    report = verify_archive(workspace)  # the replaced konsep left the search index too
    assert report.ok, [str(f) for f in report.findings]


def test_a_signed_pdf_named_with_sama_dengan_supersedes_the_konsep(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "--arsipkan")
    tte = _scan(tmp_path / "SK bertanda tangan elektronik.pdf", "Dokumen ini ditandatangani")
    added = run_cli("archive", "add", str(tte), "--sama-dengan", NUMBER, "--json")
    assert added.exit_code == 0, added.output
    outcome = json.loads(added.stdout)["ditambahkan"][0]
    assert outcome["konsep"] is False and len(outcome["menggantikan_konsep"]) == 1
    live = view.read_view(workspace).files
    assert [(f.name, f.draft) for f in live] == [("SK bertanda tangan elektronik.pdf", False)]
    assert IndicatorRef("A.I.1.i.a", "sk-tim") in live[0].tags
    report = verify_archive(workspace)  # the superseded konsep left the search index too
    assert report.ok, [str(f) for f in report.findings]
