"""One PNG chart per area (Pillow): each sub-komponen's score share and checklist coverage,
with the area minimum as a vertical line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from zi_docs.submission.rollup import GroupStatus

WIDTH = 1200
ROW = 46
TOP = 56
LEFT = 430
RIGHT = 40
_LIGHT_RGB = {"hijau": (30, 158, 62), "kuning": (224, 168, 0), "merah": (209, 17, 17)}
_COVER_RGB = (90, 120, 200)


def area_chart(title: str, groups: Sequence[GroupStatus], minimum: float, dest: Path) -> Path:
    """Draw ``groups`` (sub-komponen) as paired bars: % of weight (coloured by traffic light)
    and % of checklist items covered (blue)."""
    height = TOP + ROW * max(1, len(groups)) + 40
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    small = ImageFont.load_default(size=15)
    draw.text((12, 10), title, fill="black", font=font)
    draw.text(
        (LEFT, 34),
        "% bobot (warna lampu)  ·  % butir data dukung (biru)",
        fill=(80, 80, 80),
        font=small,
    )
    span = WIDTH - LEFT - RIGHT
    for index, group in enumerate(groups):
        y = TOP + index * ROW
        label = group.name if len(group.name) <= 44 else group.name[:42] + "…"
        part = "P" if group.part == "pemenuhan" else "R"
        draw.text((12, y + 10), f"[{part}] {label}", fill="black", font=small)
        share = max(0.0, min(1.0, group.share))
        cover = group.items_percent / 100.0
        draw.rectangle(
            (LEFT, y + 4, LEFT + int(span * share), y + 20), fill=_LIGHT_RGB[group.light.value]
        )
        draw.rectangle((LEFT, y + 24, LEFT + int(span * cover), y + 38), fill=_COVER_RGB)
        draw.text(
            (LEFT + int(span * share) + 4, y + 4), f"{100 * share:.0f}%", fill="black", font=small
        )
    x = LEFT + int(span * minimum)
    draw.line((x, TOP - 4, x, height - 30), fill=(0, 0, 0), width=2)
    draw.text((x - 30, height - 26), f"min {100 * minimum:.0f}%", fill="black", font=small)
    dest.parent.mkdir(parents=True, exist_ok=True)
    image.save(dest, "PNG")
    return dest
