"""Masuk, keluar, ganti sandi, and the one-time link that creates a workspace's first admin."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.views import LoginView, LogoutView, PasswordChangeView
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from zi_docs.web.app.access import public
from zi_docs.web.app.models import Grant, SetupToken

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


def _throttle_key(request: HttpRequest, username: str) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    return "masuk-gagal:" + hashlib.sha256(f"{remote}|{username.lower()}".encode()).hexdigest()


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, refusing further tries after repeated failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Nama pengguna atau sandi salah. Periksa huruf besar/kecil lalu coba lagi."
        ),
        "throttled": (
            "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit lalu coba lagi, atau "
            "minta admin ruang kerja mengganti sandi Anda."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        key = _throttle_key(self.request, username) if self.request is not None else ""
        if key and cache.get(key, 0) >= MAX_FAILURES:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except ValidationError:
            if key:
                cache.set(key, cache.get(key, 0) + 1, LOCKOUT_SECONDS)
            raise


class MasukView(LoginView):
    template_name = "zi_web/masuk.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True


masuk = public(MasukView.as_view())


class KeluarView(LogoutView):
    """Logging out is a POST (with the CSRF token); a GET (a typed or bookmarked
    ``/keluar/``) gets a page holding that button instead of the browser's English 405."""

    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, "zi_web/keluar.html")


keluar = public(KeluarView.as_view())


class GantiSandiView(PasswordChangeView):
    template_name = "zi_web/ganti_sandi.html"
    success_url = reverse_lazy("zi_web:awal")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Sandi Anda sudah diganti.")
        return super().form_valid(form)


def _login_required_view(view: Any) -> Any:
    from django.contrib.auth.decorators import login_required

    wrapped = login_required(view)
    wrapped.zi_rule = "akun-sendiri"
    return wrapped


ganti_sandi = _login_required_view(GantiSandiView.as_view())


class SetupForm(forms.Form):
    username = forms.CharField(label="Nama pengguna", max_length=150)
    password1 = forms.CharField(label="Sandi", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Ulangi sandi", widget=forms.PasswordInput, strip=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            raise ValidationError("Kedua sandi tidak sama.")
        if first:
            user_model = get_user_model()
            validate_password(first, user_model(username=data.get("username", "")))
        if get_user_model().objects.filter(username=data.get("username", "")).exists():
            raise ValidationError("Nama pengguna itu sudah dipakai.")
        return data


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@public
def siapkan(request: HttpRequest, token: str) -> HttpResponse:
    """The one-time setup link: create the first admin of a workspace."""
    row = SetupToken.objects.filter(digest=token_digest(token), used=False).first()
    if row is None:
        return render(
            request,
            "zi_web/ditolak.html",
            {"pesan": "Tautan penyiapan ini tidak berlaku lagi (sudah dipakai atau salah)."},
            status=404,
        )
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = SetupToken.objects.select_for_update().get(pk=row.pk)
            if locked.used:
                return redirect("zi_web:masuk")
            user = User.objects.create_user(
                form.cleaned_data["username"], password=form.cleaned_data["password1"]
            )
            Grant.objects.create(user=user, workspace=locked.workspace, role="admin")
            locked.used = True
            locked.save(update_fields=["used"])
        authed = authenticate(
            request, username=user.username, password=form.cleaned_data["password1"]
        )
        if authed is not None:
            login(request, authed)
        messages.success(request, "Akun admin dibuat. Selamat datang!")
        return redirect("zi_web:beranda", ws=row.workspace)
    return render(request, "zi_web/siapkan.html", {"form": form})
