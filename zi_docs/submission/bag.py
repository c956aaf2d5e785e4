"""Writing a BagIt bag (RFC 8493) whose manifests we build ourselves.

``bagit.make_bag`` would hash every payload file again; the archive already knows each
file's SHA-256, so :func:`place_file` reuses it when the stored object is unchanged (same
size — the archive's quick check) and hashes only what it cannot vouch for. The written bag
is standard: ``bagit.Bag(path).validate()`` accepts it (see the tests).
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from zi_docs.evidence import hash_file

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
_STORED_SUFFIXES = frozenset(
    [
        ".pdf",
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
        ".zip",
        ".docx",
        ".xlsx",
        ".pptx",
        ".mp4",
        ".mp3",
        ".odt",
        ".ods",
        ".gz",
    ]
)


@dataclass(frozen=True)
class Placed:
    """One payload file written into the bag."""

    path: str
    """Relative to the bag root, ``/``-separated."""
    sha256: str
    size: int
    linked: bool
    """Hard link to the archive's object (True) or a copy."""
    reused_digest: bool
    """The digest came from the archive database instead of being computed."""


def place_file(
    source: Path,
    bag_root: Path,
    relative: str,
    *,
    sha256: str | None,
    size: int | None,
    link: bool,
) -> Placed:
    """Put ``source`` at ``bag_root/relative`` (hard link when asked and possible, else a
    copy) and return its digest: the known ``sha256`` when ``source`` still has the
    known ``size``, otherwise freshly computed from the placed bytes."""
    target = bag_root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    linked = False
    if link:
        try:
            os.link(source, target)
            linked = True
        except OSError:
            linked = False
    if not linked:
        copy_file(source, target)
    actual_size = target.stat().st_size
    if sha256 is not None and size is not None and actual_size == size:
        return Placed(relative, sha256, actual_size, linked, reused_digest=True)
    digest, actual_size = hash_file(target)
    return Placed(relative, digest, actual_size, linked, reused_digest=False)


def copy_file(source: Path, target: Path) -> None:
    """A copy that shares no inode with ``source``: a reflink (copy-on-write) where the file
    system offers it, else an ordinary copy. The copy is writable; ``source`` is untouched."""
    if _reflink(source, target):
        return
    shutil.copyfile(source, target)


def _reflink(source: Path, target: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False  # FICLONE is Linux's (Windows has no fcntl at all): an ordinary copy
    try:
        import fcntl  # POSIX only, and only here
    except ImportError:  # a Python built without it: an ordinary copy
        return False
    ficlone = 0x40049409  # Linux ioctl FICLONE (Btrfs, XFS, bcachefs, ...)
    try:
        with source.open("rb") as src, target.open("wb") as dst:
            fcntl.ioctl(dst.fileno(), ficlone, src.fileno())
    except OSError:
        target.unlink(missing_ok=True)
        return False
    return True


def _clean_value(value: str) -> str:
    return " ".join(str(value).split())


def write_bag_files(
    bag_root: Path, payload: list[Placed], info: Mapping[str, str], extra_tag_files: list[str]
) -> None:
    """bagit.txt, bag-info.txt (with Payload-Oxum), the payload manifest and the tag manifest
    (covering the other tag files and ``extra_tag_files`` such as ``index.html``)."""
    (bag_root / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    octets = sum(p.size for p in payload)
    lines = [f"{label}: {_clean_value(value)}" for label, value in info.items()]
    lines.append(f"Payload-Oxum: {octets}.{len(payload)}")
    (bag_root / "bag-info.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = "".join(f"{p.sha256}  {p.path}\n" for p in sorted(payload, key=lambda p: p.path))
    (bag_root / MANIFEST).write_text(manifest, encoding="utf-8")
    tag_lines = []
    for name in ("bagit.txt", "bag-info.txt", MANIFEST, *extra_tag_files):
        digest, _size = hash_file(bag_root / name)
        tag_lines.append(f"{digest}  {name}\n")
    (bag_root / TAGMANIFEST).write_text("".join(tag_lines), encoding="utf-8")


def zip_bag(bag_root: Path, zip_path: Path) -> Path:
    """One ``.zip`` holding the bag under a top folder named like the bag; already-compressed
    formats are stored, the rest deflated. Written to a temporary name, then renamed."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(f".{zip_path.name}.{os.getpid()}.tmp")
    top = bag_root.name
    with zipfile.ZipFile(tmp, "w", allowZip64=True) as archive:
        for path in sorted(bag_root.rglob("*")):
            if not path.is_file():
                continue
            name = f"{top}/{path.relative_to(bag_root).as_posix()}"
            method = (
                zipfile.ZIP_STORED
                if path.suffix.lower() in _STORED_SUFFIXES
                else zipfile.ZIP_DEFLATED
            )
            archive.write(path, name, compress_type=method)
    os.replace(tmp, zip_path)
    return zip_path
