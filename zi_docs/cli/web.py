"""``zi-docs web``: serve the workspace to the team in a browser, and manage its accounts."""

from __future__ import annotations

import sys
import threading
import webbrowser
from typing import Any

import click

from zi_docs import web as webapp
from zi_docs.cli._base import LazyChoice, ZiGroup, emit_json, option, workspace_from
from zi_docs.errors import ZiError

ROLES = LazyChoice(lambda: webapp.role_codes())


def _open(ctx: click.Context, workspace_dirs: tuple[str, ...]) -> webapp.Site:
    """The site of the workspaces named with ``-w`` (or the one found as usual)."""
    if workspace_dirs:
        return webapp.open_site([workspace_from(ctx, d).root for d in workspace_dirs])
    return webapp.open_site([workspace_from(ctx, None).root])


def _site(ctx: click.Context, unit: str | None) -> tuple[webapp.Site, str]:
    """The configured site of ``zi-docs web -w ...`` and the unit an account command is for."""
    dirs: tuple[str, ...] = ()
    probe: click.Context | None = ctx
    while probe is not None:
        if probe.command.name == "web":
            dirs = tuple(probe.params.get("workspace_dirs") or ())
            break
        probe = probe.parent
    site = _open(ctx, dirs)
    webapp.configure(site)
    if unit is None:
        return site, site.default_key
    if unit not in site.workspaces:
        raise ZiError(
            f"unit '{unit}' tidak dilayani; yang ada: {', '.join(site.workspaces)}",
            hint="sebutkan salah satunya dengan --unit",
        )
    return site, unit


@click.group(cls=ZiGroup, invoke_without_command=True)
@option(
    "--ruang-kerja",
    "-w",
    "workspace_dirs",
    old=("--workspace",),
    type=click.Path(file_okay=False),
    multiple=True,
    help="Folder ruang kerja yang dilayani; ulangi untuk beberapa unit sekaligus (bawaan: "
    "seperti perintah lain). Data akun disimpan di ruang kerja pertama.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Alamat yang didengarkan.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Nomor port."
)
@click.option(
    "--tanpa-peramban", is_flag=True, help="Jangan membuka peramban (browser) secara otomatis."
)
@click.pass_context
def web(
    ctx: click.Context,
    workspace_dirs: tuple[str, ...],
    host: str,
    port: int,
    tanpa_peramban: bool,
) -> None:
    """Layani ruang kerja untuk seluruh tim lewat peramban (browser).

    Tanpa subperintah, server dijalankan sampai dihentikan dengan Ctrl+C. Akun dibuat dengan
    'zi-docs web pengguna tambah'; bila ruang kerja belum punya akun, tautan penyiapan
    sekali pakai untuk admin pertama dicetak.
    """
    if ctx.invoked_subcommand is not None:
        return
    site = _open(ctx, workspace_dirs)
    workspace = site.workspace(site.default_key)
    loopback = webapp.is_loopback(host)
    hosts = None if loopback else ["*"]
    webapp.configure(site, allowed_hosts=hosts)
    shown_host = "localhost" if loopback else host
    base = f"http://{shown_host}:{port}/"
    units = ", ".join(site.workspace(k).profile.unit_name for k in site.workspaces)
    click.echo(f"zi-docs web melayani {units} di {base}")
    if not loopback:
        click.echo(
            "PERHATIAN: server ini dapat dibuka dari komputer lain, dan lalu lintasnya TIDAK "
            "terenkripsi (http). Di jaringan kantor, pasang di belakang proksi TLS (https), "
            "mis. Caddy atau nginx; lihat bagian 'Aplikasi web' di README.",
            err=True,
        )
    del workspace
    target = base
    if not webapp.has_accounts(site.default_key):
        token = webapp.setup_token(site.default_key)
        target = f"{base}siapkan/{token}/"
        click.echo(
            "Ruang kerja ini belum punya akun. Buat admin pertama lewat tautan sekali pakai:"
        )
        click.echo(f"  {target}")
    click.echo("Hentikan dengan Ctrl+C.")
    if not tanpa_peramban:
        threading.Timer(1.0, webbrowser.open, args=(target,)).start()
    webapp.serve(host, port)


@web.group(cls=ZiGroup)
def pengguna() -> None:
    """Akun aplikasi web ruang kerja ini: tambah, ubah, hapus, sandi, daftar."""


