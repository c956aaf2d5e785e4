"""Completeness findings, the traffic-light rule, and the check command."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3

import pytest
from submission_helpers import Fake, make_archive, write_answers

from zi_docs.evidence import ArchiveView, store_listing, view
from zi_docs.findings import Finding, Severity, by_kind
from zi_docs.submission.check import run_check
from zi_docs.submission.completeness import assess
from zi_docs.submission.documents_engine import generator_hint
from zi_docs.submission.rollup import Light, group_status, light_for
from zi_docs.workspace import Workspace

TODAY = dt.date(2026, 11, 1)
IN_YEAR = dt.date(2026, 3, 1)


@pytest.fixture
def no_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """Integrity is tested separately; the fake archives have no search index."""
    monkeypatch.setattr(view, "integrity", lambda _report: ())


def codes(result: object, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]  # type: ignore[attr-defined]


def test_every_finding_kind(workspace: Workspace, no_verify: None) -> None:
    write_answers(
        workspace,
        {
            "A.I.1.i.a": "Ya",  # top, required sk-tim missing (only undangan given)
            "A.I.1.ii.a": "Ya",  # top, no evidence at all
            "A.I.1.i.b": "B",  # not top, required missing -> info with no generator
            "A.I.1.iii.a": "B",  # laporan-monev missing -> generator hint
        },
    )
    make_archive(
        workspace,
        [
            Fake("undangan.pdf", b"u", [("A.I.1.i.a", "undangan")], IN_YEAR),
            Fake("lama.pdf", b"old", [("A.I.1.i.b", None)], dt.date(2024, 5, 1), "Notulen lama"),
            Fake("hantu.pdf", b"ghost", [("Z.9.9", None)], IN_YEAR),
            Fake("butir.pdf", b"item", [("A.I.1.i.b", "tidak-ada")], IN_YEAR),
            Fake("lepas.pdf", b"loose", [], IN_YEAR),
        ],
    )
    result = run_check(workspace, TODAY)
    assert [f.field for f in codes(result, "wajib-kurang")] == ["A.I.1.i.a (P.MP.i.a)"]
    assert "sk-tim inputs/sk-tim.yaml" in codes(result, "wajib-kurang")[0].message
    assert [f.field for f in codes(result, "tanpa-bukti")] == ["A.I.1.ii.a (P.MP.ii.a)"]
    assert len(codes(result, "belum-dijawab")) == 113 - 4 - 3  # hasil answered in example
    assert [f.file for f in codes(result, "di-luar-periode")] == ["lama.pdf"]
    assert [f.file for f in codes(result, "indikator-tak-dikenal")] == ["hantu.pdf"]
    assert [f.file for f in codes(result, "butir-tak-dikenal")] == ["butir.pdf"]
    assert [f.file for f in codes(result, "belum-ditandai")] == ["lepas.pdf"]
    monev = [f for f in codes(result, "butir-kurang") if f.field == "A.I.1.iii.a (P.MP.iii.a)"]
    assert "zi-docs generate laporan-monev inputs/" in monev[0].message
    severities = {f.code: f.severity for f in result.findings}
    assert severities["tanpa-bukti"] is Severity.ERROR
    assert severities["di-luar-periode"] is Severity.WARNING
    assert severities["butir-kurang"] is Severity.INFO
    assert not result.complete
    status = result.completeness.indicator("A.I.1.i.b")
    assert status.has_evidence and not status.complete  # unknown item counts as evidence


def test_integrity_findings_come_from_archive_verify(workspace: Workspace) -> None:
    digests = make_archive(workspace, [Fake("a.pdf", b"abc", [("A.I.1.i.a", "sk-tim")])])
    stored = workspace.archive_dir / "objects" / digests[0][:2] / digests[0]
    stored.chmod(0o644)
    stored.write_bytes(b"abcd")
    result = run_check(workspace, TODAY)
    assert "integritas-ukuran" in {f.code for f in result.findings}
    ro = view.read_view(workspace, read_only=True)
    assert [f.code for f in ro.integrity] == ["integritas-ukuran"]
    message = ro.integrity[0].message
    assert "a.pdf" in message and "zi-docs archive verify" in message


@pytest.fixture(params=["here", "child"])
def listed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The objects folder listed in this process, or (as for a large archive) in a child."""
    if request.param == "child":
        monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    return str(request.param)


