"""Matching labels found in a report against the national format's labels.

Authors retype the official labels: with full-width or half-width brackets, ordinals ("1." "（三）"),
stray spaces and line breaks, annotations of their own ("现行有效件数（历史累计）") and typos
("只计这一情况"). The builder must still know which row a label names — a row found by its label
survives a stray cell that would shift every position after it — and must remember the label as
written, so DL203 can show the author the official wording. Hence: compare through a key, match
exactly first, fuzzily only when exact matching fails, and refuse ambiguous fuzzy matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, TypeVar

from ..text.normalize import match_key
from ..text.ordinals import strip_ordinal

# Bracketed annotations: "（单位：万元）", "(历史累计)".
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")

# Typos evaluators keep finding (docs/format.md §9). They are tolerated (the row is still found) and
# recorded: the LabelUse keeps what was written, so DL203 reports it.
KNOWN_TYPOS: tuple[tuple[str, str], ...] = (
    ("只计这一情况", "只计这一情形"),
    ("三类内容事务信息", "三类内部事务信息"),
)
_TYPO_KEYS = tuple((match_key(a), match_key(b)) for a, b in KNOWN_TYPOS)

# Fuzzy matching: how similar a label must be, and by how much the best candidate must beat the
# runner-up. Short labels (其他, 总计, 规章) are never matched fuzzily: one changed character is a
# different word there.
FUZZY_MIN_RATIO = 0.72
FUZZY_MIN_MARGIN = 0.08
FUZZY_MIN_LENGTH = 4
# Matches a matcher remembers (by label text and preference): the format's labels recur in every
# report, and an unmatched label costs a fuzzy comparison with every official one.
_MEMO_SIZE = 4096
_NOT_SEEN = object()


def strip_annotations(text: str) -> str:
    """Remove bracketed annotations ("现行有效件数（历史累计）" → "现行有效件数")."""
    out = _BRACKETED.sub("", text)
    return out if out.strip() else text


def fix_typos(key: str) -> str:
    for wrong, right in _TYPO_KEYS:
        if wrong in key:
            key = key.replace(wrong, right)
    return key


def ratio(a: str, b: str) -> float:
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < FUZZY_MIN_RATIO or m.quick_ratio() < FUZZY_MIN_RATIO:
        return 0.0
    return m.ratio()


T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    target: T  # what the label was matched to (a RowSpec, ColumnSpec, …)
    official: str  # the official label of the target
    found: str  # the label as found, without its ordinal (and without a non-official annotation)
    exact: bool  # True when equal after normalisation (the label may still differ as written)
    score: float


class LabelMatcher(Generic[T]):
    """Matches labels against a fixed set of official labels (and accepted aliases).

    Built once per table spec; matching is a dict lookup for clean labels, so a clean report
    costs almost nothing, and difflib only runs on labels that differ. A match depends on nothing
    but the label and the preference, so each is worked out once (and kept, up to `_MEMO_SIZE`).
    """

    def __init__(self, entries: Iterable[tuple[str, T, Iterable[str]]]) -> None:
        # entries: (official label, target, aliases)
        self._exact: dict[str, list[tuple[str, T]]] = {}
        self._bare: dict[str, list[tuple[str, T]]] = {}  # official label without its annotation
        self._all: list[tuple[str, str, T]] = []  # (key, official, target) for fuzzy matching
        for official, target, aliases in entries:
            for text in (official, *aliases):
                key = match_key(text)
                self._exact.setdefault(key, []).append((official, target))
                self._all.append((key, official, target))
                bare = match_key(strip_annotations(text))
                if bare != key:
                    self._bare.setdefault(bare, []).append((official, target))
        # (label, fuzzy, ids of the preferred targets) → (match, the preferred targets): keeping
        # the targets keeps their ids from being reused while the entry lives.
        self._memo: dict[tuple[str, bool, tuple[int, ...] | None], tuple[Match[T] | None, object]] = {}

    def match(self, text: str, *, prefer: Iterable[T] | None = None, fuzzy: bool = True) -> Match[T] | None:
        """Match one label. ``prefer`` breaks ties between equal labels (e.g. by group context);
        ``fuzzy=False`` accepts only labels equal after normalisation (and the known typos)."""
        preferred = list(prefer) if prefer is not None else None
        memo_key = (text, fuzzy, None if preferred is None else tuple(map(id, preferred)))
        known = self._memo.get(memo_key, _NOT_SEEN)
        if known is not _NOT_SEEN:
            return known[0]  # type: ignore[index]
        result = self._match(text, preferred, fuzzy)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = (result, preferred)
        return result

    def _match(self, text: str, preferred: list[T] | None, fuzzy: bool) -> Match[T] | None:
        found = strip_ordinal(text)
        if not found:
            return None
        key = match_key(found)
        if not key:
            return None
        hit = self._pick(self._exact.get(key), preferred)
        if hit is not None:
            return Match(hit[1], hit[0], found, True, 1.0)
        fixed = fix_typos(key)
        if fixed != key:
            hit = self._pick(self._exact.get(fixed), preferred)
            if hit is not None:
                return Match(hit[1], hit[0], found, True, 1.0)
        # An annotation of the author's own ("现行有效件数（历史累计）"): drop it, keep the label.
        bare_found = strip_annotations(found)
        bare_key = match_key(bare_found)
        if bare_key != key:
            hit = self._pick(self._exact.get(bare_key), preferred)
            if hit is not None:
                return Match(hit[1], hit[0], bare_found, True, 1.0)
        # The official annotation left out or retyped ("部分公开", "部分公开（…只计这一情况…）").
        hit = self._pick(self._bare.get(bare_key), preferred)
        if hit is not None:
            return Match(hit[1], hit[0], found, True, 1.0)
        return self._fuzzy(fixed, found, preferred) if fuzzy else None

    def _fuzzy(self, key: str, found: str, preferred: list[T] | None) -> Match[T] | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        scored: dict[int, tuple[float, str, T]] = {}
        for cand_key, official, target in self._all:
            if len(cand_key) < FUZZY_MIN_LENGTH:
                continue
            r = ratio(key, cand_key)
            if preferred is not None and any(target is p for p in preferred):
                r += 0.01  # a tie-break only, never enough to make a bad match good
            prev = scored.get(id(target))
            if prev is None or r > prev[0]:
                scored[id(target)] = (r, official, target)
        if not scored:
            return None
        ranked = sorted(scored.values(), key=lambda t: t[0], reverse=True)
        best = ranked[0]
        if best[0] < FUZZY_MIN_RATIO:
            return None
        if len(ranked) > 1 and best[0] - ranked[1][0] < FUZZY_MIN_MARGIN:
            return None  # ambiguous: better unmatched (reported) than silently misfiled
        return Match(best[2], best[1], found, False, best[0])

    @staticmethod
    def _pick(hits: list[tuple[str, T]] | None, preferred: list[T] | None) -> tuple[str, T] | None:
        if not hits:
            return None
        if len(hits) > 1 and preferred is not None:
            for official, target in hits:
                if any(target is p for p in preferred):
                    return official, target
        return hits[0]
