"""The hostile text corpus through every field a person types into the web app: an answer's
catatan, an evaluator's note, the unit's tanggapan, an uploaded file's name, the archive search
and the tindak lanjut register. Every page that shows the value answers 200, shows it escaped
(saved and shown back: it round-trips) and never contains it raw where it would be markup."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from hostile_text import CORPUS, HTML_SPECIAL
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zi_docs.assessment import read_answer
from zi_docs.evaluation import (
    item_versions,
    load_layer,
    load_register,
    read_layer_entry,
    read_response,
)
from zi_docs.evidence import list_files
from zi_docs.workspace import Workspace

from .conftest import KEY, drain

QUESTION = "A.I.1.i.b"  # area MP, noted in round 1 of the example layer
LAYER = "tpi-unit"
IDS = [f"{i}-{text[:12]}" for i, text in enumerate(CORPUS)]


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"zi_web:{name}", kwargs={"ws": KEY, **kwargs})


def typed(text: str) -> str:
    """What the forms keep of a typed value: its words, single-spaced."""
    return " ".join(text.split())


def shown(client: Any, address: str, value: str, *, whole: bool = True) -> str:
    """GET ``address``: 200, ``value`` never raw where it would be markup, and (``whole``)
    present escaped, i.e. saved and shown back as typed."""
    response = client.get(address)
    assert response.status_code == 200, address
    body = drain(response).decode()
    _never_raw(body, value)
    if whole:
        assert escape(value) in body, (address, value[:40])
    return body


def _never_raw(body: str, value: str) -> None:
    if HTML_SPECIAL & set(value):
        assert value not in body, value[:40]
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "<svg onload" not in body and "<b onmouseover" not in body
    assert "onmouseover='alert" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("text", CORPUS, ids=IDS)
def test_an_answers_catatan(text: str, login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    version = read_answer(workspace, QUESTION).version
    saved = client.post(
        url("jawab", indikator=QUESTION), {"versi": version, "jawaban": "B", "catatan": text}
    )
    assert saved.status_code == 302
    assert read_answer(workspace, QUESTION).note == typed(text)
    shown(client, url("indikator", indikator=QUESTION), typed(text))
    for address in (url("log"), url("beranda"), url("lke")):  # the log line may be cut short
        shown(client, address, typed(text), whole=False)
    # a stale form shows both the saved note and the one typed, escaped
    late = client.post(
        url("jawab", indikator=QUESTION), {"versi": version, "jawaban": "A", "catatan": text}
    )
    assert late.status_code == 409
    _never_raw(late.content.decode(), typed(text))


@pytest.mark.django_db
@pytest.mark.parametrize("text", CORPUS, ids=IDS)
def test_an_evaluators_note_and_the_units_tanggapan(
    text: str, login: Any, workspace: Workspace
) -> None:
    penilai, ketua = login("penilai"), login("ketua")
    version = read_layer_entry(workspace, LAYER, QUESTION).version
    saved = penilai.post(
        url("lapis_catat", nama=LAYER, indikator=QUESTION),
        {"versi": version, "jawaban": "B", "catatan": text},
    )
    assert saved.status_code == 302
    assert read_layer_entry(workspace, LAYER, QUESTION).note == typed(text)
    respon = read_response(workspace, LAYER, QUESTION)
    answered = ketua.post(
        url("lapis_tanggapi", nama=LAYER, indikator=QUESTION),
        {"versi": respon.version, "putaran": str(respon.round), "tanggapan": text},
    )
    assert answered.status_code == 302
    assert read_response(workspace, LAYER, QUESTION).response == typed(text)
    for address in (
        url("lapis_indikator", nama=LAYER, indikator=QUESTION),
        url("indikator", indikator=QUESTION),
    ):
        body = shown(ketua, address, typed(text))
        assert body.count(escape(typed(text))) >= 2  # the note and the tanggapan
    for address in (
        url("lapis", nama=LAYER) + "?tampil=catatan",
        url("banding"),
        url("evaluasi"),
        url("log"),
    ):
        shown(penilai, address, typed(text), whole=False)
    assert load_layer(workspace, LAYER).last is not None


def _name(text: str) -> str:
    return text[:200] + ".txt"


@pytest.mark.django_db
@pytest.mark.parametrize("text", CORPUS, ids=IDS)
def test_an_uploaded_files_name(text: str, login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    upload = SimpleUploadedFile(_name(text), b"isi berkas bukti rapat koordinasi")
    response = client.post(url("unggah", indikator=QUESTION), {"berkas": [upload]})
    assert response.status_code == 302
    [stored] = list_files(workspace).files
    assert stored.name  # whatever the archive made of the name is what every page shows
    for address in (
        url("arsip"),
        url("berkas", sha=stored.sha256),
        url("arsip") + "?q=rapat",
    ):
        shown(client, address, stored.name)
    for address in (url("log"), url("indikator", indikator=QUESTION)):  # titles, cut names
        shown(client, address, stored.name, whole=False)
    download = client.get(url("unduh", sha=stored.sha256))
    assert download.status_code == 200 and drain(download) == b"isi berkas bukti rapat koordinasi"
    disposition = download["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition


@pytest.mark.django_db
@pytest.mark.parametrize("text", CORPUS, ids=IDS)
def test_an_archive_search(text: str, login: Any, stored: dict[str, str]) -> None:
    client = login("pengamat")
    for params in ({"q": text, "indikator": text}, {"indikator": text}):  # search, listing
        unknown = client.get(url("arsip"), params)
        assert unknown.status_code == 422  # not an indicator id: said in words, escaped
        _never_raw(unknown.content.decode(), text)
    for params in ({"q": text}, {"q": text, "belum_ditandai": "1"}):
        response = client.get(url("arsip"), params)
        assert response.status_code == 200
        body = response.content.decode()
        _never_raw(body, text)
        if text.strip():
            assert escape(text.strip()) in body or escape(text) in body  # echoed in the box


def _register_form(text: str) -> dict[str, str]:
    return {
        "uraian": text,
        "pemilik": "Pokja Manajemen Perubahan",
        "asal": text,
        "batas": "2026-05-01",
        "sumber": "catatan",
        "indikator": QUESTION,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("text", CORPUS, ids=IDS)
def test_the_register_items_fields(text: str, login: Any, workspace: Workspace) -> None:
    text = text[:900]  # the register keeps at most 1000 characters a field (said in words)
    client = login("ketua")
    added = client.post(url("tl_tambah"), _register_form(text))
    assert added.status_code == 302, added.content.decode().split("pesan-masalah")[-1][:300]
    [item] = load_register(workspace).items
    assert item.text == typed(text) and item.origin == text.strip()
    changed = client.post(
        url("tl_butir", kode=item.code),
        {
            "versi": item_versions(workspace)[item.code],
            "status": "dalam-proses",
            "pemilik": item.owner,
            "batas": "2025-01-05",  # overdue: the Beranda lists it
            "keterangan": text,
        },
    )
    assert changed.status_code == 302
    [item] = load_register(workspace).items
    assert item.remark == typed(text) and item.due == dt.date(2025, 1, 5)
    body = shown(client, url("tl_butir", kode=item.code), typed(text))
    assert escape(item.origin or "") in body
    shown(client, url("tindak_lanjut"), typed(text), whole=False)
    shown(client, url("beranda"), typed(text), whole=False)
    # a refused form gives the typed values back, escaped
    refused = client.post(url("tl_tambah"), {**_register_form(text), "batas": "besok"})
    assert refused.status_code == 422
    _never_raw(refused.content.decode(), text)


ARBITRARY = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=ARBITRARY)
@example(text='"')  # a character every page holds anyway
@example(text=" \t ")  # nothing left once single-spaced
def test_any_text_in_a_catatan_round_trips(text: str, login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    value = typed(text)

    def save(note: str) -> None:
        version = read_answer(workspace, QUESTION).version
        response = client.post(
            url("jawab", indikator=QUESTION), {"versi": version, "jawaban": "B", "catatan": note}
        )
        assert response.status_code == 302

    save("0")  # the same page with a neutral note, to count what the page holds anyway
    before = client.get(url("indikator", indikator=QUESTION)).content.decode()
    save(text)
    assert (read_answer(workspace, QUESTION).note or "") == value
    body = client.get(url("indikator", indikator=QUESTION)).content.decode()
    assert escape(value) in body
    # arbitrary text may be a character the page holds anyway ('"', '<'): the saved note adds
    # no raw occurrence of it beyond its escaped form
    if value:
        raw_added = body.replace(escape(value), "").count(value) - before.count(value)
        assert raw_added <= 0, value[:40]
    _never_raw(body, "")
