"""Find the template tags of a ``.docx`` and where each one is (paragraph, table cell, header).

Works on the XML directly (no docxtpl), so even a template docxtpl cannot load is scanned.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from zi_docs.findings import Finding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Tag:
    """One template tag with its place."""

    kind: str
    """``{{``, ``{%`` or ``{#``."""
    body: str
    """The inside of the tag, docxtpl prefix (``p``, ``tr``, ``tc``, ``r``) removed."""
    prefix: str
    """The docxtpl prefix, or ``""``."""
    place: str
    """Where it is, in Indonesian: ``paragraf 12``, ``tabel 1, baris 2, sel 3, paragraf 1``."""
    part: str
    """The template part: ``badan`` or a header/footer name; tags never pair across parts."""


@dataclass(frozen=True)
class Scan:
    """Every tag in document order, and the places where a tag is broken."""

    tags: tuple[Tag, ...]
    problems: tuple[Finding, ...]


def _paragraph_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def _places(container: etree._Element, where: str) -> Iterator[tuple[str, str]]:
    """(place, text) of every paragraph in ``container``, tables cell by cell."""
    paragraphs = tables = 0
    for child in container:
        if child.tag == f"{W}p":
            paragraphs += 1
            yield f"{where}paragraf {paragraphs}", _paragraph_text(child)
        elif child.tag == f"{W}tbl":
            tables += 1
            for r, row in enumerate(child.iter(f"{W}tr"), start=1):
                if row.getparent() is not child:
                    continue
                for c, cell in enumerate(row.findall(f"{W}tc"), start=1):
                    yield from _places(cell, f"{where}tabel {tables}, baris {r}, sel {c}, ")
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _places(content, where)


def _split(text: str, place: str, part: str, file: str, problems: list[Finding]) -> Iterator[Tag]:
    pos = 0
    while True:
        start = min((i for i in (text.find(o, pos) for o in _OPENERS) if i >= 0), default=-1)
        stray = re.search(r"%}|}}", text[pos:start] if start >= 0 else text[pos:])
        if stray:
            problems.append(
                Finding(
                    message=f"penutup '{stray.group(0)}' tanpa pembuka; periksa tanda kurung "
                    "kurawal",
                    file=file,
                    field=place,
                    code="templat-tak-seimbang",
                )
            )
        if start < 0:
            return
        opener = text[start : start + 2]
        end = text.find(_OPENERS[opener], start + 2)
        if end < 0:
            problems.append(
                Finding(
                    message=f"tanda '{opener}' tidak ditutup dengan '{_OPENERS[opener]}' di "
                    "paragraf yang sama",
                    file=file,
                    field=place,
                    code="templat-tak-seimbang",
                )
            )
            return
        inner = text[start + 2 : end].translate(_QUOTES)
        inner = inner[1:] if inner[:1] in ("-", "+") else inner  # whitespace control
        inner = (inner[:-1] if inner[-1:] in ("-", "+") else inner).strip()
        match = re.match(r"(p|tr|tc|r)\s", inner) if opener != "{#" else None
        prefix = match.group(1) if match else ""
        yield Tag(opener, inner[match.end() :].strip() if match else inner, prefix, place, part)
        pos = end + 2


def _parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, str, bytes]]:
    """(part label, place prefix, xml) for the body, then headers and footers."""
    yield "badan", "", archive.read("word/document.xml")
    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    except KeyError:
        return
    for rel in rels.iter(_REL):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind in ("header", "footer"):
            name = rel.get("Target", "").rsplit("/", 1)[-1]
            label = ("kepala halaman " if kind == "header" else "kaki halaman ") + name
            yield label, f"{label}, ", archive.read(f"word/{name}")


def _unreadable(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return (
            "bukan dokumen Word .docx (isinya bukan paket .docx); buka di Word atau LibreOffice "
            "lalu simpan sebagai 'Dokumen Word (.docx)'"
        )
    if isinstance(exc, KeyError):
        return (
            "paket .docx tidak lengkap (tidak ada word/document.xml); simpan ulang dari Word "
            "atau LibreOffice sebagai .docx"
        )
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"berkas templat tidak dapat dibuka ({reason})"


def scan_docx(path: Path, display: str) -> Scan:
    """Every tag of the template at ``path``; unreadable files give one problem."""
    problems: list[Finding] = []
    tags: list[Tag] = []
    try:
        with zipfile.ZipFile(path) as archive:
            parts = list(_parts(archive))
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        problems.append(Finding(message=_unreadable(exc), file=display, code="templat-tak-terbaca"))
        return Scan((), tuple(problems))
    for label, where, xml in parts:
        try:
            root = etree.fromstring(xml)
        except etree.XMLSyntaxError as exc:
            problems.append(
                Finding(
                    message=f"XML rusak ({exc})",
                    file=display,
                    field=label,
                    code="templat-tak-terbaca",
                )
            )
            continue
        container = root.find(f"{W}body")
        for place, text in _places(root if container is None else container, where):
            tags.extend(_split(text, place, label, display, problems))
    return Scan(tuple(tags), tuple(problems))