def test_the_shared_pass_finds_what_archive_verify_cepat_finds(
    workspace: Workspace, listed: str
) -> None:
    """check reads the rows once and lists the objects once for its view and its quick
    verify: a missing, a size-changed and an unexpected object are still found, with the same
    problems as ``archive verify --cepat``; a killed writer's temporary file is removed."""
    from zi_docs.evidence.filing import verify_archive

    fakes = [Fake(f"{n}.pdf", f"isi {n}".encode(), [("A.I.1.i.a", "sk-tim")]) for n in "abc"]
    digests = make_archive(workspace, fakes)
    objects = workspace.archive_dir / "objects"
    (objects / digests[0][:2] / digests[0]).unlink()
    changed = objects / digests[1][:2] / digests[1]
    changed.chmod(0o644)
    changed.write_bytes(b"lebih panjang dari semula")
    stray = "f" * 64
    (objects / "ff").mkdir(exist_ok=True)
    (objects / "ff" / stray).write_bytes(b"x")
    temporary = objects / digests[2][:2] / f".tmp-{digests[2][:16]}-999999"
    temporary.write_bytes(b"sisa penulis yang terhenti")
    result = view.read_view(workspace)
    assert not temporary.exists()
    assert [f.name for f in result.files] == ["a.pdf", "b.pdf", "c.pdf"]  # the view is whole
    found = {f.code: f for f in result.integrity if f.code != "integritas-indeks-rusak"}
    assert sorted(found) == ["integritas-hilang", "integritas-tak-terduga", "integritas-ukuran"]
    assert "a.pdf" in found["integritas-hilang"].message
    assert "b.pdf" in found["integritas-ukuran"].message
    assert found["integritas-tak-terduga"].file == f"archive/objects/ff/{stray}"
    alone = verify_archive(workspace, quick=True)
    assert [f"integritas-{f.code}" for f in alone.findings] == [f.code for f in result.integrity]
    assert [f.message for f in alone.findings] == [f.message for f in result.integrity]
    codes_found = {f.code for f in run_check(workspace, TODAY).findings}
    assert {"integritas-hilang", "integritas-ukuran", "integritas-tak-terduga"} <= codes_found


def test_the_files_are_read_while_the_objects_are_being_listed(
    workspace: Workspace, listed: str
) -> None:
    """Inside ``open_view`` (check's assessment) the files are there before the listing is
    asked for: what a killed writer left is repaired when the integrity is first read, and
    the view is complete when the block ends."""
    digests = make_archive(workspace, [Fake("a.pdf", b"isi a", [("A.I.1.i.a", "sk-tim")])])
    objects = workspace.archive_dir / "objects"
    temporary = objects / digests[0][:2] / f".tmp-{digests[0][:16]}-999999"
    temporary.write_bytes(b"sisa penulis yang terhenti")
    (objects / digests[0][:2] / digests[0]).unlink()
    with view.open_view(workspace) as opened:
        assert [f.name for f in opened.files] == ["a.pdf"]
        assert temporary.exists()  # the quick verify waits for the listing
    assert not temporary.exists()
    assert "integritas-hilang" in {f.code for f in opened.integrity}


@pytest.mark.parametrize(
    ("complete", "share", "light"),
    [
        (True, 0.60, Light.GREEN),  # exactly the minimum counts as above
        (True, 0.6 - 1e-6, Light.YELLOW),
        (False, 0.60, Light.YELLOW),
        (False, 0.5999, Light.RED),
        (True, 1.0, Light.GREEN),
        (False, 0.0, Light.RED),
    ],
)
def test_traffic_light_edges(complete: bool, share: float, light: Light) -> None:
    assert light_for(complete, share, 0.60) is light


