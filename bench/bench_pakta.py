"""Pakta Integritas: zi-docs versus plain docxtpl, one 500-page document and 500 files; and
the peak memory of ``generate`` as the batch grows (250 -> 2,000 people).

Timing, interleaved, at least 3 runs of each (same template, context and Jinja filters):
  * one document with a page per employee: plain docxtpl (load, render the whole context,
    save) versus zi-docs ``PreparedTemplate.render_to``; this is the honest comparison;
  * one file per employee: plain docxtpl (load, render, save per employee) versus zi-docs
    (template prepared once, rendered per employee).
Memory (``--memory``): ``zi-docs generate`` in a new process per size, peak RSS from the
kernel (``wait4``), for the one-document and the one-file-per-employee output, beside a plain
docxtpl render of the same document in its own process.

    python bench/bench_pakta.py [--count 500] [--separate 200] [--memory 250,500,1000,2000]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import interleaved, load, report, run_child, zi_docs_command

PLAIN_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import bench_pakta as b
b.plain_one(*b.setup(Path(sys.argv[2]), int(sys.argv[3]))[:2], Path(sys.argv[2]) / "plain.docx")
"""


def people(count: int) -> list[dict[str, str]]:
    return [
        {
            "nama": f"Pegawai Nomor {i}, S.E.",
            "nip": f"19800101200501{1000 + i % 9000:04d}"[:18],
            "jabatan": "Analis Kebijakan Ahli Pertama",
            "pangkat": "Penata",
            "golongan": "III/c",
        }
        for i in range(count)
    ]


def setup(root: Path, count: int) -> tuple[Path, dict[str, Any], Any]:
    """(template, full context, workspace) for ``count`` employees."""
    from zi_docs.documents.common import person
    from zi_docs.documents.generation import _load
    from zi_docs.documents.kinds.pakta import KIND
    from zi_docs.documents.registry import template_path
    from zi_docs.documents.render import PreparedTemplate
    from zi_docs.workspace import Workspace, init_workspace

    ws_dir = root / "ws"
    workspace = Workspace(ws_dir) if (ws_dir / "unit.yaml").exists() else None
    workspace = workspace or init_workspace(ws_dir).workspace
    data = _load(workspace, KIND, workspace.inputs_dir / "pakta-integritas.yaml")
    template = template_path(KIND, workspace)
    context = KIND.build_context(data, workspace, PreparedTemplate(template).media)
    context["unit"]["logo"] = None
    context["pegawai"] = [person(p) for p in people(count)]
    return template, context, workspace


def _env() -> Any:
    from jinja2 import Environment

    from zi_docs.documents.formatting import FILTERS

    env = Environment(autoescape=True)
    env.filters.update(FILTERS)
    return env


def plain_one(template: Path, context: dict[str, Any], dest: Path) -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(context, _env())
    tpl.save(str(dest))


def plain_each(template: Path, pages: list[tuple[str, dict[str, Any]]], out: Path) -> None:
    from docxtpl import DocxTemplate

    env = _env()
    for name, ctx in pages:
        tpl = DocxTemplate(str(template))
        tpl.render(ctx, env)
        tpl.save(str(out / f"{name}.docx"))


def timing(root: Path, count: int, separate: int, runs: int) -> None:
    from zi_docs.documents.kinds.pakta import split
    from zi_docs.documents.render import PreparedTemplate

    template, context, workspace = setup(root, count)
    page = workspace.profile.page
    print(f"satu dokumen {count} halaman:")
    times = interleaved(
        {
            "docxtpl, satu dokumen": lambda: plain_one(template, context, root / "a.docx"),
            "zi-docs, satu dokumen": lambda: PreparedTemplate(template, page=page).render_to(
                context, root / "b.docx"
            ),
        },
        runs,
    )
    report(times, "docxtpl, satu dokumen")
    pages = split({**context, "pegawai": context["pegawai"][:separate]})
    (root / "plain").mkdir()
    (root / "zi").mkdir()

    def zi_each() -> None:
        prepared = PreparedTemplate(template, page=page)
        for name, ctx in pages:
            prepared.render_to(ctx, root / "zi" / f"{name}.docx")

    print(f"satu berkas per pegawai ({len(pages)} berkas):")
    times = interleaved(
        {
            "docxtpl per berkas": lambda: plain_each(template, pages, root / "plain"),
            "zi-docs per berkas": zi_each,
        },
        runs,
    )
    report(times, "docxtpl per berkas")


def memory(root: Path, sizes: list[int]) -> None:
    from zi_docs.workspace import init_workspace

    ws = init_workspace(root / "mem-ws").workspace
    print("puncak RSS (MB) per ukuran batch, proses baru masing-masing:")
    print(f"  {'pegawai':>8} {'docxtpl 1 dok':>14} {'zi-docs 1 dok':>14} {'zi-docs terpisah':>17}")
    for count in sizes:
        listing = ws.inputs_dir / f"daftar-{count}.csv"
        with listing.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, ["nama", "nip", "pangkat", "golongan", "jabatan"])
            writer.writeheader()
            writer.writerows(people(count))
        source = ws.inputs_dir / f"pakta-{count}.yaml"
        source.write_text(
            f"jenis: pakta-integritas\ntanggal: 2026-01-20\ndaftar_pegawai: {listing.name}\n",
            encoding="utf-8",
        )
        plain_root = root / f"plain-{count}"
        plain_root.mkdir()
        _, plain = run_child(
            [
                sys.executable,
                "-c",
                PLAIN_CHILD,
                str(Path(__file__).parent),
                str(plain_root),
                str(count),
            ]
        )
        base = ["generate", "pakta-integritas", str(source), "-w", str(ws.root)]
        _, one = run_child(zi_docs_command(*base, "--out", str(root / f"one-{count}.docx")))
        out_dir = root / f"each-{count}"
        out_dir.mkdir()
        _, each = run_child(
            zi_docs_command(*base, "--terpisah", "--out", str(out_dir / "pakta.docx"))
        )
        print(f"  {count:>8} {plain:>14} {one:>14} {each:>17}")
        shutil.rmtree(out_dir, ignore_errors=True)
        shutil.rmtree(plain_root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--separate", type=int, default=200, help="files in the per-file run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", default="", help="batch sizes, e.g. 250,500,1000,2000")
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-pakta-"))
    try:
        if not args.skip_timing:
            timing(tmp, args.count, args.separate, args.runs)
        if args.memory:
            memory(tmp, [int(n) for n in args.memory.split(",")])
        print(load())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
