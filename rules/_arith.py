"""The hard identities of tables 三 and 四, and the one cell that would restore them.

A single mistyped cell of table 三 breaks every identity it takes part in by the same amount: its
row (DL302) and one or two column identities (DL303, and DL301 for rows 一, 二, （七） and 四). Each
of those is reported on its own (docs/format.md §13), but an author faced with two or three findings wants
to know whether one edit fixes them all. So for every broken identity we look for the cells of
that identity whose correction would make *every* identity they take part in hold without
breaking one that holds now; when exactly one such (cell, value) exists, the finding names it.

Identities that involve a cell DL204/DL205 report (blank, placeholder, text, negative, fraction)
or a cell the table lacks (DL202) are not evaluated: one defect, one finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from disclosure_lint import Cell, Total
from disclosure_lint.model import StandardTable, usable
from disclosure_lint.model.template import APPLICANT_COLUMNS, LITIGATION_COLUMNS, REQUESTS_COLUMNS, table_spec

APPLICANT_KEYS: tuple[str, ...] = tuple(c.key for c in APPLICANT_COLUMNS)
REQUEST_COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in REQUESTS_COLUMNS)
LITIGATION_PARTS: tuple[str, ...] = tuple(c.key for c in LITIGATION_COLUMNS if c.key != "total")
LITIGATION_GROUPS: tuple[str, ...] = ("review", "suit_direct", "suit_after_review")
# Rows of table 三 that are not outcomes of this year's handling.
_NOT_OUTCOMES = frozenset({"new", "carried_over", "handled_total", "carried_forward"})


def outcome_rows(table: StandardTable) -> tuple[str, ...]:
    """The leaf outcome rows whose sum is （七）总计: 21 in the 2021 format, 19 in the trial one."""
    return tuple(k for k in table_spec("requests", table.version).row_keys if k not in _NOT_OUTCOMES)


@dataclass(frozen=True)
class Identity:
    """sum(left) = sum(right). ``cells`` of a side may hold None for a cell the table lacks."""

    rule_id: str
    name: str  # "row:granted", "column:natural_person", "group:review"
    left: tuple[Cell | None, ...]
    right: tuple[Cell | None, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(c for c in (*self.left, *self.right) if c is not None)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(c.key for c in self.cells)

    def sides(self, override: tuple[str, int] | None = None) -> tuple[int, int] | None:
        """Both sums, or None when a cell is missing or unusable. ``override`` = (key, value)."""
        sums = []
        for side in (self.left, self.right):
            total = 0
            for cell in side:
                if cell is None:
                    return None
                value = override[1] if override and cell.key == override[0] else usable(cell)
                if value is None:
                    return None
                total += value
            sums.append(total)
        return sums[0], sums[1]

    def totals(self) -> tuple[Total, Total] | None:
        sides = self.sides()
        if sides is None:
            return None
        return (Total(sides[0], tuple(c for c in self.left if c is not None)),
                Total(sides[1], tuple(c for c in self.right if c is not None)))

    @property
    def evaluable(self) -> bool:
        return self.sides() is not None

    @property
    def broken(self) -> bool:
        sides = self.sides()
        return sides is not None and sides[0] != sides[1]

    def holds_with(self, key: str, value: int) -> bool | None:
        sides = self.sides((key, value))
        return None if sides is None else sides[0] == sides[1]

    def value_restoring(self, cell: Cell) -> int | None:
        """The value ``cell`` would need for this identity to hold (None when not evaluable)."""
        sides = self.sides()
        current = usable(cell)
        if sides is None or current is None:
            return None
        left, right = sides
        on_left = any(c is not None and c.key == cell.key for c in self.left)
        return int(current + (right - left if on_left else left - right))


@dataclass(frozen=True)
class Repair:
    """Setting ``cell`` to ``value`` makes every identity the cell takes part in hold."""

    cell: Cell
    value: int
    complete: bool  # True when, after the change, no identity of the table is broken at all


def requests_identities(table: StandardTable) -> list[Identity]:
    """DL301 (7 columns), DL302 (25 rows), DL303 (7 columns) of table 三, in that order."""
    cell = table.cell
    out: list[Identity] = []
    for col in REQUEST_COLUMN_KEYS:
        out.append(Identity("DL301", f"column:{col}",
                            (cell("new", col), cell("carried_over", col)),
                            (cell("handled_total", col), cell("carried_forward", col))))
    for row_key in table_spec("requests", table.version).row_keys:
        out.append(Identity("DL302", f"row:{row_key}", (cell(row_key, "total"),),
                            tuple(cell(row_key, c) for c in APPLICANT_KEYS)))
    leaves = outcome_rows(table)
    for col in REQUEST_COLUMN_KEYS:
        out.append(Identity("DL303", f"column:{col}", (cell("handled_total", col),),
                            tuple(cell(r, col) for r in leaves)))
    return out


def litigation_identities(table: StandardTable) -> list[Identity]:
    """DL304: per group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    return [Identity("DL304", f"group:{g}", (table.cell(g, "total"),),
                     tuple(table.cell(g, p) for p in LITIGATION_PARTS))
            for g in LITIGATION_GROUPS]


