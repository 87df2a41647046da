"""The report's title, the agency that wrote it and the year it reports on.

Finds the title among the first paragraphs (a title split over two lines is joined); how a title
names its year and agency is `disclosure_lint.text.titles`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Location, Text
from ..text.normalize import compact
from ..text.titles import FALLBACK_MAX_LENGTH, TITLE_MAX_LENGTH, looks_like_title, parse_agency, parse_year


@dataclass(frozen=True)
class TitleInfo:
    title: Text
    agency: str | None
    year: int | None
    blocks: tuple[int, ...]  # indexes (into the paragraph list) of the paragraphs it spans


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
