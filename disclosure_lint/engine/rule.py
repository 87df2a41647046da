"""Rules as plain functions, pytest-style.

``@rule`` attaches metadata (ID, name, severity, tags, template versions, options, examples) to a
function whose parameters are fixtures requested by name. The docstring is the rule's
documentation: its first line is the summary, the rest the full description, so the rule reference
in docs/ is generated from the code and cannot drift from it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from ..model import Severity, TemplateVersion

F = TypeVar("F", bound=Callable[..., Any])

RULE_ATTR = "__disclosure_lint_rule__"
PARAMS_ATTR = "__disclosure_lint_params__"
FIXTURE_ATTR = "__disclosure_lint_fixture__"

_ID = re.compile(r"^[A-Z]{1,6}\d{3,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class NoOptions(BaseModel):
    """Rules without options get this empty model, so ``options`` is always a model."""

    model_config = {"extra": "forbid", "frozen": True}


@dataclass(frozen=True)
class Example:
    """A small report for a rule's example, and how many findings of that rule it must produce.

    ``base`` names a clean sample shipped with the rules (``"seed"``) or is None with ``text``
    giving a whole report (plain text, or structured YAML). ``replace`` edits the text before it is
    read (old → new, each old must occur); ``cells`` sets table cells by canonical key after the
    report is built (``{"requests.granted.natural_person": "3"}``), as the author would type them.
    ``baseline`` lists (rule ID, fingerprint) entries a baseline records for the example's file.
    """

    base: str | None = "seed"
    text: str | None = None
    file: str | None = None  # a binary sample shipped with the rules (.docx, .pdf), read as is
    replace: tuple[tuple[str, str], ...] = ()
    cells: tuple[tuple[str, str], ...] = ()
    expect: int = 0
    options: tuple[tuple[str, Any], ...] = ()
    previous: Example | None = None
    published_on: date | None = None
    note: str = ""
    baseline: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        def short(text: str, limit: int = 40) -> str:
            return repr(text if len(text) <= limit else text[:limit] + "…")

        bits = [self.note] if self.note else []
        if self.replace:
            bits.append("; ".join(f"{short(old)}→{short(new)}" for old, new in self.replace))
        if self.cells:
            bits.append("; ".join(f"{k}={v!r}" for k, v in self.cells))
        if self.baseline:
            bits.append("baseline: " + "; ".join(f"{rule} {fp[:12]}…" for rule, fp in self.baseline))
        return " | ".join(bits) or self.file or self.base or "inline report"


def sample(
    base: str | None = "seed",
    *,
    text: str | None = None,
    file: str | None = None,
    replace: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
    cells: Mapping[str, str] | None = None,
    expect: int = 0,
    options: Mapping[str, Any] | None = None,
    previous: Example | None = None,
    published_on: date | None = None,
    note: str = "",
    baseline: Sequence[tuple[str, str]] = (),
) -> Example:
    """Build an `Example`: ``sample("seed", cells={...}, expect=1)``; ``sample(file="x.docx")``
    reads a binary sample shipped with the rules (for what only a .docx or .pdf can show)."""
    if text is not None or file is not None:
        base = None
    pairs = tuple(replace.items()) if isinstance(replace, Mapping) else tuple(replace or ())
    return Example(base=base, text=text, file=file, replace=pairs, cells=tuple((cells or {}).items()),
                   expect=expect, options=tuple((options or {}).items()), previous=previous,
                   published_on=published_on, note=note, baseline=tuple(baseline))


@dataclass(frozen=True)
class Examples:
    valid: Sequence[Example] = ()
    invalid: Sequence[Example] = ()


@dataclass(frozen=True)
class RuleSpec:
    """Everything the engine, the docs and the reporters know about a rule."""

    id: str
    name: str
    severity: Severity
    func: Callable[..., Any]
    summary: str
    description: str
    summary_en: str
    tags: frozenset[str] = frozenset()
    templates: frozenset[TemplateVersion] | None = None  # None: every version
    options: type[BaseModel] = NoOptions
    examples: Examples = Examples()
    # Rules whose findings this rule's findings replace ("one defect, one finding", docs/format.md §13):
    # "place" — a finding of the other rule at the same place; "report" — all of them in the report.
    supersedes: Mapping[str, Literal["place", "report"]] = field(default_factory=dict)
    plugin: str = "builtin"

    @cached_property
    def fixtures(self) -> tuple[str, ...]:
        """The fixture names the function requests (its parameters, less parametrised ones)."""
        params = getattr(self.func, PARAMS_ATTR, {})
        return tuple(p for p in inspect.signature(self.func).parameters if p not in params)

    @property
    def parameters(self) -> Mapping[str, Sequence[Any]]:
        return getattr(self.func, PARAMS_ATTR, {})

    @property
    def prefix(self) -> str:
        return re.match(r"[A-Z]+", self.id).group(0)  # type: ignore[union-attr]

    def with_plugin(self, plugin: str) -> RuleSpec:
        return replace(self, plugin=plugin)

    def applies_to(self, version: TemplateVersion) -> bool:
        return self.templates is None or version in self.templates or version is TemplateVersion.UNKNOWN


def _split_doc(func: Callable[..., Any]) -> tuple[str, str]:
    doc = inspect.cleandoc(func.__doc__ or "")
    if not doc:
        raise ValueError(f"rule {func.__qualname__} needs a docstring: it is the rule's documentation")
    first, _, rest = doc.partition("\n")
    return first.strip(), rest.strip()


def rule(
    id: str,
    *,
    name: str,
    severity: str | Severity = Severity.WARNING,
    summary_en: str,
    tags: Iterable[str] = (),
    templates: Iterable[str | TemplateVersion] | None = None,
    options: type[BaseModel] | None = None,
    examples: Examples | None = None,
    supersedes: Mapping[str, Literal["place", "report"]] | None = None,
) -> Callable[[F], F]:
    """Declare a rule. The function's parameters are fixtures, requested by name."""
    if not _ID.match(id):
        raise ValueError(f"rule ID {id!r} must be a prefix of capital letters and 3–4 digits, e.g. DL302")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case, e.g. requests-row-total")

    def decorate(func: F) -> F:
        summary, description = _split_doc(func)
        spec = RuleSpec(
            id=id, name=name, severity=Severity(severity), func=func, summary=summary,
            description=description, summary_en=summary_en, tags=frozenset(tags),
            templates=frozenset(TemplateVersion(t) for t in templates) if templates is not None else None,
            options=options or NoOptions, examples=examples or Examples(),
            supersedes=dict(supersedes or {}),
        )
        setattr(func, RULE_ATTR, spec)
        return func

    return decorate


