"""Every route has a permission rule, and the roles x routes x areas matrix holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from zi_docs.assessment import read_answer
from zi_docs.web import roles
from zi_docs.web.app.access import PUBLIC, Rule
from zi_docs.workspace import Workspace

from .conftest import ACCOUNTS, KEY, drain
from .route_table import ROUTES, VIEW_CHECKED, roles_of

MP_QUESTION = "A.I.1.i.b"  # ABC, area MP
PW_QUESTION = "A.I.5.i.a"  # area PW
ROLES = ["admin", "ketua", "koor_mp", "anggota_pw", "penilai", "pengamat"]


def _patterns(resolver: Any = None) -> list[URLPattern]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            found.extend(_patterns(entry))
        else:
            found.append(entry)
    return found


def test_every_route_declares_a_permission_rule() -> None:
    missing = [
        str(p.pattern)
        for p in _patterns()
        if not isinstance(getattr(p.callback, "zi_rule", None), Rule)
        and getattr(p.callback, "zi_rule", None) not in (PUBLIC, "akun-sendiri")
    ]
    assert missing == []


def test_write_routes_need_a_write_capability() -> None:
    for pattern in _patterns():
        rule = getattr(pattern.callback, "zi_rule", None)
        writes = roles_of(ROUTES[pattern.name][1]) | roles_of(ROUTES[pattern.name][2])
        if writes and pattern.name not in VIEW_CHECKED:
            assert isinstance(rule, Rule) and rule.capability != "baca", pattern.name


def test_every_route_has_a_row_in_the_shared_table() -> None:
    """The unit's routes and the evaluators' (urls_eval.py) alike: a new route without a row
    in tests/web/route_table.py fails here, and so does a row of a route that is gone."""
    names = [p.name for p in _patterns()]
    assert len(names) == len(set(names))
    assert set(names) - set(ROUTES) == set(), "routes without a row"
    assert set(ROUTES) - set(names) == set(), "rows of routes that are gone"


def _grant(account: str) -> roles.Grant:
    role, areas = ACCOUNTS[account]
    return roles.Grant(KEY, role, frozenset(a for a in areas.split(",") if a))


def test_the_table_agrees_with_the_rule_each_view_declares() -> None:
    for pattern in _patterns():
        reads, on_mp, on_pw = (roles_of(c) for c in ROUTES[pattern.name])
        rule = getattr(pattern.callback, "zi_rule", None)
        if not isinstance(rule, Rule):
            assert ROUTES[pattern.name][0] in ("publik", "akun"), pattern.name
            assert rule == (PUBLIC if ROUTES[pattern.name][0] == "publik" else "akun-sendiri")
            continue
        holders = {r for r in ROLES if rule.capability in roles.role(_grant(r).role).capabilities}
        assert reads == holders, pattern.name
        if rule.capability == "baca":
            assert pattern.name in VIEW_CHECKED or not (on_mp | on_pw), pattern.name
            continue
        for area, expected in (("MP", on_mp), ("PW", on_pw)):
            where = None if rule.area_of is None else area
            allowed = {r for r in ROLES if roles.permits(_grant(r), rule.capability, where)}
            assert allowed == expected, (pattern.name, area)


READ_ROUTES = ["beranda", "log", "lke", "arsip"]


def _reads(stored: dict[str, str]) -> list[str]:
    return [
        *(reverse(f"zi_web:{name}", kwargs={"ws": KEY}) for name in READ_ROUTES),
        reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": MP_QUESTION}),
        reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": stored["mp"]}),
        reverse("zi_web:unduh", kwargs={"ws": KEY, "sha": stored["mp"]}),
        reverse("zi_web:pratinjau", kwargs={"ws": KEY, "sha": stored["pw"]}),
    ]


@pytest.mark.django_db
def test_every_role_reads_every_page(login: Any, stored: dict[str, str]) -> None:
    for role in ROLES:
        client = login(role)
        for url in _reads(stored):
            response = client.get(url)
            drain(response)  # downloads stream the stored file
            assert response.status_code == 200, (role, url)


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_and_no_grant_is_refused(
    client: Any, login: Any, stored: dict[str, str]
) -> None:
    for url in _reads(stored):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    stranger = login("tamu")
    for url in _reads(stored):
        response = stranger.get(url)
        assert response.status_code == 403
        assert "tidak mempunyai peran" in response.content.decode()


@pytest.mark.django_db
def test_refusal_names_the_accounts_areas(login: Any, workspace: Workspace) -> None:
    client = login("koor_mp")
    version = read_answer(workspace, PW_QUESTION).version
    response = client.post(
        reverse("zi_web:jawab", kwargs={"ws": KEY, "indikator": PW_QUESTION}),
        {"versi": version, "jawaban": "A"},
    )
    text = response.content.decode()
    assert response.status_code == 403
    assert "hanya boleh mengubah indikator area Anda (MP)" in text
    assert "area PW" in text
    assert read_answer(workspace, PW_QUESTION).version == version


# --- konsep and page images (views_konsep.py) --------------------------------------------
# role -> (generate and archive a konsep, upload the signed scan of an MP konsep)
KONSEP_MATRIX = {
    "admin": (True, True),
    "ketua": (True, True),
    "koor_mp": (False, True),  # no 'dokumen'; the SK Tim serves MP indicators
    "anggota_pw": (False, False),  # may upload, but only for PW
    "penilai": (False, False),
    "pengamat": (False, False),
}


def _library_konsep(workspace: Workspace) -> str:
    from zi_docs.documents import archive_generated, generate
    from zi_docs.evidence import hash_file

    made = generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml", pdf=False)
    return hash_file(archive_generated(workspace, made)[0].path)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_konsep_routes_by_role(role: str, login: Any, workspace: Workspace, tmp_path: Path) -> None:
    from .test_web_documents import _form_values
    from .test_web_konsep import scan_pdf

    client = login(role)
    konsep = _library_konsep(workspace)
    form = reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": "sk-tim", "nama": "sk-tim"})
    post = {**_form_values(workspace, "sk-tim"), "aksi": "buat", "arsipkan": "1"}
    generated = client.post(form, post).status_code
    scan = scan_pdf(tmp_path)
    signed = client.post(
        reverse("zi_web:tandatangan", kwargs={"ws": KEY, "sha": konsep}),
        {"berkas": SimpleUploadedFile(scan.name, scan.read_bytes())},
    ).status_code
    may_generate, may_sign = KONSEP_MATRIX[role]
    assert generated == (200 if may_generate else 403), role
    assert signed == (302 if may_sign else 403), role


@pytest.mark.django_db
def test_page_images_are_read_routes(
    client: Any, login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    from zi_docs.evidence import add_files

    from .test_web_konsep import scan_pdf

    pdf = scan_pdf(tmp_path, "laporan.pdf")
    sha = add_files(workspace, [pdf], indicators=[PW_QUESTION]).outcomes[0].sha256
    made = workspace.out_dir / "dokumen"
    made.mkdir(parents=True, exist_ok=True)
    scan_pdf(made, "piagam.pdf")
    urls = [
        reverse("zi_web:halaman_arsip", kwargs={"ws": KEY, "sha": sha, "halaman": 1}),
        reverse("zi_web:halaman_dokumen", kwargs={"ws": KEY, "berkas": "piagam.pdf", "halaman": 1}),
    ]
    for role in ROLES:
        for url in urls:
            response = login(role).get(url)
            drain(response)
            assert response.status_code == 200, (role, url)
    for url in urls:
        assert client.get(url).status_code == 302
        assert login("tamu").get(url).status_code == 403


# --- every area-scoped write, on an MP and on a PW indicator, as the shared table says -------
def _snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every workspace file (lock and SQLite journal files aside)."""
    import hashlib

    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith((".lock", ".pemilik", "-wal", "-shm", "-journal"))
    }


