"""The second half's pages under 20 simulated users: the rekap of 50 units on one server, and
one unit's Periksa, Dokumen, an input form, Templat and the evaluators' pages (Evaluasi, a
layer's indicator list, a layer indicator, Banding, the tindak lanjut register).

Target (issue 13): p95 <= 300 ms per page, printed as ratios to the same library calls made
in-process (``build_rekap`` over the 50 folders, ``run_check``, the input files and kinds,
``check_templates``, the ``zi_docs.evaluation`` calls of the evaluators' views).

Builds (or reuses, ``--folder``) ``--unit`` example workspaces with their own unit names and
some answers changed, starts the real ``zi-docs web -w ... -w ...`` (waitress) on a free
loopback port in a child process, gives one account a role in every unit, logs ``--pengguna``
users in, and runs library and web rounds interleaved ``--runs`` times (at least three),
like bench_web.py. Localhost only.

    .venv/bin/python -u bench/bench_web_units.py [--unit 50] [--pengguna 20] [--jeda 1]
        [--folder /tmp/zi-bench-units]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_web import (  # noqa: E402
    PASSWORD,
    USERNAME,
    User,
    free_port,
    library_run,
    load,
    start_server,
    summary,
    web_run,
)

from zi_docs.assessment import read_answer, save_answer  # noqa: E402
from zi_docs.documents import all_kinds, check_templates, list_templates  # noqa: E402
from zi_docs.evaluation import (  # noqa: E402
    add_items_locked,
    compare_layers,
    items_from_layer,
    layer_names,
    load_layer,
    load_register,
    read_layer_entry,
)
from zi_docs.submission import build_rekap, run_check  # noqa: E402
from zi_docs.workspace import Workspace, init_workspace  # noqa: E402
from zi_docs.yamlio import load_yaml  # noqa: E402

TARGET_P95_MS = 300.0
FORM = ("sk-tim", "sk-tim")
"""The input form asked for: kind and input name of the example workspace."""
CHANGED = 6
"""Questions with options whose answer each unit picks at random."""


def build_units(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` example workspaces, each with its name and a few answers of its own."""
    rng = random.Random(seed)
    roots = []
    start = time.perf_counter()
    for number in range(1, count + 1):
        root = folder / f"unit-{number:02d}"
        roots.append(root)
        if (root / "unit.yaml").exists():
            continue
        ws = init_workspace(root, unit_name=f"Unit Uji {number:02d}").workspace
        chosen = [q for q in ws.catalogue.questions() if q.criteria][: CHANGED * 3 : 3]
        for question in chosen:
            entry = read_answer(ws, question.id)
            option = rng.choice(list(question.criteria))
            save_answer(ws, question.id, option, expected_version=entry.version)
    print(f"{count} ruang kerja siap dalam {time.perf_counter() - start:.1f} s: {folder}")
    return roots


def evaluation_of(root: Path) -> tuple[str, str]:
    """The first unit's first layer and an indicator it noted; follow-up items made from the
    layer's notes when the register is empty (the example has a layer but no register)."""
    ws = Workspace(root)
    names = layer_names(ws)
    if not names:
        raise SystemExit(f"{root}: contoh tanpa lapis evaluasi; buat dulu dengan zi-docs lapis")
    layer = load_layer(ws, names[0])
    if not load_register(ws).items:
        add_items_locked(ws, items_from_layer(ws, layer.name, due=dt.date.today()))
    noted = [q for r in layer.rounds for q, a in r.answers.answers.items() if a.note]
    answered = [q for r in layer.rounds for q in r.answers.answers]
    return layer.name, (noted or answered)[0]


def grant_everywhere(roots: list[Path]) -> str:
    """One account with a reading role in every unit (the Inspektorat's); the first unit's key."""
    from zi_docs.errors import ZiError
    from zi_docs.web import add_account, configure, open_site

    site = open_site(roots)
    configure(site)
    for key in site.workspaces:
        with contextlib.suppress(ZiError):  # granted by an earlier run
            add_account(site, key, USERNAME, "pengamat", PASSWORD)
    return site.default_key


