"""The names of an archive folder's parts, for the modules that reach them before the
archive is opened (``check`` lists the objects while its own modules still load)."""

DB_FILE = "catalog.sqlite"
"""The catalogue (see :mod:`zi_docs.evidence.db`; the name kept from the first release)."""
OBJECTS_DIR = "objects"
"""The stored files, one folder per first two characters of their digest."""
