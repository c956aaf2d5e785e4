"""The web app under 20 simulated users on a workspace with 20,000 evidence files.

Targets: p95 <= 200 ms for the Beranda, an indicator page and a search, and <= 3x the same
library calls made in-process; a 50 MB upload keeps the server's memory flat (streamed).

Builds (or reuses, ``--korpus FOLDER``) a workspace from the bundled example whose archive
holds ``--berkas`` files written directly into the catalogue (rows + tiny objects + texts,
like tests/submission_helpers.make_archive), then builds the search index through the
library. Starts the real ``zi-docs web`` (waitress) on a free loopback port in a child
process, logs ``--pengguna`` users in through the Masuk form, and runs, interleaved, at
least three times each:
  * library: the calls the three views make, in-process, one after another;
  * web: every user (a thread with its own session) asks for the three pages in a shuffled
    order ``--putaran`` times with a think time of about ``--jeda`` seconds in between,
    stopped after ``--batas-detik`` seconds at the latest.
Then the search page alone, beside the fair baseline for a page under many users: the same
``search`` called by as many threads in-process on the same schedule (the sequential library
line above has no concurrency at all, so its ratio also counts the waiting any one-process
server does while other requests run; both lines are printed).
Prints p50/p95 per page (median over the runs), the ratios web / library, the machine load,
and the server's resident memory while a 1 KB file and then a 50 MB file are uploaded through
the upload form (adding any file to a big archive costs memory by itself; what the 50 MB file
adds on top of the 1 KB one is what streaming must keep flat).
Localhost only: the server listens on 127.0.0.1 and the bench talks to nothing else.

    .venv/bin/python -u bench/bench_web.py [--berkas 20000] [--pengguna 20] [--jeda 2]
        [--korpus /tmp/zi-bench-20k]   (the first run builds the corpus: ~10 min on 2 cores)
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from bench_search import make_queries  # noqa: E402
from submission_helpers import Fake, make_archive  # noqa: E402

from zi_docs.assessment import read_answer  # noqa: E402
from zi_docs.evidence import SearchFilters, list_files, reindex, search  # noqa: E402
from zi_docs.submission import run_check  # noqa: E402
from zi_docs.web.site import workspace_key  # noqa: E402
from zi_docs.workspace import Workspace, init_workspace  # noqa: E402

TARGET_P95_MS = 200.0
TARGET_RATIO = 3.0
INDICATOR = "A.I.1.i.a"
USERNAME = "bench"
PASSWORD = "Sandi-Bench-Panjang-2026"
UPLOAD_MB = 50
SEARCH_LIMIT = 26  # what the Arsip page asks the library for (25 shown, one to tell "more")
PAGES = ("beranda", "indikator", "cari")
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"beban mesin (1/5/15 menit): {one:.2f} {five:.2f} {fifteen:.2f}; inti: {os.cpu_count()}"


def pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


# --- the corpus -------------------------------------------------------------------------


def build_corpus(root: Path, count: int, seed: int) -> Workspace:
    """A workspace whose archive holds ``count`` tagged files with text, and its index."""
    if (root / "unit.yaml").exists():
        print(f"korpus dipakai ulang: {root}")
        return Workspace(root)
    start = time.perf_counter()
    ws = init_workspace(root).workspace
    rng = random.Random(seed)
    questions = [q for q in ws.catalogue.questions() if q.checklist]
    docs = corpus.texts(count, seed)
    fakes = []
    for number, (title, text) in enumerate(docs):
        node = INDICATOR if number % 200 == 0 else rng.choice(questions).id
        item = ws.catalogue.by_id[node].checklist[0].key
        year = rng.choice([2022, 2023, 2024])
        day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        fakes.append(Fake(f"bukti-{number:05d}.pdf", text.encode(), [(node, item)], day, title))
    digests = make_archive(ws, fakes)
    conn = sqlite3.connect(ws.archive_dir / "catalog.sqlite")
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO texts VALUES (?, ?)",
            [(sha, text) for sha, (_, text) in zip(digests, docs, strict=True)],
        )
    conn.close()
    rows = time.perf_counter() - start
    start = time.perf_counter()
    reindex(ws, full=True)
    print(
        f"korpus {count} berkas: katalog {rows:.1f} s, indeks pencarian (lewat pustaka) "
        f"{time.perf_counter() - start:.1f} s"
    )
    return ws


# --- the server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def zi_docs(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "zi_docs", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)


def start_server(roots: list[Path], port: int) -> subprocess.Popen[bytes]:
    """``zi-docs web`` serving ``roots`` on ``127.0.0.1:port``, once it answers."""
    command = [sys.executable, "-m", "zi_docs", "web"]
    command += [arg for root in roots for arg in ("-w", str(root))]
    command += ["--host", "127.0.0.1", "--port", str(port), "--tanpa-peramban"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", "/masuk/")
            probe.getresponse().read()
            probe.close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server web tidak menjawab dalam 60 detik")


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """The process's resident memory (Linux /proc); ``None`` where there is no /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# --- a simulated user -------------------------------------------------------------------


