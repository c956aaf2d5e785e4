"""Windows, simulated: LibreOffice and Tesseract at their usual install paths or named by an
environment variable, and evidence trees read from Windows paths (drive letter, backslashes)."""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from zi_docs.catalogue import load_catalogue
from zi_docs.documents import pdf
from zi_docs.evidence import ocr
from zi_docs.evidence.drive_folders import place
from zi_docs.evidence.store import ObjectStore
from zi_docs.programs import find_program, windows_candidates


def _nowhere(_name: str) -> str | None:
    return None


def _install(root: Path, relative: str) -> Path:
    program = root.joinpath(*relative.split("\\"))
    program.parent.mkdir(parents=True)
    program.write_bytes(b"MZ")
    return program


def test_libreoffice_and_tesseract_found_in_program_files(tmp_path: Path) -> None:
    files = tmp_path / "Program Files"
    soffice = _install(files, r"LibreOffice\program\soffice.exe")
    tesseract = _install(files, r"Tesseract-OCR\tesseract.exe")
    environ = {"ProgramFiles": str(files)}
    found = find_program("soffice", environ=environ, windows=True, which=_nowhere)
    assert found == str(soffice)
    assert find_program("tesseract", environ=environ, windows=True, which=_nowhere) == str(
        tesseract
    )
    # the same folders mean nothing on Linux, where only PATH counts
    assert find_program("soffice", environ=environ, windows=False, which=_nowhere) is None


def test_per_user_and_x86_installs_are_searched_too(tmp_path: Path) -> None:
    local = tmp_path / "AppData" / "Local"
    tesseract = _install(local / "Programs", r"Tesseract-OCR\tesseract.exe")
    environ = {"ProgramFiles": str(tmp_path / "kosong"), "LOCALAPPDATA": str(local)}
    assert find_program("tesseract", environ=environ, windows=True, which=_nowhere) == str(
        tesseract
    )
    x86 = _install(tmp_path / "x86", r"LibreOffice\program\soffice.exe")
    environ = {"ProgramFiles": str(tmp_path / "kosong"), "ProgramFiles(x86)": str(x86.parents[2])}
    assert find_program("soffice", environ=environ, windows=True, which=_nowhere) == str(x86)


def test_environment_variable_wins_and_a_wrong_one_is_ignored(tmp_path: Path) -> None:
    own = _install(tmp_path / "D", r"Alat\LO\soffice.exe")
    standard = _install(tmp_path / "PF", r"LibreOffice\program\soffice.exe")
    environ = {"ZI_DOCS_SOFFICE": str(own), "ProgramFiles": str(tmp_path / "PF")}
    assert find_program("soffice", environ=environ, windows=True, which=_nowhere) == str(own)
    environ["ZI_DOCS_SOFFICE"] = str(tmp_path / "salah.exe")
    assert find_program("soffice", environ=environ, windows=True, which=_nowhere) == str(standard)


def test_without_program_files_variables_the_c_drive_is_assumed() -> None:
    candidates = windows_candidates("soffice", {})
    assert Path(r"C:\Program Files", "LibreOffice", "program", "soffice.exe") in candidates


def test_pdf_and_ocr_use_the_found_programs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = tmp_path / "Program Files"
    soffice = _install(files, r"LibreOffice\program\soffice.exe")
    tesseract = _install(files, r"Tesseract-OCR\tesseract.exe")
    monkeypatch.setenv("ZI_DOCS_SOFFICE", str(soffice))
    monkeypatch.setenv("ZI_DOCS_TESSERACT", str(tesseract))
    assert pdf.find_soffice() == str(soffice)
    assert ocr.tesseract_available()
    assert "ZI_DOCS_SOFFICE" in pdf.INSTALL_HINT and "Program Files" in pdf.INSTALL_HINT


@pytest.mark.parametrize(
    "windows",
    [
        r"D:\Data Dukung ZI 2026\AREA I\i. Penyusunan Tim Kerja\1.i.a SK TIM.pdf",
        r"d:\data dukung zi 2026\AREA I\i. Penyusunan Tim Kerja\1.i.a SK TIM.pdf",
    ],
)
def test_import_reads_windows_paths_like_posix_ones(windows: str) -> None:
    catalogue = load_catalogue("permenpanrb-90-2021")
    posix = place(PurePosixPath("AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM.pdf"), catalogue)
    relative = PureWindowsPath(windows).relative_to(PureWindowsPath(r"D:\Data Dukung ZI 2026"))
    assert place(relative, catalogue) == posix
    assert posix[0][0].indicator == "A.I.1.i.a" and posix[0][0].item == "sk-tim"
    assert place(PureWindowsPath(windows), catalogue) == posix  # drive and all


def test_backslashes_inside_a_name_are_folder_separators() -> None:
    # a zip made on Windows and unpacked elsewhere leaves 'AREA I\\...' as one file name
    catalogue = load_catalogue("permenpanrb-90-2021")
    flat = PurePosixPath(r"II. REFORM\AREA II\ii. Penilaian\2.ii.a Laporan.pdf")
    nested = PurePosixPath("II. REFORM/AREA II/ii. Penilaian/2.ii.a Laporan.pdf")
    assert place(flat, catalogue) == place(nested, catalogue)
    assert place(nested, catalogue)[0][0].indicator == "A.II.2.ii.a"


def test_a_read_only_stored_file_can_be_removed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = ObjectStore(tmp_path / "objects")
    source = tmp_path / "bukti.txt"
    source.write_text("isi", encoding="utf-8")
    import hashlib

    sha = hashlib.sha256(b"isi").hexdigest()
    stored = store.put(source, sha)
    assert not stored.stat().st_mode & stat.S_IWUSR
    real_unlink = Path.unlink
    calls: list[Path] = []

    def windows_unlink(self: Path, missing_ok: bool = False) -> None:
        # what Windows does with a read-only file
        if self == stored and not self.stat().st_mode & stat.S_IWUSR:
            calls.append(self)
            raise PermissionError(13, "Access is denied", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", windows_unlink)
    assert store.remove(sha)
    assert calls and not stored.exists()
