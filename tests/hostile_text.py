"""The hostile text corpus: strings a clerk may type (or paste) into any field, shared by the
document renderer's tests and the web app's escaping tests."""

from __future__ import annotations

DOCUMENT_TEXTS = [
    "Dinas Koperasi & UKM",
    "<w:p>",
    "]]>",
    "{{ unit.nama }}",
    "{% if %}",
    "{%p endfor %}",
    "{_{ x }_}",
    "\"'`",
    "Ω≈ç√ 漢字 العربية हिन्दी 🙂",
    "a" * 3000,
]
"""What breaks a .docx template: XML, Jinja syntax, quotes, scripts of other languages, length."""

MARKUP_TEXTS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "{{ 7*7 }} {% now 'Y' %}",
    "Dinas Koperasi & UKM <b>",
    "</textarea><svg onload=alert(1)>",
    "&lt;sudah di-escape&gt; &amp;",
]
"""What breaks an HTML page: tags, attribute breakers, template syntax, entities."""

CORPUS = DOCUMENT_TEXTS + MARKUP_TEXTS
"""Every string of the corpus."""

HTML_SPECIAL = set("<>&\"'")
