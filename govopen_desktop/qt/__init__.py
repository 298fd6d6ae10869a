"""The Qt layer: adapts the domain to widgets. Importing it first protects the interpreter
from a reference-count bug of some PySide6 builds (see `refcount_guard`)."""

from govopen_desktop.qt.refcount_guard import protect_singletons

protect_singletons()