def test_float_rounding_at_the_minimum() -> None:
    # 2.4 / 4.0 and 0.3 * 2: values that land a hair under 0.6 in binary floating point
    assert light_for(True, (0.1 + 0.2) * 2, 0.6) is Light.GREEN
    assert light_for(True, 2.4 / 4.0, 0.6) is Light.GREEN


def test_complete_means_answered_evidence_and_required_items(
    workspace: Workspace, no_verify: None
) -> None:
    write_answers(workspace, {"A.I.1.i.a": "Ya", "A.I.1.i.b": "A"})
    make_archive(
        workspace,
        [
            Fake("sk.pdf", b"sk", [("A.I.1.i.a", "sk-tim")], IN_YEAR),
            Fake("mek.pdf", b"mek", [("A.I.1.i.b", "mekanisme-pemilihan")], IN_YEAR),
        ],
    )
    result = run_check(workspace, TODAY)
    sub = result.rollup.group("A.I.1.i")
    # optional items missing do not make the sub incomplete
    assert sub.complete and sub.items_percent < 100
    assert sub.required_covered == sub.required_items
    assert sub.share == pytest.approx(1.0) and sub.light is Light.GREEN
    one = result.completeness.indicator("A.I.1.i.a")
    group = group_status("x", "sub", "x", [one], 0.5, 1.0, 0.6)
    assert group.complete and group.light is Light.YELLOW  # complete but below minimum
    unanswered = result.completeness.indicator("A.I.1.ii.a")
    assert not group_status("y", "sub", "y", [one, unanswered], 1, 1, 0.6).complete


def test_check_cli_exit_codes_and_outputs(
    run_cli,
    workspace: Workspace,
    no_verify: None,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
) -> None:
    result = run_cli("check")
    assert result.exit_code == 3, result.output
    assert "Manajemen Perubahan" in result.output and "Prasyarat pengajuan" in result.output
    drill = run_cli("check", "--area", "mp")
    assert "A.I.1.i.a (P.MP.i.a)" in drill.output and "Penyusunan Tim Kerja" in drill.output
    data = json.loads(run_cli("check", "--json").output)
    assert data["lengkap"] is False and len(data["indikator"]) == 113
    markdown = run_cli("check", "--markdown").output
    assert markdown.startswith("# Kelengkapan Data Dukung")
    assert run_cli("check", "--area", "XYZ").exit_code == 2  # unknown option value: usage
    # a workspace where everything is in place exits 0
    catalogue = workspace.catalogue
    answers = {}
    for node in catalogue.questions():
        if node.answer_type == "PERSEN":
            answers[node.id] = {"persen": 100}
        elif node.part != "hasil":
            answers[node.id] = catalogue.options(node.answer_type or "")[0]
    write_answers(workspace, answers)
    fakes = [
        Fake(f"{n.id}-{c.key}.pdf", f"{n.id}{c.key}".encode(), [(n.id, c.key)], IN_YEAR)
        for n in catalogue.questions()
        for c in n.checklist
        if c.required
    ]
    make_archive(workspace, fakes)
    text = workspace.unit_file.read_text(encoding="utf-8")
    text = text.replace("lhkasn_persen: 96.5", "lhkasn_persen: 100")
    workspace.unit_file.write_text(text.replace("sptjm: false", "sptjm: true"), encoding="utf-8")
    monev = workspace.inputs_dir / "laporan-monev-tw3.yaml"
    consistent = (  # the example's monev cites the SK as it is and is signed by its Ketua
        monev.read_text(encoding="utf-8")
        .replace("Nomor 000.8/012/DPMPTSP/2026", "Nomor 800.1.2.2/015/DPMPTSP/2026")
        .replace("Ir. Bambang Sutrisno, M.T.", "Ir. Bambang Supriyadi, M.M.")
        .replace('"197208151998031005"', '"197108151998031005"')
    )
    monev.write_text(consistent, encoding="utf-8")
    done = run_cli("check")
    assert done.exit_code == 0, done.output
    assert "Temuan: 0 galat, 0 peringatan" in done.output
    assert "merah" not in done.output and "kuning" not in done.output


