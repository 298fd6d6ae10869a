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
    """The file's stream names and workbook stream (None when it has none or it cannot be
    read); None when it is no readable compound file."""
    from xlrd.compdoc import CompDoc  # xlrd ships a compound-document reader

    try:
        doc = CompDoc(data, logfile=io.StringIO())
        names = frozenset(d.name for d in doc.dirlist)
    except Exception:  # any parse failure means a damaged file
        return None
    try:
        for stream in ("Workbook", "Book"):
            found = doc.get_named_stream(stream) if stream in names else None
            if found:
                return Compound(names, bytes(found))
    except Exception:  # a damaged stream: its kind is still told, the readers try it
        pass
    return Compound(names, None)