def page_paths(key: str, layer: str, indicator: str) -> dict[str, Callable[[int], str]]:
    here = f"/u/{key}/evaluasi/lapis/{layer}/"
    return {
        "rekap": lambda n: "/rekap/",
        "periksa": lambda n: f"/u/{key}/periksa/",
        "dokumen": lambda n: f"/u/{key}/dokumen/",
        "isian": lambda n: f"/u/{key}/dokumen/isian/{FORM[0]}/{FORM[1]}/",
        "templat": lambda n: f"/u/{key}/templat/",
        "evaluasi": lambda n: f"/u/{key}/evaluasi/",
        "lapis": lambda n: here,
        "indikator": lambda n: f"{here}{indicator}/",
        "banding": lambda n: f"/u/{key}/evaluasi/banding/",
        "t-lanjut": lambda n: f"/u/{key}/tindak-lanjut/",
    }


def library_calls(
    roots: list[Path], layer: str, indicator: str
) -> dict[str, Callable[[int], object]]:
    """What the ten views ask of the library, in-process, without the web app's caches."""
    today = dt.date.today()
    first = Workspace(roots[0])

    def inputs() -> object:
        return all_kinds(), [load_yaml(p).data for p in sorted(first.inputs_dir.glob("*.yaml"))]

    return {
        "rekap": lambda n: build_rekap(roots, today),
        "periksa": lambda n: run_check(Workspace(roots[0]), today, read_only=True),
        "dokumen": lambda n: inputs(),
        "isian": lambda n: (all_kinds()[FORM[0]], load_yaml(first.inputs_dir / f"{FORM[1]}.yaml")),
        "templat": lambda n: (list_templates(first), check_templates(first)),
        "evaluasi": lambda n: [load_layer(first, name) for name in layer_names(first)],
        "lapis": lambda n: compare_layers(first, [layer]),
        "indikator": lambda n: (
            load_layer(first, layer),
            read_layer_entry(first, layer, indicator),
        ),
        "banding": lambda n: compare_layers(first),
        "t-lanjut": lambda n: (load_register(first), layer_names(first)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=int, default=50, help="ruang kerja di satu server")
    parser.add_argument("--pengguna", type=int, default=20, help="pengguna serentak")
    parser.add_argument("--putaran", type=int, default=3, help="putaran halaman per pengguna")
    parser.add_argument("--jeda", type=float, default=1.0, help="rata-rata jeda antarklik (s)")
    parser.add_argument("--batas-detik", type=float, default=150.0, help="batas satu putaran web")
    parser.add_argument("--lib-putaran", type=int, default=3, help="panggilan pustaka per putaran")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folder", type=Path, default=None, help="folder unit (dipakai ulang)")
    args = parser.parse_args()
    runs = max(3, args.runs)

    print(load())
    with tempfile.TemporaryDirectory(prefix="zi-bench-units-") as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        roots = build_units(folder, args.unit, args.seed)
        layer, indicator = evaluation_of(roots[0])
        key = grant_everywhere(roots)
        port = free_port()
        server = start_server(roots, port)
        try:
            users = [User(port) for _ in range(args.pengguna)]
            for user in users:
                user.log_in()
            paths = page_paths(key, layer, indicator)
            for path in paths.values():  # warm-up (imports, templates), not measured
                users[0].get(path(0))
            calls = library_calls(roots, layer, indicator)
            web: dict[str, list[list[float]]] = {p: [] for p in paths}
            lib: dict[str, list[list[float]]] = {p: [] for p in paths}
            for run in range(runs):
                for page, values in library_run(calls, args.lib_putaran).items():
                    lib[page].append(values)
                got = web_run(users, paths, args.putaran, args.jeda, args.batas_detik)
                for page, values in got.items():
                    web[page].append(values)
                print(
                    f"putaran {run + 1}: {sum(len(v) for v in got.values())} permintaan; {load()}"
                )
            print(
                f"\n{args.pengguna} pengguna serentak, {args.unit} unit di satu server, "
                f"jeda ~{args.jeda} s; median dari {runs} putaran (ms):"
            )
            summary(web, lib, TARGET_P95_MS, None)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(load())


if __name__ == "__main__":
    main()
