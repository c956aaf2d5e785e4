"""``zi-docs survei``: the SKM's IKM, the internal SPAK/SPKP indices, and the LKE answers they
suggest. Each command calls one library function and prints what comes back."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path

import click

from zi_docs import surveys
from zi_docs.cli._base import (
    ExitCode,
    ZiCommand,
    ZiGroup,
    emit_json,
    workspace_dir_option,
    workspace_from,
)
from zi_docs.cli.survey_text import echo_ikm, echo_internal, echo_problems, echo_suggestions

_ANSWERS = click.argument(
    "jawaban", metavar="JAWABAN.csv|.xlsx", type=click.Path(dir_okay=False, path_type=Path)
)
_DEFINITION = click.option(
    "--definisi",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="DEF.yaml",
    help="Berkas definisi: kolom mana berisi unsur/aspek, label jawaban, kolom profil.",
)
_JSON = click.option("--json", "as_json", is_flag=True, help="Keluaran JSON lengkap untuk skrip.")


def _definition(path: Path | None) -> surveys.Definition | None:
    return surveys.load_definition(path) if path is not None else None


def _exit(usable: bool, problems: int) -> int:
    if not usable:
        return int(ExitCode.ERROR)
    return int(ExitCode.GAPS if problems else ExitCode.OK)


class _SurveyGroup(ZiGroup):
    """``survei``, whose SPAK/SPKP commands (one per instrument of the bundled
    survei-internal.yaml) are built the first time its commands are read (looked up, listed,
    documented), so starting the CLI reads no YAML."""

    _built = False
    _commands: MutableMapping[str, click.Command]

    @property
    def commands(self) -> MutableMapping[str, click.Command]:
        if not self._built:
            self._built = True
            for instrument in surveys.internal_surveys().instruments:
                self._commands[instrument] = _internal(instrument)
        return self._commands

    @commands.setter
    def commands(self, value: MutableMapping[str, click.Command]) -> None:
        self._commands = value

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        built, self._built = self._built, True  # registering reads ``commands``: build nothing
        try:
            super().add_command(cmd, name)
        finally:
            self._built = built


@click.group("survei", cls=_SurveyGroup)
def survei() -> None:
    """Survei Kepuasan Masyarakat (IKM, PermenPANRB 14/2017) dan survei internal SPAK/SPKP.

    Hasil dihitung dari berkas unduhan mentah (Google Forms, Kobo, atau Excel) dengan pecahan
    tepat; jawaban yang tidak sah disebut baris dan kolomnya.
    """


def _ikm(
    jawaban: Path, definisi: Path | None, bobot: str, populasi: int | None, periode: str
) -> surveys.IkmResult:
    return surveys.compute_ikm(
        jawaban,
        definition=_definition(definisi),
        weight=bobot,
        population=populasi,
        period_kind=periode,
    )


@survei.command("ikm", cls=ZiCommand)
@_ANSWERS
@_DEFINITION
@click.option(
    "--bobot",
    type=click.Choice(surveys.WEIGHTS, case_sensitive=False),
    default="regulasi",
    show_default=True,
    help="Bobot tiap unsur: 'regulasi' = 0,11 seperti tercetak (maksimum 99,0), 'eksak' = 1/9.",
)
@click.option(
    "--populasi",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Jumlah populasi penerima layanan: bandingkan responden dengan tabel sampel.",
)
@click.option(
    "--periode",
    type=click.Choice(surveys.PERIOD_KINDS, case_sensitive=False),
    default="triwulan",
    show_default=True,
    help="Pengelompokan per periode bila berkas memuat kolom waktu pengisian.",
)
@_JSON
@click.option(
    "--docx",
    "docx",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="KELUARAN.docx",
    help="Tulis juga Laporan SKM (.docx) ke berkas ini (memakai profil unit ruang kerja).",
)
@workspace_dir_option()
@click.pass_context
def ikm(
    ctx: click.Context,
    jawaban: Path,
    definisi: Path | None,
    bobot: str,
    populasi: int | None,
    periode: str,
    as_json: bool,
    docx: Path | None,
    workspace_dir: str | None,
) -> int:
    """Hitung Indeks Kepuasan Masyarakat dari JAWABAN (.csv atau .xlsx).

    Tanpa --definisi, kolom U1 ... U9 (huruf besar/kecil bebas) berisi sembilan unsur dengan
    skor 1-4 atau label jawabannya (Sesuai, Sangat cepat, Gratis ...). NRR tiap unsur dibagi
    jumlah responden yang menjawab unsur itu; mutu dan kinerja dari nilai konversi yang
    dibulatkan dua desimal (interval 14/2017).

    Kode keluar: 0 semua jawaban dihitung, 3 ada sel/baris yang tidak dihitung (disebut
    baris dan kolomnya), 1 tidak ada yang dapat dihitung.
    """
    result = _ikm(jawaban, definisi, bobot.lower(), populasi, periode.lower())
    written = None
    if docx is not None and result.usable:
        from zi_docs.documents import write_skm_report

        workspace = workspace_from(ctx, workspace_dir)
        written = write_skm_report(
            workspace,
            jawaban,
            docx,
            definition=definisi,
            weight=bobot.lower(),
            population=populasi,
            period_kind=periode.lower(),
        )
    if as_json:
        emit_json(surveys.ikm_to_dict(result))
    else:
        echo_ikm(result)
        echo_problems(result.problems, result.counts)
    if written is not None:
        click.echo(f"Laporan SKM ditulis ke {written}", err=as_json)
    elif docx is not None:
        click.secho("Laporan SKM tidak dibuat karena IKM tidak dapat dihitung.", fg="red", err=True)
    return _exit(result.usable, len(result.problems))


def _internal(instrument: str) -> click.Command:
    methods = sorted(surveys.internal_surveys().methods)

    @click.command(instrument, cls=ZiCommand, help=_internal_help(instrument))
    @_ANSWERS
    @_DEFINITION
    @click.option(
        "--metode",
        type=click.Choice(methods, case_sensitive=False),
        default=None,
        help=f"Cara mengubah rata-rata skala instrumen ke indeks 0-4 (bawaan: "
        f"{surveys.internal_surveys().default_method}); selalu disebut di keluaran.",
    )
    @_JSON
    def command(jawaban: Path, definisi: Path | None, metode: str | None, as_json: bool) -> int:
        result = surveys.compute_internal(
            jawaban, instrument, definition=_definition(definisi), method=metode
        )
        if as_json:
            emit_json(surveys.internal_to_dict(result))
        else:
            echo_internal(result)
            echo_problems(result.problems, result.counts)
        return _exit(result.usable, len(result.problems))

    return command


def _internal_help(instrument: str) -> str:
    known = surveys.internal_surveys()
    spec = known.instruments[instrument]
    aspects = ", ".join(a.name.lower() for a in spec.aspects)
    codes = f"{spec.aspects[0].code} ... {spec.aspects[-1].code}"
    return (
        f"Hitung {spec.index_name} dari {spec.name} internal (JAWABAN .csv atau .xlsx).\n\n"
        f"Aspek: {aspects}; kolom {codes} skala {spec.low}-{spec.high} (ubah lewat "
        f"--definisi). Keluaran selalu menyebut rata-rata mentah, jumlah responden (peringatan "
        f"di bawah {known.minimum_respondents}) dan metode konversi ke 0-4, karena regulasi "
        f"tidak menetapkannya. Hasilnya dapat ditulis di lke.yaml untuk {spec.indicator}.\n\n"
        "Kode keluar: 0 semua jawaban dihitung, 3 ada sel/baris yang tidak dihitung, 1 tidak "
        "ada yang dapat dihitung."
    )


@survei.command("saran", cls=ZiCommand)
@click.argument(
    "jawaban",
    metavar="[JAWABAN.csv|.xlsx]",
    required=False,
    type=click.Path(dir_okay=False, path_type=Path),
)
@_DEFINITION
@_JSON
@workspace_dir_option()
@click.pass_context
def saran(
    ctx: click.Context,
    jawaban: Path | None,
    definisi: Path | None,
    as_json: bool,
    workspace_dir: str | None,
) -> None:
    """Saran jawaban LKE P.PP.iv.a/b/c dari survei dan arsip data dukung, beserta alasannya.

    P.PP.iv.a dari jumlah laporan SKM tahun penilaian di arsip (atau periode jawaban di
    JAWABAN bila belum ada laporan), iv.b dari bukti publikasi, iv.c dari bukti tindak lanjut.
    Saran tidak pernah ditulis ke lke.yaml secara otomatis.
    """
    workspace = workspace_from(ctx, workspace_dir)
    result = _ikm(jawaban, definisi, "regulasi", None, "triwulan") if jawaban else None
    suggestions = surveys.suggest_lke(workspace, result)
    if as_json:
        emit_json(surveys.suggestions_to_dict(suggestions))
        return
    echo_suggestions(suggestions)


COMMANDS = (survei,)