def parametrize(argname: str, values: Iterable[Any]) -> Callable[[F], F]:
    """Call the rule once per value, as pytest does: ``@parametrize("group", ["review", …])``."""

    def decorate(func: F) -> F:
        params = dict(getattr(func, PARAMS_ATTR, {}))
        params[argname] = tuple(values)
        setattr(func, PARAMS_ATTR, params)
        return func

    return decorate


@dataclass(frozen=True)
class FixtureSpec:
    name: str
    func: Callable[..., Any]
    absent_zh: str
    absent_en: str
    plugin: str = "builtin"

    @cached_property
    def requires(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.func).parameters)


class FixtureAbsent(Exception):
    """Raised (or None returned) by a fixture whose input is not there; rules needing it are skipped."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def fixture(name: str | None = None, *, absent_zh: str = "", absent_en: str = "") -> Callable[[F], F]:
    """Declare a fixture: computed once per report, requested by rules (and fixtures) by name.

    Returning None means "absent": rules that request it are skipped with the absent_* reason.
    """

    def decorate(func: F) -> F:
        fname = name or func.__name__
        setattr(func, FIXTURE_ATTR, FixtureSpec(
            fname, func, absent_zh or f"缺少输入“{fname}”", absent_en or f"input '{fname}' is absent"))
        return func

    return decorate


def rule_spec(obj: Any) -> RuleSpec | None:
    return getattr(obj, RULE_ATTR, None)


def fixture_spec(obj: Any) -> FixtureSpec | None:
    return getattr(obj, FIXTURE_ATTR, None)
