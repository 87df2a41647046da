"""The expression language of YAML ``compare`` rules: what it accepts, what it refuses, and that
nothing — however random — escapes the allow-list or runs unbounded."""

from __future__ import annotations

import ast
import builtins
import time
from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.yamlrules.expr import (
    ALLOWED_NODES,
    FUNCTIONS,
    MAX_LENGTH,
    MAX_MAGNITUDE,
    MAX_NODES,
    NAMES,
    ExprError,
    cell_keys,
    compile_expression,
)

NEW, OVER, FORWARD = "requests.new.total", "requests.carried_over.total", "requests.carried_forward.total"


def ev(source: str, **env: object) -> bool | None:
    values = {k.replace("__", "."): v for k, v in env.items()}
    return compile_expression(source).evaluate(values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("source", "expected"), [
    (f"{FORWARD} <= {NEW}", True),
    (f"{FORWARD} > {NEW}", False),
    (f"{FORWARD} <= max(2, 0.2 * ({NEW} + {OVER}))", True),
    (f"0 <= {NEW} <= 10", True),                      # chained comparison
    (f"0 <= {NEW} <= 5", False),
    (f"{NEW} == sum({OVER}, {FORWARD}, 7)", True),
    (f"abs({OVER} - {NEW}) == 7", True),
    (f"min({NEW}, 3) == 3 and not {NEW} < 0", True),
    (f"{NEW} > 100 or {FORWARD} == 0", True),
    (f"{NEW} / 2 == 3.5", True),                     # Decimal arithmetic: exact here
    (f"-{NEW} + +{NEW} == 0", True),
    ("year >= 2021", True),
    ("True", True),
])
def test_evaluates(source: str, expected: bool) -> None:
    env = {NEW: 7, OVER: 0, FORWARD: 0, "year": 2023}
    assert compile_expression(source).evaluate(env) is expected


def test_unusable_cell_or_division_by_zero_is_undetermined() -> None:
    expr = compile_expression(f"{FORWARD} <= {NEW}")
    assert expr.evaluate({NEW: 7}) is None                        # FORWARD blank / "/" / text
    assert compile_expression(f"{NEW} / {OVER} > 1").evaluate({NEW: 7, OVER: 0}) is None
    # short-circuit: a guard makes the division safe
    assert compile_expression(f"{OVER} == 0 or {NEW} / {OVER} > 1").evaluate({NEW: 7, OVER: 0}) is True


def test_out_of_range_values_are_undetermined_not_slow() -> None:
    expr = compile_expression(f"{NEW} * {NEW} * {NEW} * {NEW} > 0")
    assert expr.evaluate({NEW: 10**17}) is None   # 10**68 is beyond the bound
    assert expr.evaluate({NEW: 10**19}) is None   # a cell beyond the bound


def test_what_it_reads() -> None:
    expr = compile_expression(f"{FORWARD} <= max(2, 0.2 * ({NEW} + {OVER} + {NEW})) and year > 2020")
    assert expr.cells == (FORWARD, NEW, OVER)
    assert expr.tables == ("requests",)
    assert expr.uses_year
    assert compile_expression(f"{FORWARD} <= 2").sides({FORWARD: 3}) == (Decimal(3), Decimal(2))
    assert compile_expression(f"{FORWARD} <= 2").op == "≤"
    assert compile_expression(f"{FORWARD} <= 2 and {NEW} > 1").sides({FORWARD: 3, NEW: 1}) is None


