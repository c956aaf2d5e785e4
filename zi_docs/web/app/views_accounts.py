"""Akun: the admin of a workspace manages its accounts and roles (the CLI's functions)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.errors import InvalidInputError, ZiError
from zi_docs.web import accounts
from zi_docs.web.app.access import rule
from zi_docs.web.app.activity import record
from zi_docs.web.roles import role_codes, roles
from zi_docs.web.setup import current_site

LEAST_ROLE = "pengamat"
"""A new account's role unless the admin picks another: the one that can only read."""


def _role_choices() -> list[tuple[str, str]]:
    return [(code, found.label) for code, found in roles().items()]


class _AskedTwice(forms.Form):
    """A form whose password is typed twice (fields ``first`` and ``second``)."""

    first, second = "password1", "password2"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get(self.first) != data.get(self.second):
            raise ValidationError("Kedua sandi tidak sama.")
        return data


class AccountForm(_AskedTwice):
    username = forms.CharField(label="Nama pengguna", max_length=150)
    role = forms.ChoiceField(label="Peran", choices=_role_choices, initial=LEAST_ROLE)
    areas = forms.CharField(
        label="Area (untuk koordinator/anggota, mis. MP,PW)", required=False, max_length=100
    )
    password1 = forms.CharField(label="Sandi", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Ulangi sandi", widget=forms.PasswordInput, strip=False)


class ResetPasswordForm(_AskedTwice):
    """The admin sets a new password for another account (asked twice)."""

    sandi1 = forms.CharField(label="Sandi baru", widget=forms.PasswordInput, strip=False)
    sandi2 = forms.CharField(label="Ulangi sandi baru", widget=forms.PasswordInput, strip=False)

    first, second = "sandi1", "sandi2"


def _reset_password(request: HttpRequest, workspace: str) -> str:
    """Set the password of the account named in the form; its open sessions end."""
    name = str(request.POST.get("nama", ""))
    if name == request.user.get_username():
        raise ZiError("Ganti sandi Anda sendiri lewat tautan Ganti sandi di atas.")
    if name not in {a.username for a in accounts.list_accounts(workspace)}:
        raise ZiError(f"akun '{name}' tidak mempunyai peran di ruang kerja ini")
    form = ResetPasswordForm(request.POST)
    if not form.is_valid():
        problems = [str(e) for errors in form.errors.values() for e in errors]
        raise ZiError("Sandi belum diganti: " + " ".join(problems))
    accounts.set_password(name, form.cleaned_data["sandi1"])
    return name


def _areas(text: str) -> list[str]:
    return [a.strip() for a in text.split(",") if a.strip()]


@rule("akun")
def akun(request: HttpRequest) -> HttpResponse:
    """List the workspace's accounts; add one; change or remove one."""
    here = request.zi  # type: ignore[attr-defined]
    form = AccountForm(request.POST if request.POST.get("aksi") == "tambah" else None)
    if request.method == "POST":
        action = request.POST.get("aksi")
        try:
            if action == "tambah" and form.is_valid():
                data = form.cleaned_data
                accounts.add_account(
                    current_site(),
                    here.key,
                    data["username"],
                    data["role"],
                    data["password1"],
                    _areas(data["areas"]),
                )
                record(request, here.key, "akun-tambah", f"{data['username']} ({data['role']})")
                messages.success(request, f"Akun {data['username']} dibuat.")
                return redirect("zi_web:akun", ws=here.key)
            if action == "ubah":
                name = str(request.POST.get("nama", ""))
                new_role = str(request.POST.get("peran", "")) or None
                if name == request.user.get_username() and new_role != "admin":
                    raise ZiError("Anda tidak dapat mencabut peran admin Anda sendiri.")
                accounts.change_account(
                    current_site(),
                    here.key,
                    name,
                    role=new_role,
                    areas=_areas(str(request.POST.get("area", ""))),
                    active=request.POST.get("aktif") == "1",
                )
                record(request, here.key, "akun-ubah", f"{name} ({new_role})")
                messages.success(request, f"Akun {name} diubah.")
                return redirect("zi_web:akun", ws=here.key)
            if action == "sandi":
                name = _reset_password(request, here.key)
                record(request, here.key, "akun-sandi", name)
                messages.success(request, f"Sandi akun {name} diganti.")
                return redirect("zi_web:akun", ws=here.key)
            if action == "hapus":
                name = str(request.POST.get("nama", ""))
                if name == request.user.get_username():
                    raise ZiError("Anda tidak dapat menghapus akun Anda sendiri.")
                accounts.delete_account(here.key, name)
                record(request, here.key, "akun-hapus", name)
                messages.success(request, f"Akun {name} dihapus dari ruang kerja ini.")
                return redirect("zi_web:akun", ws=here.key)
        except InvalidInputError as err:
            if action == "sandi":
                messages.error(request, "Sandi belum diganti.")
            for finding in err.findings:
                messages.error(request, finding.message)
        except ZiError as err:
            messages.error(request, str(err) + (f" ({err.hint})" if err.hint else ""))
    listed = []
    for account in accounts.list_accounts(here.key):
        grant = next(g for g in account.grants if g.workspace == here.key)
        listed.append({"a": account, "peran": grant.role, "area": ",".join(sorted(grant.areas))})
    return render(
        request,
        "zi_web/akun.html",
        {"form": form, "akun": listed, "peran": _role_choices(), "kode_peran": role_codes()},
    )
