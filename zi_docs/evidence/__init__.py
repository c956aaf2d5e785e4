"""The evidence archive (data dukung): store, database, text extraction, search, verify.

This is the package's front door: clients (the CLI, the web app, the documents and
submission flows) call what ``__all__`` names and print the values it names. Behind it, one
module per job:

- :mod:`.filing` — add, import, list, show, tag, edit, trash, verify, audit log;
- :mod:`.reading` — search, reindex, late OCR;
- :mod:`.filters` — what narrows a search or a listing (one value from client to engine);
- :mod:`.narrowing` — files and hits below an indicator, in an area, untagged, in the trash;
- :mod:`.view` — the read-only view of an archive for ``check``, ``export`` and ``rekap``;
- :mod:`.incoming` — collecting and validating one incoming file;
- :mod:`.adding` — storing a batch of validated files;
- :mod:`.drive_folders` — reading a Drive-style evidence tree laid out like the LKE;
- :mod:`.manage` — changing what the database says about stored files;
- :mod:`.archive`, :mod:`.store`, :mod:`.lock` — the archive folder, its objects, its writer;
- :mod:`.store_listing` — one pass over the objects folder (sizes, strays, temporary files);
- :mod:`.db` — ``catalog.sqlite``, the only sqlite3 and SQL home;
- :mod:`.indexing` and :mod:`.search` — the search index (the only tantivy home);
- :mod:`.extract`, :mod:`.ocr`, :mod:`.textfiles`, :mod:`.sniff`, :mod:`.numbers` — reading
  files: text, OCR, file type, document numbers;
- :mod:`.preview` — page images of a PDF for the browser (pypdfium2, as :mod:`.extract` for text).
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy
from zi_docs.refs import IndicatorRef

if TYPE_CHECKING:
    from zi_docs.evidence.actor import acting_as
    from zi_docs.evidence.adding import IngestReport, Outcome
    from zi_docs.evidence.db import DB_FILE
    from zi_docs.evidence.drive_folders import Placement
    from zi_docs.evidence.example import install_example_archive
    from zi_docs.evidence.filing import (
        FileDetail,
        ImportReport,
        Listing,
        add_files,
        audit_log,
        edit,
        empty_trash,
        import_tree,
        list_files,
        rebuild_archive_catalog,
        remove,
        restore,
        show,
        stored_files,
        tag,
        untag,
        verify_archive,
    )
    from zi_docs.evidence.filters import NO_FILTERS, SearchFilters
    from zi_docs.evidence.incoming import DEFAULT_MAX_MB, Rejection, megabytes
    from zi_docs.evidence.manage import TagChange, TrashChange
    from zi_docs.evidence.preview import Preview, page_image, preview, preview_cache
    from zi_docs.evidence.reading import (
        OcrReport,
        SearchResult,
        SearchSession,
        reindex,
        run_ocr,
        search,
    )
    from zi_docs.evidence.rebuild import RebuildReport
    from zi_docs.evidence.records import ArchiveView, AuditEntry, EvidenceFile, Progress, StoredFile
    from zi_docs.evidence.search import MARK_END, MARK_START, Hit, ReindexReport
    from zi_docs.evidence.sniff import KINDS
    from zi_docs.evidence.store import hash_file
    from zi_docs.evidence.store_listing import PendingListing, start_archive_listing
    from zi_docs.evidence.verify import Problem, VerifyReport
    from zi_docs.evidence.view import open_view, read_view

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "ArchiveView": "records",
    "AuditEntry": "records",
    "DB_FILE": "db",
    "DEFAULT_MAX_MB": "incoming",
    "EvidenceFile": "records",
    "FileDetail": "filing",
    "Hit": "search",
    "ImportReport": "filing",
    "IngestReport": "adding",
    "KINDS": "sniff",
    "Listing": "filing",
    "MARK_END": "search",
    "MARK_START": "search",
    "NO_FILTERS": "filters",
    "OcrReport": "reading",
    "Outcome": "adding",
    "Placement": "drive_folders",
    "Preview": "preview",
    "Problem": "verify",
    "Progress": "records",
    "RebuildReport": "rebuild",
    "ReindexReport": "search",
    "Rejection": "incoming",
    "SearchFilters": "filters",
    "SearchResult": "reading",
    "SearchSession": "reading",
    "StoredFile": "records",
    "TagChange": "manage",
    "TrashChange": "manage",
    "VerifyReport": "verify",
    "acting_as": "actor",
    "add_files": "filing",
    "audit_log": "filing",
    "edit": "filing",
    "empty_trash": "filing",
    "hash_file": "store",
    "import_tree": "filing",
    "install_example_archive": "example",
    "list_files": "filing",
    "megabytes": "incoming",
    "open_view": "view",
    "start_archive_listing": "store_listing",
    "PendingListing": "store_listing",
    "page_image": "preview",
    "preview": "preview",
    "preview_cache": "preview",
    "read_view": "view",
    "rebuild_archive_catalog": "filing",
    "reindex": "reading",
    "remove": "filing",
    "restore": "filing",
    "run_ocr": "reading",
    "search": "reading",
    "show": "filing",
    "stored_files": "filing",
    "tag": "filing",
    "untag": "filing",
    "verify_archive": "filing",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "DB_FILE",
    "DEFAULT_MAX_MB",
    "KINDS",
    "MARK_END",
    "MARK_START",
    "NO_FILTERS",
    "ArchiveView",
    "AuditEntry",
    "EvidenceFile",
    "FileDetail",
    "Hit",
    "ImportReport",
    "IndicatorRef",
    "IngestReport",
    "Listing",
    "OcrReport",
    "Outcome",
    "PendingListing",
    "Placement",
    "Preview",
    "Problem",
    "Progress",
    "RebuildReport",
    "ReindexReport",
    "Rejection",
    "SearchFilters",
    "SearchResult",
    "SearchSession",
    "StoredFile",
    "TagChange",
    "TrashChange",
    "VerifyReport",
    "acting_as",
    "add_files",
    "audit_log",
    "edit",
    "empty_trash",
    "hash_file",
    "import_tree",
    "install_example_archive",
    "list_files",
    "megabytes",
    "open_view",
    "page_image",
    "preview",
    "preview_cache",
    "read_view",
    "rebuild_archive_catalog",
    "reindex",
    "remove",
    "restore",
    "run_ocr",
    "search",
    "show",
    "start_archive_listing",
    "stored_files",
    "tag",
    "untag",
    "verify_archive",
]
