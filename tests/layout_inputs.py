"""Short and long inputs of every document kind, for the rendered-page layout tests.

The short input is the example workspace's own; the long one stretches what makes pages
break: an SK with 47 members, a 14-step SOP with five pelaksana, a rencana kerja with many
activities, long names with academic titles.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from zi_docs.workspace import EXAMPLE_DIR, Workspace

PAPERS = {"F4": "Arial", "A4": "Bookman Old Style"}
"""Paper size -> the font the test workspace uses with it (the two common house styles)."""
STYLES = {
    **{paper: (paper, font) for paper, font in PAPERS.items()},
    "F4-Bookman": ("F4", "Bookman Old Style"),
    "A4-Arial": ("A4", "Arial"),
}
"""Every paper with every font: style name -> (paper, font). The two house styles are named
by their paper alone."""

Input = dict[str, Any]


def make_workspace(root: Path, style: str) -> Workspace:
    """A copy of the bundled example unit printing in ``style`` (a key of :data:`STYLES`:
    ``F4``, ``A4``, or a paper with the other font)."""
    paper, font = STYLES[style]
    shutil.copytree(EXAMPLE_DIR, root)
    unit = root / "unit.yaml"
    text = unit.read_text(encoding="utf-8")
    text = text.replace("ukuran: F4", f"ukuran: {paper}").replace("font: Arial", f"font: {font}")
    unit.write_text(text, encoding="utf-8")
    return Workspace(root)


def example(workspace: Workspace, name: str) -> Input:
    loaded: Input = yaml.safe_load((workspace.inputs_dir / name).read_text(encoding="utf-8"))
    return loaded


def _person(i: int, role: str = "Analis") -> Input:
    return {
        "nama": f"Dr. Ir. Muhammad Abdurrahman Wicaksono {i}, S.T., M.Eng., Ph.D.",
        "nip": f"1980{(i % 12) + 1:02d}{(i % 27) + 1:02d}200501{1 + i % 2}{i % 1000:03d}",
        "jabatan": f"{role} Kebijakan Penanaman Modal dan Perizinan Berusaha Ahli Muda {i}",
    }


def _long_sk_tim(ws: Workspace) -> Input:
    data = example(ws, "sk-tim.yaml")
    pokja = data["tim"]["pokja"]
    # 3 + 6 koordinator + 38 anggota = 47 members
    counter = iter(range(1, 100))
    for n, group in enumerate(pokja):
        group["anggota"] = [_person(next(counter)) for _ in range(7 if n < 2 else 6)]
    return data


EIGHT_LANES = [
    "Pemohon",
    "Petugas Front Office",
    "Tim Teknis",
    "Sekretaris Dinas",
    "Kepala Subbagian Umum dan Kepegawaian",
    "Kepala Bidang Pelayanan Perizinan",
    "Kepala Bidang Pengaduan dan Pengendalian",
    "Kepala Dinas",
]
"""The most pelaksana an SOP has, with long names (the lane headers are at their narrowest)."""


def long_sop(ws: Workspace, count: int = 14, lanes: list[str] | None = None) -> Input:
    """An SOP of ``count`` long steps, a decision going back two steps every 3 or 4 steps;
    ``lanes``: its pelaksana (the example's when not given)."""
    data = example(ws, "sop-pelayanan-perizinan.yaml")
    if lanes:
        data["pelaksana"] = list(lanes)
    lanes = data["pelaksana"]
    steps: list[Input] = []
    decisions = {4, 8, 11, *range(15, count - 1, 4)}
    for no in range(1, count + 1):
        step: Input = {
            "kegiatan": f"Langkah {no}: memeriksa dan memverifikasi kelengkapan persyaratan "
            "administrasi serta menyampaikan hasilnya kepada pelaksana berikutnya",
            "pelaksana": lanes[(no - 1) % len(lanes)],
            "kelengkapan": "Formulir permohonan, dokumen persyaratan, berita acara",
            "waktu": "30 menit",
            "output": "Berkas terverifikasi dan tercatat",
        }
        if no == 1:
            step["simbol"] = "mulai"
        elif no == count:
            step["simbol"] = "selesai"
        elif no in decisions:
            step["simbol"] = "keputusan"
            step["tidak"] = no - 2
            step["keterangan"] = "Bila tidak sesuai, berkas dikembalikan untuk diperbaiki"
        steps.append(step)
    data["langkah"] = steps
    return data


def _long_rencana(ws: Workspace) -> Input:
    data = example(ws, "rencana-kerja.yaml")
    extra = []
    for round_no in (2, 3):
        for item in data["kegiatan"]:
            copy_item = copy.deepcopy(item)
            copy_item["kode"] = f"{item['kode']}-{round_no}"
            copy_item["kegiatan"] = f"{item['kegiatan']} (tahap {round_no})"
            extra.append(copy_item)
    data["kegiatan"] = data["kegiatan"] + extra
    return data


def _long_monev(ws: Workspace) -> Input:
    data = example(ws, "laporan-monev-tw3.yaml")
    data["rencana_kerja"] = "rencana-kerja-panjang.yaml"
    plan = _long_rencana(ws)
    known = {r["kode"]: r for r in data["realisasi"]}
    rows = []
    for item in plan["kegiatan"]:
        base = "-".join(item["kode"].split("-")[:2])
        if base in known:
            rows.append({**known[base], "kode": item["kode"]})
    data["realisasi"] = rows
    data["kendala"] = data["kendala"] * 4
    data["rekomendasi"] = data["rekomendasi"] * 4
    return data


def _long_pakta(ws: Workspace) -> Input:
    data = example(ws, "pakta-integritas.yaml")
    data["pegawai"] = [_person(i, "Kepala Seksi") for i in range(1, 9)]
    return data


def _long_piagam(ws: Workspace) -> Input:
    data = example(ws, "piagam.yaml")
    data["komitmen"] = data["komitmen"] * 3
    data["saksi"] = [_person(i, "Inspektur Pembantu") for i in range(1, 7)]
    return data


def _short_pakta(ws: Workspace) -> Input:
    data = example(ws, "pakta-integritas.yaml")
    data["pegawai"] = data["pegawai"][:1]
    return data


def _long_rapat(ws: Workspace) -> Input:
    data = example(ws, "rapat-pembentukan-tim.yaml")
    data["peserta"] = [_person(i, "Kepala Seksi") for i in range(1, 41)]
    data["pembahasan"] = data["pembahasan"] * 4
    data["tindak_lanjut"] = data["tindak_lanjut"] * 6
    data["kepada"] = data["kepada"] * 3
    return data


def _long_sk(ws: Workspace) -> Input:
    data = example(ws, "sk-agen-perubahan.yaml")
    data["lampiran"]["anggota"] = [
        {**_person(i), "kedudukan": "Agen Perubahan", "kelompok": f"Bidang {1 + i // 12}"}
        for i in range(1, 48)
    ]
    return data


def _long_kegiatan(ws: Workspace) -> Input:
    data = example(ws, "laporan-kegiatan-sosialisasi.yaml")
    data["uraian"] = data["uraian"] * 4
    data["foto"] = data["foto"] * 3
    return data


def _long_sptjm(ws: Workspace) -> Input:
    data = example(ws, "sptjm.yaml")
    data["unit_diusulkan"] = [
        {
            "nama": f"Unit Pelaksana Teknis Pelayanan Perizinan Terpadu Wilayah {i}",
            "predikat": "WBK",
        }
        for i in range(1, 31)
    ]
    return data


def _long_pernyataan(ws: Workspace) -> Input:
    data = example(ws, "surat-pernyataan-benturan.yaml")
    data["pegawai"] = [_person(i, "Pengelola Layanan") for i in range(1, 7)]
    data["pernyataan"] = data["pernyataan"] * 3
    return data


def _long_skm(ws: Workspace) -> Input:
    data = example(ws, "laporan-skm.yaml")
    data["tindak_lanjut"] = data["tindak_lanjut"] * 4
    data["kesimpulan"] = [
        "Secara umum pelayanan perizinan dinilai baik oleh penerima layanan, dengan catatan "
        f"perbaikan pada unsur waktu penyelesaian dan penanganan pengaduan ({i})."
        for i in range(1, 7)
    ]
    return data


def _long_lhe(ws: Workspace) -> Input:
    data = example(ws, "lhe.yaml")
    data["tim"] = data["tim"] + [
        {"nama": who["nama"], "nip": who["nip"], "peran": "Anggota"}
        for who in (_person(i) for i in range(1, 7))
    ]
    data["rekomendasi"] = data["rekomendasi"] * 5
    data["dasar_hukum"] = data["dasar_hukum"] * 2
    return data


def _example(name: str) -> Callable[[Workspace], Input]:
    return lambda ws: example(ws, name)


SHORT: dict[str, Callable[[Workspace], Input]] = {
    "sk-tim": lambda ws: example(ws, "sk-tim.yaml"),
    "sop": lambda ws: example(ws, "sop-pelayanan-perizinan.yaml"),
    "rencana-kerja": lambda ws: example(ws, "rencana-kerja.yaml"),
    "laporan-monev": lambda ws: example(ws, "laporan-monev-tw3.yaml"),
    "pakta-integritas": _short_pakta,
    "piagam": lambda ws: example(ws, "piagam.yaml"),
    "undangan": _example("rapat-pembentukan-tim.yaml"),
    "daftar-hadir": _example("rapat-pembentukan-tim.yaml"),
    "notulen": _example("rapat-pembentukan-tim.yaml"),
    "sk": _example("sk-agen-perubahan.yaml"),
    "maklumat": _example("maklumat.yaml"),
    "sptjm": _example("sptjm.yaml"),
    "surat-pernyataan": _example("surat-pernyataan-benturan.yaml"),
    "laporan-kegiatan": _example("laporan-kegiatan-sosialisasi.yaml"),
    "laporan-skm": _example("laporan-skm.yaml"),
    "lhe": _example("lhe.yaml"),
}
LONG: dict[str, Callable[[Workspace], Input]] = {
    "sk-tim": _long_sk_tim,
    "sop": long_sop,
    "rencana-kerja": _long_rencana,
    "laporan-monev": _long_monev,
    "pakta-integritas": _long_pakta,
    "piagam": _long_piagam,
    "undangan": _long_rapat,
    "daftar-hadir": _long_rapat,
    "notulen": _long_rapat,
    "sk": _long_sk,
    "maklumat": _example("maklumat.yaml"),
    "sptjm": _long_sptjm,
    "surat-pernyataan": _long_pernyataan,
    "laporan-kegiatan": _long_kegiatan,
    "laporan-skm": _long_skm,
    "lhe": _long_lhe,
}
EXTRA_FILES: dict[str, Callable[[Workspace], Input]] = {
    "rencana-kerja-panjang.yaml": _long_rencana,
}
"""Inputs other inputs refer to (the long monev reads the long plan)."""


def write_input(ws: Workspace, name: str, data: Input) -> Path:
    path = ws.inputs_dir / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
