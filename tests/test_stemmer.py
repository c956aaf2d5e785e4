"""The Indonesian stemmer: a table of words and their stems, families that must meet, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zi_docs.evidence.stemmer import ROOTS, stem, syllables

TABLE = """
# meN-/peN- with b, p: the nasal is dropped or p comes back
membangun bangun  pembangunan bangun  bangunan bangun
memukul pukul  memantau pantau  pemantauan pantau
memenuhi penuh  pemenuhan penuh  terpenuhi penuh
memahami paham  pemahaman paham  memperbaiki baik
perbaikan baik  diperbaiki baik
# m-initial roots kept by the root list
memanfaatkan manfaat  pemanfaatan manfaat  memasukkan masuk
memulai mulai
# meny-/peny- -> s
menyusun susun  penyusunan susun  susunan susun
menyelenggarakan selenggara  penyelenggaraan selenggara
menyatakan nyata  pernyataan nyata
# men-/pen- with a vowel -> t (or n from the root list)
menetapkan tetap  penetapan tetap  ditetapkan tetap
meningkatkan tingkat  peningkatan tingkat  menangani tangan
penanganan tangan  menilai nilai  penilaian nilai
mensosialisasikan sosialisasi  menyosialisasikan sosialisasi
# meng-/peng- with a vowel (k from the root list)
pengaduan adu  aduan adu  mengadukan adu
pengawasan awas  mengawasi awas  mengubah ubah
mengelola kelola  pengelolaan kelola  mengembangkan kembang
pengembangan kembang  pengajuan aju  mengajukan aju
pengumuman umum  penggunaan guna  menggunakan guna
# me-/pe- before l, r, w, y and pe- before other consonants
melayani layan  pelayanan layan  layanan layan
melindungi lindung  perlindungan lindung  pelatihan latih
petugas tugas  penugasan tugas  pekerjaan kerja  bekerja kerja
pelajar ajar  belajar ajar  pembelajaran ajar
# per-, ber-, ter-, ke-…-an
perubahan ubah  berubah ubah  peraturan atur  mengatur atur
perencanaan rencana  merencanakan rencana  perumahan rumah
pertemuan temu  bertemu temu  kegiatan giat
keterbukaan buka  keberhasilan hasil  pemberdayaan daya
kebijakan bijak  kemasyarakatan masyarakat  kesesuaian sesuai
kementerian menteri  kepegawaian pegawai
# confix rules: peN-…-an (not -kan), meN-…-kan
pendidikan didik  mendidik didik  pelaksanaan laksana
melaksanakan laksana  pencapaian capai  mencapai capai
tindakan tindak  menindaklanjuti tindaklanjut
pertanggungjawaban tanggungjawab  dipertanggungjawabkan tanggungjawab
# particles and possessives
kegiatannya giat  sekolahnya sekolah  bagaimanakah bagaimana
# roots that look prefixed stay whole
berita berita  pemerintah perintah  pemerintahan perintah
perintah perintah  masalah masalah  perlu perlu  dinas dinas
pesan pesan  menang menang  kemenangan menang
# tokens that are not plain words
a.i.1.i.a a.i.1.i.a  2024 2024  SK sk  Pokja pokja
"""
PAIRS = [
    tuple(pair.split())
    for line in TABLE.splitlines()
    if line and not line.startswith("#")
    for pair in line.split("  ")
]


@pytest.mark.parametrize(("word", "expected"), PAIRS)
def test_stem_table(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_table_is_large_enough() -> None:
    assert len(PAIRS) >= 60


FAMILIES = [
    ("membangun", "pembangunan", "bangunan", "dibangun", "bangun"),
    ("pengaduan", "aduan", "mengadukan", "diadukan"),
    ("mencari", "pencarian", "cari"),
    ("membeli", "pembelian", "beli"),
    ("menguji", "pengujian", "uji", "diuji"),
    ("inovasi", "berinovasi"),
    ("mengevaluasi", "evaluasi", "dievaluasi"),
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f[0])
def test_word_families_meet_at_one_stem(family: tuple[str, ...]) -> None:
    assert len({stem(w) for w in family}) == 1, {w: stem(w) for w in family}


def test_roots_in_the_list_are_fixed_points() -> None:
    assert all(stem(root) == root for root in ROOTS)


def test_syllables_count_diphthongs_once() -> None:
    assert (syllables("nilai"), syllables("giat"), syllables("bangun")) == (2, 2, 2)


PREFIXES = "me mem men meng meny pe pem pen peng peny per ber ter di ke memper diper keber se"
words = st.text(alphabet="abcdeghijklmnoprstuwy", min_size=1, max_size=24)
affixed = st.builds(
    lambda pre, root, suf: pre + root + suf,
    st.sampled_from([*PREFIXES.split(), ""]),
    st.sampled_from(sorted(ROOTS)) | words,
    st.sampled_from(["", "an", "kan", "i", "nya", "lah", "kannya", "annya", "pun"]),
)


@given(affixed | words)
def test_stem_is_idempotent_nonempty_and_never_longer(word: str) -> None:
    result = stem(word)
    assert result
    assert len(result) <= len(word)
    assert stem(result) == result
