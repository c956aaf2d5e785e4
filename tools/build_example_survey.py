"""Write the example SKM export of the demo workspace (a Google Forms CSV, Indonesian locale).

Run from the repository root:  .venv/bin/python tools/build_example_survey.py
Writes zi_docs/data/example/inputs/skm-2026-tw1.csv (fictitious, fixed seed). The questions follow
the order of the 14/2017 questionnaire (sarana before pengaduan) and the kepentingan grid of
many units; skm-definisi.yaml maps them to U1-U9. Three deliberate faults show the checks: an
answer typed by hand, an empty answer and a submission sent twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zi_docs.surveys.scales import skm_scale  # noqa: E402

TARGET = ROOT / "zi_docs" / "data" / "example" / "inputs" / "skm-2026-tw1.csv"
QUESTIONS = {
    "U1": "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
    "pelayanannya?",
    "U2": "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "U3": "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "U4": "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "U5": "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
    "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    "U6": "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "U7": "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
    "kesopanan dan keramahan?",
    "U9": "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "U8": "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
}
SHORT = {
    "U1": "Persyaratan",
    "U2": "Prosedur",
    "U3": "Waktu",
    "U4": "Biaya",
    "U5": "Produk",
    "U6": "Kompetensi petugas",
    "U7": "Perilaku petugas",
    "U9": "Sarana dan prasarana",
    "U8": "Penanganan pengaduan",
}
# chance of 4, 3, 2, 1 per unsur: waktu and pengaduan are the weak points of this unit
WEIGHTS = {
    "U1": (55, 40, 5, 0),
    "U2": (45, 45, 10, 0),
    "U3": (25, 45, 25, 5),
    "U4": (92, 8, 0, 0),
    "U5": (50, 45, 5, 0),
    "U6": (55, 42, 3, 0),
    "U7": (62, 36, 2, 0),
    "U9": (40, 48, 12, 0),
    "U8": (28, 44, 22, 6),
}
IMPORTANCE = ("Sangat penting", "Penting", "Kurang penting", "Tidak penting")
SERVICES = ("Perizinan Berusaha (OSS)", "Persetujuan Bangunan Gedung", "Izin Reklame")


def main() -> None:
    rng = random.Random(2026)
    labels = {u.code: u.labels for u in skm_scale().unsur}
    header = [
        "Cap waktu",
        "Alamat email",
        "Jenis layanan yang Anda terima",
        "Jenis kelamin",
        "Usia (tahun)",
        "Pendidikan terakhir",
        "Pekerjaan utama",
        *QUESTIONS.values(),
        *(f"Seberapa penting hal berikut bagi Anda? [{SHORT[c]}]" for c in QUESTIONS),
    ]
    rows = []
    start = dt.datetime(2026, 1, 5, 8, 0)
    for i in range(300):
        when = start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 84))
        answers = []
        for code in QUESTIONS:
            score = rng.choices((4, 3, 2, 1), WEIGHTS[code])[0]
            answers.append(labels[code][score - 1])
        importance = [
            rng.choices(IMPORTANCE, (70, 28, 2, 0) if c in ("U3", "U8", "U1") else (45, 45, 9, 1))[
                0
            ]
            for c in QUESTIONS
        ]
        rows.append(
            [
                f"{when:%d/%m/%Y} {when.hour}:{when:%M}:{i % 60:02d}",
                f"responden{i + 1:03d}@contoh.id",
                rng.choices(SERVICES, (60, 25, 15))[0],
                rng.choice(("Laki-laki", "Perempuan")),
                str(rng.randint(19, 64)),
                rng.choices(("SMA/sederajat", "D3", "S1", "S2", "SD/SMP"), (35, 12, 40, 8, 5))[0],
                rng.choices(
                    ("Wiraswasta", "Karyawan swasta", "PNS/TNI/Polri", "Lainnya"), (45, 30, 10, 15)
                )[0],
                *answers,
                *importance,
            ]
        )
    rows.sort(key=lambda r: dt.datetime.strptime(r[0], "%d/%m/%Y %H:%M:%S"))
    rows[17][7 + 2] = "lumayan cepat"  # typed by hand: not a 14/2017 label
    rows[40][7 + 8] = ""  # skipped question
    rows.insert(63, list(rows[62]))  # the same submission sent twice
    with TARGET.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    print(TARGET.relative_to(ROOT))


if __name__ == "__main__":
    main()
