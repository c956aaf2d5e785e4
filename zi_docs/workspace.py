"""A workspace: one unit, one year. The one place where workspace paths are joined."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zi_docs import WORKSPACE_ENV
from zi_docs.errors import InvalidInputError, WorkspaceError
from zi_docs.nip import NIP
from zi_docs.resources import EXAMPLE_WORKSPACE, resource
from zi_docs.schema import Boolean, Choice, Date, Field, Integer, Number, Record, Text, validate
from zi_docs.yamlio import load_yaml, read_yaml_shared

if TYPE_CHECKING:
    from zi_docs.catalogue import Catalogue

YEARS = (2015, 2100)
"""The assessment years a unit profile may name (first, last)."""

ENV_VAR = WORKSPACE_ENV
UNIT_FILE = "unit.yaml"
ANSWERS_FILE = "lke.yaml"
FOLDERS = ("inputs", "templates", "archive", "out")
LAYERS_DIR = "lapis"
"""Answer layers beside the unit's own ``lke.yaml`` (same format as ``lke.yaml``)."""
PREVIOUS_YEAR_LAYER = "tahun-lalu.yaml"
EXAMPLE_DIR = resource(EXAMPLE_WORKSPACE)

PAGE_SIZES_MM = {"F4": (215.0, 330.0), "A4": (210.0, 297.0)}

UNIT_SCHEMA = Record(
    Field("instansi", Text(), help="instansi induk, misalnya 'Pemerintah Kabupaten Sukamaju'"),
    Field(
        "jenis_instansi",
        Choice(["pemda", "kl"]),
        required=False,
        default="pemda",
        help="pemda (pemerintah daerah) atau kl (kementerian/lembaga)",
    ),
    Field(
        "unit",
        Record(
            Field("nama", Text(), help="nama lengkap unit kerja"),
            Field("singkatan", Text(), required=False),
            Field("alamat", Text()),
            Field("kota", Text(), help="kota tempat penetapan dokumen"),
            Field("kode_pos", Text(), required=False),
            Field("telepon", Text(), required=False),
            Field(
                "email",
                Text(pattern=r"[^@\s]+@[^@\s]+\.[^@\s]+", pattern_hint="alamat email tidak sah"),
                required=False,
            ),
            Field("website", Text(), required=False),
            Field(
                "logo",
                Text(),
                required=False,
                help="berkas logo (PNG, JPG, WebP atau SVG) di folder ruang kerja",
            ),
        ),
    ),
    Field(
        "pimpinan",
        Record(
            Field("nama", Text()),
            Field("nip", NIP),
            Field("pangkat", Text(), required=False),
            Field("golongan", Text(), required=False),
            Field("jabatan", Text()),
        ),
        help="kepala unit kerja yang menandatangani dokumen",
    ),
    Field("tahun", Integer(minimum=YEARS[0], maximum=YEARS[1]), help="tahun penilaian"),
    Field("target_predikat", Choice(["WBK", "WBBM"]), required=False, default="WBK"),
    Field(
        "lke",
        Text(),
        required=False,
        default="permenpanrb-90-2021",
        help="id katalog LKE bawaan atau jalur ke berkas katalog",
    ),
    Field(
        "halaman",
        Record(
            Field("ukuran", Choice(list(PAGE_SIZES_MM)), required=False, default="F4"),
            Field("font", Text(), required=False, default="Arial"),
            Field("ukuran_font", Number(minimum=8, maximum=16), required=False, default=12),
            Field("margin_atas_mm", Number(minimum=5, maximum=60), required=False, default=20),
            Field("margin_bawah_mm", Number(minimum=5, maximum=60), required=False, default=20),
            Field("margin_kiri_mm", Number(minimum=5, maximum=60), required=False, default=30),
            Field("margin_kanan_mm", Number(minimum=5, maximum=60), required=False, default=20),
        ),
        required=False,
        default=None,
    ),
    Field(
        "bukti",
        Record(
            Field("mulai", Date(), required=False),
            Field("selesai", Date(), required=False),
        ),
        required=False,
        default=None,
        help="rentang tanggal data dukung yang dianggap sesuai tahun penilaian",
    ),
    Field(
        "pengajuan",
        Record(
            Field("opini_bpk", Text(), required=False),
            Field("nilai_sakip", Text(), required=False),
            Field("nilai_sakip_internal", Text(), required=False),
            Field("indeks_rb", Text(), required=False),
            Field("level_spip", Number(minimum=1, maximum=5), required=False),
            Field("tlhp_persen", Number(minimum=0, maximum=100), required=False),
            Field("lhkpn_persen", Number(minimum=0, maximum=100), required=False),
            Field("lhkasn_persen", Number(minimum=0, maximum=100), required=False),
            Field("mulai_pembangunan", Date(), required=False),
            Field("sptjm", Boolean(), required=False),
            Field("batas_pengajuan", Date(), required=False),
        ),
        required=False,
        default=None,
        help="prasyarat pengajuan ke TPN (PermenPANRB 5/2024)",
    ),
)


@dataclass(frozen=True)
class PageSetup:
    """Paper, font and margins of generated documents."""

    size: str
    width_mm: float
    height_mm: float
    font: str
    font_size: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float


