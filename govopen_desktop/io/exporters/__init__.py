"""Exports of a finished report: Word in the official layout (docx_export) and Excel with a
hidden data sheet for exact re-import (xlsx_export). Both build every table from the format
description; python-docx and openpyxl load on first use."""
