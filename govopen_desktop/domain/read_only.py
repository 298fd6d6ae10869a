"""Records whose fields are set once, when made, and never changed after."""

from __future__ import annotations


class ReadOnly:
    """A subclass sets its fields in __init__ with object.__setattr__; setting or deleting one
    afterwards raises AttributeError, as a frozen dataclass does."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name}")