@dataclass(frozen=True)
class UnitProfile:
    """The validated ``unit.yaml``. ``data`` is the cleaned mapping given to templates."""

    data: dict[str, Any]

    @property
    def year(self) -> int:
        return int(self.data["tahun"])

    @property
    def unit_name(self) -> str:
        return str(self.data["unit"]["nama"])

    @property
    def target(self) -> str:
        return str(self.data["target_predikat"])

    @property
    def catalogue_name(self) -> str:
        return str(self.data["lke"])

    @property
    def page(self) -> PageSetup:
        raw = self.data.get("halaman") or {}
        size = raw.get("ukuran") or "F4"
        width, height = PAGE_SIZES_MM[size]
        return PageSetup(
            size=size,
            width_mm=width,
            height_mm=height,
            font=raw.get("font") or "Arial",
            font_size=float(raw.get("ukuran_font") or 12),
            margin_top_mm=float(raw.get("margin_atas_mm") or 20),
            margin_bottom_mm=float(raw.get("margin_bawah_mm") or 20),
            margin_left_mm=float(raw.get("margin_kiri_mm") or 30),
            margin_right_mm=float(raw.get("margin_kanan_mm") or 20),
        )

    @property
    def evidence_window(self) -> tuple[dt.date, dt.date]:
        raw = self.data.get("bukti") or {}
        return (
            raw.get("mulai") or dt.date(self.year, 1, 1),
            raw.get("selesai") or dt.date(self.year, 12, 31),
        )


@dataclass(frozen=True)
class Workspace:
    """Paths and profile of one workspace."""

    root: Path

    @property
    def unit_file(self) -> Path:
        return self.root / UNIT_FILE

    @property
    def answers_file(self) -> Path:
        return self.root / ANSWERS_FILE

    @property
    def inputs_dir(self) -> Path:
        return self.root / "inputs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def archive_dir(self) -> Path:
        return self.root / "archive"

    @property
    def out_dir(self) -> Path:
        return self.root / "out"

    @property
    def layers_dir(self) -> Path:
        """Evaluation layers (``lapis/NAMA.yaml``): the evaluators' answers and rounds."""
        return self.root / LAYERS_DIR

    @property
    def followup_file(self) -> Path:
        """The follow-up register (``tindak-lanjut.yaml``)."""
        return self.root / "tindak-lanjut.yaml"

    @property
    def bundles_file(self) -> Path:
        """The bundles exported from this workspace (``bundel-terkirim.yaml``)."""
        return self.root / "bundel-terkirim.yaml"

    @property
    def reference_answers_file(self) -> Path:
        """Last year's answers, kept read-only as a reference layer (``init --dari``)."""
        return self.root / LAYERS_DIR / PREVIOUS_YEAR_LAYER

    def display(self, path: Path) -> str:
        """A path as shown to the user: relative to the workspace when inside it."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    @cached_property
    def profile(self) -> UnitProfile:
        # a shared parse (validation builds new containers and never changes it): every
        # command and every page of the web app makes a Workspace and reads its profile
        doc = read_yaml_shared(self.unit_file, display=self.display(self.unit_file))
        return UnitProfile(data=validate(doc, UNIT_SCHEMA))

    @cached_property
    def catalogue(self) -> Catalogue:
        from zi_docs.catalogue import load_catalogue  # parsed only by commands that need it

        return load_catalogue(self.profile.catalogue_name, base=self.root)

    def logo_path(self) -> Path | None:
        logo = self.profile.data["unit"].get("logo")
        if not logo:
            return None
        path = self.root / logo
        if not _inside(path, self.root):
            doc = load_yaml(self.unit_file, display=self.display(self.unit_file))
            raise InvalidInputError(
                f"logo di {doc.file} berada di luar folder ruang kerja",
                [
                    doc.finding(
                        ("unit", "logo"),
                        f"'{logo}' menunjuk ke luar ruang kerja (atau lewat tautan); salin "
                        "berkas logonya ke folder ruang kerja dan tulis namanya saja",
                        code="di-luar-ruang-kerja",
                    )
                ],
            )
        return path if path.is_file() else None


def _inside(path: Path, root: Path) -> bool:
    """True when ``path`` (links resolved) lies in ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def find_workspace(explicit: str | Path | None = None, cwd: Path | None = None) -> Workspace:
    """The workspace named by ``--ruang-kerja``, ``$ZI_DOCS_WORKSPACE``, or found upwards."""
    named = explicit or os.environ.get(ENV_VAR)
    if named:
        root = Path(named).expanduser()
        if not (root / UNIT_FILE).is_file():
            if not root.exists():
                problem = f"folder {root} tidak ada"
            elif not root.is_dir():
                problem = f"{root} adalah berkas, bukan folder ruang kerja"
            elif (root / UNIT_FILE).exists():
                problem = (
                    f"{root / UNIT_FILE} adalah folder, padahal seharusnya berkas profil unit; "
                    "ganti namanya lalu pulihkan unit.yaml"
                )
            else:
                problem = f"folder {root} bukan ruang kerja zi-docs (tidak ada {UNIT_FILE})"
            raise WorkspaceError(
                problem,
                hint="periksa nama foldernya, atau buat ruang kerja dengan: zi-docs init FOLDER",
            )
        return Workspace(root.resolve())
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / UNIT_FILE).is_file():
            return Workspace(folder)
    raise WorkspaceError(
        f"tidak ada ruang kerja zi-docs di {start} maupun folder di atasnya",
        hint=f"pindah ke folder ruang kerja, pakai --ruang-kerja FOLDER, atur {ENV_VAR}, "
        "atau buat yang baru dengan: zi-docs init FOLDER",
    )


def init_workspace(
    root: Path,
    *,
    year: int | None = None,
    unit_name: str | None = None,
    instansi: str | None = None,
) -> Any:
    """The fictitious example workspace (``zi-docs init --contoh``), for the demo, tests and
    benchmarks; see :func:`zi_docs.newunit.create.create_example`. A real unit's workspace
    comes from :func:`zi_docs.newunit.create.create_blank`."""
    from zi_docs.newunit import create_example

    return create_example(root, year=year, unit_name=unit_name, instansi=instansi)
