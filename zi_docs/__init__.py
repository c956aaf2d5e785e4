"""zi-docs: dokumen, data dukung, dan penilaian mandiri Zona Integritas."""

__version__ = "0.1.0"