def test_findings_by_kind_put_error_kinds_first_and_keep_their_order() -> None:
    warn = Severity.WARNING
    found = [
        Finding("w1", warn, code="usang"),
        Finding("e1", code="tanpa-bukti"),
        Finding("w2", warn, code="usang"),
        Finding("m1", warn, code="campur"),
        Finding("m2", code="campur"),  # one error makes the whole kind an error kind
        Finding("e2", code="tanpa-bukti"),
    ]
    grouped = by_kind(found)
    assert [code for code, _ in grouped] == ["tanpa-bukti", "campur", "usang"]
    assert [[f.message for f in group] for _, group in grouped] == [
        ["e1", "e2"],
        ["m1", "m2"],
        ["w1", "w2"],
    ]
    assert by_kind([]) == []


def test_read_archive_without_catalogue(workspace: Workspace) -> None:
    assert view.read_view(workspace) == ArchiveView(files=())


def test_completeness_from_the_rows_is_completeness_from_the_values(
    workspace: Workspace, no_verify: None
) -> None:
    """check reads the archive as columns and builds only the files a finding names; the
    values (what rekap reads, and clients of the view) must give the same completeness."""
    write_answers(workspace, {"A.I.1.i.a": "Ya", "A.I.1.i.b": "B", "A.I.1.ii.a": "Ya"})
    shas = make_archive(
        workspace,
        [
            Fake("b.pdf", b"b", [("A.I.1.i.b", None), ("A.I.1.i.a", "undangan")], IN_YEAR),
            Fake("a.pdf", b"a", [("A.I.1.i.a", "sk-tim")], dt.date(2024, 5, 1), "SK lama"),
            Fake("c.pdf", b"c", [("P.MP.i.a", None), ("Z.9", "x")], IN_YEAR),
            Fake("d.pdf", b"d", [("A.I.1.i.a", "sk-tim")], IN_YEAR),
            Fake("konsep.docx", b"k", [("A.I.1.ii.a", None)], dt.date(2020, 1, 1)),
            Fake("lepas.pdf", b"l", []),
            Fake("e.pdf", b"e", [("A.I.1.i.b", "tidak-ada")], IN_YEAR),
        ],
    )
    conn = sqlite3.connect(workspace.archive_dir / "catalog.sqlite")
    with conn:
        conn.execute("INSERT INTO drafts (sha256, key) VALUES (?, 'k')", (shas[4],))
    conn.close()
    from_rows = run_check(workspace, TODAY)
    files = view.read_view(workspace).files
    values = ArchiveView(files=files)
    report = from_rows.report
    window = workspace.profile.evidence_window
    from_values = assess(report.catalogue, report.score, values, window, generator_hint)
    assert from_rows.completeness.indicators == from_values.indicators
    assert from_rows.completeness.findings == from_values.findings
    assert (
        dict(from_rows.completeness.files) == dict(from_values.files) == {f.ref: f for f in files}
    )
    assert shas[0][:12] in from_rows.completeness.files
    assert {"belum-ditandai", "di-luar-periode", "indikator-tak-dikenal", "hanya-konsep"} <= {
        f.code for f in from_rows.findings
    }
    assert from_rows.archive == values


def test_a_file_tagged_several_ways_to_one_indicator_is_listed_once(
    workspace: Workspace, no_verify: None
) -> None:
    shas = make_archive(
        workspace,
        [
            Fake("sk.pdf", b"sk", [("A.I.1.i.a", "sk-tim"), ("A.I.1.i.a", None)], IN_YEAR),
            Fake("u.pdf", b"u", [("A.I.1.i.a", "undangan"), ("P.MP.i.a", "undangan")], IN_YEAR),
            Fake("x.pdf", b"x", [("A.I.1.i.a", "tidak-ada"), ("A.I.1.i.a", "sk-tim")], IN_YEAR),
        ],
    )
    status = run_check(workspace, TODAY).completeness.indicator("A.I.1.i.a")
    sk, u, x = (sha[:12] for sha in shas)
    # archive order, each file once, although tagged to the indicator two ways
    assert sorted(status.files) == sorted([sk, u, x]) and len(status.files) == 3
    items = {i.key: i.files for i in status.items}
    assert sorted(items["sk-tim"]) == sorted([sk, x])
    assert items["undangan"] == (u,)  # the alias and the id are one indicator


