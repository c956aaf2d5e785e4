"""Document kinds: each module here exposes ``KIND`` (a :class:`~zi_docs.documents.kind.DocumentKind`).

The registry finds them by scanning this package, so adding a kind is adding a module.
"""
