"""The administrative level of the body that wrote a report, read from its name.

Only the State Council's departments and the people's governments of provinces, of cities with
districts and of autonomous prefectures make 规章 (《立法法》); a county, a district, a township or a
street office cannot. A department of a provincial or city government may still report the 规章 it
drafted for its government, so what matters is whether the name places the body *inside* a county,
a district, a township or a street.

Chinese names carry no separators, and department names are full of the characters that also end
place names (住房和城乡建设局, 市场监督管理局, 社区矫正), so the name is read strictly from the left:
an optional province, an optional city, then a county-level place and/or a township-level place,
each a short run of characters that contains no organ word. Anything this does not recognise —
including a county-level *city* ("邹平市"), which looks exactly like a prefecture-level one —
is `UNKNOWN`, and the rule stays silent: a false alarm on a correct report is the worse error.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from disclosure_lint.text.normalize import compact


class Level(StrEnum):
    # A province or a city, or a body of one, as far as the name tells: a county-level city
    # ("邹平市") cannot be told from a prefecture-level one by its name and lands here too.
    ABOVE_COUNTY = "above-county"
    COUNTY = "county"  # a county, a district, a banner, or a body of one
    TOWNSHIP = "township"  # a township (乡), a town (镇), a street office (街道), a 苏木
    UNKNOWN = "unknown"


# Characters that belong to organ names, never to a place name in front of them.
_ORGAN = "局委厅办院会所部处室司府署中心队站社团"
_PLACE_CHARS = rf"[^{_ORGAN}\d\s（）()“”《》]"
_PROVINCE = rf"{_PLACE_CHARS}{{2,10}}?(?:省|自治区|特别行政区)"
_CITY = rf"{_PLACE_CHARS}{{2,10}}?(?:市|自治州|地区|盟)"
_COUNTY = rf"{_PLACE_CHARS}{{1,8}}?(?:自治县|自治旗|县|旗|林区|特区|区)"
_TOWNSHIP = rf"{_PLACE_CHARS}{{1,8}}?(?:街道|镇|乡|苏木)"
_NAME = re.compile(
    rf"^(?P<province>{_PROVINCE})?(?P<city>{_CITY})?(?P<county>{_COUNTY})?(?P<township>{_TOWNSHIP})?(?P<body>.*)$"
)
# Words ending in 区/县/乡/镇 that are not administrative divisions: zones, communities, scenic areas.
_NOT_A_COUNTY = ("开发区", "高新区", "新区", "园区", "景区", "社区", "保税区", "示范区", "试验区", "实验区",
                 "功能区", "片区", "辖区", "自贸区", "合作区", "工业区", "产业区", "港区", "城区", "地区", "市区",
                 "农垦区", "管理区", "度假区", "集聚区", "区域")
_NOT_A_TOWNSHIP = ("城乡", "乡村", "城镇", "乡镇")
# What a township-level body is called: its government or office, nothing else (a department name
# after a township token is a false reading such as "住房和城乡建设局").
_TOWNSHIP_BODY = re.compile(
    r"^(?:人民政府|政府|办事处|街道办事处|党工委|党委|便民服务中心|综合服务中心|党政办公室|办公室)?$")
_GOVERNMENT = re.compile(r"人民政府|政府|办事处|行政公署")


def _clean(name: str) -> str:
    return compact(unicodedata.normalize("NFKC", name)).strip("《》“”\"'：:，,、")


def admin_level(name: str | None) -> Level:
    """The level of the body named ``name`` ("淄博市张店区行政审批服务局" → COUNTY)."""
    if not name:
        return Level.UNKNOWN
    text = _clean(name)
    if text.startswith("国务院") or text.startswith("中华人民共和国"):
        return Level.ABOVE_COUNTY
    m = _NAME.match(text)
    if m is None:  # pragma: no cover - the body group matches anything
        return Level.UNKNOWN
    county, township, body = m.group("county"), m.group("township"), m.group("body")
    if county and county.endswith(_NOT_A_COUNTY):
        return Level.UNKNOWN  # a development zone, a community …: no level we can vouch for
    if township and not township.endswith(_NOT_A_TOWNSHIP) and _TOWNSHIP_BODY.match(body):
        return Level.TOWNSHIP
    if county:
        return Level.COUNTY
    if m.group("province") or m.group("city"):
        return Level.ABOVE_COUNTY
    return Level.UNKNOWN


def is_government(name: str | None) -> bool:
    """True for a people's government (or a street office / 行政公署), False for a department."""
    return bool(name and _GOVERNMENT.search(_clean(name)))


__all__ = ["Level", "admin_level", "is_government"]