@pytest.mark.parametrize(("source", "reason"), [
    ("__import__('os').system('true')", "only sum(), min(), max() and abs()"),
    ("open('/etc/passwd')", "only sum()"),
    ("eval('1') == 1", "only sum()"),
    ("().__class__.__bases__", "Tuple is not allowed"),
    ("requests.__class__ == 1", "attribute access"),
    ("requests.new.total.__class__ == 1", "attribute access"),
    ("requests._x.total == 1", "attribute access"),
    ("requests.nope.total == 1", "unknown cell"),
    ("max.__call__(1) == 1", "only sum()"),
    ("requests.new.total ** 2 > 1", "exponent"),
    ("requests.new.total % 2 == 0", "%"),
    ("requests.new.total // 2 == 0", "//"),
    ("[x for x in ()]", "ListComp"),
    ("(lambda: 1)() == 1", "lambda"),
    ("'a' == 'a'", "only numbers"),
    ("f'{1}' == 1", "f-strings"),
    ("requests.new.total[0] == 1", "indexing"),
    ("x == 1", "unknown name"),
    ("max == 1", "must be called"),
    ("max(requests.new.total, key=abs) == 1", "keyword"),
    ("max(*requests.new.total) == 1", "arguments"),
    ("abs(1, 2) == 1", "exactly one"),
    ("requests.new.total", "not a number"),
    ("requests.new.total + 1", "not a number"),
    ("not requests.new.total", "needs a condition"),
    ("(requests.new.total > 1) + 1 > 0", "needs a number"),
    ("1 if True else 2", "if … else"),
    ("requests.new.total in (1, 2)", "not allowed"),
    ("requests.new.total is None", "not allowed"),
    ("x := 1", "not a valid expression"),
    ("1e999 > 1", "out of range"),
    ("10000000000000000000 > 1", "out of range"),
    ("", "empty"),
    ("1 >", "not a valid expression"),
    ("a\x00 == 1", "not a valid expression"),
    ("-" * 300 + "1 > 0", "too large"),
    ("(" * 240 + "1" + ")" * 240 + " > 0", "not a valid expression"),  # the parser's own nesting limit
    ("1 + " * 100 + "1 > 0", "too large"),
    ("1 > 0 " + " " * MAX_LENGTH, "longer than"),
])
def test_refuses(source: str, reason: str) -> None:
    with pytest.raises(ExprError, match=None) as err:
        compile_expression(source)
    assert reason in str(err.value), str(err.value)


