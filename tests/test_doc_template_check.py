"""``templates check`` finds every seeded problem, each with its place."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from zi_docs.documents.template_check import check_template
from zi_docs.documents.templates import check_templates
from zi_docs.findings import Severity
from zi_docs.workspace import Workspace

CONTEXT = {
    "sk": {"nomor": "1", "tanggal": "2026-01-01"},
    "anggota": [{"nama": "A", "nip": "-"}],
    "unit": {"nama": "Dinas"},
}


def _broken(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Nomor {{ sk.nomor }} tanggal {{ sk.tanggal|tanggal }}")  # 1 fine
    doc.add_paragraph("{{ sk.nomorr }}")  # 2 unknown nested variable
    doc.add_paragraph("{{ sk.tanggal|tanggl }}")  # 3 unknown filter
    doc.add_paragraph("{% if sk.nomor %}")  # 4 never closed
    doc.add_paragraph("{{ a + }}")  # 5 syntax
    doc.add_paragraph("{% endfor %}")  # 6 closer without opener
    doc.add_paragraph("{{ tidak ditutup")  # 7 unclosed tag
    doc.add_paragraph("{%p for r in anggota %}")  # 8
    doc.add_paragraph("{{ r.nama }} {{ r.jabatan }} {{ loop.index }}")  # 9 r.jabatan unknown
    doc.add_paragraph("{%p endfor %}")  # 10
    table = doc.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "{{ pegawai.nama }}"  # unknown root variable in a cell
    doc.add_paragraph("{% frobnicate %}")  # 11 unknown statement (tables are counted apart)
    header = doc.sections[0].header.paragraphs[0]
    header.text = "{{ unit.namaa }}"
    path = path / "rusak.docx"
    doc.save(str(path))
    return path


def test_every_seeded_problem_is_found_with_its_place(tmp_path: Path) -> None:
    report = check_template(_broken(tmp_path), context=CONTEXT, display="rusak.docx")
    found = {(f.field, f.code) for f in report.findings}
    expected = {
        ("paragraf 2", "templat-variabel-tak-dikenal"),
        ("paragraf 3", "templat-sintaks"),
        ("paragraf 4", "templat-tak-seimbang"),
        ("paragraf 5", "templat-sintaks"),
        ("paragraf 6", "templat-tak-seimbang"),
        ("paragraf 7", "templat-tak-seimbang"),
        ("paragraf 9", "templat-variabel-tak-dikenal"),
        ("tabel 1, baris 2, sel 2, paragraf 1", "templat-variabel-tak-dikenal"),
        ("paragraf 11", "templat-sintaks"),
        ("kepala halaman header1.xml, paragraf 1", "templat-variabel-tak-dikenal"),
    }
    assert found == expected
    assert not report.ok
    messages = {f.field: f.message for f in report.findings}
    assert (
        "sk.nomorr" in messages["paragraf 2"] and "maksudnya 'sk.nomor'" in messages["paragraf 2"]
    )
    assert "filter 'tanggl' tidak dikenal; maksudnya 'tanggal'" in messages["paragraf 3"]
    assert "r.jabatan" in messages["paragraf 9"]
    assert all(f.file == "rusak.docx" for f in report.findings)
    assert {"sk.nomor", "sk.tanggal", "r.nama", "loop.index"} <= set(report.variables)


def test_without_context_only_syntax_is_checked(tmp_path: Path) -> None:
    report = check_template(_broken(tmp_path))
    codes = [f.code for f in report.findings]
    assert "templat-variabel-tak-dikenal" not in codes
    assert codes.count("templat-tak-seimbang") == 3
    assert any(
        f.severity is Severity.INFO and f.code == "templat-tanpa-jenis" for f in report.findings
    )


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "bukan.docx"
    path.write_text("halo", encoding="utf-8")
    report = check_template(path)
    assert [f.code for f in report.findings] == ["templat-tak-terbaca"]
    message = report.findings[0].message
    assert message.startswith("bukan dokumen Word .docx") and "simpan sebagai" in message
    assert "zip file" not in message


def test_builtin_templates_are_clean_and_user_file_gets_its_kind(
    workspace: Workspace, tmp_path: Path
) -> None:
    reports = {Path(r.template).name: r for r in check_templates(workspace)}
    for name in ("sk-tim.docx", "pakta-integritas.docx", "piagam.docx"):
        assert reports[name].ok, [str(f) for f in reports[name].findings]
    own = Document()
    own.add_paragraph(
        "{{ sk.nomor }} {{ sk.nomer }} {% for d in diktum %}{{ d.label }}{{ d.isi }}{% endfor %}"
    )
    path = tmp_path / "sk-tim.docx"
    own.save(str(path))
    report = check_templates(workspace, str(path))[0]
    bad = sorted(f.message.split("'")[1] for f in report.findings)
    assert bad == ["d.isi", "sk.nomer"]


def test_cli_check_reports_places(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _broken(tmp_path)
    result = run_cli("templates", "check", str(path), "--jenis", "sk-tim")
    assert result.exit_code == 3
    assert "(paragraf 4)" in result.output and "tidak ditutup" in result.output
    assert "kepala halaman header1.xml" in result.output


def test_cli_check_missing_file_says_what_to_do(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("templates", "check", str(tmp_path / "tidak-ada.docx"))
    assert result.exit_code == 1
    assert "tidak-ada.docx tidak ditemukan" in result.output
    assert "zi-docs templates list" in result.output
