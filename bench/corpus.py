"""Synthetic archives of 2k / 20k / 100k documents for the benches, built in bounded time.

Building 100,000 documents through ``archive add`` would take hours (every file is sniffed,
extracted, copied with fsync and logged), so the catalogue is written *directly*: rows in
``catalog.sqlite`` (files, tags, texts) inserted with ``executemany`` in one transaction, and
each document's text stored as its object (a few hundred bytes to a few KB, named by its
SHA-256 like the store does). The search index is *not* built here: benches build it through
the library (``archive reindex``), since that build is one of the things measured.

Texts are Indonesian-like: stemmer roots with real prefixes and suffixes plus invented words
and function words, so the stemmer and stop list see the kind of tokens they see in letters.

    python bench/corpus.py --docs 100000 --out /tmp/zi-corpus-100k     (about 20-40 s)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sqlite3
import time
from pathlib import Path

from zi_docs.evidence.stemmer import ROOTS
from zi_docs.workspace import Workspace, init_workspace

PREFIXES = ["", "", "", "me", "mem", "men", "meng", "pe", "pem", "pen", "peng", "ber", "di"]
PREFIXES += ["ter", "ke", "per"]
SUFFIXES = ["", "", "", "an", "kan", "i", "nya"]
FILLER = "yang dan di ke dari untuk dengan pada dalam ini itu sebagai oleh atau juga"
FILLER_WORDS = FILLER.split(" ")
KINDS = ["pdf", "pdf", "pdf", "docx", "xlsx", "jpg"]


def roots() -> list[str]:
    return sorted(r for r in ROOTS if len(r) >= 4)


def vocabulary(rng: random.Random, invented: int = 3000) -> list[str]:
    made = [
        "".join(rng.choice("bdgjklmnprstw") + rng.choice("aiueo") for _ in range(3))
        for _ in range(invented)
    ]
    return roots() + made


def word(rng: random.Random, vocab: list[str]) -> str:
    return rng.choice(PREFIXES) + rng.choice(vocab) + rng.choice(SUFFIXES)


def word_pool(rng: random.Random, size: int = 30_000) -> list[str]:
    """Inflected words, a quarter of them function words (drawn with ``rng.choices``)."""
    vocab = vocabulary(rng)
    pool = [word(rng, vocab) for _ in range(size)]
    return pool + FILLER_WORDS * (size // (3 * len(FILLER_WORDS)))


def texts(count: int, seed: int, words: tuple[int, int] = (80, 220)) -> list[tuple[str, str]]:
    """``count`` (title, text) pairs."""
    rng = random.Random(seed)
    pool = word_pool(rng)
    low, high = words
    out = []
    for number in range(count):
        title = f"bukti {number} " + " ".join(rng.choices(pool, k=5))
        out.append((title, " ".join(rng.choices(pool, k=rng.randint(low, high)))))
    return out


def build(root: Path, count: int, seed: int = 7, tagged_share: float = 1.0) -> Workspace:
    """A new workspace at ``root`` whose archive holds ``count`` documents (rows inserted
    directly, objects written as plain files)."""
    from zi_docs.evidence.db import DB_FILE, ArchiveDb
    from zi_docs.evidence.store import ObjectStore

    ws = init_workspace(root).workspace
    rng = random.Random(seed)
    questions = [q for q in ws.catalogue.questions() if q.checklist]
    archive = ws.archive_dir
    objects = archive / "objects"
    ArchiveDb(archive / DB_FILE, ObjectStore(objects)).close()
    files, tags, rows_text = [], [], []
    made: set[str] = set()
    for number, (title, text) in enumerate(texts(count, seed)):
        data = text.encode()
        sha = hashlib.sha256(data).hexdigest()
        if sha in made:
            continue
        made.add(sha)
        folder = objects / sha[:2]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sha
        with open(target, "wb") as out:
            out.write(data)
        os.chmod(target, 0o444)
        # nearly all dated inside the example's assessment year, a few from earlier seasons
        early = rng.random() < 0.05
        day = dt.date(2024 if early else 2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
        kind = rng.choice(KINDS)
        files.append(
            (
                sha,
                len(data),
                kind,
                "application/octet-stream",
                f"bukti-{number:06d}.{kind}",
                title,
                day.isoformat(),
                f"2026-01-01T{number // 3600 % 24:02d}:{number // 60 % 60:02d}:"
                f"{number % 60:02d}+00:00",
                "bench",
                "ok",
            )
        )
        rows_text.append((sha, text))
        if rng.random() < tagged_share:
            node = rng.choice(questions)
            tags.append((sha, node.id, rng.choice(node.checklist).key))
            other = rng.choice(questions)
            if number % 5 == 0 and other.id != node.id:
                tags.append((sha, other.id, None))
    conn = sqlite3.connect(archive / DB_FILE)
    with conn:
        conn.executemany(
            "INSERT INTO files (sha256, size, kind, mime, name, title, doc_date, added_at, "
            "added_by, text_status) VALUES (?,?,?,?,?,?,?,?,?,?)",
            files,
        )
        conn.executemany("INSERT OR IGNORE INTO tags VALUES (?,?,?)", tags)
        conn.executemany("INSERT INTO texts VALUES (?,?)", rows_text)
    conn.close()
    return ws


def ensure(root: Path, count: int, seed: int = 7) -> Workspace:
    """The corpus at ``root``, built (and its build time printed) unless it is there."""
    if (root / "unit.yaml").exists():
        return Workspace(root)
    start = time.perf_counter()
    ws = build(root, count, seed)
    took = time.perf_counter() - start
    print(f"korpus {count} dokumen (baris langsung ke katalog): {took:.1f} s")
    return ws


def reindex(ws: Workspace) -> float:
    """Build the search index through the library, as ``archive reindex --penuh`` does;
    returns seconds."""
    from zi_docs import evidence

    start = time.perf_counter()
    evidence.reindex(ws, full=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--index", action="store_true", help="also build the search index")
    args = parser.parse_args()
    start = time.perf_counter()
    ws = build(args.out, args.docs, args.seed)
    print(f"{args.docs} dokumen di {ws.root}: {time.perf_counter() - start:.1f} s")
    if args.index:
        print(f"indeks dibangun: {reindex(ws):.1f} s")


if __name__ == "__main__":
    main()
