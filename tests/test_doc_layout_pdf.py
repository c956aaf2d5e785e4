"""Rendered pages (LibreOffice PDF) of every document kind, on F4 and A4 each in Arial and in
Bookman Old Style, short and long input.

What an evaluator or a Kasubag Umum sends back, as checks on the PDF's words:
* no page holds only a signature block, and no page is empty;
* a table whose first row is a (shaded) header shows that header on every page it continues;
* every page after the first carries its number in the naskah dinas form "- 2 -";
* no word of 8 letters or more in a table cell is cut: each appears whole among the PDF's words;
* no NIP in a table cell is broken over two lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from layout_inputs import (
    EIGHT_LANES,
    EXTRA_FILES,
    LONG,
    PAPERS,
    SHORT,
    STYLES,
    long_sop,
    make_workspace,
    write_input,
)
from page_words import (
    NIP,
    Page,
    cell_nips,
    docx_tables,
    letter_runs,
    long_cell_words,
    pdf_pages,
    squeeze,
)

from zi_docs.documents.formatting import DAYS, MONTHS
from zi_docs.documents.generation import render_documents
from zi_docs.documents.pdf import convert_to_pdf
from zi_docs.documents.registry import all_kinds
from zi_docs.workspace import Workspace

pytestmark = pytest.mark.libreoffice

LENGTHS = {"pendek": SHORT, "panjang": LONG}
SINGLE_PAGE_EACH = {"pakta-integritas", "surat-pernyataan"}
"""Kinds that print one statement per page (each page its own document): no page numbers."""
SIGNATURE_WORDS = {
    "ditetapkan",
    "di",
    "pada",
    "tanggal",
    "nip",
    "mengetahui",
    "yang",
    "membuat",
    "pernyataan",
    "an",
    "ub",
    "plt",
    "plh",
    *(m.casefold() for m in MONTHS),
    *(d.casefold() for d in DAYS),
    # the signers' titles the kinds write themselves (not in any input)
    *("ketua", "tim", "kerja", "pembangunan", "zona", "integritas"),
    *("pimpinan", "rapat", "notulis", "pelapor"),
}


@dataclass(frozen=True)
class Rendered:
    docx: Path
    pdf: Path
    data: dict[str, Any]
    workspace: Workspace


CASES = [(kind, style, length) for kind in sorted(SHORT) for style in STYLES for length in LENGTHS]
"""Every kind, short and long, on both papers in both fonts."""
SIGNATURE_ALONE: dict[tuple[str, str, str], str] = {}
"""Known layout defects of test_no_page_holds_only_a_signature_or_nothing."""
HEADER_MISSING: dict[tuple[str, str, str], str] = {}
"""Known layout defects of test_tables_repeat_their_header_on_every_page."""


def _params(known: dict[tuple[str, str, str], str]) -> list[Any]:
    """CASES, the known defects marked strict xfail (a case that starts passing must be
    un-marked)."""
    return [
        pytest.param(
            case,
            id="-".join(case),
            marks=[pytest.mark.xfail(strict=True, reason=known[case])] if case in known else [],
        )
        for case in CASES
    ]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Rendered]:
    base = tmp_path_factory.mktemp("layout")
    made: dict[tuple[str, str, str], tuple[Path, dict[str, Any], Workspace]] = {}
    for paper in STYLES:
        ws = make_workspace(base / paper, paper)
        for name, extra in EXTRA_FILES.items():
            write_input(ws, name, extra(ws))
        for kind, _paper, length in (c for c in CASES if c[1] == paper):
            data = LENGTHS[length][kind](ws)
            path = write_input(ws, f"uji-{kind}-{length}.yaml", data)
            result = render_documents(
                ws, kind, path, out=ws.out_dir / "tata-letak" / f"{kind}-{length}"
            )
            made[(kind, paper, length)] = (result.documents[0], data, ws)
    pdfs = convert_to_pdf([docx for docx, _, _ in made.values()])
    return {
        key: Rendered(docx, pdf, data, ws)
        for (key, (docx, data, ws)), pdf in zip(made.items(), pdfs, strict=True)
    }


def _people(value: Any) -> list[dict[str, Any]]:
    """Every person record (a mapping with a name) anywhere in an input."""
    found = []
    if isinstance(value, dict):
        if isinstance(value.get("nama"), str):
            found.append(value)
        for item in value.values():
            found.extend(_people(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_people(item))
    return found


def _signature_words(case: Rendered) -> set[str]:
    profile = case.workspace.profile.data
    people = [profile["pimpinan"], *_people(case.data)]
    words = set(SIGNATURE_WORDS)
    texts = [profile["instansi"], profile["unit"]["nama"], profile["unit"]["kota"]]
    for who in people:
        texts += [str(who.get(k) or "") for k in ("nama", "jabatan", "pangkat", "golongan")]
    for text in texts:
        words.update(w.casefold() for w in letter_runs(text))
    return words


def _body(page: Page) -> list[str]:
    """A page's lines without the page number and without the tembusan list."""
    lines = list(page.body_lines)
    for i, line in enumerate(lines):
        if line.casefold().startswith("tembusan"):
            return lines[:i]
    return lines