def single_repair(identity: Identity, identities: Sequence[Identity]) -> Repair | None:
    """The one (cell, value) of ``identity`` whose correction restores every identity it is in.

    A candidate cell must be usable, its new value a non-negative count, every evaluable identity
    containing it must hold after the change (so none that holds now may contain it), and no other
    candidate may exist: with two possible corrections we cannot tell the author which to make.
    """
    if not identity.broken:
        return None
    found: list[Repair] = []
    for cell in identity.cells:
        value = identity.value_restoring(cell)
        if value is None or value < 0:
            continue
        involved = [i for i in identities if cell.key in i.keys]
        if all(i.holds_with(cell.key, value) is not False for i in involved):
            if any(r.cell.key == cell.key for r in found):
                continue
            others_hold = all(i.holds_with(cell.key, value) is not False for i in identities)
            found.append(Repair(cell, value, others_hold))
    return found[0] if len(found) == 1 else None


def describe_terms(cells: Iterable[Cell], label: Callable[[Cell], str], *, lang: str = "zh",
                   short: int = 6) -> str:
    """"自然人 3 + 商业企业 0 + …" — every term of a short sum; for a long one only the non-zero terms
    and a count of the zero ones ("…，其余 17 项均为 0"), so the message stays readable (the finding's
    related places still list every cell)."""
    got = list(cells)
    if len(got) <= short:
        return " + ".join(f"{label(c)} {_show(c)}" for c in got)
    nonzero = [c for c in got if usable(c) != 0]
    zero = len(got) - len(nonzero)
    if not nonzero:
        return f"{zero} 项均为 0" if lang == "zh" else f"all {zero} are 0"
    body = " + ".join(f"{label(c)} {_show(c)}" for c in nonzero)
    if zero:
        body += f"，其余 {zero} 项均为 0" if lang == "zh" else f"; the other {zero} are 0"
    return body


def _show(cell: Cell) -> str:
    value = usable(cell)
    return str(value) if value is not None else (cell.raw.strip() or "（空白）")


def repair_hint(repair: Repair, table_zh: str, table_en: str, name: str) -> tuple[str, str]:
    """The fix text for a unique single-cell repair."""
    old = _show(repair.cell)
    if repair.complete:
        zh = f"将{table_zh}“{name}”由 {old} 改为 {repair.value}，即可使{table_zh}所有等式成立"
        en = f"Changing {table_en} “{name}” from {old} to {repair.value} would make every identity of the table hold"
    else:
        zh = f"将{table_zh}“{name}”由 {old} 改为 {repair.value}，即可使该单元格涉及的各项等式均成立"
        en = f"Changing {table_en} “{name}” from {old} to {repair.value} would make every identity it takes part in hold"
    return zh, en


__all__ = ["APPLICANT_KEYS", "Identity", "LITIGATION_GROUPS", "LITIGATION_PARTS", "REQUEST_COLUMN_KEYS", "Repair",
           "describe_terms", "litigation_identities", "outcome_rows", "repair_hint", "requests_identities",
           "single_repair"]
