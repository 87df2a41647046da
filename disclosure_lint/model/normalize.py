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
