"""Evaluasi and Tindak lanjut pages through the test client: every route, its role rule, and
the version check that keeps two people's saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from zi_docs.evaluation import (
    add_items,
    item_versions,
    load_layer,
    load_register,
    read_layer_entry,
    read_response,
)
from zi_docs.workspace import Workspace

from .conftest import KEY
from .route_table import ROUTES, roles_of

LAYER = "tpi-unit"
NOTED_MP = "A.I.1.i.b"  # area MP, noted in round 1 of the example layer, with a tanggapan
NOTED_OTHER = "A.I.2.i.c"  # area PP (not MP), noted, no tanggapan yet
ROLES = ["admin", "ketua", "koor_mp", "anggota_pw", "penilai", "pengamat"]


def url(name: str, **kwargs: str) -> str:
    return reverse(f"zi_web:{name}", kwargs={"ws": KEY, **kwargs})


def _item(workspace: Workspace, indicator: str | None, due: dt.date) -> str:
    [code] = add_items(
        workspace,
        [
            {
                "uraian": "Tetapkan kriteria seleksi anggota tim",
                "sumber": "catatan",
                "indikator": indicator,
                "pemilik": "Pokja Manajemen Perubahan",
                "batas_waktu": due,
            }
        ],
    )
    return code


def _reads(workspace: Workspace) -> list[str]:
    code = _item(workspace, NOTED_MP, dt.date(2026, 1, 5))
    return [
        url("evaluasi"),
        url("banding"),
        url("banding") + "?semua=1&area=MP",
        url("lapis", nama=LAYER),
        url("lapis", nama=LAYER) + "?tampil=catatan",
        url("lapis_indikator", nama=LAYER, indikator=NOTED_MP),
        url("lhe", nama=LAYER),
        url("tindak_lanjut"),
        url("tl_butir", kode=code),
    ]


@pytest.mark.django_db
def test_every_role_reads_every_evaluation_page(login: Any, workspace: Workspace) -> None:
    reads = _reads(workspace)
    for role in ROLES:
        client = login(role)
        for address in reads:
            response = client.get(address)
            assert response.status_code == 200, (role, address)
            assert "zi-docs" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_and_strangers_are_kept_out(
    client: Any, login: Any, workspace: Workspace
) -> None:
    reads = _reads(workspace)
    for address in reads:
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    stranger = login("tamu")
    for address in reads:
        assert stranger.get(address).status_code == 403


def _record(client: Any, workspace: Workspace, question: str) -> int:
    version = read_layer_entry(workspace, LAYER, question).version
    status: int = client.post(
        url("lapis_catat", nama=LAYER, indikator=question),
        {"versi": version, "jawaban": "B", "catatan": f"catatan untuk {question}"},
    ).status_code
    return status


def _respond(client: Any, workspace: Workspace, question: str) -> int:
    shown = read_response(workspace, LAYER, question)
    status: int = client.post(
        url("lapis_tanggapi", nama=LAYER, indikator=question),
        {"versi": shown.version, "putaran": str(shown.round), "tanggapan": "sudah diperbaiki"},
    ).status_code
    return status


def _open_round(client: Any) -> int:
    status: int = client.post(
        url("buka_putaran"), {"lapis": LAYER, "tanggal": "2026-04-01", "penilai": "Tim TPI"}
    ).status_code
    return status


def _lhe(client: Any) -> int:
    status: int = client.post(
        url("lhe_buat", nama=LAYER), {"isian": "lhe", "aksi": "buat"}
    ).status_code
    return status


def _add_item(client: Any, indicator: str) -> int:
    status: int = client.post(
        url("tl_tambah"),
        {
            "uraian": "Lengkapi berita acara",
            "pemilik": "Pokja",
            "batas": "2026-05-01",
            "sumber": "catatan",
            "indikator": indicator,
        },
    ).status_code
    return status


def _from_layer(client: Any) -> int:
    status: int = client.post(
        url("tl_dari_lapis"), {"lapis": LAYER, "batas": "2026-05-01"}
    ).status_code
    return status


def _update(client: Any, workspace: Workspace, code: str) -> int:
    status: int = client.post(
        url("tl_butir", kode=code),
        {
            "versi": item_versions(workspace)[code],
            "status": "dalam-proses",
            "pemilik": "Pokja MP",
            "batas": "2026-06-01",
        },
    ).status_code
    return status


# (route, area column of the shared table) of each write below; NOTED_OTHER is of area PP,
# outside koor_mp's areas like PW, so it reads the PW column
WRITES = [
    ("lapis_catat", 1),
    ("lapis_tanggapi", 1),
    ("lapis_tanggapi", 2),
    ("buka_putaran", 1),
    ("lhe_buat", 1),
    ("tl_tambah", 1),
    ("tl_tambah", 2),
    ("tl_dari_lapis", 1),
    ("tl_butir", 1),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_roles_by_evaluation_routes(role: str, login: Any, workspace: Workspace) -> None:
    client = login(role)
    code = _item(workspace, NOTED_MP, dt.date(2026, 6, 1))
    got = (
        _record(client, workspace, NOTED_MP),
        _respond(client, workspace, NOTED_MP),
        _respond(client, workspace, NOTED_OTHER),
        _open_round(client),
        _lhe(client),
        _add_item(client, NOTED_MP),
        _add_item(client, NOTED_OTHER),
        _from_layer(client),
        _update(client, workspace, code),
    )
    for (route, column), status in zip(WRITES, got, strict=True):
        allowed = role in roles_of(ROUTES[route][column])
        assert status == (302 if allowed else 403), (role, route, got)


@pytest.mark.django_db
def test_penilai_records_then_a_stale_form_is_refused_and_shown(
    login: Any, workspace: Workspace
) -> None:
    first, second = login("penilai"), login("admin")
    shown = read_layer_entry(workspace, LAYER, NOTED_MP).version
    address = url("lapis_catat", nama=LAYER, indikator=NOTED_MP)
    saved = first.post(address, {"versi": shown, "jawaban": "A", "catatan": "SK sudah ada"})
    assert saved.status_code == 302
    late = second.post(address, {"versi": shown, "jawaban": "B", "catatan": "belum cukup"})
    text = late.content.decode()
    assert late.status_code == 409
    assert "sudah diubah orang lain" in text and "SK sudah ada" in text and "belum cukup" in text
    latest = load_layer(workspace, LAYER).answer_set().get(NOTED_MP)
    assert latest is not None and latest.option == "A" and latest.note == "SK sudah ada"


@pytest.mark.django_db
def test_an_invalid_layer_answer_is_explained_beside_the_form(
    login: Any, workspace: Workspace
) -> None:
    client = login("penilai")
    version = read_layer_entry(workspace, LAYER, "A.I.1.ii.b").version
    response = client.post(
        url("lapis_catat", nama=LAYER, indikator="A.I.1.ii.b"), {"versi": version, "jawaban": "9"}
    )
    text = response.content.decode()
    assert response.status_code == 422
    assert 'id="pesan-masalah"' in text and "zi-docs " not in text.split("pesan-masalah")[1][:400]


@pytest.mark.django_db
def test_tanggapan_is_saved_and_a_stale_one_refused(login: Any, workspace: Workspace) -> None:
    ketua, koordinator = login("ketua"), login("koor_mp")
    shown = read_response(workspace, LAYER, NOTED_MP)
    address = url("lapis_tanggapi", nama=LAYER, indikator=NOTED_MP)
    data = {"versi": shown.version, "putaran": str(shown.round)}
    assert ketua.post(address, {**data, "tanggapan": "SK revisi terbit"}).status_code == 302
    late = koordinator.post(address, {**data, "tanggapan": "sedang disusun"})
    assert late.status_code == 409 and "SK revisi terbit" in late.content.decode()
    assert read_response(workspace, LAYER, NOTED_MP).response == "SK revisi terbit"
    page = ketua.get(url("lapis_indikator", nama=LAYER, indikator=NOTED_MP)).content.decode()
    assert "SK revisi terbit" in page


@pytest.mark.django_db
def test_opening_a_round_then_notes_go_into_it(login: Any, workspace: Workspace) -> None:
    client = login("penilai")
    assert _open_round(client) == 302
    assert load_layer(workspace, LAYER).last.number == 2  # type: ignore[union-attr]
    page = client.get(url("evaluasi")).content.decode()
    assert "berjalan" in page and "ditutup" in page
    assert _record(client, workspace, NOTED_MP) == 302
    assert read_layer_entry(workspace, LAYER, NOTED_MP).round == 2
    bad = client.post(url("buka_putaran"), {"lapis": "Bukan Nama", "tanggal": "x", "penilai": ""})
    assert bad.status_code == 302
    shown = client.get(url("evaluasi")).content.decode()
    assert "TTTT-BB-HH" in shown and "Nama penilai putaran belum diisi" in shown


@pytest.mark.django_db
def test_comparison_marks_the_differences(login: Any) -> None:
    page = login("pengamat").get(url("banding")).content.decode()
    assert 'id="tabel-rangkuman"' in page and "TOTAL" in page
    assert 'class="beda"' in page and "Mekanisme pemilihan anggota tim" in page


@pytest.mark.django_db
def test_unknown_layer_and_item_are_not_found(login: Any) -> None:
    client = login("ketua")
    assert client.get(url("lapis", nama="tidak-ada")).status_code == 404
    assert client.get(url("lapis", nama="Bukan_Nama")).status_code == 404
    assert client.get(url("tl_butir", kode="TL-999")).status_code == 404


@pytest.mark.django_db
def test_lhe_is_generated_and_downloaded(login: Any, workspace: Workspace) -> None:
    client = login("penilai")
    assert _lhe(client) == 302
    page = client.get(url("lhe", nama=LAYER)).content.decode()
    assert "lhe-tpi-unit.docx" in page
    download = client.get(url("unduh_dokumen", berkas="lhe-tpi-unit.docx"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"


@pytest.mark.django_db
def test_lhe_input_copied_for_another_layer(login: Any, workspace: Workspace) -> None:
    client = login("penilai")
    assert _open_round(client) == 302
    client.post(
        url("buka_putaran"), {"lapis": "inspektorat", "tanggal": "2026-04-02", "penilai": "Insp"}
    )
    response = client.post(url("lhe_buat", nama="inspektorat"), {"isian": "lhe", "aksi": "salin"})
    assert response.status_code == 302
    assert (workspace.inputs_dir / "lhe-inspektorat.yaml").is_file()
    page = client.get(url("lhe", nama="inspektorat")).content.decode()
    assert "Isian lhe-inspektorat" in page


@pytest.mark.django_db
def test_register_add_close_needs_evidence_and_overdue_on_beranda(
    login: Any, workspace: Workspace, stored: dict[str, str]
) -> None:
    client = login("ketua")
    code = _item(workspace, NOTED_MP, dt.date(2025, 1, 5))
    home = client.get(url("beranda")).content.decode()
    assert 'id="tindak-lanjut-terlambat"' in home and code in home
    address = url("tl_butir", kode=code)
    base = {"pemilik": "Pokja MP", "batas": "2025-01-05", "status": "selesai"}
    refused = client.post(address, {**base, "versi": item_versions(workspace)[code]})
    assert refused.status_code == 422 and "Sebutkan bukti penutupnya dari arsip" in (
        refused.content.decode()
    )
    closed = client.post(
        address, {**base, "versi": item_versions(workspace)[code], "bukti": [stored["mp"]]}
    )
    assert closed.status_code == 302
    item = load_register(workspace).items[0]
    assert item.done and item.evidence == (stored["mp"][:12],) and item.closed is not None
    assert 'id="tindak-lanjut-terlambat"' not in client.get(url("beranda")).content.decode()


@pytest.mark.django_db
def test_register_stale_update_is_refused(login: Any, workspace: Workspace) -> None:
    first, second = login("ketua"), login("koor_mp")
    code = _item(workspace, NOTED_MP, dt.date(2026, 6, 1))
    version = item_versions(workspace)[code]
    form = {"versi": version, "status": "dalam-proses", "pemilik": "A", "batas": "2026-06-01"}
    assert first.post(url("tl_butir", kode=code), form).status_code == 302
    late = second.post(url("tl_butir", kode=code), {**form, "pemilik": "B"})
    assert late.status_code == 409 and "sudah diubah orang lain" in late.content.decode()
    assert load_register(workspace).items[0].owner == "A"


@pytest.mark.django_db
def test_register_from_layer_and_form_problems(login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    assert _from_layer(client) == 302
    items = load_register(workspace).items
    assert items and all(i.origin == "lapis tpi-unit putaran 1" for i in items)
    bad = client.post(url("tl_tambah"), {"uraian": "", "pemilik": "", "batas": "besok"})
    text = bad.content.decode()
    assert bad.status_code == 422
    assert "Uraian belum diisi" in text and "TTTT-BB-HH" in text


@pytest.mark.django_db
def test_a_broken_layer_file_is_reported_in_words(login: Any, workspace: Workspace) -> None:
    path = workspace.layers_dir / f"{LAYER}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- nomor: 1", "- nomor: 0"), encoding="utf-8"
    )
    client = login("penilai")
    for response in (
        client.get(url("lapis", nama=LAYER)),
        client.post(url("lapis_catat", nama=LAYER, indikator=NOTED_MP), {"versi": "x"}),
        client.post(url("lhe_buat", nama=LAYER), {"isian": "lhe", "aksi": "buat"}),
    ):
        text = response.content.decode()
        assert response.status_code == 422
        assert "Ada masalah" in text and "lapis/tpi-unit.yaml:" in text
        assert "omor putaran harus bilangan bulat" in text
        assert "zi-docs lapis" not in text and "--" not in text.split("<main>")[1]


@pytest.mark.django_db
def test_items_from_an_unknown_layer_are_explained_without_commands(login: Any) -> None:
    response = login("ketua").post(
        url("tl_dari_lapis"), {"lapis": "tidak-ada", "batas": "2026-05-01"}
    )
    text = response.content.decode()
    assert response.status_code == 422
    assert "belum ada" in text and "zi-docs " not in text.split("<main>")[1]


@pytest.mark.django_db
@pytest.mark.libreoffice
def test_lhe_pdf_when_libreoffice_is_there(login: Any, workspace: Workspace) -> None:
    client = login("penilai")
    response = client.post(
        url("lhe_buat", nama=LAYER), {"isian": "lhe", "aksi": "buat", "pdf": "1"}
    )
    assert response.status_code == 302
    page = client.get(url("lhe", nama=LAYER)).content.decode()
    assert "lhe-tpi-unit.pdf" in page
    pdf = (workspace.out_dir / "dokumen" / "lhe-tpi-unit.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")


@pytest.mark.django_db
def test_the_units_indicator_page_shows_the_notes_and_where_to_answer(login: Any) -> None:
    page = login("koor_mp").get(url("indikator", indikator=NOTED_MP)).content.decode()
    assert 'id="catatan-penilai"' in page and "Mekanisme pemilihan anggota tim" in page
    assert "Tanggapi catatan lapis tpi-unit" in page
    assert url("lapis_indikator", nama=LAYER, indikator=NOTED_MP) in page
    quiet = login("pengamat").get(url("indikator", indikator="A.I.1.ii.a")).content.decode()
    assert 'id="catatan-penilai"' not in quiet


@pytest.mark.django_db
def test_a_layer_not_assessed_yet_shows_no_differences(login: Any) -> None:
    client = login("penilai")
    client.post(
        url("buka_putaran"), {"lapis": "inspektorat", "tanggal": "2026-04-02", "penilai": "I"}
    )
    page = client.get(url("lapis", nama="inspektorat")).content.decode()
    assert "belum dinilai" in page and 'class="beda"' not in page
    differing = client.get(url("lapis", nama=LAYER) + "?tampil=beda").content.decode()
    assert differing.count('class="berbeda"') == 2  # P.MP.i.b C and P.TTL.i.c D


@pytest.mark.django_db
def test_a_workspace_without_layers(login: Any, workspace: Workspace) -> None:
    (workspace.layers_dir / f"{LAYER}.yaml").unlink()
    penilai, pengamat = login("penilai"), login("pengamat")
    assert "belum memiliki lapis evaluasi" in penilai.get(url("banding")).content.decode()
    page = penilai.get(url("evaluasi")).content.decode()
    assert "Buka putaran pertama" in page and 'id="form-putaran"' in page
    assert 'id="form-putaran"' not in pengamat.get(url("evaluasi")).content.decode()


@pytest.mark.django_db
def test_what_changed_in_a_round(login: Any, workspace: Workspace) -> None:
    client = login("penilai")
    assert client.get(url("perubahan", nama=LAYER, nomor="2")).status_code == 404
    assert _open_round(client) == 302
    shown = read_layer_entry(workspace, LAYER, NOTED_MP).version
    client.post(
        url("lapis_catat", nama=LAYER, indikator=NOTED_MP),
        {"versi": shown, "jawaban": "A", "catatan": "SK kriteria seleksi sudah ada"},
    )
    assert (
        'href="/u/unit/evaluasi/lapis/tpi-unit/putaran/2/"'
        in client.get(url("evaluasi")).content.decode()
    )
    for role in ("pengamat", "koor_mp"):
        page = login(role).get(url("perubahan", nama=LAYER, nomor="2")).content.decode()
        assert "Perubahan putaran 1 → 2" in page
        assert "SK kriteria seleksi sudah ada" in page and "Kriteria seleksi anggota tim" in page


@pytest.mark.django_db
def test_a_penilai_fills_the_lhe_fields_but_no_unit_document(
    login: Any, workspace: Workspace
) -> None:
    from .test_web_documents import _form_values

    client = login("penilai")
    form = url("isian", jenis="lhe", nama="lhe")
    assert 'name="aksi"' in client.get(form).content.decode()  # the save buttons are there
    post = {**_form_values(workspace, "lhe"), "nomor": "700/LHE-99/ITDA/2026", "aksi": "simpan"}
    assert client.post(form, post).status_code == 302
    assert "700/LHE-99/ITDA/2026" in (workspace.inputs_dir / "lhe.yaml").read_text("utf-8")
    sk = url("isian", jenis="sk-tim", nama="sk-tim")
    before = (workspace.inputs_dir / "sk-tim.yaml").read_bytes()
    assert (
        client.post(sk, {**_form_values(workspace, "sk-tim"), "aksi": "simpan"}).status_code == 403
    )
    assert (workspace.inputs_dir / "sk-tim.yaml").read_bytes() == before
    assert 'name="aksi"' not in client.get(sk).content.decode()


@pytest.mark.django_db
def test_the_owner_is_picked_from_the_pokja_and_an_unknown_one_is_pointed_out(
    login: Any, workspace: Workspace
) -> None:
    client = login("ketua")
    page = client.get(url("tindak_lanjut")).content.decode()
    assert 'list="pilihan-pemilik"' in page
    for area in workspace.catalogue.areas.values():
        assert f'<option value="Pokja {area}">' in page
    form = {"uraian": "Perbarui SOP", "sumber": "catatan", "batas": "2026-06-01"}
    known = client.post(url("tl_tambah"), {**form, "pemilik": "pokja  manajemen perubahan"})
    assert known.status_code == 302
    assert "bukan salah satu pokja" not in client.get(known["Location"]).content.decode()
    typo = client.post(url("tl_tambah"), {**form, "pemilik": "Pokja Manajmen Perubahan"})
    shown = client.get(typo["Location"]).content.decode()
    assert "Pemilik &#x27;Pokja Manajmen Perubahan&#x27; bukan salah satu pokja" in shown
    assert [i.owner for i in load_register(workspace).items][-2:] == [
        "pokja manajemen perubahan",
        "Pokja Manajmen Perubahan",  # taken as written: the hint does not refuse
    ]
    code = load_register(workspace).items[-1].code
    item_page = client.get(url("tl_butir", kode=code)).content.decode()
    assert 'list="pilihan-pemilik"' in item_page and "Pokja Penguatan Pengawasan" in item_page
