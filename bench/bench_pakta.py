"""Benchmark: 500 Pakta Integritas pages, zi-docs versus a plain docxtpl loop.

Run: /work/venv/bin/python bench/bench_pakta.py [COUNT]

Baseline (timed in the same run): for each employee, load the template with docxtpl, render
one page, save — what a script written straight against docxtpl does. zi-docs prepares the
template once and renders from it: (a) one file per employee, (b) one document with a page
per employee. Both use the same template, context and Jinja filters. Target: (a) <= 0.5x.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment

from zi_docs.documents.formatting import FILTERS
from zi_docs.documents.generation import _load
from zi_docs.documents.kinds.pakta import KIND, split
from zi_docs.documents.registry import template_path
from zi_docs.documents.render import PreparedTemplate
from zi_docs.workspace import init_workspace


def _people(count: int) -> list[dict[str, str]]:
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


def main(count: int = 500) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = init_workspace(root / "ws").workspace
        input_file = workspace.inputs_dir / "pakta-integritas.yaml"
        data = _load(workspace, KIND, input_file)
        template = template_path(KIND, workspace)
        prepared_for_context = PreparedTemplate(template)
        context = KIND.build_context(data, workspace, prepared_for_context.media)
        context["unit"]["logo"] = None
        from zi_docs.documents.common import person

        context["pegawai"] = [person(p) for p in _people(count)]
        pages = split(context)

        plain_dir, zi_dir = root / "plain", root / "zi"
        plain_dir.mkdir()
        zi_dir.mkdir()
        env = Environment(autoescape=True)
        env.filters.update(FILTERS)
        start = time.perf_counter()
        for name, ctx in pages:
            tpl = DocxTemplate(str(template))
            tpl.render(ctx, env)
            tpl.save(str(plain_dir / f"{name}.docx"))
        plain = time.perf_counter() - start

        start = time.perf_counter()
        prepared = PreparedTemplate(template, page=workspace.profile.page)
        for name, ctx in pages:
            prepared.render_to(ctx, zi_dir / f"{name}.docx")
        separate = time.perf_counter() - start

        start = time.perf_counter()
        prepared = PreparedTemplate(template, page=workspace.profile.page)
        prepared.render_to(context, root / "semua.docx")
        single = time.perf_counter() - start

    print(f"{count} halaman Pakta Integritas")
    print(f"  docxtpl biasa (muat+isi+simpan per pegawai): {plain:7.2f} s")
    print(
        f"  zi-docs, satu berkas per pegawai:            {separate:7.2f} s"
        f"  rasio {separate / plain:.3f}x"
    )
    print(
        f"  zi-docs, satu dokumen {count} halaman:        {single:7.2f} s"
        f"  rasio {single / plain:.3f}x"
    )
    print("  target: rasio <= 0.5x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