def test_check_docx_signs_below_its_last_table_with_place_and_paper(
    run_cli,
    workspace: Workspace,
    no_verify: None,  # type: ignore[no-untyped-def]
    tmp_path,
) -> None:
    import docx

    out = tmp_path / "kelengkapan.docx"
    assert run_cli("check", "--docx", str(out)).exit_code == 3
    document = docx.Document(str(out))
    closing = document.tables[-1].rows[-1].cells[0].text
    kota = workspace.profile.data["unit"]["kota"]
    # the signature block is the last row of the gates table: it never stands alone
    assert closing.strip().startswith(f"{kota}, ") and "NIP." in closing
    assert round(document.sections[0].page_height.mm) == round(workspace.profile.page.height_mm)


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_the_child_compares_a_sound_archive_so_check_need_not(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large archive's child, given the catalogue, finds every object there with its size
    and sends no sizes back; the quick verify takes its word (same rows and bytes)."""
    fakes = [Fake(f"{n}.pdf", f"isi {n}".encode(), [("A.I.1.i.a", "sk-tim")]) for n in "abc"]
    make_archive(workspace, fakes)
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    seen: list[store_listing.ObjectListing] = []
    result = store_listing.PendingListing.result

    def spied(self: store_listing.PendingListing) -> store_listing.ObjectListing:
        seen.append(result(self))
        return seen[-1]

    monkeypatch.setattr(store_listing.PendingListing, "result", spied)
    checked = view.read_view(workspace)
    assert [(s.sizes, s.matched) for s in seen] == [({}, (3, len(b"isi a") * 3))]
    assert [f.code for f in checked.integrity if f.code != "integritas-indeks-rusak"] == []


def test_a_writer_between_the_childs_read_and_ours_is_compared_here(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child agreed with the catalogue as it was a moment earlier (other rows, other
    bytes): the quick verify lists the objects again and compares them with its own rows."""
    digests = make_archive(workspace, [Fake("a.pdf", b"isi a", [("A.I.1.i.a", "sk-tim")])])
    (workspace.archive_dir / "objects" / digests[0][:2] / digests[0]).unlink()
    stale = store_listing.ObjectListing({}, [], [], (2, 10))
    monkeypatch.setattr(store_listing.PendingListing, "result", lambda _self: stale)
    checked = view.read_view(workspace)
    assert "integritas-hilang" in {f.code for f in checked.integrity}


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_check_lists_the_objects_from_its_start_and_stops_the_child_on_an_error(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing starts before the answers are scored; when scoring fails (a broken
    lke.yaml) the error is the user's, and the child is stopped, not left behind."""
    from zi_docs import assessment
    from zi_docs.errors import ZiError

    make_archive(workspace, [Fake("a.pdf", b"isi a", [("A.I.1.i.a", "sk-tim")])])
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    events: list[str] = []
    children: list[object] = []
    start, score = store_listing.start_listing, assessment.score_workspace

    def started(*args: object) -> store_listing.PendingListing:
        events.append("daftar")
        pending = start(*args)  # type: ignore[arg-type]
        children.append(pending._child)
        return pending

    def scored(ws: Workspace) -> object:
        events.append("nilai")
        return score(ws)

    monkeypatch.setattr(store_listing, "start_listing", started)
    monkeypatch.setattr(assessment, "score_workspace", scored)
    run_check(workspace, TODAY)
    assert events == ["daftar", "nilai"]
    workspace.answers_file.write_text("jawaban: [tidak, lengkap\n", encoding="utf-8")
    with pytest.raises(ZiError):
        run_check(workspace, TODAY)
    child = children[-1]
    assert child is not None and child.returncode is not None  # type: ignore[attr-defined]
