"""Resolving selectors (codes, prefixes, names, tags, ALL) to rule IDs.

Selectors work as in ruff: ``select`` replaces the default set, ``extend-select`` adds to it,
``ignore`` removes; the most specific selector wins, so ``select: [DL3]`` with ``ignore: [DL306]``
runs DL301–DL305. An unknown selector is an error: a typo must not disable a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from ..errors import ConfigError


class RuleSpec(Protocol):
    """What selectors look at in a rule (the engine's `RuleSpec` has it): its name and tags."""

    @property
    def name(self) -> str: ...

    @property
    def tags(self) -> frozenset[str]: ...


def match(selector: str, rules: Mapping[str, RuleSpec]) -> set[str]:
    """Rule IDs a selector names; raises ConfigError when it names none."""
    s = selector.strip()
    if s.upper() == "ALL":
        return set(rules)
    if s.upper() in rules:
        return {s.upper()}
    by_prefix = {rid for rid in rules if rid.startswith(s.upper())} if s[:1].isalpha() and s[:1].isupper() else set()
    if by_prefix:
        return by_prefix
    by_name = {rid for rid, spec in rules.items() if spec.name == s}
    if by_name:
        return by_name
    by_tag = {rid for rid, spec in rules.items() if s in spec.tags}
    if by_tag:
        return by_tag
    raise ConfigError(f"未知的规则代码或选择器 / unknown rule code or selector: {selector!r}")


def resolve_rule(ref: str, rules: Mapping[str, RuleSpec]) -> str:
    """The one rule ID a per-rule setting names (by ID or name)."""
    if ref.upper() in rules:
        return ref.upper()
    for rid, spec in rules.items():
        if spec.name == ref:
            return rid
    raise ConfigError(f"未知的规则 / unknown rule: {ref!r}")


def resolve_selection(
    rules: Mapping[str, RuleSpec],
    select: Iterable[str],
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[str]:
    """Selected rule IDs, in ID order."""
    chosen: set[str] = set()
    for s in select:
        chosen |= match(s, rules)
    for s in extend_select:
        chosen |= match(s, rules)
    for s in ignore:
        chosen -= match(s, rules)
    return sorted(chosen)
