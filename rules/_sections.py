"""What the section rules (DL1xx) know about the six sections beyond their headings.

Keyword lists are those of docs/rules/DL105.md–DL109.md; they are deliberately generous: a section that names an aspect
in any of the usual ways counts as covering it, because a rule that fires on a conforming report
is worse than one that misses a thin one.
"""

from __future__ import annotations

import re

from disclosure_lint.model import Section
from disclosure_lint.model.template import SECTIONS, SectionSpec
from disclosure_lint.text.normalize import label_key

from ._text import contains_any, search_key, sentences

# DL106: the five aspects 一、总体情况 must cover, each with the words that count as naming it.
OVERVIEW_ASPECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("主动公开", "active disclosure", ("主动公开",)),
    ("依申请公开", "disclosure on request", ("依申请", "公开申请")),
    ("政府信息管理", "information management", ("信息管理",)),
    ("政府信息公开平台建设", "disclosure platforms", ("政府信息公开平台", "公开平台", "平台建设")),
    ("监督保障", "supervision and safeguards", ("监督", "保障", "考核", "培训")),
)

# DL109: words that name a problem, and words that name an improvement.
PROBLEM_WORDS = ("问题", "不足", "薄弱", "短板", "差距", "偏低", "不佳", "有待", "不够")
IMPROVEMENT_WORDS = ("改进", "整改", "加强", "提升", "完善", "下一步", "对此", "将")

# DL108: items commonly reported in 六, with the words that count as reporting them.
OTHER_MATTERS_ITEMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("落实上级年度政务公开工作要点情况", "implementation of the annual key points of government openness",
     ("工作要点", "工作方案", "重点工作", "重点任务", "要点落实")),
    ("人大代表建议和政协提案办理结果公开情况", "handling of deputies' suggestions and CPPCC proposals",
     ("提案", "人大代表建议", "人大建议", "代表建议")),
    ("政务公开工作创新情况", "innovation in government openness", ("创新", "特色做法", "亮点")),
)

# DL107: a sentence about fees, and the signs that it states an amount or that none was charged.
FEE_WORDS = ("信息处理费", "处理费", "收费", "费用", "收取", "免费")
# 行政事业性收费 is table 二's administrative fee, never the 信息处理费 (docs/format.md §3).
NOT_THE_PROCESSING_FEE = ("行政事业性收费",)
NONE_CHARGED = ("未", "无", "没有", "不", "免", "零")
AMOUNT = re.compile(r"\d[\d,.]*(?:万元|元)")

# DL105: the ways a part can be named in an announced structure, by section key.
SECTION_MENTIONS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "概述", "基本情况"),
    "active": ("主动公开",),
    "requests": ("收到和处理", "依申请公开", "公开申请"),
    "litigation": ("行政复议", "行政诉讼"),
    "problems": ("主要问题", "存在问题", "存在的问题", "改进情况", "问题及改进"),
    "other_matters": ("其他需要报告", "其他事项", "其他需报告"),
}

_TRAILING = "：:。.；;，, "


def heading_key(heading: str) -> str:
    """A heading's comparison key, trailing punctuation removed."""
    return label_key(heading).strip(_TRAILING)


def accepted_headings(spec: SectionSpec) -> set[str]:
    return {heading_key(h) for h in (spec.heading, *spec.variants)}


def as_written(section: Section) -> str:
    """The heading as the report writes it, with its ordinal: 五、存在的主要问题及改进情况."""
    return f"{section.number}、{section.heading}" if section.number else section.heading


def mentions(text: str, words: tuple[str, ...]) -> bool:
    return contains_any(text, words)


def fee_statement(text: str) -> bool:
    """True when some sentence states an information processing fee amount, or that none was charged."""
    for sentence in sentences(text):
        key = search_key(sentence)
        for other in NOT_THE_PROCESSING_FEE:
            key = key.replace(other, "")
        if not any(w in key for w in FEE_WORDS):
            continue
        if any(m in key for m in NONE_CHARGED) or AMOUNT.search(key):
            return True
    return False


def section_index() -> dict[str, int]:
    """Each section key's position in the format (0 for 一 … 5 for 六)."""
    return {spec.key: i for i, spec in enumerate(SECTIONS)}
