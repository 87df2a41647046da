"""The report's title, the agency that wrote it and the year it reports on.

The title year is *the* report year (RULES.md): template checks, deadlines and the cross-year
pairing rest on it, so it is read from the title itself — digits or Chinese numerals
(二〇二三年) — and not guessed from dates elsewhere. The agency is what precedes the year
("淄博市行政审批服务局2023年…"), or what follows it when the year comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Location, Text
from ..model.normalize import compact, nfkc, to_simplified

TITLE_MAX_LENGTH = 80  # characters without whitespace; longer paragraphs are prose
FALLBACK_MAX_LENGTH = 50  # a title without the usual words must be shorter still
_TITLE_CORE = re.compile(r"政府信息公开.*(?:年度报告|工作报告|年报)|政务公开.*年度报告")
_CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3,
                   "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "".join(_CN_YEAR_DIGITS)
_YEAR_RE = re.compile(rf"(?P<digits>(?:19|20)\d\d)\s*年|(?P<cn>[{_CN_YEAR}]{{4}})\s*年")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_AGENCY_STRIP = " \t\u3000\u00a0《》<>“”\"'：:，,、-—"


@dataclass(frozen=True)
class TitleInfo:
    title: Text
    agency: str | None
    year: int | None
    blocks: tuple[int, ...]  # indexes (into the paragraph list) of the paragraphs it spans


def looks_like_title(text: str) -> bool:
    """The usual title: contains 政府信息公开 … 年度报告 (or 工作报告), and is short."""
    key = compact(nfkc(to_simplified(text)))
    return 0 < len(key) <= TITLE_MAX_LENGTH and bool(_TITLE_CORE.search(key))


def parse_year(text: str) -> tuple[int, int, int] | None:
    """The first plausible year in ``text``: (year, start, end) of the match, or None."""
    for m in _YEAR_RE.finditer(text.translate(_FULLWIDTH_DIGITS)):  # length-preserving
        if m.group("digits"):
            year = int(m.group("digits"))
        else:
            year = int("".join(str(_CN_YEAR_DIGITS[c]) for c in m.group("cn")))
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


def find_title(paragraphs: list[Text], limit: int) -> TitleInfo | None:
    """Find the title among the first ``limit`` paragraphs (those before the first section).

    The title is the first paragraph that looks like one (a title split into an agency line over
    "2023年政府信息公开工作年度报告" is joined); failing that, the first short paragraph before
    the period statement.
    """
    limit = min(limit, len(paragraphs))
    for i in range(limit):
        p = paragraphs[i]
        if not looks_like_title(p.text):
            continue
        idx: tuple[int, ...] = (i,)
        text = p.text.strip()
        # "淄博市行政审批服务局" / "2023年政府信息公开工作年度报告", or "…服务局2023年" /
        # "政府信息公开工作年度报告": join the short line above when the title lacks what it has.
        if i > 0 and _is_title_part(paragraphs[i - 1].text) and not _complete(text):
            idx = (i - 1, i)
            text = paragraphs[i - 1].text.strip() + text
        return _info(text, paragraphs[idx[0]].location, idx)
    # Split title: a short line with a year, followed by the kind of report.
    for i in range(limit - 1):
        a, b = paragraphs[i].text.strip(), paragraphs[i + 1].text.strip()
        if a and b and _is_title_part(a) and _is_title_part(b) and looks_like_title(a + b):
            return _info(a + b, paragraphs[i].location, (i, i + 1))
    # Fallback: the first short paragraph before the period statement ("XX局2023年政务公开工作
    #报告", or a title without the usual words). Metadata lines ("索引号：…", "发布日期：…") and
    # sentences are not titles.
    for i in range(limit):
        text = paragraphs[i].text.strip()
        key = compact(text)
        if not key:
            continue
        if "统计" in key or len(key) > FALLBACK_MAX_LENGTH:
            break
        if key.endswith(("。", "；", ";", "！", "？")) or any(c in key for c in "：:") or key.isdigit():
            continue
        return _info(text, paragraphs[i].location, (i,))
    return None


def _info(text: str, location: Location, idx: tuple[int, ...]) -> TitleInfo:
    found = parse_year(text)
    year = found[0] if found else None
    agency = parse_agency(text, (found[1], found[2]) if found else None)
    return TitleInfo(Text(text=text, location=location), agency, year, idx)


def _is_title_part(text: str) -> bool:
    """A line that can be half of a title: short, no sentence, no metadata ("发布日期：…")."""
    key = compact(text)
    return (0 < len(key) <= TITLE_MAX_LENGTH // 2 and "统计" not in key
            and not key.endswith(("。", "；", ";")) and not any(c in key for c in "：:"))


def _complete(title: str) -> bool:
    """The title names both its agency and its year."""
    found = parse_year(title)
    return found is not None and bool(parse_agency(title, (found[1], found[2])))