def _password(sandi_stdin: bool) -> str:
    if sandi_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ZiError("tidak ada sandi di masukan standar (stdin)")
        return line
    value: str = click.prompt(
        "Sandi", hide_input=True, confirmation_prompt="Ulangi sandi", err=True
    )
    return value


def _areas(text: str | None) -> list[str]:
    return [a.strip() for a in (text or "").split(",") if a.strip()]


def _account_json(account: webapp.Account) -> dict[str, Any]:
    return {
        "nama": account.username,
        "aktif": account.active,
        "peran": [
            {"ruang_kerja": g.workspace, "peran": g.role, "area": sorted(g.areas)}
            for g in account.grants
        ],
    }


def _account_line(account: webapp.Account) -> str:
    parts = []
    for grant in account.grants:
        areas = f" ({', '.join(sorted(grant.areas))})" if grant.areas else ""
        parts.append(f"{grant.role}{areas}")
    state = "" if account.active else "  [nonaktif]"
    return f"{account.username:20} {', '.join(parts)}{state}"


_SANDI_STDIN = click.option(
    "--sandi-stdin", is_flag=True, help="Baca sandi satu kali dari masukan standar (untuk skrip)."
)
_UNIT = click.option(
    "--unit",
    default=None,
    help="Kunci unit (ruang kerja) bila server melayani beberapa unit; bawaan: yang pertama.",
)
_AREA = click.option(
    "--area", default=None, help="Area untuk koordinator/anggota, mis. MP,PW (kode atau nama)."
)


@pengguna.command(name="tambah")
@click.argument("nama")
@_UNIT
@click.option("--peran", type=ROLES, required=True, help="Peran akun.")
@_AREA
@_SANDI_STDIN
@click.pass_context
def tambah(
    ctx: click.Context,
    nama: str,
    unit: str | None,
    peran: str,
    area: str | None,
    sandi_stdin: bool,
) -> None:
    """Tambah akun NAMA dengan PERAN (sandi ditanyakan dua kali, tidak pernah di baris perintah)."""
    site, key = _site(ctx, unit)
    account = webapp.add_account(site, key, nama, peran, _password(sandi_stdin), _areas(area))
    click.echo(f"Akun dibuat: {_account_line(account)}")


@pengguna.command(name="ubah")
@click.argument("nama")
@_UNIT
@click.option("--peran", type=ROLES, default=None, help="Peran baru.")
@_AREA
@click.option("--nonaktif/--aktif", "nonaktif", default=None, help="Nonaktifkan atau aktifkan.")
@click.pass_context
def ubah(
    ctx: click.Context,
    nama: str,
    unit: str | None,
    peran: str | None,
    area: str | None,
    nonaktif: bool | None,
) -> None:
    """Ubah peran, area, atau status aktif akun NAMA."""
    site, key = _site(ctx, unit)
    account = webapp.change_account(
        site,
        key,
        nama,
        role=peran,
        areas=_areas(area) if area is not None else None,
        active=None if nonaktif is None else not nonaktif,
    )
    click.echo(f"Akun diubah: {_account_line(account)}")


@pengguna.command(name="hapus")
@click.argument("nama")
@_UNIT
@click.pass_context
def hapus(ctx: click.Context, nama: str, unit: str | None) -> None:
    """Hapus peran akun NAMA di ruang kerja ini (akunnya hilang bila tak punya peran lain)."""
    _, key = _site(ctx, unit)
    webapp.delete_account(key, nama)
    click.echo(f"Akun {nama} dihapus dari ruang kerja ini.")


@pengguna.command(name="sandi")
@click.argument("nama")
@_SANDI_STDIN
@click.pass_context
def sandi(ctx: click.Context, nama: str, sandi_stdin: bool) -> None:
    """Ganti sandi akun NAMA."""
    _site(ctx, None)
    webapp.set_password(nama, _password(sandi_stdin))
    click.echo(f"Sandi {nama} diganti.")


@pengguna.command(name="daftar")
@_UNIT
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_context
def daftar(ctx: click.Context, unit: str | None, as_json: bool) -> None:
    """Daftar akun ruang kerja ini beserta perannya."""
    _, key = _site(ctx, unit)
    found = webapp.list_accounts(key)
    if as_json:
        emit_json([_account_json(a) for a in found])
        return
    if not found:
        click.echo(
            "Belum ada akun. Tambahkan dengan: zi-docs web pengguna tambah NAMA --peran admin"
        )
        return
    for account in found:
        click.echo(_account_line(account))


COMMANDS: list[click.Command] = [web]
