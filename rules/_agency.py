"""Who wrote a report: the body's name, its level, and whether it is a government or a department.

One place for what several rules need to know about the author: DL306 (who may make 规章), DL408
(which deadline applies) and DL604 (is last year's report from the same body). The level is read
by `_admin_level` (strictly from the left of the name, `UNKNOWN` when unsure); the comparison of
names is `disclosure_lint.run.pairing`'s, so the automatic pairing of a batch and DL604 agree.

Deadlines (条例 第四十九条): a *department* of a government at county level or above publishes by
31 January of Y+1; the office in charge publishes the report *of the government itself* by 31
March. A title that names a people's government (…人民政府, …行政公署) is the government's report.
A title that names the government's office (…人民政府办公室 / 办公厅) may be either the office's own
report as a department or the government's report published by it: the name cannot tell, so the
later deadline is assumed — a missed warning is better than a false one.
"""

from __future__ import annotations

import re
from enum import StrEnum

from disclosure_lint.model import Report
from disclosure_lint.text.agency import agency_key, same_body

from ._admin_level import Level, admin_level


class BodyKind(StrEnum):
    GOVERNMENT = "government"  # a people's government (or 行政公署) reporting for itself
    GOVERNMENT_OFFICE = "government-office"  # its 办公室/办公厅: its own report or the government's
    DEPARTMENT = "department"  # a department (局, 委, 办, 中心 …) of a government, or a ministry
    TOWNSHIP = "township"  # a township or town government, a street office
    UNKNOWN = "unknown"  # a development zone, a name the level reader cannot place


# State Council bodies named without a place: 水利部, 海关总署, 国家统计局, 中国人民银行 ….
_NATIONAL = re.compile(r"^(?:国务院|国家|中国|中华人民共和国).{1,20}$|^[^省市县区旗]{1,12}(?:部|总署|署|总局)$")
# What only a township-level body is called, whatever the level reader makes of the place before it
# (it does not take "车站街道" for a street, 站 being an organ word).
_TOWNSHIP_END = re.compile(r"(?:街道办事处|街道办|街道工作委员会|(?:镇|乡|苏木)(?:政府|办事处))$")
_GOVERNMENT_END = ("政府", "行政公署")
_OFFICE_END = ("政府办公室", "政府办公厅", "政府办")


def agency_name(report: Report) -> str | None:
    """The body named in the title (the builder's reading; re-read from the title if it has none)."""
    if report.agency:
        return report.agency
    if report.title is None:
        return None
    from disclosure_lint.text.titles import parse_agency, parse_year  # the builder's own reading of titles

    found = parse_year(report.title.text)
    return parse_agency(report.title.text, (found[1], found[2]) if found else None)


def body_level(name: str | None) -> Level:
    """`admin_level`, plus the State Council's own departments (above county level)."""
    level = admin_level(name)
    if level is Level.UNKNOWN and name and _NATIONAL.match(agency_key(name) or ""):
        return Level.ABOVE_COUNTY
    return level


def body_kind(name: str | None) -> BodyKind:
    """Government, its office, a department or a township body — as far as the name tells."""
    key = agency_key(name)
    if key is None:
        return BodyKind.UNKNOWN
    level = body_level(name)
    if level is Level.TOWNSHIP or _TOWNSHIP_END.search(key):
        return BodyKind.TOWNSHIP
    if level is Level.UNKNOWN:
        return BodyKind.UNKNOWN
    if key.endswith(_OFFICE_END):
        return BodyKind.GOVERNMENT_OFFICE
    if key.endswith(_GOVERNMENT_END):
        return BodyKind.GOVERNMENT
    return BodyKind.DEPARTMENT


__all__ = ["BodyKind", "Level", "agency_key", "agency_name", "body_kind", "body_level", "same_body"]
