"""The streamed body of a long document is the same text as the body processed whole."""

from __future__ import annotations

import io

import pytest
from lxml import etree

from zi_docs.documents import render_body


class _Nothing:
    def close(self) -> None:
        return None


def _paragraph(i: int) -> str:
    drawing = f'<wp:docPr id="{i % 3}" name="x"/>' if i % 4 == 0 else ""
    return f"\n<w:p><w:r><w:t>baris {i}\t{{_{{ x }}_}}</w:t></w:r>{drawing}</w:p>"


def _body(count: int) -> list[str]:
    head = '<w:body xmlns:w="urn:w" xmlns:wp="urn:wp">'
    return [head, *(_paragraph(i) for i in range(count)), "</w:body>"]


def _written(chunks: list[str]) -> str:
    sink = io.BytesIO()
    render_body.write_body(
        chunks, lambda xml: xml.replace("\t", "<w:tab/>"), etree.XMLParser(target=_Nothing()), sink
    )
    return sink.getvalue().decode()


def test_cutting_after_paragraphs_gives_the_text_of_one_piece(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = _written(["".join(_body(300))])
    monkeypatch.setattr(render_body, "PIECE_CHARS", 200)
    pieces = _written(_body(300))
    assert pieces == whole
    assert "\n<w:p" not in whole and "{{ x }}" in whole and "<w:tab/>" in whole
    ids = [int(part.split('"')[0]) for part in whole.split('<wp:docPr id="')[1:]]
    assert ids == list(range(1001, 1001 + 75))  # numbered in document order, as docxtpl does


def test_a_body_that_is_no_xml_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_body, "PIECE_CHARS", 50)
    broken = _body(20)
    broken[5] = broken[5].replace("</w:t>", "")
    with pytest.raises(etree.XMLSyntaxError):
        _written(broken)