def _area_writes(workspace: Workspace, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """route -> area -> a request (url, form) that writes on an indicator of that area."""
    import datetime as dt

    from zi_docs.evaluation import save_layer_entry
    from zi_docs.evidence import add_files, remove

    folder = tmp_path / "lain"
    folder.mkdir()
    made = {}
    names = ("buang-mp", "buang-pw", "pulih-mp", "pulih-pw", "lepas", "milik-mp", "milik-pw")
    for name in names:
        (folder / f"{name}.txt").write_text(f"berkas {name} untuk uji peran", encoding="utf-8")
    for name, question in (
        ("buang-mp", MP_QUESTION),
        ("buang-pw", PW_QUESTION),
        ("milik-mp", MP_QUESTION),  # a file of one area, tagged also to the other area
        ("milik-pw", PW_QUESTION),
    ):
        made[name] = add_files(workspace, [folder / f"{name}.txt"], indicators=[question])
    for name, question in (("pulih-mp", MP_QUESTION), ("pulih-pw", PW_QUESTION)):
        made[name] = add_files(workspace, [folder / f"{name}.txt"], indicators=[question])
        remove(workspace, [made[name].outcomes[0].sha256])
    made["lepas"] = add_files(workspace, [folder / "lepas.txt"])
    sha = {k: v.outcomes[0].sha256 for k, v in made.items()}
    layer = "tpi-unit"
    from zi_docs.evaluation import read_layer_entry, read_response

    entry = read_layer_entry(workspace, layer, PW_QUESTION)
    save_layer_entry(
        workspace, layer, PW_QUESTION, answer=None, note="Bukti sosialisasi belum lengkap",
        expected_version=entry.version, date=dt.date(2026, 3, 1), evaluator="Tim TPI",
    )  # fmt: skip

    def answer(question: str) -> dict[str, Any]:
        option = next(iter(workspace.catalogue.resolve(question).criteria))
        version = read_answer(workspace, question).version
        return {"versi": version, "jawaban": option, "catatan": "diisi saat uji peran"}

    def respond(question: str) -> dict[str, Any]:
        shown = read_response(workspace, layer, question)
        return {"versi": shown.version, "putaran": str(shown.round), "tanggapan": "sudah ada"}

    def upload(question: str) -> dict[str, Any]:
        return {"berkas": [SimpleUploadedFile(f"unggah {question}.txt", question.encode())]}

    def at(name: str, **kwargs: str) -> str:
        return reverse(f"zi_web:{name}", kwargs={"ws": KEY, **kwargs})

    areas = {"MP": (MP_QUESTION, "mp"), "PW": (PW_QUESTION, "pw")}
    return {
        route: {area: build(q, a) for area, (q, a) in areas.items()}
        for route, build in {
            "jawab": lambda q, a: (at("jawab", indikator=q), lambda: answer(q)),
            "unggah": lambda q, a: (at("unggah", indikator=q), lambda: upload(q)),
            "tandai": lambda q, a: (at("tandai", indikator=q), lambda: {"berkas": [sha["lepas"]]}),
            "ubah_tanda": lambda q, a: (  # the target's area decides, not the file's own
                at("ubah_tanda", sha=sha["milik-pw" if a == "mp" else "milik-mp"]),
                lambda: {"aksi": "tandai", "indikator": q},
            ),
            "buang": lambda q, a: (at("buang", sha=sha[f"buang-{a}"]), lambda: {"aksi": "buang"}),
            "pulihkan": lambda q, a: (
                at("buang", sha=sha[f"pulih-{a}"]),
                lambda: {"aksi": "pulihkan"},
            ),
            "lapis_tanggapi": lambda q, a: (
                at("lapis_tanggapi", nama=layer, indikator=q),
                lambda: respond(q),
            ),
        }.items()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_area_scoped_writes_follow_the_table_and_a_refusal_writes_nothing(
    role: str, login: Any, workspace: Workspace, stored: dict[str, str], tmp_path: Path
) -> None:
    client = login(role)
    writes = _area_writes(workspace, tmp_path)
    for route, by_area in writes.items():
        row = ROUTES["buang" if route == "pulihkan" else route]
        for area, (address, form) in by_area.items():
            expected = role in roles_of(row[1] if area == "MP" else row[2])
            before = _snapshot(workspace.root)
            status = client.post(address, form()).status_code
            if expected:
                assert status == 302, (role, route, area, status)
            else:
                assert status == 403, (role, route, area, status)
                assert _snapshot(workspace.root) == before, (role, route, area)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_signed_scan_upload_by_area(
    role: str, login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    """The konsep of the SK Tim serves MP indicators; moved to a PW indicator it is a PW
    konsep. A refused upload leaves the workspace files unchanged."""
    from zi_docs.evidence import show, tag, untag

    from .test_web_konsep import scan_pdf

    client = login(role)
    konsep = _library_konsep(workspace)
    for area in ("MP", "PW"):
        if area == "PW":
            served = sorted({t.indicator for t in show(workspace, konsep).file.tags})
            tag(workspace, konsep, [PW_QUESTION])
            untag(workspace, konsep, served)
        scan = scan_pdf(tmp_path, f"sk-tim-ttd-{area}.pdf")
        before = _snapshot(workspace.root)
        status = client.post(
            reverse("zi_web:tandatangan", kwargs={"ws": KEY, "sha": konsep}),
            {"berkas": SimpleUploadedFile(scan.name, scan.read_bytes())},
        ).status_code
        if role in roles_of(ROUTES["tandatangan"][1 if area == "MP" else 2]):
            assert status == 302, (role, area)
            if area == "PW":
                continue
            # the scan superseded it: a new konsep (another number, so never the same bytes)
            sk = workspace.inputs_dir / "sk-tim.yaml"
            sk.write_text(
                sk.read_text(encoding="utf-8").replace("/015/", "/016/"), encoding="utf-8"
            )
            konsep = _library_konsep(workspace)
            assert show(workspace, konsep).file.draft, "the PW case needs a live konsep"
        else:
            assert status == 403, (role, area)
            assert _snapshot(workspace.root) == before, (role, area)
