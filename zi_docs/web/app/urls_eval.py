"""The routes of the evaluators' pages (Evaluasi) and the tindak lanjut register."""

from __future__ import annotations

from django.urls import path

from zi_docs.web.app import views_banding, views_eval, views_followup, views_lhe

LAYER = "u/<str:ws>/evaluasi/lapis/<str:nama>/"
FOLLOW_UP = "u/<str:ws>/tindak-lanjut/"

EVALUATION = [
    path("u/<str:ws>/evaluasi/", views_eval.evaluasi, name="evaluasi"),
    path("u/<str:ws>/evaluasi/putaran/", views_eval.buka_putaran, name="buka_putaran"),
    path("u/<str:ws>/evaluasi/banding/", views_banding.banding, name="banding"),
    path(LAYER, views_eval.lapis, name="lapis"),
    path(LAYER + "putaran/<int:nomor>/", views_banding.perubahan, name="perubahan"),
    path(LAYER + "lhe/", views_lhe.lhe, name="lhe"),
    path(LAYER + "lhe/buat/", views_lhe.lhe_buat, name="lhe_buat"),
    path(LAYER + "<str:indikator>/", views_eval.lapis_indikator, name="lapis_indikator"),
    path(LAYER + "<str:indikator>/catat/", views_eval.lapis_catat, name="lapis_catat"),
    path(LAYER + "<str:indikator>/tanggapi/", views_eval.lapis_tanggapi, name="lapis_tanggapi"),
    path(FOLLOW_UP, views_followup.tindak_lanjut, name="tindak_lanjut"),
    path(FOLLOW_UP + "tambah/", views_followup.tl_tambah, name="tl_tambah"),
    path(FOLLOW_UP + "dari-lapis/", views_followup.tl_dari_lapis, name="tl_dari_lapis"),
    path(FOLLOW_UP + "<str:kode>/", views_followup.tl_butir, name="tl_butir"),
]
