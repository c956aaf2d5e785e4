"""Generating SK Tim, Pakta Integritas and Piagam: golden text, structure, input errors, CLI."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from zi_docs.documents.docprops import read_info, read_served
from zi_docs.documents.generation import generate, generate_all, kind_of_input
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace

GOLDEN = Path(__file__).parent / "golden"
KINDS = {
    "sk-tim": "sk-tim.yaml",
    "pakta-integritas": "pakta-integritas.yaml",
    "piagam": "piagam.yaml",
}


def text_lines(path: Path) -> list[str]:
    """Paragraphs and table cells in document order, one line each (golden-file format)."""
    doc = Document(str(path))
    lines: list[str] = []

    def walk(container: object) -> Iterator[str]:
        element = (
            container._element.body
            if hasattr(container, "_element") and hasattr(container._element, "body")
            else container._tc
        )  # type: ignore[attr-defined]
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                text = "".join(
                    node.text or ""
                    if node.tag == qn("w:t")
                    else ("\t" if node.tag == qn("w:tab") else "\n")
                    for node in child.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
                    if node.getparent().tag == qn("w:r")
                    and (node.tag != qn("w:br") or node.get(qn("w:type")) != "page")
                )
                yield text.replace("\n", "⏎")
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    cells = []
                    for tc in row.iterchildren(qn("w:tc")):
                        cells.append(
                            " / ".join(
                                "".join(t.text or "" for t in p.iter(qn("w:t")))
                                for p in tc.iterchildren(qn("w:p"))
                            )
                        )
                    yield "| " + " | ".join(cells) + " |"

    lines.extend(walk(doc))
    return [line.rstrip() for line in lines if line.strip()]


def _golden(name: str, lines: list[str]) -> None:
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("ZI_DOCS_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "\n".join(lines) + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(KINDS))
def test_golden_text(workspace: Workspace, kind: str) -> None:
    result = generate(workspace, kind, workspace.inputs_dir / KINDS[kind])
    assert len(result.documents) == 1
    _golden(kind, text_lines(result.documents[0]))


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_sk_structure(workspace: Workspace) -> None:
    path = generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml").documents[0]
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    labels = [t.split("\t")[0] for t in texts if "\t:\t" in t and t.split("\t")[0].startswith("KE")]
    assert labels == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    last_menimbang = next(t for t in texts if "berdasarkan pertimbangan" in t)
    assert "huruf a dan huruf b, perlu menetapkan Keputusan Kepala Dinas" in last_menimbang
    lampiran = next(p for p in doc.paragraphs if p.text.startswith("LAMPIRAN KEPUTUSAN"))
    assert lampiran.paragraph_format.page_break_before is True
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    # one table per group: the first lists the heads, each pokja's repeats its title
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "No"]
    table = tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "No",
        "Nama",
        "NIP",
        "Jabatan",
        "Kedudukan dalam Tim",
    ]
    roles = [row.cells[4].text for row in table.rows[1:4]]
    assert roles == ["Penanggung Jawab", "Ketua", "Sekretaris"]
    groups = [t.rows[1].cells[0].text for t in tables[1:]]
    assert len(groups) == 6 and all(g.startswith("Kelompok Kerja ") for g in groups)
    assert "{{" not in _body(path) and "{%" not in _body(path)
    assert read_served(path) == [
        IndicatorRef("A.I.1.i.a", "sk-tim"),
        IndicatorRef("A.I.1.i.b", "sk-tim"),
    ]
    info = read_info(path)
    assert info is not None and info.kind == "sk-tim"


def test_a4_from_unit_profile(workspace: Workspace) -> None:
    unit = workspace.unit_file.read_text(encoding="utf-8").replace("ukuran: F4", "ukuran: A4")
    unit = unit.replace("font: Arial", "font: Bookman Old Style")
    workspace.unit_file.write_text(unit, encoding="utf-8")
    ws = Workspace(workspace.root)
    path = generate(ws, "piagam", ws.inputs_dir / "piagam.yaml").documents[0]
    doc = Document(str(path))
    assert (round(doc.sections[0].page_width.mm), round(doc.sections[0].page_height.mm)) == (
        210,
        297,
    )
    assert doc.styles["Normal"].font.name == "Bookman Old Style"


def test_pakta_one_page_per_employee_and_separate_files(workspace: Workspace) -> None:
    source = workspace.inputs_dir / "pakta-integritas-daftar.yaml"
    single = generate(workspace, "pakta-integritas", source).documents
    assert len(single) == 1
    xml = _body(single[0])
    assert xml.count('w:type="page"') == 4  # 5 employees in the CSV
    assert len(Document(str(single[0])).sections) == 1
    titles = [p.text for p in Document(str(single[0])).paragraphs if p.text == "PAKTA INTEGRITAS"]
    assert len(titles) == 5
    separate = generate(workspace, "pakta-integritas", source, separate=True).documents
    assert next(p.name for p in separate) == "pakta-integritas-daftar-1-agus-salim.docx"
    assert len(separate) == 5
    for path in separate:
        assert 'w:type="page"' not in _body(path)
        assert "PAKTA INTEGRITAS" in [p.text for p in Document(str(path)).paragraphs]
    assert read_served(separate[0]) == [IndicatorRef("A.I.1.iv.d", "pakta-integritas")]


def test_pakta_from_xlsx_reports_rows(workspace: Workspace) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Nama", "NIP", "Jabatan"])
    sheet.append(["Ani, S.E.", "198001012005012001", "Analis"])
    sheet.append(["Budi", 198001012005011001, "Pengadministrasi"])
    sheet.append(["", "1234", "Tanpa Nama"])
    book.save(workspace.inputs_dir / "staf.xlsx")
    source = workspace.inputs_dir / "pakta-xlsx.yaml"
    source.write_text("tanggal: 2026-02-01\ndaftar_pegawai: staf.xlsx\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        generate(workspace, "pakta-integritas", source)
    found = {(f.file, f.line, f.field, f.code) for f in caught.value.findings}
    assert ("inputs/staf.xlsx", 3, "nip", "nip-format") in found
    assert ("inputs/staf.xlsx", 4, "nama", "wajib") in found
    assert any(f.line == 4 and "NIP harus 18 digit" in f.message for f in caught.value.findings)
    sheet.delete_rows(3, 2)
    book.save(workspace.inputs_dir / "staf.xlsx")
    path = generate(workspace, "pakta-integritas", source).documents[0]
    signature = Document(str(path)).tables[0].rows[0].cells[0]  # the signature block
    assert "Ani, S.E." in [p.text for p in signature.paragraphs]


def test_invalid_input_reports_everything(workspace: Workspace) -> None:
    source = workspace.inputs_dir / "sk-tim.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("tanggal: 2026-01-12", "tanggal: 12-01-2026")
    text = text.replace('nip: "197108151998031005"', 'nip: "1971081519980310"')
    text = text.replace("nomor: 800.1.2.2/015/DPMPTSP/2026", "nomer: 1")
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        generate(workspace, "sk-tim", source)
    by_field = {f.field: f for f in caught.value.findings}
    assert by_field["tim.ketua.nip"].message.startswith("NIP harus 18 digit")
    assert by_field["tanggal"].line == 7 and by_field["tanggal"].file == "inputs/sk-tim.yaml"
    assert by_field["nomor"].code == "wajib"
    assert "maksudnya 'nomor'" in by_field["nomer"].message
    assert not (workspace.out_dir / "dokumen" / "sk-tim.docx").exists()


def test_kind_from_input_and_mismatch(workspace: Workspace) -> None:
    assert kind_of_input(Path("x.yaml"), {"jenis": "Piagam"}) == "piagam"
    assert kind_of_input(Path("sk-tim-2027.yaml"), {}) == "sk-tim"
    assert kind_of_input(Path("catatan.yaml"), {}) is None
    with pytest.raises(InvalidInputError, match="bukan masukan 'sk-tim'"):
        generate(workspace, "sk-tim", workspace.inputs_dir / "piagam.yaml")
    with pytest.raises(NotFoundError) as caught:
        generate(workspace, "sk-tm", workspace.inputs_dir / "sk-tim.yaml")
    assert "sk-tim" in caught.value.suggestions


def test_generate_all(workspace: Workspace) -> None:
    (workspace.inputs_dir / "catatan.yaml").write_text("isi: bebas\n", encoding="utf-8")
    summary = generate_all(workspace)
    kinds = sorted(r.kind for r in summary.results)
    assert {"sk-tim", "piagam", "pakta-integritas"} <= set(kinds)
    assert kinds.count("pakta-integritas") == 2
    # the SKM export's column definition is an input of laporan-skm, not a document
    assert [f.file for f in summary.skipped] == ["inputs/catatan.yaml", "inputs/skm-definisi.yaml"]
    for result in summary.results:
        for path in result.documents:
            assert path.is_file() and path.parent == workspace.out_dir / "dokumen"


def test_each_input_is_read_once(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from zi_docs.documents import generation as engine

    reads: list[str] = []
    real = engine.load_yaml

    def counting(path: Path, *, display: str | None = None) -> Any:
        reads.append(path.name)
        return real(path, display=display)

    monkeypatch.setattr(engine, "load_yaml", counting)
    summary = generate_all(workspace)
    assert summary.results and not summary.failures
    assert sorted(reads) == sorted(p.name for p in workspace.inputs_dir.glob("*.y*ml"))
    reads.clear()
    generate(workspace, None, workspace.inputs_dir / "piagam.yaml")
    assert reads == ["piagam.yaml"]


def test_workspace_template_overrides_builtin(workspace: Workspace) -> None:
    own = Document()
    own.add_paragraph("Piagam khusus {{ unit.nama }} tanggal {{ tanggal|tanggal }}")
    own.save(str(workspace.templates_dir / "piagam.docx"))
    path = generate(workspace, "piagam", workspace.inputs_dir / "piagam.yaml").documents[0]
    assert next(p.text for p in Document(str(path)).paragraphs) == (
        "Piagam khusus Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu tanggal "
        "20 Januari 2026"
    )
    broken = Document()
    broken.add_paragraph("{{ unit.namaa }} {% if x %}")
    broken.save(str(workspace.templates_dir / "piagam.docx"))
    with pytest.raises(InvalidInputError) as caught:
        generate(workspace, "piagam", workspace.inputs_dir / "piagam.yaml")
    codes = sorted(f.code for f in caught.value.findings)
    assert codes == [
        "templat-tak-seimbang",
        "templat-variabel-tak-dikenal",
        "templat-variabel-tak-dikenal",
    ]


def test_cli_generate_and_templates(run_cli, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"))
    assert result.exit_code == 0, result.output
    assert "out/dokumen/sk-tim.docx" in result.output
    assert "A.I.1.i.a (sk-tim)" in result.output
    out = workspace.root / "lain" / "sk.docx"
    result = run_cli(
        "generate", "sk-tim", str(workspace.inputs_dir / "sk-tim.yaml"), "-o", str(out)
    )
    assert result.exit_code == 0 and out.is_file()
    result = run_cli("generate", "--semua")
    assert "sk-tim: inputs/sk-tim.yaml" in result.output
    assert "piagam: inputs/piagam.yaml" in result.output and "masukan berhasil" in result.output
    result = run_cli("templates", "list")
    assert result.exit_code == 0 and "sk-tim" in result.output and "bawaan" in result.output
    result = run_cli("templates", "show", "pakta-integritas")
    assert result.exit_code == 0
    assert "pegawai[].nip" in result.output and "jenis: pakta-integritas" in result.output
    result = run_cli("templates", "check", "sk-tim")
    assert result.exit_code == 0, result.output
    assert "sk-tim.docx: baik" in result.output


def test_cli_errors(run_cli, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    source = workspace.inputs_dir / "piagam.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace('nip: "196805171994031006"', 'nip: "12345"'),
        encoding="utf-8",
    )
    result = run_cli("generate", "piagam", str(source))
    assert result.exit_code == 1
    assert "inputs/piagam.yaml:" in result.output and "(saksi[1].nip)" in result.output
    assert "NIP harus 18 digit" in result.output
    assert "Traceback" not in result.output
    result = run_cli("generate", "surat", str(source))
    assert result.exit_code == 1 and "tidak dikenal" in result.output
    result = run_cli("generate")
    assert result.exit_code == 2


def test_cli_generate_takes_the_kind_the_input_names(run_cli, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("generate", str(workspace.inputs_dir / "piagam.yaml"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("piagam: 1 dokumen dibuat")
    nameless = workspace.inputs_dir / "catatan.yaml"
    nameless.write_text("isi: bebas\n", encoding="utf-8")
    result = run_cli("generate", str(nameless))
    assert result.exit_code == 1
    assert "Galat: inputs/catatan.yaml tidak menyebut jenis dokumennya" in result.output
    assert "zi-docs generate JENIS inputs/catatan.yaml" in result.output
    result = run_cli("generate", "piagam")
    assert result.exit_code == 2
    assert "sebutkan berkas INPUT.yaml untuk jenis 'piagam'" in result.output
