"""An OLE compound file (Word 97-2003, Excel 97-2003, WPS, an encrypted OOXML package) opened
once: telling its kind and guarding an .xls workbook's size both need its directory, and the
guard its workbook stream, so the last file's are kept."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import NamedTuple


class Compound(NamedTuple):
    names: frozenset[str]  # the directory's stream names
    workbook: bytes | None  # the "Workbook" stream (or Excel 5's "Book"), when there is one


@lru_cache(maxsize=1)
def compound(data: bytes) -> Compound | None:
    """The file's stream names and workbook stream; None when it is no readable compound file
    (the readers then say what is wrong in their own words)."""
    from xlrd.compdoc import CompDoc  # xlrd ships a compound-document reader

    try:
        doc = CompDoc(data, logfile=io.StringIO())
        names = frozenset(d.name for d in doc.dirlist)
        workbook = None
        for stream in ("Workbook", "Book"):
            if stream in names:
                found = doc.get_named_stream(stream)
                if found:
                    workbook = bytes(found)
                    break
        return Compound(names, workbook)
    except Exception:  # any parse failure means a damaged file
        return None
