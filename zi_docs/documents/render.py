"""The render engine: the only module that imports docxtpl, and the home of python-docx
building (with :mod:`zi_docs.documents.docprops`, which sets page and properties).

A template is prepared once (loaded, page setup and stamp applied, XML pre-processed the
docxtpl way, compiled by the sandboxed Jinja environment); then :meth:`PreparedTemplate.render`
fills it with any number of contexts. Each output is written straight into a new zip: parts the
template does not change (styles, numbering, images, properties) are serialized once and reused,
so a batch of 500 documents costs 500 Jinja renders, not 500 loads and compilations.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import IO, Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.spec import default_content_types
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Template, TemplateError
from lxml import etree

from zi_docs.documents import environment as limits
from zi_docs.documents.docprops import DocumentInfo, apply_page_setup, stamp
from zi_docs.documents.environment import LimitExceeded, explain_fill_error, make_environment
from zi_docs.documents.logo import usable_image
from zi_docs.documents.render_body import write_body
from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.outputs import write_output
from zi_docs.workspace import PageSetup

log = logging.getLogger(__name__)

_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CELL_TAG = re.compile(r"\{[%{]-?\s*tc\s")
_TAG = re.compile(r"\{[{%#]")
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_SPOOL_BYTES = 4 << 20
"""A streamed body is held in memory up to this size, then in a temporary file."""
COMPILED_KEPT = 32
"""Compiled template parts kept (each built-in template has a body and a header or two)."""
KEPT_PART_CHARS = 1_000_000
"""A larger part is compiled every time: a kept part holds its text as its key, so the kept
parts stay within tens of megabytes (the largest built-in body is 62 kB)."""


def _content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``: a Default per known extension, an Override for
    every other part (as python-docx writes it, sorted the same way)."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext.lower()] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    root = etree.Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Default", Extension=ext, ContentType=defaults[ext])
    for name in sorted(overrides):
        etree.SubElement(
            root, f"{{{_TYPES_NS}}}Override", PartName=name, ContentType=overrides[name]
        )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@dataclass(frozen=True)
class _Part:
    """A template part that is rendered per document (the body, a header or a footer)."""

    partname: str
    part: Any
    template: Template
    prefix: bytes = b""
    suffix: bytes = b""


class _Media:
    """:class:`zi_docs.documents.kind.Media` for this engine: docxtpl inline images."""

    def __init__(self, tpl: DocxTemplate) -> None:
        self._tpl = tpl

    def image(
        self, source: Path | bytes, *, width_mm: float | None = None, height_mm: float | None = None
    ) -> object:
        if isinstance(source, Path):
            source = usable_image(source, source.name)  # WebP/SVG converted, the rest refused
        descriptor: Any = io.BytesIO(source) if isinstance(source, bytes) else str(source)
        return InlineImage(
            self._tpl,
            descriptor,
            width=Mm(width_mm) if width_mm else None,
            height=Mm(height_mm) if height_mm else None,
        )


def _not_xml(name: str, exc: Exception) -> InvalidInputError:
    return _template_error(
        name,
        ValueError(
            f"hasil pengisian bukan XML yang sah ({exc}); biasanya tanda {{%p/{{%tr tidak "
            "berpasangan"
        ),
    )


def _template_error(name: str, exc: Exception) -> InvalidInputError:
    message = explain_fill_error(exc)
    return InvalidInputError(
        f"templat {name} tidak dapat diisi",
        [Finding(message=f"templat bermasalah: {message}", file=name, code="templat-gagal")],
        hint=f"periksa templat dengan: zi-docs templates check {name}",
    )


_COMPILER = make_environment()
"""Compiles only (a compiled part runs in the environment of the template that renders it)."""
_PATCHER = DocxTemplate(io.BytesIO())
"""Lends its XML clean-up (:meth:`DocxTemplate.patch_xml`, which reads no state); never loaded."""


def _compiled(xml: str) -> CodeType:
    """The Jinja code of one part's XML, pre-processed the docxtpl way (a paragraph per line,
    so an error names its line)."""
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", _PATCHER.patch_xml(xml))
    code: CodeType = _COMPILER.compile(source)
    return code


_kept_compiled = functools.lru_cache(maxsize=COMPILED_KEPT)(_compiled)
""":func:`_compiled`, kept by the part's XML text: the code depends on that text alone (every
environment comes from :func:`make_environment`), and a code object is never changed, so
renders in any thread share it. Generating 30 documents from one template compiles it once."""


class _Nothing:
    """A parser target that builds nothing: parsing with it only checks well-formedness."""

    def close(self) -> None:
        return None


_CHECK_ONLY = etree.XMLParser(target=_Nothing())


class PreparedTemplate:
    """A ``.docx`` template ready to render many contexts."""

    def __init__(
        self,
        path: Path,
        *,
        page: PageSetup | None = None,
        info: DocumentInfo | None = None,
        display: str | None = None,
    ) -> None:
        self.path = path
        self.name = display or path.name
        self._tpl = DocxTemplate(str(path))
        try:
            self._tpl.init_docx()
        except PackageNotFoundError:
            raise InvalidInputError(
                f"{self.name} bukan berkas .docx yang sah",
                [
                    Finding(
                        message="isinya bukan paket .docx (kosong, rusak, atau jenis lain)",
                        file=self.name,
                    )
                ],
                hint="simpan ulang templat dari Word/LibreOffice sebagai .docx",
            ) from None
        except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
            raise InvalidInputError(
                f"{self.name} bukan berkas .docx yang sah",
                [
                    Finding(
                        message="paket .docx-nya tidak lengkap atau rusak (bagian Word hilang)",
                        file=self.name,
                    )
                ],
                hint="simpan ulang templat dari Word/LibreOffice sebagai .docx",
            ) from None
        docx = self._tpl.docx
        if page is not None:
            apply_page_setup(docx, page)
        if info is not None:
            stamp(docx, info)
        self._env = make_environment()
        self.media = _Media(self._tpl)
        self._compiled: list[_Part] | None = None
        self._fix_tables = bool(_CELL_TAG.search(self._tpl.get_xml()))
        self._static = b""
        self._signature: tuple[tuple[str, int], ...] = ()

    # ---- preparation ------------------------------------------------------------------------
    def _compile(self, xml: str) -> Template:
        try:
            code = _compiled(xml) if len(xml) > KEPT_PART_CHARS else _kept_compiled(xml)
            template: Template = self._env.template_class.from_code(
                self._env, code, self._env.make_globals(None), None
            )
            return template
        except (TemplateError, ValueError, ArithmeticError, RecursionError) as exc:
            raise _template_error(self.name, exc) from None

    @property
    def _parts(self) -> list[_Part]:
        """Compiled on first use, so a broken template fails at render time, after the
        template check has had its say."""
        if self._compiled is None:
            self._compiled = self._compile_parts(self._tpl.docx)
        return self._compiled

    def _compile_parts(self, docx: Any) -> list[_Part]:
        element = docx.element
        shell = copy.deepcopy(element)
        for child in list(shell.body):
            shell.body.remove(child)
        prefix, _, suffix = serialize_part_xml(shell).partition(b"<w:body/>")
        parts = [
            _Part(
                str(docx.part.partname),
                docx.part,
                self._compile(self._tpl.get_xml()),
                prefix,
                suffix,
            )
        ]
        for reltype in (RT.HEADER, RT.FOOTER):
            for rel in docx.part.rels.values():
                if rel.reltype != reltype or rel.is_external:
                    continue
                xml = self._tpl.get_part_xml(rel.target_part)
                if _TAG.search(xml):
                    parts.append(
                        _Part(
                            str(rel.target_part.partname),
                            rel.target_part,
                            self._compile(xml),
                            _DECLARATION,
                        )
                    )
        return parts

    # ---- rendering --------------------------------------------------------------------------
    def _chunks(self, part: _Part, context: Mapping[str, Any]) -> Iterator[str]:
        """The part's text as Jinja renders it, within the size and time limits."""
        self._tpl.current_rendering_part = part.part
        self._env.deadline = time.monotonic() + limits.MAX_RENDER_SECONDS
        size = 0
        try:
            for chunk in part.template.generate(context):
                size += len(chunk)
                if size > limits.MAX_OUTPUT_CHARS:
                    raise LimitExceeded(
                        "hasil pengisian templat terlalu besar (lebih dari "
                        f"{limits.MAX_OUTPUT_CHARS // 1_000_000} juta karakter); perkecil "
                        "perulangannya"
                    )
                self._env.check_time()
                yield chunk
        except (TemplateError, ArithmeticError, ValueError, TypeError, LookupError) as exc:
            raise _template_error(self.name, exc) from None
        except RecursionError:
            raise _template_error(
                self.name, ValueError("makro memanggil dirinya sendiri tanpa henti")
            ) from None
        finally:
            self._env.deadline = None

    def _stream_body(self, part: _Part, context: Mapping[str, Any]) -> IO[bytes]:
        """The body part written piece by piece to a spooled file (memory flat in the number
        of pages; see :mod:`zi_docs.documents.render_body`), rewound for reading."""
        spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 (closed by render)
        spool.write(part.prefix)
        try:
            write_body(
                self._chunks(part, context),
                self._tpl.resolve_listing,
                etree.XMLParser(target=_Nothing()),
                spool,
            )
        except etree.XMLSyntaxError as exc:
            spool.close()
            raise _not_xml(self.name, exc) from None
        except BaseException:
            spool.close()
            raise
        spool.write(part.suffix)
        spool.seek(0)
        return spool

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> bytes:
        xml = "".join(self._chunks(part, context))
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        xml = self._tpl.resolve_listing(xml)
        body = part.prefix != _DECLARATION
        rework = body and (self._fix_tables or "docPr" in xml)
        data: bytes = xml.encode("utf-8")
        try:
            # Only a part that is reworked needs its tree; the others are only checked to be
            # XML, by a parser that builds nothing (a 2,000-page body's tree is 100+ MB).
            tree = etree.fromstring(data, None if rework else _CHECK_ONLY)
        except etree.XMLSyntaxError as exc:
            raise _not_xml(self.name, exc) from None
        if rework:  # the document body, with tables to fix or drawings to renumber
            if self._fix_tables:
                tree = self._tpl.fix_tables(xml)
            if "docPr" in xml:
                self._tpl.docx_ids_index = 1000
                self._tpl.fix_docpr_ids(tree)
            data = bytes(etree.tostring(tree, encoding="utf-8"))
            if data.startswith(b"<?xml"):
                data = data[data.index(b"?>") + 2 :]
        return part.prefix + data + part.suffix

    def _static_zip(self) -> bytes:
        """A zip of every entry except the rendered parts, compressed once; rebuilt only when
        the package changed (an image added by the first render, for instance)."""
        package = self._tpl.docx.part.package
        parts = list(package.iter_parts())
        signature = tuple((str(p.partname), len(p.rels)) for p in parts)
        if signature != self._signature:
            rendered = {p.partname for p in self._parts}
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(CONTENT_TYPES_URI.membername, _content_types(parts))
                archive.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
                for part in parts:
                    if str(part.partname) not in rendered:
                        archive.writestr(part.partname.membername, part.blob)
                    if len(part.rels):
                        archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
            self._static, self._signature = buffer.getvalue(), signature
        return self._static

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The filled document as ``.docx`` bytes."""
        rendered: list[tuple[str, bytes | IO[bytes]]] = []
        try:
            for part in self._parts:
                streamed = part.prefix != _DECLARATION and not self._fix_tables
                body = self._stream_body if streamed else self._render_part
                rendered.append((part.partname.lstrip("/"), body(part, context)))
            # after rendering: an image added by the first render changes the static parts
            buffer = io.BytesIO(self._static_zip())
            with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
                for name, blob in rendered:
                    if isinstance(blob, bytes):
                        archive.writestr(name, blob)
                    else:
                        with archive.open(name, "w") as entry:
                            shutil.copyfileobj(blob, entry, _SPOOL_BYTES)
        finally:
            for _, blob in rendered:
                if not isinstance(blob, bytes):
                    blob.close()
        data: bytes = buffer.getvalue()
        return data

    def render_to(self, context: Mapping[str, Any], dest: Path) -> Path:
        """Render and write ``dest`` (via a temporary file, so a failure leaves no half file)."""
        return write_output(dest, self.render(context))
