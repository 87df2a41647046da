"""Soft assertions: a rule reports every broken row, not just the first.

A bare ``assert`` stops at the first failure and vanishes under ``python -O``. ``Check`` collects
findings instead. Its arithmetic helpers leave out any comparison that involves a cell the cell
rules already report (blank, placeholder, text, negative, a fraction where a count is expected):
one defect, one finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..model import Cell, Number, Severity, usable
from .finding import Finding, Message


@dataclass(frozen=True)
class Total:
    """A sum of cells, keeping the cells so a finding can list every one of them."""

    value: Number
    cells: tuple[Cell, ...]


def fmt(value: Any) -> str:
    """A number or cell as a message shows it."""
    if isinstance(value, Total):
        value = value.value
    if isinstance(value, Cell):
        return value.raw.strip() or ("（空白）")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


class Check:
    """Collects the findings of one rule call. Requested by a rule as the ``check`` fixture."""

    def __init__(self, make_finding: Callable[..., Finding]) -> None:
        self._make = make_finding
        self.findings: list[Finding] = []

    # ---- reporting -------------------------------------------------------------------------
    def fail(
        self,
        zh: str,
        en: str,
        *,
        at: Any = None,
        expected: Any = None,
        actual: Any = None,
        related: Iterable[Any] = (),
        fix_zh: str | None = None,
        fix_en: str | None = None,
        severity: Severity | str | None = None,
    ) -> None:
        """Report one finding at ``at`` (a cell, row, section, paragraph, contact field, key …)."""
        self.findings.append(self._make(
            message=Message(zh=zh, en=en), at=at,
            expected=None if expected is None else fmt(expected),
            actual=None if actual is None else fmt(actual),
            related=tuple(related),
            fix=Message(zh=fix_zh, en=fix_en or fix_zh) if fix_zh else None,
            severity=Severity(severity) if severity else None,
        ))

    # ---- arithmetic ------------------------------------------------------------------------
    def value(self, cell: Cell | None) -> Number | None:
        return usable(cell)

    def total(self, cells: Iterable[Cell | None]) -> Total | None:
        """Sum of the cells, or None when any of them cannot take part (missing or not a count)."""
        got = list(cells)
        values = [usable(c) for c in got]
        if not got or any(v is None for v in values):
            return None
        return Total(sum(values, start=0), tuple(c for c in got if c is not None))  # type: ignore[arg-type]

    def equal(
        self,
        actual: Cell | Total | Number | None,
        expected: Cell | Total | Number | None,
        *,
        at: Any,
        zh: str,
        en: str,
        related: Sequence[Any] = (),
        fix_zh: str | None = None,
        fix_en: str | None = None,
    ) -> bool:
        """Report when both sides are usable and differ. ``zh``/``en`` may use {actual} and
        {expected}. Returns False only when a finding was made."""
        a, e = self._number(actual), self._number(expected)
        if a is None or e is None or a == e:
            return True
        self.fail(zh.format(actual=fmt(a), expected=fmt(e)), en.format(actual=fmt(a), expected=fmt(e)),
                  at=at, expected=e, actual=a, related=related, fix_zh=fix_zh, fix_en=fix_en)
        return False

    @staticmethod
    def _number(x: Cell | Total | Number | None) -> Number | None:
        if isinstance(x, Cell) or x is None:
            return usable(x)
        if isinstance(x, Total):
            return x.value
        return x




@dataclass(frozen=True)
class Violation:
    """What a generator rule yields; the same as calling ``check.fail`` with these arguments."""

    zh: str
    en: str
    at: Any = None
    expected: Any = None
    actual: Any = None
    related: tuple[Any, ...] = ()
    fix_zh: str | None = None
    fix_en: str | None = None

    def report_to(self, check: Check) -> None:
        check.fail(self.zh, self.en, at=self.at, expected=self.expected, actual=self.actual,
                   related=self.related, fix_zh=self.fix_zh, fix_en=self.fix_en)


__all__ = ["Check", "Total", "Violation", "fmt", "usable"]