class User:
    """One browser: its own connection (kept alive) and cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def send(
        self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.conn.request(method, path, body=body, headers=sent)  # type: ignore[arg-type]
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.conn.request(method, path, body=body, headers=sent)  # type: ignore[arg-type]
            response = self.conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, data

    def get(self, path: str) -> bytes:
        status, data = self.send("GET", path)
        if status != 200:
            raise SystemExit(f"GET {path}: status {status}")
        return data

    def token(self, page: bytes) -> str:
        found = CSRF_FIELD.search(page)
        if found is None:
            raise SystemExit("formulir tanpa token CSRF")
        return found.group(1).decode()

    def log_in(self) -> None:
        token = self.token(self.get("/masuk/"))
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": USERNAME, "password": PASSWORD}
        )
        status, _ = self.send(
            "POST", "/masuk/", form, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        if status != 302:
            raise SystemExit(f"masuk gagal: status {status}")


def page_paths(key: str, queries: list[str], offset: int = 0) -> dict[str, Callable[[int], str]]:
    """The three pages; request ``n`` of a run searches query ``offset + n`` (each run asks
    other queries, so no run finds the previous run's results kept)."""
    return {
        "beranda": lambda n: f"/u/{key}/",
        "indikator": lambda n: f"/u/{key}/lke/{INDICATOR}/",
        "cari": lambda n: (
            f"/u/{key}/arsip/?"
            + urllib.parse.urlencode({"q": queries[(offset + n) % len(queries)]})
        ),
    }


def simulate(
    count: int,
    pages: list[str],
    request: Callable[[int, str, int], bool],
    rounds: int,
    think: float,
    limit_s: float,
) -> dict[str, list[float]]:
    """``count`` simulated users at once: each (a thread) asks for ``pages`` in a shuffled
    order ``rounds`` times with a think time in between; ``request(user, page, n)`` makes
    request ``n`` of a user and says whether it succeeded. Returns latencies (ms) per page."""
    times: dict[str, list[float]] = {page: [] for page in pages}
    lock = threading.Lock()
    deadline = time.monotonic() + limit_s
    failures: list[str] = []

    def browse(number: int) -> None:
        rng = random.Random(number)
        for round_ in range(rounds):
            order = list(pages)
            rng.shuffle(order)
            for page in order:
                if time.monotonic() > deadline:
                    return
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
                start = time.perf_counter()
                ok = request(number, page, number * rounds + round_)
                took = (time.perf_counter() - start) * 1000
                with lock:
                    if ok:
                        times[page].append(took)
                    else:
                        failures.append(f"{page} ({number})")

    threads = [threading.Thread(target=browse, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} permintaan gagal, mis. {failures[0]}")
    return times


def web_run(
    users: list[User],
    paths: dict[str, Callable[[int], str]],
    rounds: int,
    think: float,
    limit_s: float,
) -> dict[str, list[float]]:
    """Every user asks for the pages concurrently; returns latencies (ms) per page."""

    def request(number: int, page: str, n: int) -> bool:
        status, _ = users[number].send("GET", paths[page](n))
        return status == 200

    return simulate(len(users), list(paths), request, rounds, think, limit_s)


def library_calls(ws: Workspace, queries: list[str]) -> dict[str, Callable[[int], object]]:
    """The same library calls the three views make, in-process."""
    today = dt.date.today()
    return {
        "beranda": lambda n: run_check(ws, today, read_only=True),
        "indikator": lambda n: (
            run_check(ws, today, read_only=True),
            read_answer(ws, INDICATOR),
            list_files(ws),
        ),
        "cari": lambda n: search(ws, queries[n % len(queries)], SearchFilters(limit=SEARCH_LIMIT)),
    }


def library_run(calls: dict[str, Callable[[int], object]], rounds: int) -> dict[str, list[float]]:
    """The calls one after another, ``rounds`` times; returns latencies (ms) per page."""
    times: dict[str, list[float]] = {page: [] for page in calls}
    for n in range(rounds):
        for page, call in calls.items():
            start = time.perf_counter()
            call(n)
            times[page].append((time.perf_counter() - start) * 1000)
    return times


def search_only(
    users: list[User],
    ws: Workspace,
    key: str,
    queries: list[str],
    args: argparse.Namespace,
    runs: int,
    first: int,
) -> tuple[dict[str, list[list[float]]], dict[str, list[list[float]]]]:
    """The search page alone under ``len(users)`` users, beside the library's ``search`` called
    by as many threads in this process on the same schedule (think times, rounds): the
    fair comparison for what the web adds to a search under the same concurrency. Each
    side asks its own queries (none asked before); the sides alternate, ``runs`` times."""
    per_run = len(users) * args.putaran
    web: dict[str, list[list[float]]] = {"cari": []}
    lib: dict[str, list[list[float]]] = {"cari": []}
    rounds = args.putaran * len(PAGES)  # as many searches per user as pages in a mixed run
    for run in range(runs):
        web_first = first + 2 * run * per_run * len(PAGES)
        lib_first = web_first + per_run * len(PAGES)
        address = page_paths(key, queries, offset=web_first)["cari"]

        def page(number: int, _page: str, n: int, at: Callable[[int], str] = address) -> bool:
            status, _ = users[number].send("GET", at(n))
            return status == 200

        def call(number: int, _page: str, n: int, start: int = lib_first) -> bool:
            search(ws, queries[(start + n) % len(queries)], SearchFilters(limit=SEARCH_LIMIT))
            return True

        web["cari"].append(
            simulate(len(users), ["cari"], page, rounds, args.jeda, args.batas_detik)["cari"]
        )
        lib["cari"].append(
            simulate(len(users), ["cari"], call, rounds, args.jeda, args.batas_detik)["cari"]
        )
        print(f"putaran cari {run + 1}: {load()}")
    return web, lib


def summary(
    web: dict[str, list[list[float]]],
    lib: dict[str, list[list[float]]],
    target_ms: float,
    target_ratio: float | None,
) -> None:
    """p50/p95 per page: per run, then the median over the runs; p95 web / p95 library."""
    print(
        f"  {'halaman':<10} {'web p50':>8} {'web p95':>8} {'lib p50':>8} {'lib p95':>8}"
        f" {'p95 web/lib':>11}  p95 per putaran (web)  target"
    )
    for page in web:
        w50 = statistics.median(pct(v, 50) for v in web[page])
        w95 = statistics.median(pct(v, 95) for v in web[page])
        l50 = statistics.median(pct(v, 50) for v in lib[page])
        l95 = statistics.median(pct(v, 95) for v in lib[page])
        ratio = w95 / l95 if l95 else float("nan")
        met = w95 <= target_ms and (target_ratio is None or ratio <= target_ratio)
        rule = f"p95 <= {target_ms:.0f} ms" + (
            f", <= {target_ratio:.0f}x" if target_ratio is not None else ""
        )
        each = " ".join(f"{pct(v, 95):.0f}" for v in web[page])
        print(
            f"  {page:<10} {w50:8.1f} {w95:8.1f} {l50:8.1f} {l95:8.1f} {ratio:10.2f}x"
            f"  {each:<21}  {'TERCAPAI' if met else 'BELUM'} ({rule})"
        )


# --- the 50 MB upload -------------------------------------------------------------------


def multipart(token: str, path: Path, boundary: str) -> tuple[Iterator[bytes], int]:
    """A multipart body that reads ``path`` in chunks (the client never holds the file)."""
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f'{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name="butir"\r\n\r\n'
        f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="berkas"; '
        f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        yield head
        with open(path, "rb") as source:
            while block := source.read(1 << 20):
                yield block
        yield tail

    return chunks(), len(head) + path.stat().st_size + len(tail)


def big_file(folder: Path) -> Path:
    """A 50 MB JPEG-looking file (the archive sniffs the type; images are not read whole)."""
    path = folder / "foto-kegiatan-besar.jpg"
    rng = random.Random(50)
    with open(path, "wb") as out:
        out.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        for _ in range(UPLOAD_MB):
            out.write(rng.randbytes(1 << 20))
        out.write(b"\xff\xd9")
    return path


def _peak_during(server: subprocess.Popen[bytes], action: Callable[[], object]) -> float:
    """The server's highest resident memory (MB) while ``action`` runs (sampled every 10 ms)."""
    peak = [rss_mb(server.pid) or 0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            now = rss_mb(server.pid)
            if now is not None:
                peak[0] = max(peak[0], now)
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        action()
    finally:
        done.set()
        sampler.join()
    return peak[0]


def _upload(user: User, key: str, path: Path) -> int:
    page = user.get(f"/u/{key}/lke/{INDICATOR}/")
    body, length = multipart(user.token(page), path, "batas-zi-docs-bench")
    status, _ = user.send(
        "POST",
        f"/u/{key}/lke/{INDICATOR}/unggah/",
        body,
        {
            "Content-Type": "multipart/form-data; boundary=batas-zi-docs-bench",
            "Content-Length": str(length),
        },
    )
    return status


def upload_memory(server: subprocess.Popen[bytes], user: User, ws: Workspace, folder: Path) -> None:
    """The server's memory while a 1 KB file and then a 50 MB file are uploaded: adding a
    file to a big archive costs memory by itself, so the 1 KB upload is the baseline."""
    key = workspace_key(ws.root)
    if rss_mb(server.pid) is None:
        print("memori unggahan: tidak terukur (tanpa /proc di sistem ini)")
        return
    small = folder / "catatan-kecil.txt"
    small.write_text(f"catatan kecil untuk bench {time.time()}", encoding="utf-8")
    big = big_file(folder)
    rows = []
    for path in (small, big):
        before = rss_mb(server.pid) or 0.0
        answers: list[int] = []

        def send(target: Path = path, out: list[int] = answers) -> None:
            out.append(_upload(user, key, target))

        start = time.perf_counter()
        peak = _peak_during(server, send)
        took = time.perf_counter() - start
        stored = any(f.name == path.name for f in list_files(ws).files)
        rows.append((path, before, peak, took, answers[0], stored))
    for path, before, peak, took, status, stored in rows:
        size = path.stat().st_size / (1 << 20)
        print(
            f"unggah {path.name} ({size:.3g} MB): status {status}, "
            f"{'tersimpan' if stored else 'TIDAK tersimpan'}, {took:.1f} s; memori server "
            f"{before:.0f} MB -> puncak {peak:.0f} MB (+{peak - before:.0f} MB)"
        )
    (_, small_before, small_peak, *_), (_, big_before, big_peak, *_) = rows
    extra = (big_peak - big_before) - (small_peak - small_before)
    print(
        f"tambahan memori karena ukuran berkas {UPLOAD_MB} MB: {extra:+.0f} MB "
        f"({extra / UPLOAD_MB:+.2f}x ukuran berkas; datar bila jauh di bawah 1x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--berkas", type=int, default=20_000, help="berkas di arsip")
    parser.add_argument("--pengguna", type=int, default=20, help="pengguna serentak")
    parser.add_argument("--putaran", type=int, default=4, help="putaran tiga halaman per pengguna")
    parser.add_argument("--jeda", type=float, default=1.0, help="rata-rata jeda antarklik (s)")
    parser.add_argument("--batas-detik", type=float, default=120.0, help="batas satu putaran web")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--korpus", type=Path, default=None, help="folder korpus (dipakai ulang)")
    args = parser.parse_args()
    runs = max(3, args.runs)

    print(load())
    with tempfile.TemporaryDirectory(prefix="zi-bench-web-") as tmp:
        folder = Path(tmp)
        root = args.korpus or folder / "ws"
        ws = build_corpus(root, args.berkas, args.seed)
        accounts = zi_docs("web", "-w", str(ws.root), "pengguna", "daftar").stdout
        if USERNAME not in accounts:
            zi_docs(
                "web",
                "-w",
                str(ws.root),
                "pengguna",
                "tambah",
                USERNAME,
                "--peran",
                "ketua",
                "--sandi-stdin",
                stdin=PASSWORD + "\n",
            )
        key = workspace_key(ws.root)
        per_run = args.pengguna * args.putaran
        # no query asked twice: the mixed runs, then the search-only runs of each side
        # (each user searches as often as it asks for pages in a mixed run)
        wanted = runs * per_run * (1 + 2 * len(PAGES)) + 1
        queries = make_queries(max(200, wanted), args.seed)
        port = free_port()
        server = start_server([ws.root], port)
        try:
            users = [User(port) for _ in range(args.pengguna)]
            for user in users:
                user.log_in()
            # one warm-up request per page (templates, imports, caches), not measured
            for path in page_paths(key, queries, offset=len(queries) - 1).values():
                users[0].get(path(0))
            calls = library_calls(ws, queries)
            library_run(calls, 1)
            web: dict[str, list[list[float]]] = {p: [] for p in PAGES}
            lib: dict[str, list[list[float]]] = {p: [] for p in PAGES}
            for run in range(runs):
                for page, values in library_run(calls, args.putaran * 3).items():
                    lib[page].append(values)
                paths = page_paths(key, queries, offset=run * per_run)
                got = web_run(users, paths, args.putaran, args.jeda, args.batas_detik)
                for page, values in got.items():
                    web[page].append(values)
                print(
                    f"putaran {run + 1}: {sum(len(v) for v in got.values())} permintaan; {load()}"
                )
            print(
                f"\n{args.pengguna} pengguna serentak, {args.berkas} berkas, jeda ~{args.jeda} s; "
                f"median dari {runs} putaran (ms):"
            )
            summary(web, lib, TARGET_P95_MS, TARGET_RATIO)
            print()
            alone = search_only(users, ws, key, queries, args, runs, first=runs * per_run)
            print(
                f"\nhanya pencarian, serentak di kedua sisi: {args.pengguna} pengguna web lawan "
                f"{args.pengguna} utas pustaka dengan jadwal yang sama; median dari {runs} "
                "putaran (ms):"
            )
            summary(*alone, TARGET_P95_MS, TARGET_RATIO)
            print()
            upload_memory(server, users[0], ws, folder)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(load())


if __name__ == "__main__":
    main()
