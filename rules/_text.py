"""Small text helpers shared by the document, section and consistency rules.

The rules here look for words in prose written by many hands: full-width and half-width forms,
stray spaces inside words ("主动 公开"), line breaks inside sentences. Every search therefore runs
on `compact` text (white space removed) after NFKC, while messages quote the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from disclosure_lint.model.template import SECTION_BY_KEY
from disclosure_lint.text.normalize import compact, nfkc

# C0 controls other than TAB, LF and CR; DEL; C1 controls (docs/rules/DL011.md).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_SENTENCE_END = re.compile(r"(?<=[。；;！!？?\n])")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
# Section ordinals as authors write them; Arabic digits and Chinese numerals name the same ordinal.
_ORDINALS = "一二三四五六七八九十"


@lru_cache(maxsize=1024)
def search_key(text: str) -> str:
    """The form prose is searched in: NFKC (full-width → half-width), no white space at all.

    Cached (a pure function): rules search the same paragraph for one list of words after another,
    and the words themselves are keyed on every call."""
    return compact(nfkc(text))


def contains_any(text: str, words: Iterable[str]) -> bool:
    """True when the (search-keyed) text contains any of the words."""
    key = search_key(text)
    return any(search_key(w) in key for w in words)


def sentences(text: str) -> list[str]:
    """Split prose into sentences at 。；！？ and line breaks, keeping the punctuation."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


def section_title(key: str) -> str:
    """The official heading with its ordinal: ``"一、总体情况"``."""
    spec = SECTION_BY_KEY[key]
    return f"{spec.number}、{spec.heading}"


def cn_number(text: str) -> int | None:
    """A small count written in digits or Chinese numerals: "6", "六", "十二", "两" → int."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def ordinal_value(number: str) -> int | None:
    """The value of a section ordinal as written ("三", "3", "（三）" …); None when there is none."""
    core = re.sub(r"[\s()（）、.．,，]", "", unicodedata.normalize("NFKC", number))
    if not core:
        return None
    if all(c in _ORDINALS for c in core) or core.isdigit():
        return cn_number(core)
    return None


def quote(text: str, limit: int = 40) -> str:
    """A short quotation of ``text`` for a message, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show_controls(text: str, limit: int = 40) -> str:
    """A quotation around the first control character, every control shown as ⟨U+0007⟩."""
    m = CONTROL_CHARS.search(text)
    start = max(0, (m.start() if m else 0) - limit // 2)
    window = text[start:start + limit]
    shown = CONTROL_CHARS.sub(lambda c: f"⟨U+{ord(c.group()):04X}⟩", window)
    return ("…" if start else "") + shown.replace("\n", " ") + ("…" if start + limit < len(text) else "")
