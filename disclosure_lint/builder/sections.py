"""Recognising the six section headings among the report's paragraphs.

Headings come from text patterns only (公文 use direct formatting, never heading styles), and only
paragraphs are considered: table 三's row labels 一、…四、 are cells and must never split a section.
A heading is short; a sub-heading "（一）持续深化主动公开" has a bracketed ordinal and is not a
section; a prose sentence is too long or carries a full stop. A heading whose wording deviates
from the format but carries the right ordinal and keywords is still recognised (and marked not
exact), so DL103 can report the deviation instead of DL101 reporting a missing section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Location, Text
from ..model.template import SECTIONS, SectionSpec
from ..text.normalize import match_key

HEADING_MAX_LENGTH = 40  # characters of the heading text (without ordinal and whitespace)
_CN = "一二三四五六七八九十"
_SEP = r"[、.．，,:：]"
# "一、总体情况", "一. 总体情况", "一 总体情况", "第一部分 总体情况", "1、总体情况", "一总体情况".
_SECTION_ORDINAL = re.compile(
    r"^[\s\u3000\u00a0]*(?:"
    rf"第(?P<part>[{_CN}]+)(?:部分|章|节|项){_SEP}?"
    rf"|(?P<cn>[{_CN}]+)(?P<cnsep>{_SEP}|[\s\u3000\u00a0]+)"
    rf"|(?P<arabic>[1-9])(?:{_SEP}(?![0-9])|[\s\u3000\u00a0]+)"
    rf"|(?P<bare>[{_CN}]+)(?=[^\s{_CN}是要])"  # no separator: accepted only for the exact text
    r")[\s\u3000\u00a0]*"
)
_CN_VALUE = {c: i + 1 for i, c in enumerate(_CN)}
_TRAILING = "：:。.；;，, "

# Words that identify a section whose heading is reworded (docs/format.md §2, DL103).
FUZZY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体", "概述", "概况"),
    "active": ("主动公开",),
    "requests": ("申请",),
    "litigation": ("复议", "诉讼"),
    "problems": ("问题", "改进", "不足"),
    "other_matters": ("其他", "其它"),
}
FUZZY_MIN_RATIO = 0.6
_SPEC_BY_NUMBER = {s.number: s for s in SECTIONS}
_EXACT: dict[str, SectionSpec] = {}
for _spec in SECTIONS:
    for _text in (_spec.heading, *_spec.variants):
        _EXACT[match_key(_text)] = _spec


@dataclass(frozen=True)
class Heading:
    key: str  # section key (overview …)
    number: str  # the ordinal as written, without its separator ("一"); "" when none was written
    heading: str  # the heading text as written, without the ordinal
    start: int  # index of its first paragraph in the list handed to `find_headings`
    span: int  # number of paragraphs it occupies (a heading split across lines spans 2–3)
    location: Location
    exact: bool  # the official heading or an accepted variant


@dataclass(frozen=True)
class _Parsed:
    number: str
    value: int | None  # numeric value of a Chinese or Arabic ordinal
    rest: str
    loose: bool  # no separator, or an Arabic ordinal (prose lists): only the exact text is accepted


def numeral_value(number: str) -> int | None:
    if number.isdigit():
        return int(number)
    if not number or any(c not in _CN_VALUE for c in number):
        return None
    if number == "十":
        return 10
    if number.startswith("十"):
        return 10 + _CN_VALUE.get(number[1:], 0)
    if "十" in number:
        tens, _, ones = number.partition("十")
        return _CN_VALUE.get(tens, 0) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)
    return _CN_VALUE[number] if len(number) == 1 else None


def _parse(text: str) -> _Parsed:
    m = _SECTION_ORDINAL.match(text)
    if m is None:
        return _Parsed("", None, text.strip(), False)
    number = m.group("part") or m.group("cn") or m.group("arabic") or m.group("bare") or ""
    loose = bool(m.group("bare") or m.group("arabic"))
    return _Parsed(number, numeral_value(number), text[m.end():].strip(), loose)


def _key(text: str) -> str:
    return match_key(text).rstrip(_TRAILING)


def _short(text: str) -> bool:
    if len(text) > 3 * HEADING_MAX_LENGTH:  # cheap test first: most paragraphs are long prose
        return False
    key = match_key(text)
    if len(key) > HEADING_MAX_LENGTH:
        return False
    body = key.rstrip(_TRAILING)
    return not any(c in body for c in "。；;！!？?")


def exact_section(text: str) -> SectionSpec | None:
    """The section whose official heading (or accepted variant) ``text`` is, after normalisation."""
    return _EXACT.get(_key(text))


def fuzzy_section(number: str, rest: str, seen: set[str]) -> SectionSpec | None:
    """A reworded heading: the ordinal's own section if its keywords or wording fit, else the one
    unseen section whose keywords fit. Ambiguous → None (better a DL101 than a wrong section)."""
    key = _key(rest)
    if not key:
        return None
    candidates: list[SectionSpec] = []
    for spec in SECTIONS:
        if spec.key in seen:
            continue
        hit = any(k in key for k in FUZZY_KEYWORDS[spec.key])
        if not hit:
            hit = max(SequenceMatcher(None, key, match_key(t), autojunk=False).ratio()
                      for t in (spec.heading, *spec.variants)) >= FUZZY_MIN_RATIO
        if hit:
            candidates.append(spec)
    own = _SPEC_BY_NUMBER.get(number)
    if own is not None and own in candidates:
        return own
    return candidates[0] if len(candidates) == 1 else None


def find_headings(paragraphs: list[Text], adjacent: list[bool] | None = None) -> list[Heading]:
    """Find section headings in ``paragraphs`` (non-empty paragraphs after the title).

    ``adjacent[i]`` says whether paragraph ``i + 1`` follows paragraph ``i`` directly in the
    document (no table between); only adjacent paragraphs are joined into a split heading.
    """
    out: list[Heading] = []
    seen: set[str] = set()
    last_value = 0
    n = len(paragraphs)
    i = 0
    while i < n:
        found = _heading_at(paragraphs, adjacent, i, seen, last_value)
        if found is None:
            i += 1
            continue
        out.append(found)
        seen.add(found.key)
        value = numeral_value(found.number)
        if value is not None:
            last_value = max(last_value, value)
        i += found.span
    return out


def _heading_at(paragraphs: list[Text], adjacent: list[bool] | None, i: int, seen: set[str],
                last_value: int) -> Heading | None:
    p = paragraphs[i]
    if not _short(p.text):
        return None
    parsed = _parse(p.text)
    # 1. The exact heading (or an accepted variant), with or without an ordinal.
    spec = exact_section(parsed.rest)
    if spec is None and parsed.number:
        spec = exact_section(p.text)  # "一总体情况" parsed as ordinal-less, or a heading like "十"
        if spec is not None:
            parsed = _Parsed("", None, p.text.strip(), False)
    if spec is not None and (parsed.number or spec.key not in seen):
        return Heading(spec.key, parsed.number, parsed.rest, i, 1, p.location, True)
    # 2. A heading split across two or three lines ("四、政府信息公开行政复议、" / "行政诉讼情况").
    if parsed.number and not parsed.loose:
        text = parsed.rest
        for extra in (1, 2):
            j = i + extra
            if j >= len(paragraphs) or (adjacent is not None and not adjacent[j - 1]):
                break
            if not _short(paragraphs[j].text):
                break
            text = text + paragraphs[j].text.strip()
            if len(match_key(text)) > HEADING_MAX_LENGTH:
                break
            spec = exact_section(text)
            if spec is not None:
                return Heading(spec.key, parsed.number, text, i, extra + 1, p.location, True)
    # 3. A reworded heading: needs a Chinese ordinal with its separator, the right order, keywords.
    if parsed.number and not parsed.loose and parsed.value is not None and parsed.value > last_value:
        spec = fuzzy_section(parsed.number, parsed.rest, seen)
        if spec is not None:
            return Heading(spec.key, parsed.number, parsed.rest, i, 1, p.location, False)
    return None
