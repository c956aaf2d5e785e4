"""The archive's database, ``catalog.sqlite``: the only place that holds SQL text; its
:mod:`.engine` is the only module that imports sqlite3.

- :mod:`.engine`: the SQLite connection, row and error types the others name;
- :mod:`.schema`: the tables and their upgrade;
- :mod:`.database`: :class:`ArchiveDb`, the open database and its reads;
- :mod:`.writes`: :class:`Transaction`, every change, inside one transaction;
- :mod:`.numbers`: look-ups by document number;
- :mod:`.readonly`: reading without changing anything (``check``, ``export``, ``rekap``);
- :mod:`.opening`: refusing a damaged, foreign, newer or emptied database; read-only media;
- :mod:`.salvage`: what a damaged database still holds (for ``archive verify --perbaiki``);
- :mod:`.recorded_sizes`: the recorded sizes, read by the bare child that lists the objects.
"""

from zi_docs.evidence.db.database import ArchiveDb
from zi_docs.evidence.db.opening import CatalogError
from zi_docs.evidence.db.readonly import live_files
from zi_docs.evidence.db.schema import SCHEMA_VERSION
from zi_docs.evidence.db.writes import Transaction
from zi_docs.evidence.places import DB_FILE  # the file's name inside archive/

__all__ = [
    "DB_FILE",
    "SCHEMA_VERSION",
    "ArchiveDb",
    "CatalogError",
    "Transaction",
    "live_files",
]
