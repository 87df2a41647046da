"""Titles of reports: the year they report on and the body that wrote them.

The title year is *the* report year (docs/format.md §8.2): template checks, deadlines and the
cross-year pairing rest on it, so it is read from the title itself — digits or Chinese numerals
(二〇二三年) — and not guessed from dates elsewhere. The agency is what precedes the year
("淄博市行政审批服务局2023年…"), or what follows it when the year comes first. The builder reads
titles with these functions and the rules compare bodies with them, so the two never disagree.
"""

from __future__ import annotations

import re

from .normalize import HALF_WIDTH, compact, nfkc, to_simplified
from .numerals import ZEROS, parse_number

TITLE_MAX_LENGTH = 80  # characters without whitespace; longer paragraphs are prose
FALLBACK_MAX_LENGTH = 50  # a title without the usual words must be shorter still
_TITLE_CORE = re.compile(r"政府信息公开.*(?:年度报告|工作报告|年报)|政务公开.*年度报告")
_CN_YEAR = ZEROS + "0一二三四五六七八九"
_YEAR_RE = re.compile(rf"(?P<digits>(?:19|20)\d\d)\s*年|(?P<cn>[{_CN_YEAR}]{{4}})\s*年")
_AGENCY_STRIP = " \t\u3000\u00a0《》<>“”\"'：:，,、-—"


def looks_like_title(text: str) -> bool:
    """The usual title: contains 政府信息公开 … 年度报告 (or 工作报告), and is short."""
    key = compact(nfkc(to_simplified(text)))
    return 0 < len(key) <= TITLE_MAX_LENGTH and bool(_TITLE_CORE.search(key))


def parse_year(text: str) -> tuple[int, int, int] | None:
    """The first plausible year in ``text``: (year, start, end) of the match, or None."""
    for m in _YEAR_RE.finditer(text.translate(HALF_WIDTH)):  # length-preserving
        if m.group("digits"):
            year = int(m.group("digits"))
        else:
            year = parse_number(m.group("cn"), digit_by_digit=True) or 0
        if 1990 <= year <= 2199:
            return year, m.start(), m.end()
    return None


def parse_agency(title: str, year_span: tuple[int, int] | None) -> str | None:
    """The agency named in a title: the text before the year, else between year and 政府信息公开."""
    text = title  # spans come from parse_year on the same text; NFKC would shift them
    agency = ""
    if year_span is not None:
        agency = text[: year_span[0]]
        if not compact(agency).strip(_AGENCY_STRIP):
            after = text[year_span[1]:]
            after = re.sub(r"^度", "", after)
            cut = after.find("政府信息公开")
            agency = after[:cut] if cut > 0 else ""
    else:
        cut = text.find("政府信息公开")
        agency = text[:cut] if cut > 0 else ""
    agency = re.sub(r"^关于", "", compact(agency).strip(_AGENCY_STRIP))
    return agency or None


__all__ = ["FALLBACK_MAX_LENGTH", "TITLE_MAX_LENGTH", "looks_like_title", "parse_agency", "parse_year"]
