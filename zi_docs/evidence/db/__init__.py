"""The archive's database, ``catalog.sqlite``: the only place that imports sqlite3 and holds
SQL text.

- :mod:`.schema`: the tables and their upgrade;
- :mod:`.database`: :class:`ArchiveDb`, the open database and its reads;
- :mod:`.writes`: :class:`Transaction`, every change, inside one transaction;
- :mod:`.numbers`: look-ups by document number;
- :mod:`.readonly`: reading without changing anything (``check``, ``export``, ``rekap``).
"""

from zi_docs.evidence.db.database import ArchiveDb
from zi_docs.evidence.db.readonly import live_files
from zi_docs.evidence.db.schema import SCHEMA_VERSION
from zi_docs.evidence.db.writes import Transaction

DB_FILE = "catalog.sqlite"
"""The database's file name inside ``archive/`` (kept from the first release)."""

__all__ = [
    "DB_FILE",
    "SCHEMA_VERSION",
    "ArchiveDb",
    "Transaction",
    "live_files",
]