def test_every_canonical_key_is_a_name() -> None:
    keys = cell_keys()
    assert {"requests.handled_total.total", "active.fees.amount", "litigation.review.upheld",
            "active.procurement.amount", "requests.other_handling.total"} <= keys  # both formats
    for key in sorted(keys)[:: max(1, len(keys) // 20)]:
        assert compile_expression(f"{key} >= 0").cells == (key,)


# ------------------------------------------------------------------------------------------------
# Random expressions: nothing escapes, nothing runs unbounded.

_KEYS = sorted(cell_keys())
_GOOD_ATOMS = st.one_of(st.sampled_from(_KEYS[:30]), st.just("year"),
                        st.integers(min_value=-10**15, max_value=10**15).map(str),
                        st.floats(min_value=-1e6, max_value=1e6).map(repr))
_BAD_ATOMS = st.one_of(
    st.integers(min_value=-10**25, max_value=10**25).map(str), st.floats().map(repr),
    st.sampled_from(["True", "False", "x", "os", "__import__", "eval", "open", "max", "sum", "getattr", "globals",
                     "__builtins__", "requests", "requests.new", "lambda", "'s'", '"x"', "()", "[]", "{}", "...",
                     "None", "b''", "1j"]))
_ATOMS = st.one_of(_GOOD_ATOMS, _GOOD_ATOMS, _GOOD_ATOMS, _BAD_ATOMS)  # mostly well-formed, so much is accepted
_GOOD_OPS = st.sampled_from([" + ", " - ", " * ", " / "])
_OPS = st.one_of(_GOOD_OPS, _GOOD_OPS, st.sampled_from([
    " ** ", " % ", " // ", " < ", " <= ", " == ", " != ", " > ", " >= ", " and ", " or ", " in ", " is ",
    " if 1 else ", ".", "[", ", ", " := "]))


@st.composite
def _token_soup(draw: st.DrawFn) -> str:
    """Expression-like text: atoms, operators, calls, attributes, brackets, stray punctuation."""
    def expr(depth: int) -> str:
        kind = draw(st.sampled_from([0, 0, 1, 1, 1, 2, 3, 3, 4, 5]) if depth < 4 else st.just(0))
        if kind == 0:
            return draw(_ATOMS)
        if kind == 1:
            return expr(depth + 1) + draw(_OPS) + expr(depth + 1)
        if kind == 2:
            return draw(st.sampled_from(["-", "+", "-", "not ", "~", "lambda: ", "*"])) + expr(depth + 1)
        if kind == 3:
            fn = draw(st.sampled_from(["max", "min", "sum", "abs", "max", "min", "sum", "abs", "eval", "getattr",
                                       "__import__", "type", "requests.new.total.__class__",
                                       "().__class__.__base__.__subclasses__"]))
            args = [expr(depth + 1) for _ in range(draw(st.integers(0, 3)))]
            return f"{fn}({', '.join(args)})"
        if kind == 4:
            return f"({expr(depth + 1)})"
        return expr(depth + 1) + "." + draw(st.sampled_from(["__class__", "__dict__", "total", "_x", "mro",
                                                             "new", "real"]))
    return expr(0)


# Comparisons of soup, so that a good share of the random texts is accepted and evaluated.
_comparisons = st.tuples(_token_soup(), st.sampled_from([" <= ", " > ", " == ", " != "]), _token_soup()).map("".join)


def _check_accepted(source: str) -> None:
    """An accepted expression only holds allowed nodes, names and cell keys."""
    tree = ast.parse(source.strip(), mode="eval")
    nodes = list(ast.walk(tree))
    assert len(nodes) <= MAX_NODES and len(source) <= MAX_LENGTH
    for node in nodes:
        assert type(node) in ALLOWED_NODES, ast.dump(node)
        if isinstance(node, ast.Name):
            assert node.id in NAMES | FUNCTIONS or any(k.startswith(node.id + ".") for k in _KEYS)
        if isinstance(node, ast.Attribute):
            assert not node.attr.startswith("_")
        if isinstance(node, ast.Call):
            assert isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
        if isinstance(node, ast.Constant) and not isinstance(node.value, bool):
            assert isinstance(node.value, int | float)
            assert abs(Decimal(repr(node.value))) <= MAX_MAGNITUDE


def _forbidden(*args: object, **kwargs: object) -> None:
    raise AssertionError("the expression language must never reach eval/exec/compile/__import__/getattr")


@settings(max_examples=3 * settings.default.max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.one_of(_token_soup(), _comparisons, _comparisons, st.text(max_size=80)),
       values=st.lists(st.one_of(st.none(), st.integers(-10**21, 10**21),
                                 st.decimals(allow_nan=False, allow_infinity=False, places=2)), min_size=30,
                       max_size=30),
       year=st.one_of(st.none(), st.integers(1990, 2100)))
def test_random_expressions_never_escape_or_run_unbounded(source: str, values: list[object], year: int | None) -> None:
    try:
        expression = compile_expression(source)
    except ExprError:
        return  # refused, with a reason: fine
    _check_accepted(source)
    env = {k: v for k, v in zip(_KEYS[:30], values) if v is not None}
    if year is not None:
        env["year"] = year
    import_ = builtins.__import__
    with mock.patch.multiple(builtins, eval=_forbidden, exec=_forbidden, compile=_forbidden, getattr=_forbidden,
                             __import__=lambda name, *a, **k: _forbidden() if name not in ("decimal",) else
                             import_(name, *a, **k)):
        start = time.perf_counter()
        result = expression.evaluate(env)
        sides = expression.sides(env)
        elapsed = time.perf_counter() - start
    assert result in (True, False, None)
    assert sides is None or all(isinstance(v, Decimal) and abs(v) <= MAX_MAGNITUDE for v in sides)
    assert elapsed < 0.5  # linear in at most MAX_NODES nodes; generous for a loaded machine


@settings(max_examples=2 * settings.default.max_examples, deadline=None)
@given(st.recursive(
    st.one_of(st.sampled_from(_KEYS[:10]), st.integers(-1000, 1000).map(str), st.just("year")),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" + ", " - ", " * ", " / "]), inner).map(lambda t: f"({''.join(t)})"),
        st.lists(inner, min_size=1, max_size=4).map(lambda xs: f"max({', '.join(xs)})"),
        st.lists(inner, min_size=1, max_size=4).map(lambda xs: f"sum({', '.join(xs)})"),
        inner.map(lambda x: f"abs({x})")),
    max_leaves=25),
    st.sampled_from([" < ", " <= ", " == ", " != ", " > ", " >= "]),
    st.integers(-10**6, 10**6))
def test_well_formed_expressions_compile_and_decide(number: str, op: str, bound: int) -> None:
    source = f"{number}{op}{bound}"
    if len(source) > MAX_LENGTH:
        return
    try:
        expression = compile_expression(source)
    except ExprError as exc:
        assert "too large" in str(exc)  # the only reason a well-formed numeric comparison is refused
        return
    env = {k: Decimal(i + 1) for i, k in enumerate(_KEYS[:10])} | {"year": 2023}
    assert expression.evaluate(env) in (True, False, None)
    assert expression.evaluate(env) == expression.evaluate(env)  # deterministic
