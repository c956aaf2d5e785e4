"""When a photo was taken, from its EXIF data (Pillow): the date a kegiatan photo proves."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME_DIGITIZED = 0x9004
_DATE_TIME = 0x0132


def photo_date(path: Path) -> dt.date | None:
    """The day the photo was taken (DateTimeOriginal, else DateTimeDigitized, else the
    file's DateTime), or ``None`` when the image carries no usable EXIF date."""
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            inner = exif.get_ifd(_EXIF_IFD)
            values = (
                inner.get(_DATE_TIME_ORIGINAL),
                inner.get(_DATE_TIME_DIGITIZED),
                exif.get(_DATE_TIME),
            )
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
        log.debug("no EXIF date in %s: %r", path, exc)
        return None
    for value in values:
        day = _exif_day(value)
        if day is not None:
            return day
    return None


def _exif_day(value: object) -> dt.date | None:
    """``"2026:08:14 09:30:00"`` -> 2026-08-14; blanks and ``0000:00:00`` give ``None``."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None
