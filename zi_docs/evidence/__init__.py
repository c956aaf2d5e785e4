"""The evidence archive (data dukung): store, catalogue, text extraction, search, verify."""
