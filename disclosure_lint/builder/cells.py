"""Cell text → `Cell`: what the author wrote and what it means.

A pure function, so rules' examples can edit a cell ("set requests.granted.total to '/'") by
parsing new text exactly as the builder would. The distinctions matter to the rules: a blank or a
"/" is *not filled* (DL204), never 0; "1.8万" or "若干" is text (DL205), not a number; a negative
or a fraction where a count is expected stays a number so DL205 can say precisely what is wrong;
a unit the author wrote is kept so DL206 can compare it with the column's unit. Values are
`int` for counts and `Decimal` for 万元 amounts (and for any fraction) — never `float`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..model import Cell, CellKind, Location
from ..text.normalize import compact

# Written where a number is expected, meaning "not filled" (docs/format.md §6), after NFKC and with
# whitespace removed. NFKC already turns "／" into "/" and "－" into "-".
PLACEHOLDERS = frozenset({
    "/", "//", "\\", "-", "--", "---", "—", "——", "———", "–", "――", "―", "─", "－", "无", "暂无",
})
# Unit suffixes an author may write after a number, longest first.
UNITS = ("万元", "元", "件", "个", "条", "次", "项")
_UNIT_ALT = "|".join(UNITS)
_MINUS = str.maketrans({"\u2212": "-", "\ufe63": "-", "\uff0d": "-"})
# A number: optional sign, digits with correctly grouped thousands separators or none, optional
# fraction, optional unit.
_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<unit>" + _UNIT_ALT + r")?$"
)
AMOUNT_UNIT = "万元"


def _normalise(raw: str) -> str:
    # NFKC folds full-width digits, commas, slashes and minus signs; "，" becomes ",".
    return compact(unicodedata.normalize("NFKC", raw)).translate(_MINUS)


@lru_cache(maxsize=4096)
def classify(raw: str, *, unit: str = "件") -> tuple[CellKind, int | Decimal | None, str | None]:
    """Kind, value and written unit of a cell text. ``unit`` is the column's unit (件 or 万元).

    Cached (a pure function; the result is immutable): every grid cell is classified, and the
    same labels and small numbers fill every report's tables."""
    if raw.isascii() and raw.isdigit():  # the common case, without normalising
        value: int | Decimal = Decimal(raw) if unit == AMOUNT_UNIT else int(raw)
        return (CellKind.ZERO if value == 0 else CellKind.NUMBER), value, None
    text = _normalise(raw)
    if not text:
        return CellKind.BLANK, None, None
    if text in PLACEHOLDERS:
        return CellKind.PLACEHOLDER, None, None
    m = _NUMBER.match(text)
    if m is None:
        return CellKind.TEXT, None, None
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    written_unit = m.group("unit")
    try:
        if frac is not None or unit == AMOUNT_UNIT:
            value = Decimal(f"{m.group('sign')}{digits}" + (f".{frac}" if frac is not None else ""))
        else:
            value = int(f"{m.group('sign')}{digits}")
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex admits only digits
        return CellKind.TEXT, None, None
    return (CellKind.ZERO if value == 0 else CellKind.NUMBER), value, written_unit


def parse_cell(raw: str, *, key: str, unit: str = "件", location: Location | None = None) -> Cell:
    """Parse one value cell.

    ``key`` is the cell's canonical key ("requests.granted.natural_person"), ``unit`` the unit of
    its column (``"件"`` for counts, ``"万元"`` for the fee amount), ``location`` where it was found.
    ``raw`` is kept exactly as written.
    """
    kind, value, written_unit = classify(raw, unit=unit)
    return Cell(key=key, raw=raw, kind=kind, value=value, unit=written_unit,
                location=location if location is not None else Location())
