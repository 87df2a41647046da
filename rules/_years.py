"""Years in prose, for DL403 (text left over from an earlier report).

A report copied from last year's and not fully updated keeps paragraphs that *report* an earlier
year as if it were this one: “2022年，我局坚持……” opening a paragraph of the 2023 report, or
“本年度（2022年）”. Reports also mention earlier years legitimately, and far more often:
comparisons (“比2022年增加5件”, “较2022年”, “与上年基本持平”), spans (“2022年以来”, “自2021年起”,
“2021—2023年”, “2021年至2023年”), titles of documents (“《2022年…方案》”), plans (“十四五”).
So only two shapes count, and each is checked for the signs of a comparison:

1. a paragraph (or a numbered sub-paragraph) that *opens* with an earlier year followed by a comma
   or by the subject of a sentence (“2022年，…”, “2022年度，…”, “二〇二二年我局…”), whose first
   sentence neither compares nor names the report year or a later one;
2. “本年度 / 本年 / 今年（2022年）” naming an earlier year as this year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure_lint.text.normalize import compact, nfkc
from disclosure_lint.text.numerals import parse_number

_YEAR_PATTERN = r"(?:(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})"
_YEAR = _YEAR_PATTERN
# Optional sub-paragraph numbering, then the year: "（一）2022年，" "1.2022年，" "二、2022年，".
_OPENING = re.compile(rf"^(?:[(（][一二三四五六七八九十\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}[、.]|\d{{1,2}}[、.])?"
                      rf"(?P<year>{_YEAR})年(?:度)?(?P<rest>.*)$", re.DOTALL)
# What follows the year when it is the time of the sentence: a comma, or a subject / a verb of work.
_SUBJECT = re.compile(r"^(?:[,，]|我|本|全[年市县区局]|共|各|市|县|区|镇|乡|街道|局|委|在|按照|围绕|坚持|认真|深入"
                      r"|继续|持续|结合|根据|严格|紧紧|紧扣|聚焦)")
# Signs that an earlier year is a comparison, a span or a reference, not the time of the sentence.
_COMPARISON = re.compile(
    rf"(?:比|较|与|同|和)(?:{_YEAR_PATTERN}年度?|上年|去年|上一年|上年度|往年|同期)"
    r"|同比|环比|相比|持平|以来|分别|以前|之前|至今|截至|截止"
    r"|(?:增加|减少|增长|下降|上升|提高|降低|多|少)了?\d|[增减降升]幅|百分点")
# Titles of documents ("《2023年…方案》") name years that are not the time of the sentence.
_TITLE = re.compile(r"《[^《》]*》")
_THIS_YEAR_AS = re.compile(rf"(?:本年度|本年|今年|报告年度)[(（](?P<year>{_YEAR})年?度?[)）]")
_ANY_YEAR = re.compile(rf"(?P<year>{_YEAR})年")


def year_value(text: str) -> int | None:
    return parse_number(text, digit_by_digit=True)


@dataclass(frozen=True)
class Leftover:
    year: int
    quote: str  # the words that show it: “2022年，” or “本年度（2022年）”


def _first_sentence(text: str) -> str:
    m = re.search(r"[。；;！!？?]", text)
    return text[: m.start()] if m else text


def leftover_year(paragraph: str, report_year: int) -> Leftover | None:
    """The earlier year a paragraph reports as this year's, or None."""
    text = compact(nfkc(paragraph))
    m = _THIS_YEAR_AS.search(text)
    if m:
        year = year_value(m.group("year"))
        if year is not None and year < report_year:
            return Leftover(year, m.group(0).replace("(", "（").replace(")", "）"))
    m = _OPENING.match(text)
    if m is None:
        return None
    year = year_value(m.group("year"))
    rest = m.group("rest")
    if year is None or not (1990 <= year < report_year) or not _SUBJECT.match(rest):
        return None
    first = _TITLE.sub("", _first_sentence(rest))
    if _COMPARISON.search(first):
        return None
    for other in _ANY_YEAR.finditer(first):
        value = year_value(other.group("year"))
        if value is not None and value >= report_year:
            return None  # "2022年，…，2023年…": the two years are being set side by side
    head = text[m.start("year"): m.start("rest") + (1 if rest[:1] == "," else 0)]
    return Leftover(year, head.replace(",", "，"))


__all__ = ["Leftover", "leftover_year", "year_value"]
