"""Where the external programs are (LibreOffice, Tesseract, pdftoppm), on Linux and Windows.

Looked up in order: the program's environment variable (a full path, for an unusual install),
the ``PATH``, then on Windows the usual install folders under Program Files and
``%LOCALAPPDATA%\\Programs`` (installers there rarely add themselves to ``PATH``). The names
and folders are data: ``zi_docs/data/program-luar.yaml``.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from zi_docs.resources import PROGRAMS, resource
from zi_docs.yamlio import load_yaml

PROGRAMS_FILE = resource(PROGRAMS)
WINDOWS_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
"""Environment variables naming the Program Files folders on Windows."""


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    programs: dict[str, Any] = load_yaml(PROGRAMS_FILE).data["program"]
    return programs


def env_var(program: str) -> str:
    """The environment variable that may name ``program``'s full path."""
    return str(_table()[program]["env"])


def windows_candidates(program: str, environ: Mapping[str, str]) -> list[Path]:
    """The usual Windows install locations of ``program``, most likely first."""
    roots = [environ[name] for name in WINDOWS_ROOTS if environ.get(name)]
    if environ.get("LOCALAPPDATA"):
        roots.append(str(Path(environ["LOCALAPPDATA"]) / "Programs"))
    if not roots:
        roots = [r"C:\Program Files", r"C:\Program Files (x86)"]
    seen: list[Path] = []
    for root in roots:
        for relative in _table()[program].get("windows") or []:
            candidate = Path(root, *relative.split("/"))
            if candidate not in seen:
                seen.append(candidate)
    return seen


def find_program(
    program: str,
    *,
    environ: Mapping[str, str] | None = None,
    windows: bool | None = None,
    which: Callable[[str], str | None] | None = None,
) -> str | None:
    """The full path of ``program`` (a key of the table: ``soffice``, ``tesseract``,
    ``pdftoppm``), or ``None`` when it is not installed where zi-docs can see it."""
    environ = os.environ if environ is None else environ
    which = which or shutil.which
    windows = sys.platform == "win32" if windows is None else windows
    spec = _table()[program]
    named = environ.get(str(spec["env"]))
    if named and Path(named).is_file():
        return named
    for name in spec["nama"]:
        found = which(str(name))
        if found:
            return found
    if windows:
        for candidate in windows_candidates(program, environ):
            if candidate.is_file():
                return str(candidate)
    return None


def install_hint(program: str, linux_packages: str) -> str:
    """How to install ``program``, for Linux and for Windows, and how to point at it."""
    spec = _table()[program]
    where = " atau ".join(f"Program Files\\{w.replace('/', chr(92))}" for w in spec["windows"][:1])
    return (
        f"pasang {spec['judul']}: di Ubuntu/Debian 'sudo apt-get install {linux_packages}'; "
        f"di Windows jalankan pemasangnya (biasanya terpasang di {where}); bila terpasang di "
        f"tempat lain, isi variabel lingkungan {spec['env']} dengan jalur lengkap programnya"
    )
