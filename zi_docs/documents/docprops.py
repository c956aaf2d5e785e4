"""Page setup and document properties of generated documents (python-docx).

Which LKE indicators and checklist items a document serves is written into the core
properties so that any later stage (archive ingest, completeness) can read it back with
:func:`read_served` from the ``.docx`` alone:

* ``category`` = ``zi-docs:<kind>`` (e.g. ``zi-docs:sk-tim``)
* ``keywords`` = ``Zona Integritas; LKE:A.I.1.i.a[sk-tim]; LKE:A.I.1.i.b[sk-tim]``
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from zi_docs.refs import IndicatorRef
from zi_docs.workspace import PageSetup

CATEGORY_PREFIX = "zi-docs:"
_SERVED = re.compile(r"LKE:([^\s;\[\]]+)(?:\[([^\]]*)\])?")


@dataclass(frozen=True)
class DocumentInfo:
    """What a generated document says about itself."""

    kind: str
    """Kind name, e.g. ``sk-tim``."""
    title: str
    served: tuple[IndicatorRef, ...] = ()
    author: str = ""
    """Usually the unit's name."""
    date: dt.date | None = None
    """The document's own date (its ``tanggal``); created/modified carry it, so the archive
    dates the document as it is dated, never by when it was generated."""


DATE_FIELDS = ("tanggal", "tanggal_revisi", "tanggal_pembuatan")
"""Where an input keeps the document's own date, in order (an SOP: its revision date when it
revises one, else the date it was made)."""


def own_date(data: dict[str, Any]) -> dt.date | None:
    """The date a document carries, from its validated input."""
    for key in DATE_FIELDS:
        value = data.get(key)
        if isinstance(value, dt.date):
            return value
    return None


def apply_page_setup(document: Any, page: PageSetup) -> None:
    """Paper size, margins and body font of every section; landscape sections stay landscape."""
    for section in document.sections:
        width, height = Mm(page.width_mm), Mm(page.height_mm)
        landscape = section.orientation == WD_ORIENT.LANDSCAPE or (
            section.page_width is not None
            and section.page_height is not None
            and section.page_width > section.page_height
        )
        if landscape:
            width, height = height, width
            section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = width, height
        section.top_margin = Mm(page.margin_top_mm)
        section.bottom_margin = Mm(page.margin_bottom_mm)
        section.left_margin = Mm(page.margin_left_mm)
        section.right_margin = Mm(page.margin_right_mm)
    normal = document.styles["Normal"]
    normal.font.name = page.font
    normal.font.size = Pt(page.font_size)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), page.font)


def keywords_for(served: tuple[IndicatorRef, ...]) -> str:
    parts = ["Zona Integritas"]
    for item in served:
        parts.append(f"LKE:{item.indicator}" + (f"[{item.item}]" if item.item else ""))
    return "; ".join(parts)


def stamp(document: Any, info: DocumentInfo) -> None:
    """Write title, kind and served indicators into the core properties."""
    props = document.core_properties
    now = (
        dt.datetime.combine(info.date, dt.time(12, 0))  # noon: the same day in any time zone
        if info.date is not None
        else dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    )
    props.title = info.title
    props.subject = info.title
    props.category = CATEGORY_PREFIX + info.kind
    props.keywords = keywords_for(info.served)
    props.author = info.author or "zi-docs"
    props.last_modified_by = "zi-docs"
    props.comments = "Dibuat dengan zi-docs; periksa isi sebelum ditandatangani."
    props.created = now
    props.modified = now
    props.revision = 1


def read_info(path: Path) -> DocumentInfo | None:
    """The stamp of a document made by zi-docs, or ``None`` for any other file."""
    try:
        props = Document(str(path)).core_properties
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    category = props.category or ""
    if not category.startswith(CATEGORY_PREFIX):
        return None
    served = tuple(
        IndicatorRef(m.group(1), m.group(2) or None) for m in _SERVED.finditer(props.keywords or "")
    )
    return DocumentInfo(
        kind=category[len(CATEGORY_PREFIX) :],
        title=props.title or "",
        served=served,
        author=props.author or "",
    )


def read_served(path: Path) -> list[IndicatorRef]:
    """The LKE indicators (and checklist items) a generated ``.docx`` is evidence for."""
    info = read_info(path)
    return list(info.served) if info else []
