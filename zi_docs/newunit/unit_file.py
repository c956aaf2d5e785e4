"""The ``unit.yaml`` of a new unit, written from its :class:`UnitDetails` with comments."""

from __future__ import annotations

import json

from zi_docs.newunit.profile import UnitDetails


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _line(key: str, value: str = "", comment: str = "") -> str:
    """``  key: value      # comment`` with the comment at column 46, no trailing space."""
    text = f"{key}: {value}".rstrip()
    return f"{text:<44} # {comment}" if comment else text


def unit_yaml(d: UnitDetails) -> str:
    """The text of ``unit.yaml``; dates, evidence window and deadline follow ``d.tahun``."""
    year = d.tahun
    q = quoted

    def opt(text: str) -> str:
        return q(text) if text else ""

    lines = [
        "# Profil unit kerja untuk zi-docs: satu ruang kerja = satu unit kerja, satu tahun"
        " penilaian.",
        "# Semua dokumen (kop surat, tanda tangan, ukuran kertas) mengambil data dari berkas ini.",
        "# Dibuat oleh 'zi-docs init'; boleh disunting.",
        "",
        _line("instansi", q(d.instansi), "instansi induk, tercetak di kop surat"),
        _line("jenis_instansi", d.jenis_instansi, "pemda atau kl"),
        "",
        "unit:",
        _line("  nama", q(d.unit)),
        _line("  singkatan", opt(d.singkatan)),
        _line("  alamat", q(d.alamat)),
        _line("  kota", q(d.kota), 'tempat penetapan dokumen ("Ditetapkan di ...")'),
        _line("  kode_pos"),
        _line("  telepon", opt(d.telepon)),
        _line("  email", opt(d.email)),
        _line("  website", opt(d.website)),
        _line("  logo", "", "berkas logo (PNG/JPG) di folder ruang kerja"),
        "",
        _line("pimpinan", "", "kepala unit kerja, penandatangan dokumen"),
        _line("  nama", q(d.pimpinan)),
        _line("  nip", q(d.nip)),
        _line("  pangkat", opt(d.pangkat)),
        _line("  golongan", opt(d.golongan)),
        _line("  jabatan", q(d.jabatan)),
        "",
        _line("tahun", str(year), "tahun penilaian"),
        _line("target_predikat", d.target, "WBK atau WBBM"),
        _line("lke", "permenpanrb-90-2021", "katalog LKE (id bawaan atau jalur berkas YAML)"),
        "",
        "halaman:",
        _line("  ukuran", "F4", "F4 (215 x 330 mm) atau A4"),
        _line("  font", "Arial"),
        _line("  ukuran_font", "12"),
        _line("  margin_atas_mm", "20"),
        _line("  margin_bawah_mm", "20"),
        _line("  margin_kiri_mm", "30"),
        _line("  margin_kanan_mm", "20"),
        "",
        _line("bukti", "", "data dukung sesuai bila bertanggal di rentang ini"),
        _line("  mulai", f"{year}-01-01"),
        _line("  selesai", f"{year}-12-31"),
        "",
        _line("pengajuan", "", "prasyarat pengajuan ke TPN (PermenPANRB 5/2024)"),
        _line("  opini_bpk", "", "mis. WTP"),
        _line("  nilai_sakip", "", "mis. B"),
        _line("  nilai_sakip_internal"),
        _line("  indeks_rb", "", "mis. CC"),
        _line("  level_spip", "", "1-5"),
        _line("  tlhp_persen", "", "0-100"),
        _line("  lhkpn_persen"),
        _line("  lhkasn_persen"),
        _line("  mulai_pembangunan", "", "tanggal pencanangan (TTTT-BB-HH)"),
        _line("  sptjm", "false"),
        _line("  batas_pengajuan", f"{year + 1}-05-31"),
    ]
    return "\n".join(lines) + "\n"
