"""The one template builder: every built-in .docx template from its source in ``templates/``.

Run from the repository root:  .venv/bin/python tools/build_templates.py [NAME ...]

Each ``templates/*.py`` source maps template file names to functions returning a python-docx
document (``TEMPLATES``), built with the one helper module ``tools/docx_build.py``. Output goes
to ``zi_docs/data/templates/`` (package data). The zips are written deterministically (sorted
members, fixed timestamps), so building twice gives the same bytes, and
``tests/test_template_build.py`` proves the shipped files equal this builder's output.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "templates"
OUT = ROOT / "zi_docs" / "data" / "templates"
_EPOCH = (1980, 1, 1, 0, 0, 0)
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]


def sources() -> dict[str, Callable[[], Any]]:
    """Template file name -> builder, from every source module in ``templates/``."""
    found: dict[str, Callable[[], Any]] = {}
    for path in sorted(SOURCES.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"_template_source_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, build in module.TEMPLATES.items():
            if name in found:
                raise SystemExit(f"{path.name}: templat {name} sudah dibuat oleh sumber lain")
            found[name] = build
    return dict(sorted(found.items()))


def docx_bytes(document: Any) -> bytes:
    """The document as a .docx whose bytes depend only on its content."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, source.read(name))
    return out.getvalue()


def build(out: Path = OUT, names: Sequence[str] = ()) -> list[Path]:
    """Build the named templates (all when ``names`` is empty) into ``out``."""
    wanted = {n.removesuffix(".docx") for n in names}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in sources().items():
        if wanted and name.removesuffix(".docx") not in wanted:
            continue
        target = out / name
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(docx_bytes(make()))
        tmp.replace(target)
        written.append(target)
    return written


def main(argv: Sequence[str]) -> None:
    for path in build(OUT, argv):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
