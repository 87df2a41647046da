"""Which national format a report was filled on: 2021, the 2019 trial format, or pre-2019.

Decided from evidence (docs/format.md §7), and the evidence itself is kept: DL002 names the outdated
label it found, DL005 the 2021-only label in a 2019/2020 report. The table builders need the
decision too, table by table: a trial-format table 二 must be read against the trial layout or
every row would be "missing"; and a report can mix a trial table 二 with a current table 三.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Location, Signature, TemplateInfo, TemplateVersion, Text
from ..text.normalize import match_key
from ..text.ordinals import strip_ordinal
from .grid import RowView
from .labels import strip_annotations
from .sections import HEADING_MAX_LENGTH, _parse

V2019, V2021, PRE2019 = TemplateVersion.V2019, TemplateVersion.V2021, TemplateVersion.PRE2019

# Labels that exist only in the 2019 trial format (docs/format.md §7), as comparison keys.
TRIAL_LABELS: tuple[str, ...] = tuple(match_key(t) for t in (
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增／减",
    "处理决定数量", "采购项目数量", "采购总金额", "其他对外管理服务事项", "政府集中采购", "第二十条第（九）项",
))
# Labels that exist only in the 2021 format (DL005: a 2019/2020 report using them is anachronistic).
CURRENT_LABELS: tuple[str, ...] = tuple(match_key(t) for t in (
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）", "本年收费金额",
))
# Table 二 row labels that tell the formats apart (only inside table 二).
TRIAL_ACTIVE_ROWS = (match_key("规范性文件"),)
CURRENT_ACTIVE_ROWS = (match_key("行政规范性文件"),)
# Table 三 （六）其他处理: sub-rows 1.–3. exist only in the 2021 format.
OTHER_GROUP = match_key("其他处理")
CURRENT_OTHER_LEAVES = ("逾期不补正", "未按收费通知")
# Free-form headings of pre-2019 reports (the 2007 regulation).
PRE2019_HEADINGS: tuple[str, ...] = tuple(match_key(t) for t in (
    "概述", "依申请公开政府信息情况", "依申请公开政府信息的情况", "政府信息公开的收费及减免情况",
    "政府信息公开收费及减免情况", "因政府信息公开申请行政复议、提起行政诉讼的情况",
    "因政府信息公开申请行政复议、提起行政诉讼情况",
))


@dataclass(frozen=True)
class TemplateDecision:
    info: TemplateInfo
    active: TemplateVersion  # layout to read table 二 against
    requests: TemplateVersion  # layout to read table 三 against
    litigation: TemplateVersion


@lru_cache(maxsize=4096)
def _cell_keys(text: str) -> tuple[str, str]:
    """The label's key as written and without annotations ("现行有效件数（历史累计）").

    Cached (a pure function of the label; the format's labels recur in every report)."""
    bare = strip_ordinal(text)
    return match_key(bare), match_key(strip_annotations(bare))


def _is(keys: tuple[str, str], labels: tuple[str, ...]) -> bool:
    return keys[0] in labels or keys[1] in labels


def detect_template(tables: list[tuple[str | None, list[RowView]]], paragraphs: list[Text]) -> TemplateDecision:
    """``tables``: (standard-table kind or None, rows) for every table of the document;
    ``paragraphs``: the document's paragraphs (for pre-2019 headings)."""
    sigs: list[Signature] = []
    seen: set[tuple[str, TemplateVersion]] = set()
    local: dict[str, dict[TemplateVersion, int]] = {"active": {}, "requests": {}}

    def add(text: str, version: TemplateVersion, location: Location, table: str | None) -> None:
        if table in local:
            local[table][version] = local[table].get(version, 0) + 1
        mark = (match_key(text), version)
        if mark not in seen:
            seen.add(mark)
            sigs.append(Signature(text=text.strip(), template=version, location=location))

    has_article20 = False
    for kind, rows in tables:
        for row in rows:
            own = row.own
            for cell in own:
                if not cell.is_label:
                    continue
                keys = _cell_keys(cell.text)
                if "第二十条" in keys[0]:
                    has_article20 = True
                if _is(keys, TRIAL_LABELS):
                    add(cell.text, V2019, cell.location, kind)
                elif _is(keys, CURRENT_LABELS):
                    add(cell.text, V2021, cell.location, kind)
                elif kind == "active" and _is(keys, TRIAL_ACTIVE_ROWS):
                    add(cell.text, V2019, cell.location, kind)
                elif kind == "active" and _is(keys, CURRENT_ACTIVE_ROWS) or kind == "requests" and any(m in keys[0] for m in CURRENT_OTHER_LEAVES):
                    add(cell.text, V2021, cell.location, kind)
            if kind == "requests":
                _trial_other_row(row, add)
    for p in paragraphs:
        if len(p.text) > 3 * HEADING_MAX_LENGTH:
            continue  # prose, not a heading (checked before any normalisation: it is cheap)
        parsed = _parse(p.text)
        key = match_key(parsed.rest).rstrip("：:。.")
        if parsed.number and len(key) <= HEADING_MAX_LENGTH and key in PRE2019_HEADINGS:
            add(p.text, PRE2019, p.location, None)

    counts = {v: sum(1 for s in sigs if s.template is v) for v in (V2019, V2021, PRE2019)}
    if counts[PRE2019] and not has_article20:
        version = PRE2019
    elif counts[V2019] and counts[V2019] >= counts[V2021]:
        version = V2019
    elif counts[V2021]:
        version = V2021
    elif counts[V2019]:
        version = V2019
    else:
        version = TemplateVersion.UNKNOWN
    fallback = V2019 if version is V2019 else V2021
    return TemplateDecision(
        TemplateInfo(version=version, signatures=sigs),
        active=_local(local["active"], fallback),
        requests=_local(local["requests"], fallback),
        litigation=fallback,
    )


def _local(counts: dict[TemplateVersion, int], fallback: TemplateVersion) -> TemplateVersion:
    trial, current = counts.get(V2019, 0), counts.get(V2021, 0)
    if trial > current:
        return V2019
    if current > trial:
        return V2021
    return fallback


_Add = Callable[[str, TemplateVersion, Location, "str | None"], None]


def _trial_other_row(row: RowView, add: _Add) -> None:
    """（六）其他处理 carrying numbers itself, with no 1./2./3. leaf after it (19-leaf table 三)."""
    own = row.own
    labels = [i for i, c in enumerate(own) if c.is_label and c.text.strip()]
    if not labels:
        return
    last = own[labels[-1]]
    if OTHER_GROUP not in _cell_keys(last.text):
        return
    if any(c.is_numeric for c in own[labels[-1] + 1:]):
        add(last.text, V2019, last.location, "requests")
