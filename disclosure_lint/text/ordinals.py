"""The ordinals that number headings and labels: 一、 （一） (一) 1. 1、 (1) ①."""

from __future__ import annotations

import re
from functools import lru_cache

# The ordinal that numbers a label or heading: 一、 （一） (一) 1. 1、 (1) ①. Matched on the raw
# text (before NFKC) and on half-width forms, so the ordinal can be kept as written.
_CN_DIGITS = "一二三四五六七八九十〇零"
ORDINAL_RE = re.compile(
    r"^[\s\u3000\u00a0]*("
    rf"[（(][{_CN_DIGITS}]+[）)][、.．，,]?"  # （一） (一)
    rf"|[{_CN_DIGITS}]+[、.．，,]"  # 一、 一. 一，
    r"|[（(][0-9０-９]+[）)][、.．，,]?"  # (1) （1）
    r"|[0-9０-９]+[、.．，,](?![0-9０-９])"  # 1. 1、  (not a decimal number)
    r"|[①-⑳]"
    r")[\s\u3000\u00a0]*"
)


@lru_cache(maxsize=4096)
def split_ordinal(text: str) -> tuple[str, str]:
    """Split ``"（三）不予公开"`` into ``("（三）", "不予公开")``; the ordinal is kept as written.

    Cached (a pure function): every label of every table is split, the same labels in every report."""
    m = ORDINAL_RE.match(text)
    if not m:
        return "", text.strip()
    return m.group(1), text[m.end():].strip()


def strip_ordinal(text: str) -> str:
    return split_ordinal(text)[1]


__all__ = ["ORDINAL_RE", "split_ordinal", "strip_ordinal"]
