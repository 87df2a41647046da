"""Text keys for comparing labels, never for storing text.

Reports reach us with full-width and half-width brackets, stray spaces inside labels ("商业 企业"),
non-breaking and zero-width spaces, and line breaks in merged cells. Labels are compared through
``label_key``; the original text is kept for messages (NFKC would turn ① into 1 and ㈠ into (一)).
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff\u00ad]+")
# Quotes and dashes that authors and converters swap freely.
_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "—": "-", "–": "-", "－": "-", "―": "-", "─": "-",
    "、": ",", "，": ",",
    "／": "/",
})


def compact(text: str) -> str:
    """Remove every kind of white space, including U+3000, NBSP and zero-width characters."""
    return _INVISIBLE.sub("", text)


def label_key(text: str) -> str:
    """The comparison key of a label: NFKC, no white space, quotes/dashes/commas folded."""
    return compact(unicodedata.normalize("NFKC", text)).translate(_FOLD)


# Traditional → Simplified for the characters of the format's labels, headings and the words the
# builder looks for (FORMAT.md §11: mirror pages publish reports in Traditional characters). A
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
_T2S = str.maketrans({_T2S_PAIRS[i]: _T2S_PAIRS[i + 1] for i in range(0, len(_T2S_PAIRS), 2)})


def to_simplified(text: str) -> str:
    """Map the Traditional forms of the format's characters to Simplified (length-preserving)."""
    return text.translate(_T2S)


def match_key(text: str) -> str:
    """``label_key`` after Traditional → Simplified: the key the builder matches labels with."""
    return label_key(to_simplified(text))
