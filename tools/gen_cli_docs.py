"""Write docs/perintah.md, the command reference, from the click commands themselves.

Run: python tools/gen_cli_docs.py   (tests/test_docs.py fails when the file is out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zi_docs.cli.reference import render_reference  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "perintah.md"
    target.write_text(render_reference(), encoding="utf-8")
    print(f"ditulis: {target}")
