"""Error pages in Indonesian (never Django's debug pages)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "zi_web/galat.html", {"pesan": "Halaman tidak ada."}, status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "zi_web/ditolak.html", {"pesan": "Akses ditolak."}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "zi_web/galat.html", {"pesan": "Permintaan tidak sah."}, status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "zi_web/galat.html",
        {"pesan": "Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin."},
        status=500,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "zi_web/galat.html",
        {
            "pesan": "Formulir ini kedaluwarsa atau tidak berasal dari halaman zi-docs. "
            "Muat ulang halamannya lalu kirim lagi."
        },
        status=403,
    )
