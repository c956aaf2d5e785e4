"""Logo files as Word can take them: PNG/JPEG/GIF/BMP/TIFF as they are, WebP and SVG converted.

The only home of ``resvg_py`` (SVG to PNG). An SVG that refers to other files is refused, so a
logo never pulls in data from outside the workspace.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding

ACCEPTED = "PNG, JPG, GIF, BMP, TIFF, WebP atau SVG"
_AS_IS = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}
_MAX_BYTES = 20_000_000
_MAX_PIXELS = 40_000_000
_SVG_PIXELS = 600
"""Height of the PNG an SVG logo is drawn at (sharp at the sizes documents print it)."""
_EXTERNAL = re.compile(rb"""(?:href|src)\s*=\s*["'](?!#|data:)""", re.IGNORECASE)


def usable_image(path: Path, shown: str) -> Path | bytes:
    """``path`` itself when Word reads it, else PNG bytes; raises a clear error otherwise."""
    try:
        data = path.read_bytes() if path.stat().st_size <= _MAX_BYTES else None
    except OSError as exc:
        raise _refused(shown, f"tidak dapat dibaca ({exc.strerror})") from None
    if data is None:
        raise _refused(shown, "berkasnya lebih dari 20 MB; perkecil gambarnya")
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:4096].lower():
        return _from_svg(data, shown)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            if image.width * image.height > _MAX_PIXELS:
                raise _refused(shown, "ukuran gambarnya terlalu besar (lebih dari 40 megapiksel)")
            if kind in _AS_IS:
                return path
            image.load()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            return buffer.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise _refused(shown, "isinya bukan gambar yang dikenali") from None


def _from_svg(data: bytes, shown: str) -> bytes:
    if _EXTERNAL.search(data) or b"<!entity" in data.lower():
        raise _refused(
            shown,
            "SVG ini merujuk berkas atau alamat lain (href/src/entity); simpan logo sebagai PNG",
        )
    try:
        import resvg_py
    except ImportError:  # pragma: no cover - resvg-py is a dependency
        raise _refused(shown, "SVG tidak dapat diubah di komputer ini") from None
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=data.decode("utf-8"), height=_SVG_PIXELS, skip_system_fonts=True
        )
    except (UnicodeDecodeError, ValueError, RuntimeError, OSError) as exc:
        raise _refused(shown, f"SVG tidak dapat digambar ({str(exc)[:80]})") from None
    return bytes(png)


def _refused(shown: str, problem: str) -> InvalidInputError:
    return InvalidInputError(
        f"logo {shown} tidak dapat dipakai",
        [Finding(message=f"{problem}; format yang dapat dipakai: {ACCEPTED}", file=shown)],
        hint="ganti berkas logo (unit.logo di unit.yaml) dengan gambar PNG atau JPG",
    )
