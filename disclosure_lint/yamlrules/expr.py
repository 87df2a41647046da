"""A small, safe expression language over named table cells, for YAML ``compare`` rules.

An agency writes ``requests.carried_forward.total <= max(2, 0.2 * requests.new.total)`` in a
YAML file; this module turns it into a checked tree of closures. It never calls ``eval``:

- The text is parsed with `ast` and every node is checked against an allow-list: numbers,
  ``True``/``False``, the name ``year``, cell names (attribute chains that spell a canonical key of
  docs/format.md §10, e.g. ``requests.handled_total.total``), ``+ - * /``, unary ``-``/``+``,
  comparisons (chains allowed), ``and``/``or``/``not``, and calls to ``sum``, ``min``, ``max``,
  ``abs`` with positional arguments. Nothing else: no other names or calls, no attribute access
  beyond cell names (so no dunders), no strings, subscripts, lambdas, comprehensions, ``**``.
- Every expression is typed before it runs (numbers versus truth values), so ``(a > b) + 1`` or
  ``not 3`` are rejected when the rule is loaded, not when a report is checked.
- Work is bounded: the text's length, the number of nodes and of call arguments are capped, there
  is no exponent, every constant and every intermediate value is kept within ±10**18 (larger values
  make the comparison undetermined), and arithmetic is `decimal.Decimal` with a fixed precision, so
  the cost of one evaluation is linear in the size of the tree.

A cell that arithmetic may not use (blank, placeholder, text, negative, a fraction of a count —
DL204/DL205 report those) makes the whole expression undetermined, as `Check.total` does: one
defect, one finding. So does a division by zero.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Context, Decimal, DecimalException, localcontext
from functools import lru_cache
from typing import Any, Literal

from ..model.template import TemplateVersion, table_spec

MAX_LENGTH = 500
MAX_NODES = 150
MAX_ARGS = 40
MAX_MAGNITUDE = Decimal(10) ** 18
FUNCTIONS = frozenset({"sum", "min", "max", "abs"})
NAMES = frozenset({"year"})
_DECIMAL = Context(prec=34, Emax=999, Emin=-999)

Type = Literal["number", "bool"]
Env = Mapping[str, Decimal]

# Every node type that may appear anywhere in an accepted tree (operators and contexts included).
ALLOWED_NODES: frozenset[type[ast.AST]] = frozenset({
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.UAdd,
    ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE,
    ast.Gt, ast.GtE, ast.Constant, ast.Name, ast.Attribute, ast.Call, ast.Load,
})


class ExprError(ValueError):
    """The expression is not in the language (or too large); the message says why."""


class Undetermined(Exception):
    """Evaluation cannot decide: an unusable cell, a division by zero, a value out of range."""


@lru_cache(maxsize=1)
def cell_keys() -> frozenset[str]:
    """Every canonical cell key of the three tables, in both national formats."""
    keys: set[str] = set()
    for table in ("active", "requests", "litigation"):
        for version in (TemplateVersion.V2021, TemplateVersion.V2019):
            for block in table_spec(table, version).blocks:
                keys.update(f"{table}.{row.key}.{col.key}" for row in block.rows for col in block.columns)
    return frozenset(keys)


def _bounded(value: Decimal) -> Decimal:
    if not value.is_finite() or abs(value) > MAX_MAGNITUDE:
        raise Undetermined(f"value out of range: {value}")
    return value


_Node = Callable[[Env], Any]


@dataclass(frozen=True)
class Expression:
    """A compiled expression: what it reads, and how to evaluate it."""

    source: str
    cells: tuple[str, ...]  # canonical keys, in order of first appearance
    uses_year: bool
    _root: _Node
    _sides: tuple[_Node, _Node] | None  # left and right of a top-level single comparison
    op: str | None = None  # that comparison's operator, as messages show it (≤, =, …)

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k.split(".", 1)[0] for k in self.cells))

    def evaluate(self, env: Env) -> bool | None:
        """True/False, or None when undetermined. ``env`` maps each cell key (and ``year``) to
        its value; a key that is missing from ``env`` makes the result undetermined."""
        try:
            with localcontext(_DECIMAL):
                return bool(self._root(env))
        except Undetermined:
            return None

    def sides(self, env: Env) -> tuple[Decimal, Decimal] | None:
        """For ``a <= b`` alone: the values of ``a`` and ``b`` (for messages)."""
        if self._sides is None:
            return None
        try:
            with localcontext(_DECIMAL):
                left, right = self._sides[0](env), self._sides[1](env)
        except Undetermined:
            return None
        return left, right  # type: ignore[return-value]


def compile_expression(source: str) -> Expression:
    """Parse, check and compile ``source``. Raises `ExprError` with a reason for anything else."""
    if not isinstance(source, str):
        raise ExprError("an expression must be a string")
    if len(source) > MAX_LENGTH:
        raise ExprError(f"expression longer than {MAX_LENGTH} characters")
    if not source.strip():
        raise ExprError("empty expression")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ExprError(f"not a valid expression: {getattr(exc, 'msg', None) or exc}") from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise ExprError(f"expression too large (more than {MAX_NODES} nodes)")
    for node in nodes:
        if type(node) not in ALLOWED_NODES:
            raise ExprError(f"{_describe(node)} is not allowed")
    compiler = _Compiler()
    root, kind = compiler.compile(tree.body)
    if kind != "bool":
        raise ExprError("the expression must be a comparison or a condition (true or false), not a number")
    sides, op = None, None
    body = tree.body
    if isinstance(body, ast.Compare) and len(body.ops) == 1:
        sides = (compiler.compile(body.left)[0], compiler.compile(body.comparators[0])[0])
        op = _OP_TEXT[type(body.ops[0])]
    return Expression(source=source.strip(), cells=tuple(dict.fromkeys(compiler.cells)),
                      uses_year=compiler.uses_year, _root=root, _sides=sides, op=op)


def _describe(node: ast.AST) -> str:
    names = {ast.Pow: "the exponent operator **", ast.Subscript: "indexing ([…])", ast.Lambda: "lambda",
             ast.Mod: "the % operator", ast.FloorDiv: "the // operator", ast.IfExp: "if … else …",
             ast.JoinedStr: "f-strings", ast.Starred: "*arguments", ast.keyword: "keyword arguments"}
    return names.get(type(node), type(node).__name__)


def _attribute_chain(node: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


class _Compiler:
    def __init__(self) -> None:
        self.cells: list[str] = []
        self.uses_year = False

    def compile(self, node: ast.AST) -> tuple[_Node, Type]:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:  # pragma: no cover - the allow-list walk rejects these first
            raise ExprError(f"{_describe(node)} is not allowed")
        return method(node)

    def _number(self, node: ast.AST, what: str) -> _Node:
        fn, kind = self.compile(node)
        if kind != "number":
            raise ExprError(f"{what} needs a number, got a condition")
        return fn

    def _condition(self, node: ast.AST, what: str) -> _Node:
        fn, kind = self.compile(node)
        if kind != "bool":
            raise ExprError(f"{what} needs a condition (a comparison), got a number")
        return fn

    # ---- leaves ---------------------------------------------------------------------------
    def _Constant(self, node: ast.Constant) -> tuple[_Node, Type]:
        value = node.value
        if isinstance(value, bool):
            return (lambda env: value), "bool"
        if isinstance(value, int | float):
            try:
                number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            except (DecimalException, ValueError):  # pragma: no cover - repr of a float always parses
                raise ExprError(f"not a usable number: {value!r}") from None
            if not number.is_finite() or abs(number) > MAX_MAGNITUDE:
                raise ExprError(f"number out of range (at most {MAX_MAGNITUDE:.0e}): {value!r}")
            return (lambda env: number), "number"
        raise ExprError(f"only numbers and True/False are allowed as constants, not {value!r}")

    def _Name(self, node: ast.Name) -> tuple[_Node, Type]:
        if node.id in NAMES:
            self.uses_year = True
            return _lookup("year"), "number"
        if node.id in FUNCTIONS:
            raise ExprError(f"{node.id} must be called: {node.id}(…)")
        raise ExprError(f"unknown name {node.id!r}: use a cell key such as requests.new.total, or year")

    def _Attribute(self, node: ast.Attribute) -> tuple[_Node, Type]:
        dotted = _attribute_chain(node)
        if dotted is None or any(p.startswith("_") for p in dotted.split(".")):
            raise ExprError("attribute access is allowed only to spell a cell key (table.row.column)")
        if dotted not in cell_keys():
            raise ExprError(f"unknown cell {dotted!r}: use a canonical key such as requests.granted.total")
        self.cells.append(dotted)
        return _lookup(dotted), "number"

    # ---- operators ------------------------------------------------------------------------
    def _UnaryOp(self, node: ast.UnaryOp) -> tuple[_Node, Type]:
        if isinstance(node.op, ast.Not):
            inner = self._condition(node.operand, "not")
            return (lambda env: not inner(env)), "bool"
        operand = self._number(node.operand, "a sign")
        if isinstance(node.op, ast.USub):
            return (lambda env: -operand(env)), "number"
        return operand, "number"

    def _BinOp(self, node: ast.BinOp) -> tuple[_Node, Type]:
        left = self._number(node.left, "arithmetic")
        right = self._number(node.right, "arithmetic")
        op = node.op
        if isinstance(op, ast.Add):
            return (lambda env: _bounded(left(env) + right(env))), "number"
        if isinstance(op, ast.Sub):
            return (lambda env: _bounded(left(env) - right(env))), "number"
        if isinstance(op, ast.Mult):
            return (lambda env: _bounded(left(env) * right(env))), "number"
        if isinstance(op, ast.Div):
            def divide(env: Env) -> Decimal:
                divisor = right(env)
                if divisor == 0:
                    raise Undetermined("division by zero")
                return _bounded(left(env) / divisor)
            return divide, "number"
        raise ExprError(f"{_describe(op)} is not allowed")  # pragma: no cover - allow-list

    def _Compare(self, node: ast.Compare) -> tuple[_Node, Type]:
        operands = [self._number(n, "a comparison") for n in (node.left, *node.comparators)]
        ops = [_COMPARE[type(op)] for op in node.ops]

        def compare(env: Env) -> bool:
            left = operands[0](env)
            for op, nxt in zip(ops, operands[1:]):
                right = nxt(env)
                if not op(left, right):
                    return False
                left = right
            return True
        return compare, "bool"

    def _BoolOp(self, node: ast.BoolOp) -> tuple[_Node, Type]:
        parts = [self._condition(v, "and/or") for v in node.values]
        if isinstance(node.op, ast.And):
            return (lambda env: all(p(env) for p in parts)), "bool"
        return (lambda env: any(p(env) for p in parts)), "bool"

    def _Call(self, node: ast.Call) -> tuple[_Node, Type]:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise ExprError("only sum(), min(), max() and abs() may be called")
        if node.keywords:
            raise ExprError("keyword arguments are not allowed")
        name = node.func.id
        if not node.args or len(node.args) > MAX_ARGS:
            raise ExprError(f"{name}() takes 1 to {MAX_ARGS} arguments")
        if name == "abs" and len(node.args) != 1:
            raise ExprError("abs() takes exactly one argument")
        args = [self._number(a, f"{name}()") for a in node.args]
        if name == "abs":
            return (lambda env: abs(args[0](env))), "number"
        if name == "sum":
            def total(env: Env) -> Decimal:
                acc = Decimal(0)
                for a in args:
                    acc = _bounded(acc + a(env))
                return acc
            return total, "number"
        pick = min if name == "min" else max
        return (lambda env: pick(a(env) for a in args)), "number"


def _lookup(key: str) -> _Node:
    def get(env: Env) -> Decimal:
        value = env.get(key)
        if value is None:
            raise Undetermined(f"{key} has no usable value")
        return _bounded(Decimal(value))
    return get


_COMPARE: dict[type[ast.cmpop], Callable[[Decimal, Decimal], bool]] = {
    ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
}

_OP_TEXT: dict[type[ast.cmpop], str] = {ast.Eq: "=", ast.NotEq: "≠", ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">",
                                        ast.GtE: "≥"}

__all__ = ["ALLOWED_NODES", "ExprError", "Expression", "cell_keys", "compile_expression"]
