"""Names of government bodies: when two names name the same body.

Names vary a little from year to year and from site to site: 人民政府 / 政府, a province put in
front (“山东省淄博市…” / “淄博市…”), 中华人民共和国 before a ministry, an annotation in brackets
(“…局（…中心）”), Traditional characters on mirror pages. `agency_key` folds these; `same_body`
also accepts one name being the other with a place in front. Batches pair consecutive years with
these functions and DL604 judges a given pair with them, so the two can never disagree.
"""

from __future__ import annotations

import re
import unicodedata

from .normalize import compact, to_simplified

_ANNOTATION = re.compile(r"[（(][^（）()]*[）)]")
_QUOTES = "《》〈〉“”‘’\"'「」『』"
# A place in front of a name: a province, a region, a city, a prefecture, a league (no organ words).
_PLACE_PREFIX = re.compile(r"^[^局委厅办院会所部处室司府署中心队站]{2,10}?(?:省|自治区|特别行政区|市|自治州|地区|盟)$")
MIN_SHORTER = 4  # "教育局" alone names no body: the shorter name must say more than that


def agency_key(name: str | None) -> str | None:
    """The comparison key of a body's name: NFKC, no white space, Simplified, no quotes or
    bracketed annotations, 人民政府 → 政府, without a leading 中华人民共和国 or 关于."""
    if not name:
        return None
    text = compact(to_simplified(unicodedata.normalize("NFKC", name)))
    text = text.translate({ord(c): None for c in _QUOTES})
    text = _ANNOTATION.sub("", text)
    text = re.sub(r"^关于", "", text)
    text = re.sub(r"^中华人民共和国", "", text)
    text = text.replace("人民政府", "政府")
    return text or None


def same_body(a: str | None, b: str | None) -> bool | None:
    """True when the two names name the same body, False when they do not, None when either is
    unknown (nothing can be said)."""
    ka, kb = agency_key(a), agency_key(b)
    if ka is None or kb is None:
        return None
    return _same_keys(ka, kb)


def _same_keys(ka: str, kb: str) -> bool:
    """`same_body` on two comparison keys: equal, or one is the other with a place in front."""
    if ka == kb:
        return True
    shorter, longer = sorted((ka, kb), key=len)
    if len(shorter) >= MIN_SHORTER and longer.endswith(shorter):
        return bool(_PLACE_PREFIX.match(longer[: len(longer) - len(shorter)]))
    return False


__all__ = ["MIN_SHORTER", "agency_key", "same_body"]
