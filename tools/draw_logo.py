"""Draw the fictitious emblem of Kabupaten Sukamaju (zi_docs/example/logo.png) with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "zi_docs" / "data" / "example" / "logo.png"


def main() -> None:
    w, h = 300, 360
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    shield = [(20, 20), (280, 20), (280, 200), (150, 340), (20, 200)]
    d.polygon(shield, fill=(20, 90, 50), outline=(200, 160, 30))
    d.line([*shield, shield[0]], fill=(200, 160, 30), width=10)
    star = [
        (150, 45),
        (163, 85),
        (205, 85),
        (171, 110),
        (184, 150),
        (150, 125),
        (116, 150),
        (129, 110),
        (95, 85),
        (137, 85),
    ]
    d.polygon(star, fill=(240, 200, 40))
    for i, y in enumerate(range(170, 260, 22)):
        inset = 40 + i * 18
        colour = (250, 250, 250) if i % 2 else (30, 110, 180)
        d.rectangle([inset, y, w - inset, y + 10], fill=colour)
    d.ellipse([128, 270, 172, 314], fill=(240, 200, 40))
    img.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
