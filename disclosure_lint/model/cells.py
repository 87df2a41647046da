"""Table cells that keep what the author wrote and what it means.

A blank or "/" is not zero: the rules must be able to say "this cell was left unfilled" rather
than silently computing with 0, so the kind of every cell is kept beside its value.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from .location import Location


class CellKind(StrEnum):
    NUMBER = "number"  # a non-zero number (int for counts, Decimal for 万元 amounts; may be negative)
    ZERO = "zero"
    BLANK = "blank"  # nothing written
    PLACEHOLDER = "placeholder"  # "/", "-", "—", "无", "——" where a number is expected
    TEXT = "text"  # anything else


class Cell(BaseModel):
    """One value cell of a standard table, addressed by its canonical key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str  # canonical key, e.g. "requests.granted.natural_person"
    raw: str  # the text as written in the source
    kind: CellKind
    value: int | Decimal | None = None  # None unless kind is number or zero
    unit: str | None = None  # a unit the author wrote ("件", "万元", "元")
    location: Location = Location()

    @property
    def is_numeric(self) -> bool:
        return self.kind in (CellKind.NUMBER, CellKind.ZERO)


Number = int | Decimal


def usable(cell: Cell | None) -> Number | None:
    """The cell's value when arithmetic may use it, else None (DL204/DL205 report the cell)."""
    if cell is None or cell.kind not in (CellKind.NUMBER, CellKind.ZERO) or cell.value is None:
        return None
    value = cell.value
    if value < 0:
        return None
    if isinstance(value, Decimal) and not cell.key.endswith(".amount"):
        if value != value.to_integral_value():
            return None
        return int(value)
    return value
