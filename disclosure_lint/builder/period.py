"""The statistical period statement (统计期限自2023年1月1日起，至2023年12月31日止).

DL401 compares its year with the title's, DL402 wants it present and a full calendar year, and it
stands in for the report year when the title has none. Authors phrase it many ways
("统计期限为2023年1月1日至2023年12月31日", "2023年1月1日—12月31日", "统计期限为2023年度"), so the
parser looks for a date range, letting the second date inherit the first one's year.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Period, Text
from ..text.normalize import to_simplified
from ..text.numerals import parse_number

_N = r"[0-9０-９〇零○一二三四五六七八九十]"
_S = r"[\s\u3000\u00a0]*"
_DATE = rf"(?:(?P<@y>{_N}{{4}}){_S}年{_S})?(?P<@m>{_N}{{1,3}}){_S}月{_S}(?P<@d>{_N}{{1,3}}){_S}[日号]"
_RANGE = re.compile(
    _DATE.replace("@", "a")
    + rf"{_S}(?:起|开始)?{_S}[，,、]?{_S}(?:至|到|—+|–|－|-+|~|～|〜){_S}(?:到)?{_S}"
    + _DATE.replace("@", "b")
)
_WHOLE_YEAR = re.compile(rf"(?P<y>{_N}{{4}}){_S}(?:年度|年|全年)")
_KEYWORDS = ("统计期限", "统计时限", "统计期间", "统计区间", "统计时间", "统计时段", "统计周期", "统计范围",
             "数据统计", "所列数据")


def _date(y: int | None, m: str | None, d: str | None) -> date | None:
    mm, dd = parse_number(m or "", digit_by_digit=True), parse_number(d or "", digit_by_digit=True)
    if y is None or mm is None or dd is None:
        return None
    try:
        return date(y, mm, dd)
    except ValueError:
        return None  # 2023年2月30日: the text is kept, the date is not invented


def parse_period(text: str, default_year: int | None = None) -> tuple[date | None, date | None] | None:
    """Start and end dates of the first date range in ``text``; None when there is none."""
    m = _RANGE.search(text)
    if m is None:
        return None
    ya = parse_number(m.group("ay"), digit_by_digit=True) if m.group("ay") else default_year
    yb = parse_number(m.group("by"), digit_by_digit=True) if m.group("by") else ya
    return _date(ya, m.group("am"), m.group("ad")), _date(yb, m.group("bm"), m.group("bd"))


def extract_period(candidates: list[Text], others: list[Text], default_year: int | None = None) -> Period | None:
    """Find the statement: first a paragraph naming the statistical period anywhere, then a
    date range in ``candidates`` (the title and intro, where it normally stands). A date range
    in the body ("2023年1月1日至3月31日开展专项行动") is not a period statement."""
    for p in [*candidates, *others]:
        if any(k in to_simplified(p.text) for k in _KEYWORDS):
            period = _from_text(p, default_year, whole_year=True)
            if period is not None:
                return period
    for p in candidates:
        period = _from_text(p, default_year, whole_year=False)
        if period is not None:
            return period
    return None


def _from_text(p: Text, default_year: int | None, *, whole_year: bool) -> Period | None:
    found = parse_period(p.text, default_year)
    if found is not None:
        start, end = found
        sentence = _sentence(p.text, _RANGE.search(p.text))
        return Period(start=start, end=end, text=sentence, location=p.location)
    if whole_year:
        # "本报告统计期限为2023年度": a whole calendar year.
        simple = to_simplified(p.text)  # length-preserving, so its offsets are the text's
        key = next(k for k in _KEYWORDS if k in simple)
        tail = p.text[simple.index(key):]
        m = _WHOLE_YEAR.search(tail[:30])
        year = parse_number(m.group("y"), digit_by_digit=True) if m else None
        if year is not None and 1990 <= year <= 2199:
            return Period(start=date(year, 1, 1), end=date(year, 12, 31), text=_sentence(tail, m),
                          location=p.location)
    return None


def _sentence(text: str, m: re.Match[str] | None) -> str:
    """The sentence holding the match, so messages quote the statement and not the paragraph."""
    if m is None:
        return text.strip()
    start = max(text.rfind(c, 0, m.start()) for c in "。；;!！?？\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in "。；;!！?？\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()
