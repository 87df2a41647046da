"""Readers: one per input format, each turning bytes into a `Document`.

Readers are plugins (the ``disclosure_lint_readers`` hook), so a new format needs no change to the
core. The format is sniffed from the bytes, never taken from the extension alone.
"""

from .base import Reader

__all__ = ["Reader"]
