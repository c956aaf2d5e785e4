"""zi-docs: dokumen, data dukung, dan penilaian mandiri Zona Integritas."""

__version__ = "0.1.0"

WORKSPACE_ENV = "ZI_DOCS_WORKSPACE"
"""The environment variable naming the workspace folder (here, so the CLI's help names it
without loading the workspace module)."""
