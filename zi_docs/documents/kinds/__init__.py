"""Document kinds: each module here exposes ``KIND`` (a ``DocumentKind``).

The registry finds them by scanning this package, so adding a kind is adding a module.
"""
