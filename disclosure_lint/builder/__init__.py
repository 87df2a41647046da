"""Build: turn any reader's `Document` into the `Report` the rules check.

Template-aware and label-driven: sections by their heading text, the three standard tables by
their labels (never by position), every cell typed (number / zero / blank / placeholder / text).
"""

from .builder import build_report
from .cells import parse_cell

__all__ = ["build_report", "parse_cell"]
