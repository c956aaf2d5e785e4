"""The SQLite engine behind ``catalog.sqlite``: the only module that imports :mod:`sqlite3`.

The rest of :mod:`zi_docs.evidence.db` (opening, schema, reads, writes, salvage) names the
engine's connection, row and error types through here, so that another engine, or another
build of SQLite, is a change to this one module.
"""

from __future__ import annotations

import sqlite3

Connection = sqlite3.Connection
Cursor = sqlite3.Cursor
Row = sqlite3.Row
Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
OperationalError = sqlite3.OperationalError
connect = sqlite3.connect

__all__ = [
    "Connection",
    "Cursor",
    "DatabaseError",
    "Error",
    "OperationalError",
    "Row",
    "connect",
]
