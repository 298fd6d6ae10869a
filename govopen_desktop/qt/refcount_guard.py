"""Protection against PySide6 builds that drop references to None, True and False.

PySide6-Essentials 6.12.0 on CPython 3.11 returns None from every void method (setText,
showMessage, …) and True from Signal.emit() without owning a reference, so each call takes
one reference away; after a few thousand calls the interpreter aborts with "deallocating
None". PySide6 6.11 does not, and CPython 3.12+ makes these objects immortal. When a probe
shows the leak, we give the three singletons a reference count no session can use up, which
is what CPython 3.12 does for them anyway.
"""

from __future__ import annotations

import ctypes
import logging
import sys

_PROTECTED = False
log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # no "last resort" output on a clerk's console
_HEADROOM = 1 << 40  # a trillion leaked calls


def binding_drops_references() -> bool:
    """True when calling a void Qt method takes a reference away from None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 8


def protect_singletons() -> bool:
    """Returns True when the protection was needed (and is now in place)."""
    global _PROTECTED
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if _PROTECTED:
        return True
    if not binding_drops_references():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _PROTECTED = True
    log.info("PySide6 drops references to None/True/False: singletons protected")
    return True
