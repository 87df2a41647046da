"""Text keys for comparing labels, never for storing text.

Reports reach us with full-width and half-width brackets, stray spaces inside labels ("商业 企业"),
non-breaking and zero-width spaces, and line breaks in merged cells. Labels are compared through
``label_key``; the original text is kept for messages (NFKC would turn ① into 1 and ㈠ into (一)).

Speed matters here: every label of every table and every paragraph a rule searches goes through
these keys, thousands of times a report. ``str.translate`` with a dict costs a dict lookup per
character, which on Chinese text (almost no character of which is ever mapped) is several times
slower than a regular expression that finds the few characters to replace; the keys of labels
(the format's labels, which recur in every report) are cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

_INVISIBLE = re.compile(r"[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff\u00ad]+")


def replacer(mapping: Mapping[str, str]) -> Callable[[str], str]:
    """``str.translate`` for a table of single characters, the same result several times faster on
    Chinese text: one regular expression finds which of the characters occur, and each of those few
    is replaced in one ``str.replace`` pass. (No replacement may contain a character the table
    replaces, or replacing one after another would differ from translating.)"""
    table = dict(mapping)
    if any(c in table for value in table.values() for c in value):
        raise ValueError("a replacement contains a character the table replaces")
    findall = re.compile("[" + "".join(re.escape(c) for c in table) + "]").findall

    def apply(text: str) -> str:
        found = findall(text)
        if found:
            for c in set(found):
                text = text.replace(c, table[c])
        return text

    return apply


# Quotes and dashes that authors and converters swap freely.
_fold = replacer({
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "—": "-", "–": "-", "－": "-", "―": "-", "─": "-",
    "、": ",", "，": ",",
    "／": "/",
})
# Full-width ASCII (！ … ～, U+FEE0 above their ASCII forms) → half-width, as a `str.translate`
# table: "，" → ",", "７" → "7", "（" → "(". One character for one, so offsets survive.
HALF_WIDTH: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# Characters common in reports whose compatibility decomposition is plain ASCII (which decomposes no
# further): full-width ASCII, the ideographic and no-break spaces, the ellipsis. Replacing them by
# it leaves the text's NFKD unchanged (tests/builder/test_normalize.py checks every entry against
# unicodedata).
COMPAT_ASCII: dict[str, str] = {**{chr(c): chr(h) for c, h in HALF_WIDTH.items()},
                                "\u3000": " ", "\u00a0": " ", "\u2026": "..."}
_half_width = replacer(COMPAT_ASCII)
# Below this length the plain call wins over the fast path's fixed cost.
_SHORT = 32


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, several times faster on Chinese prose.

    NFKC is slow on such text because its full-width punctuation (，：（）) fails the quick check,
    so every character goes through decomposition and composition. Replacing those characters by
    their compatibility decompositions first (`COMPAT_ASCII`) leaves NFKD — and so NFKC — of the text
    unchanged; the folded text then usually passes ``is_normalized`` (a quick check), and is only
    normalised in full when not.
    """
    if len(text) < _SHORT or text.isascii():  # ASCII is always NFKC
        return unicodedata.normalize("NFKC", text)
    folded = _half_width(text)
    return folded if unicodedata.is_normalized("NFKC", folded) else unicodedata.normalize("NFKC", folded)


def compact(text: str) -> str:
    """Remove every kind of white space, including U+3000, NBSP and zero-width characters."""
    return _INVISIBLE.sub("", text)


@lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The comparison key of a label: NFKC, no white space, quotes/dashes/commas folded.

    Cached: the format's labels and headings recur in every report (a pure function of ``text``)."""
    return _fold(compact(nfkc(text)))


# Traditional → Simplified for the characters of the format's labels, headings and the words the
# builder looks for (docs/format.md §11: mirror pages publish reports in Traditional characters). A
# deliberately small, one-to-one table: enough to compare labels, never used to store text.
_T2S_PAIRS = (
    "萬万業业為为舉举會会體体關关內内決决況况減减辦办務务動动區区單单發发後后國国處处復复複复審审對对"
    "屬属廢废開开強强當当總总執执護护報报據据數数無无機机權权條条構构沒没現现確确穩稳類类係系糾纠"
    "納纳組组織织經经結结統统繼继續续維维繳缴罰罚範范獲获補补規规計计認认議议許许訟讼訪访訴诉詢询"
    "請请購购費费轉转過过這这進进採采問问項项題题額额於于個个應应準准號号電电話话郵邮編编網网門门"
    "戶户員员書书劃划實实際际從从產产參参聯联濟济證证鄉乡鎮镇縣县廳厅領领導导與与資资訊讯歸归檔档"
    "違违營营稅税財财預预廣广東东環环衛卫醫医療疗訂订頒颁佈布諮咨傳传遞递碼码臺台歷历屆届見见徵征"
    "記记錄录紀纪斷断礙碍謂谓認认負负責责專专職职稱称權权級级縣县標标準准義义種种錢钱園园際际"
)
_t2s = replacer({_T2S_PAIRS[i]: _T2S_PAIRS[i + 1] for i in range(0, len(_T2S_PAIRS), 2)})


def to_simplified(text: str) -> str:
    """Map the Traditional forms of the format's characters to Simplified (length-preserving)."""
    return _t2s(text)


@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """``label_key`` after Traditional → Simplified: the key the builder matches labels with.

    Cached, as `label_key` is: table labels are matched by it, the same few hundred in every report."""
    return label_key(to_simplified(text))
