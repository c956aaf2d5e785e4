"""One table of every route of the web app: who may read it, and who may write through it on
an indicator of area MP and of area PW (the accounts of tests/web/conftest.py).

``test_web_roles`` fails when a route of the URL configuration (the unit's pages and the
evaluators' pages of urls_eval.py alike) has no row here, when a row names a route that is
gone, and when a row disagrees with the rule its view declares."""

from __future__ import annotations

ALL = "admin ketua koor_mp anggota_pw penilai pengamat"
NONE = ""
UNIT = "admin ketua"  # roles that write everywhere in the unit (not per area)
ALL_UNIT = "admin ketua koor_mp anggota_pw"

# route -> (may read, may write on an MP indicator, may write on a PW indicator)
# "publik": no account needed; "akun": any logged-in account, outside a workspace's roles.
ROUTES: dict[str, tuple[str, str, str]] = {
    "awal": ("akun", NONE, NONE),
    "masuk": ("publik", NONE, NONE),
    "keluar": ("publik", NONE, NONE),
    "ganti_sandi": ("akun", NONE, NONE),
    "siapkan": ("publik", NONE, NONE),
    "rekap": ("akun", NONE, NONE),
    "beranda": (ALL, NONE, NONE),
    "log": (ALL, NONE, NONE),
    "akun": ("admin", "admin", "admin"),
    "dokumen": (ALL, NONE, NONE),
    "isian": (ALL, "admin ketua penilai", "admin ketua penilai"),  # penilai: the LHE only
    "unduh_dokumen": (ALL, NONE, NONE),
    "halaman_dokumen": (ALL, NONE, NONE),
    "templat": (ALL, NONE, NONE),
    "unggah_templat": (UNIT, UNIT, UNIT),
    "periksa": (ALL, NONE, NONE),
    "laporan_word": (ALL, NONE, NONE),
    "ekspor": (ALL, NONE, NONE),
    "verifikasi": (ALL, NONE, NONE),
    "lke": (ALL, NONE, NONE),
    "indikator": (ALL, NONE, NONE),
    "jawab": (UNIT + " koor_mp", UNIT + " koor_mp", UNIT),
    "unggah": (ALL_UNIT, UNIT + " koor_mp", UNIT + " anggota_pw"),
    "tandai": (ALL_UNIT, UNIT + " koor_mp", UNIT + " anggota_pw"),
    "arsip": (ALL, NONE, NONE),
    "berkas": (ALL, NONE, NONE),
    "unduh": (ALL, NONE, NONE),
    "pratinjau": (ALL, NONE, NONE),
    "halaman_arsip": (ALL, NONE, NONE),
    "tandatangan": (ALL_UNIT, UNIT + " koor_mp", UNIT + " anggota_pw"),
    "ubah_tanda": (ALL_UNIT, UNIT + " koor_mp", UNIT + " anggota_pw"),
    "buang": (UNIT + " koor_mp", UNIT + " koor_mp", UNIT),
    # the evaluators' pages and the tindak lanjut register (urls_eval.py)
    "evaluasi": (ALL, NONE, NONE),
    "buka_putaran": ("admin penilai", "admin penilai", "admin penilai"),
    "banding": (ALL, NONE, NONE),
    "lapis": (ALL, NONE, NONE),
    "perubahan": (ALL, NONE, NONE),
    "lhe": (ALL, NONE, NONE),
    "lhe_buat": ("admin penilai", "admin penilai", "admin penilai"),
    "lapis_indikator": (ALL, NONE, NONE),
    "lapis_catat": ("admin penilai", "admin penilai", "admin penilai"),
    "lapis_tanggapi": (UNIT + " koor_mp", UNIT + " koor_mp", UNIT),
    "tindak_lanjut": (ALL, NONE, NONE),
    "tl_tambah": (UNIT + " koor_mp", UNIT + " koor_mp", UNIT),
    "tl_dari_lapis": (UNIT + " koor_mp", UNIT, UNIT),  # no area: per-area roles refused
    "tl_butir": (ALL, UNIT + " koor_mp", UNIT),
}
"""For a write route the first column is who holds its capability (the write itself may
still be refused by area, as the other two columns say)."""

VIEW_CHECKED = {"isian", "tl_butir"}
"""Pages everyone reads whose POST writes; the view checks the write (tested by behaviour)."""


def roles_of(text: str) -> set[str]:
    return set(text.split())
