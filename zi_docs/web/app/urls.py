"""Every route of the web app. Each view carries its permission rule (see access.py)."""

from __future__ import annotations

from django.urls import path

from zi_docs.web.app import (
    views_accounts,
    views_archive,
    views_auth,
    views_check,
    views_docs,
    views_home,
    views_konsep,
    views_lke,
    views_rekap,
    views_templates,
)
from zi_docs.web.app.urls_eval import EVALUATION

app_name = "zi_web"

urlpatterns = [
    path("", views_home.awal, name="awal"),
    path("masuk/", views_auth.masuk, name="masuk"),
    path("keluar/", views_auth.keluar, name="keluar"),
    path("ganti-sandi/", views_auth.ganti_sandi, name="ganti_sandi"),
    path("siapkan/<str:token>/", views_auth.siapkan, name="siapkan"),
    path("rekap/", views_rekap.rekap, name="rekap"),
    path("u/<str:ws>/", views_home.beranda, name="beranda"),
    path("u/<str:ws>/log/", views_home.log, name="log"),
    path("u/<str:ws>/akun/", views_accounts.akun, name="akun"),
    path("u/<str:ws>/dokumen/", views_docs.daftar, name="dokumen"),
    path("u/<str:ws>/dokumen/isian/<str:jenis>/<str:nama>/", views_docs.isian, name="isian"),
    path("u/<str:ws>/dokumen/unduh/<str:berkas>", views_docs.unduh_dokumen, name="unduh_dokumen"),
    path(
        "u/<str:ws>/dokumen/halaman/<str:berkas>/<int:halaman>.png",
        views_konsep.halaman_dokumen,
        name="halaman_dokumen",
    ),
    path("u/<str:ws>/templat/", views_templates.templat, name="templat"),
    path("u/<str:ws>/templat/unggah/", views_templates.unggah_templat, name="unggah_templat"),
    path("u/<str:ws>/periksa/", views_check.periksa, name="periksa"),
    path("u/<str:ws>/periksa/laporan.docx", views_check.laporan_word, name="laporan_word"),
    path("u/<str:ws>/ekspor/", views_check.ekspor, name="ekspor"),
    path("u/<str:ws>/verifikasi/", views_check.verifikasi, name="verifikasi"),
    path("u/<str:ws>/lke/", views_lke.pohon, name="lke"),
    path("u/<str:ws>/lke/<str:indikator>/", views_lke.indikator, name="indikator"),
    path("u/<str:ws>/lke/<str:indikator>/jawab/", views_lke.jawab, name="jawab"),
    path("u/<str:ws>/lke/<str:indikator>/unggah/", views_lke.unggah, name="unggah"),
    path("u/<str:ws>/lke/<str:indikator>/tandai/", views_lke.tandai, name="tandai"),
    path("u/<str:ws>/arsip/", views_archive.daftar, name="arsip"),
    path("u/<str:ws>/arsip/<str:sha>/", views_archive.berkas, name="berkas"),
    path("u/<str:ws>/arsip/<str:sha>/unduh/", views_archive.unduh, name="unduh"),
    path("u/<str:ws>/arsip/<str:sha>/pratinjau/", views_archive.pratinjau, name="pratinjau"),
    path(
        "u/<str:ws>/arsip/<str:sha>/halaman/<int:halaman>.png",
        views_konsep.halaman_arsip,
        name="halaman_arsip",
    ),
    path("u/<str:ws>/arsip/<str:sha>/tandatangan/", views_konsep.tandatangan, name="tandatangan"),
    path("u/<str:ws>/arsip/<str:sha>/tanda/", views_archive.ubah_tanda, name="ubah_tanda"),
    path("u/<str:ws>/arsip/<str:sha>/buang/", views_archive.buang, name="buang"),
    *EVALUATION,
]