def _case(rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]) -> Rendered:
    return rendered[case]


def test_every_kind_has_layout_inputs() -> None:
    documents = [k.name for k in all_kinds().values() if not k.parts]
    assert sorted(SHORT) == sorted(LONG) == sorted(documents)


@pytest.mark.parametrize("case", _params(SIGNATURE_ALONE))
def test_no_page_holds_only_a_signature_or_nothing(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = _case(rendered, case)
    problems = _lone_signatures(doc.pdf, _signature_words(doc))
    assert not problems, problems


def _lone_signatures(pdf: Path, signing: set[str]) -> list[str]:
    """Pages of ``pdf`` that are empty or hold only words of a signature block."""
    problems = []
    for page in pdf_pages(pdf):
        body = _body(page)
        words = {w.casefold() for line in body for w in letter_runs(line)}
        if not body:
            problems.append(f"halaman {page.number} kosong")
        elif "nip" in words and words <= signing:
            problems.append(f"halaman {page.number} hanya berisi blok tanda tangan: {body}")
    return problems


@pytest.mark.parametrize("case", _params(HEADER_MISSING))
def test_tables_repeat_their_header_on_every_page(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = _case(rendered, case)
    pages = pdf_pages(doc.pdf)
    problems = []
    for table in docx_tables(doc.docx):
        if not table.shaded_header or len(table.rows) < 2:
            continue
        header = Counter(w for cell in table.header for w in letter_runs(cell))
        # a row is recognised by all its cells' text; a merged group row (one cell with
        # text, such as an area name) may also appear elsewhere and is not used
        keys = [squeeze("".join(row)) for row in table.rows if sum(1 for c in row if c) > 1]
        keys = [k for k in keys if len(k) >= 12]
        for page in pages:
            squeezed = squeeze(page.text)
            if not any(k in squeezed for k in keys):
                continue
            missing = header - Counter(letter_runs(page.text))
            if missing:
                problems.append(
                    f"halaman {page.number}: tabel '{' | '.join(table.header)}' berlanjut tanpa "
                    f"baris judul (tidak ada: {', '.join(sorted(missing))})"
                )
    assert not problems, problems


def _group_titles(docx: Path) -> set[str]:
    """Squeezed text of the one-cell rows that title the rows below them (an SK pokja, a
    rencana kerja area)."""
    titles = set()
    for table in docx_tables(docx):
        rows = table.rows
        for row, below in pairwise(rows):
            filled = [c for c in row if c]
            if len(row) == 1 and filled and sum(1 for c in below if c) > 1:
                titles.add(squeeze(filled[0]))
    return titles


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_a_group_title_row_never_ends_a_page(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    """The title row of a group (Kelompok Kerja ... in an SK) stays on the page of its first
    member: it is never a page's last line."""
    doc = _case(rendered, case)
    titles = _group_titles(doc.docx)
    if not titles:
        pytest.skip("tidak ada baris judul kelompok")
    pages = pdf_pages(doc.pdf)
    orphans = [
        f"halaman {page.number}: {page.body_lines[-1]}"
        for page in pages[:-1]
        if page.body_lines and any(t.endswith(squeeze(page.body_lines[-1])) for t in titles)
    ]
    assert not orphans, f"judul kelompok di akhir halaman tanpa anggotanya: {orphans}"


def _members_by_group(docx: Path) -> dict[str, list[str]]:
    """Squeezed text of each group title (one-cell row over member rows) -> the squeezed
    text of its member rows, over all the document's tables in order. A group ends with its
    table: the rows of a later table belong to no group until a title starts one."""
    groups: dict[str, list[str]] = {}
    for table in docx_tables(docx):
        title = None
        rows = list(table.rows)
        for i, row in enumerate(rows):
            below = rows[i + 1] if i + 1 < len(rows) else ()
            filled = [c for c in row if c]
            if len(row) == 1 and filled and sum(1 for c in below if c) > 1:
                title = squeeze(filled[0])
                groups.setdefault(title, [])
            elif title and len(filled) > 1:
                key = squeeze("".join(row))
                if len(key) >= 12:
                    groups[title].append(key)
    return groups


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_a_group_going_on_over_a_page_names_itself_there(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    """Every page holding members of a group (a pokja of the SK Tim lampiran, a kelompok of
    an SK, an area of a monev report, a respondent characteristic of an SKM report) shows
    the group's title, also when the group began on an earlier page."""
    doc = _case(rendered, case)
    groups = _members_by_group(doc.docx)
    if not groups:
        pytest.skip("tidak ada kelompok")
    unnamed = []
    for page in pdf_pages(doc.pdf):
        squeezed = squeeze(page.text)
        for title, members in groups.items():
            if any(m in squeezed for m in members) and title not in squeezed:
                unnamed.append(f"halaman {page.number}: {title}")
    assert not unnamed, f"anggota kelompok tanpa nama kelompoknya di halaman: {unnamed}"


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_pages_are_numbered(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = _case(rendered, case)
    if case[0] in SINGLE_PAGE_EACH:
        pytest.skip("satu pernyataan per halaman, tiap halaman dokumen tersendiri")
    pages = pdf_pages(doc.pdf)
    unnumbered = [p.number for p in pages[1:] if f"- {p.number} -" not in p.lines]
    first = [line for line in pages[0].lines if line == "- 1 -"]
    assert not unnumbered, f"halaman tanpa nomor '- n -': {unnumbered} dari {len(pages)}"
    assert not first, "halaman pertama tidak diberi nomor"


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_words_in_table_cells_are_never_cut(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = _case(rendered, case)
    wanted = long_cell_words(doc.docx)
    shown = Counter(w for page in pdf_pages(doc.pdf) for w in letter_runs(page.text))
    cut = {w: n - shown[w] for w, n in wanted.items() if shown[w] < n}
    if not wanted:
        pytest.skip("dokumen ini tidak bertabel")
    assert not cut, f"kata terpotong di sel tabel (kata: kali): {cut}"


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_nips_in_table_cells_stay_on_one_line(
    rendered: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = _case(rendered, case)
    wanted = cell_nips(doc.docx)
    if not wanted:
        pytest.skip("tidak ada NIP di sel tabel")
    shown = Counter(
        nip for page in pdf_pages(doc.pdf) for line in page.lines for nip in NIP.findall(line)
    )
    broken = {nip: n - shown[nip] for nip, n in wanted.items() if shown[nip] < n}
    assert not broken, f"NIP terpotong ke dua baris (NIP: kali): {broken}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("length", LENGTHS)
def test_sop_identity_fits_one_page(
    rendered: dict[tuple[str, str, str], Rendered], paper: str, length: str
) -> None:
    pages = pdf_pages(_case(rendered, ("sop", paper, length)).pdf)
    second = " ".join(pages[1].body_lines)
    assert "Pelaksana" in second and "Mutu Baku" in second, (
        f"halaman 2 bukan tabel alur, identitas SOP meluber: {pages[1].body_lines[:3]}"
    )


SOP_STEPS = (14, 30)
CONNECTOR = re.compile(r"\b(Dari|Ke) halaman (\d+) \(([A-Z]+)\)")


@pytest.fixture(scope="module")
def sop_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    base = tmp_path_factory.mktemp("sop-halaman")
    made: dict[tuple[str, int], Path] = {}
    for paper in PAPERS:
        ws = make_workspace(base / paper, paper)
        for count in SOP_STEPS:
            path = write_input(ws, f"sop-{count}.yaml", long_sop(ws, count))
            result = render_documents(ws, "sop", path, out=ws.out_dir / f"sop-{count}")
            made[(paper, count)] = result.documents[0]
    pdfs = convert_to_pdf(list(made.values()))
    return dict(zip(made, pdfs, strict=True))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("count", SOP_STEPS)
def test_sop_flow_connectors_match_their_pages(
    sop_pdfs: dict[tuple[str, int], Path], paper: str, count: int
) -> None:
    """Every off-page connector letter appears once where the flow leaves ("Ke halaman q")
    and once where it resumes ("Dari halaman p"), on exactly the pages they name; every
    step is on a page, no page is empty, and the last page is no two-row orphan."""
    pages = pdf_pages(sop_pdfs[(paper, count)])
    outs: dict[str, tuple[int, int]] = {}
    ins: dict[str, tuple[int, int]] = {}
    steps: dict[int, list[int]] = {}
    for page in pages:
        assert len(page.body_lines) > 1, f"halaman {page.number} kosong"
        text = " ".join(page.body_lines)
        for way, other, mark in CONNECTOR.findall(text):
            found = outs if way == "Ke" else ins
            assert mark not in found, f"penghubung {mark} tercetak dua kali"
            found[mark] = (page.number, int(other))
        steps[page.number] = [int(n) for n in re.findall(r"Langkah (\d+):", text)]
    assert outs, "tabel alur melintasi halaman tanpa penghubung"
    assert sorted(outs) == sorted(ins)
    for mark, (page_no, to_page) in outs.items():
        assert ins[mark] == (to_page, page_no), f"penghubung {mark}: {outs[mark]} / {ins[mark]}"
    shown = [n for p in pages for n in steps[p.number]]
    assert shown == list(range(1, count + 1)), "langkah hilang atau terpotong antarhalaman"
    flow_pages = [n for p, n in steps.items() if n]
    assert len(flow_pages[-1]) >= 3, f"halaman terakhir bagan alur yatim: {flow_pages[-1]}"
    letters = sorted(outs, key=lambda m: (outs[m][0], m))
    assert letters == sorted(outs), "huruf penghubung urut menurut halaman"


@pytest.fixture(scope="module")
def sop_eight_lanes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 14-step SOP with eight pelaksana of long names, on F4 in Arial and A4 in Bookman."""
    base = tmp_path_factory.mktemp("sop-lajur")
    made: dict[str, Path] = {}
    for paper in PAPERS:
        ws = make_workspace(base / paper, paper)
        path = write_input(ws, "sop-8-pelaksana.yaml", long_sop(ws, 14, EIGHT_LANES))
        made[paper] = render_documents(ws, "sop", path, out=ws.out_dir / "sop-8").documents[0]
    pdfs = convert_to_pdf(list(made.values()))
    return dict(zip(made, pdfs, strict=True))


@pytest.mark.parametrize("paper", PAPERS)
def test_sop_lane_headers_never_cut_a_word(sop_eight_lanes: dict[str, Path], paper: str) -> None:
    """With eight pelaksana the lanes are narrow: every word of every name (4 letters or
    more) stands whole on every flowchart page ("Sekreta ris" and "Pemo hon" were cut)."""
    wanted = Counter(w for name in EIGHT_LANES for w in letter_runs(name) if len(w) >= 4)
    cut = []
    for page in pdf_pages(sop_eight_lanes[paper])[1:]:
        shown = Counter(letter_runs(page.text))
        cut += [f"halaman {page.number}: {w}" for w, n in wanted.items() if shown[w] < n]
    assert not cut, f"nama pelaksana terpotong di tengah kata: {cut}"


# ---- the Word reports of check --docx and rekap --docx ---------------------------------------
REPORT_CASES = [
    *(("kelengkapan", paper, variant) for paper in PAPERS for variant in ("contoh", "kosong")),
    *(("rekap", "F4", variant) for variant in ("pendek", "panjang")),
]
"""check --docx on the example unit and on the example with no answer (every question in
the findings), F4 and A4; rekap --docx over 2 units without a profile and over 30 units
headed by an evaluator's profile (its paper is its own: F4 landscape)."""
REPORT_WORDS = {"penilai", *(w.casefold() for w in letter_runs("(......) NIP."))}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Rendered]:
    import datetime as dt

    from submission_helpers import write_answers

    from zi_docs.submission.check import run_check
    from zi_docs.submission.docx_report import write_check_docx
    from zi_docs.submission.rekap import build_rekap
    from zi_docs.submission.rekap_out import write_docx

    base = tmp_path_factory.mktemp("laporan")
    today = dt.date(2026, 11, 2)
    made: dict[tuple[str, str, str], tuple[Path, Workspace]] = {}
    for kind, paper, variant in REPORT_CASES:
        ws = make_workspace(base / f"{kind}-{paper}-{variant}", paper)
        out = base / f"{kind}-{paper}-{variant}.docx"
        if kind == "kelengkapan":
            if variant == "kosong":
                write_answers(ws, {})
            write_check_docx(run_check(ws, today, read_only=True), out, today)
        else:
            count = 2 if variant == "pendek" else 30
            rekap = build_rekap([ws.root] * count, today)
            write_docx(rekap, out, kop=ws if variant == "panjang" else None, today=today)
        made[(kind, paper, variant)] = (out, ws)
    pdfs = convert_to_pdf([docx for docx, _ in made.values()])
    return {
        key: Rendered(docx, pdf, {}, ws)
        for (key, (docx, ws)), pdf in zip(made.items(), pdfs, strict=True)
    }


@pytest.mark.parametrize("case", REPORT_CASES, ids=["-".join(c) for c in REPORT_CASES])
def test_reports_never_leave_their_signature_alone_and_are_numbered(
    reports: dict[tuple[str, str, str], Rendered], case: tuple[str, str, str]
) -> None:
    doc = reports[case]
    problems = _lone_signatures(doc.pdf, _signature_words(doc) | REPORT_WORDS)
    pages = pdf_pages(doc.pdf)
    problems += [
        f"halaman {p.number} tanpa nomor" for p in pages[1:] if f"- {p.number} -" not in p.lines
    ]
    last = " ".join(pages[-1].body_lines)
    kota = doc.workspace.profile.data["unit"]["kota"]
    assert f"{kota}, " in last and "NIP" in last, "tempat, tanggal dan tanda tangan di akhir"
    wanted = long_cell_words(doc.docx)
    shown = Counter(w for page in pages for w in letter_runs(page.text))
    problems += [f"kata terpotong: {w}" for w, n in wanted.items() if shown[w] < n]
    assert not problems, problems
    if case[2] in ("kosong", "panjang"):
        assert len(pages) > 1, "laporan panjang harus melintasi halaman"
