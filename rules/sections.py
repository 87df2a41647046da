"""DL1xx — the required sections (docs/rules/index.md), the card's "required sections".

The national format (国办公开办函〔2021〕30号) fixes six sections in a fixed order; Art. 50 of the
regulation fixes what they must cover. These rules check that the sections are there, in order,
worded as the format words them, not empty, and that 一, 五 and 六 say what they are for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Report, Section, Text
from disclosure_lint.model.template import SECTION_BY_KEY, SECTIONS

from ._sections import (
    IMPROVEMENT_WORDS,
    OTHER_MATTERS_ITEMS,
    OVERVIEW_ASPECTS,
    PROBLEM_WORDS,
    SECTION_MENTIONS,
    accepted_headings,
    as_written,
    fee_statement,
    heading_key,
    mentions,
    section_index,
)
from ._text import cn_number, ordinal_value, quote, search_key, section_title


def _mini(overview: str = "本年度主动公开、依申请公开、政府信息管理、公开平台建设和监督保障工作有序推进。",
          problems: str = "工作仍存在不足，下一步将加强培训。",
          other: str = "本年度未收取信息处理费。落实政务公开工作要点，办理人大代表建议和政协提案，推进创新。",
          *, empty: tuple[str, ...] = ()) -> str:
    """A short report with the six sections (no tables), for examples that need whole sections."""
    body = {"overview": overview, "active": "主动公开情况见下表。", "requests": "申请办理情况见下表。",
            "litigation": "本年度未发生行政复议、行政诉讼。", "problems": problems, "other_matters": other}
    lines = ["某某市某某局2023年政府信息公开工作年度报告",
             "本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。"]
    for spec in SECTIONS:
        lines.append(f"{spec.number}、{spec.heading}")
        if spec.key not in empty:
            lines.append(body[spec.key])
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------
@rule(
    "DL101",
    name="missing-section",
    severity="error",
    summary_en="One of the six required sections is missing.",
    tags={"sections", "completeness"},
    supersedes={"DL201": "place"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"五、存在的主要问题及改进情况": "五、政府信息公开工作存在的主要问题及改进情况"},
                   note="an accepted variant of the heading"),
            sample("seed", replace={"四、政府信息公开行政复议、行政诉讼情况":
                                    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"},
                   note="the older wording of 四"),
        ],
        invalid=[
            sample("seed", replace={"五、存在的主要问题及改进情况\n": ""}, expect=1, note="section 五 removed"),
            sample("seed", replace={"五、存在的主要问题及改进情况\n": "", "六、其他需要报告的事项\n": ""}, expect=2,
                   note="sections 五 and 六 removed: one finding each"),
        ],
    ),
)
def missing_section(report: Report, check: Check) -> None:
    """缺少规定的六个部分之一（每缺一个部分报告一次，并写明是哪一部分）。

    《中华人民共和国政府信息公开条例》第五十条规定了年度报告的内容，国办公开办函〔2021〕30号印发
    的格式据此设为六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开
    申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要
    报告的事项。缺少任何一部分，报告都不完整。

    One finding per missing section, at the section's place. A gap in the numbering that a missing
    section leaves is not also reported as a numbering error (DL102), and a missing table of a
    missing section is this finding, not DL201's.
    """
    present = {s.key for s in report.sections}
    for spec in SECTIONS:
        if spec.key in present:
            continue
        title = section_title(spec.key)
        check.fail(f"缺少第{spec.number}部分“{title}”",
                   f"Section {spec.number} “{title}” is missing",
                   at=spec.key, expected=title,
                   fix_zh=f"请按格式补写“{title}”部分", fix_en=f"Add the section “{title}” as the format requires")


# ------------------------------------------------------------------------------------------------
@rule(
    "DL102",
    name="section-order",
    severity="warning",
    summary_en="Sections are out of order, numbered wrongly, or duplicated.",
    tags={"sections"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"五、存在的主要问题及改进情况\n": ""},
                   note="the gap a missing section leaves is DL101's finding, not a numbering error"),
            sample(text=_mini().replace("五、存在的主要问题及改进情况\n工作仍存在不足，下一步将加强培训。\n", "")
                   .replace("六、其他需要报告的事项", "五、其他需要报告的事项"),
                   note="sections renumbered to close the gap of a missing one: DL101 reports the gap"),
        ],
        invalid=[
            sample("seed", replace={"五、存在的主要问题及改进情况": "五、其他需要报告的事项",
                                    "六、其他需要报告的事项": "六、存在的主要问题及改进情况"}, expect=1,
                   note="五 and 六 swapped"),
            sample("seed", replace={"（四）《2023年淄博市政务公开工作方案》落实情况":
                                    "六、其他需要报告的事项\n（四）《2023年淄博市政务公开工作方案》落实情况"},
                   expect=1, note="section 六 twice"),
            sample("seed", replace={"五、存在的主要问题及改进情况": "四、存在的主要问题及改进情况"}, expect=1,
                   note="section 五 numbered 四"),
        ],
    ),
)
def section_order(report: Report, check: Check) -> None:
    """各部分顺序错乱、序号错误或重复出现。

    六个部分应按格式顺序排列，并依次编号为一至六。本规则报告：重复出现的部分；位置与格式顺序不符的
    部分（只报告需要移动的最少部分）；序号既不是格式规定的序号、也不是按实际位置依次编排的序号的
    部分。因缺少某一部分而留下的序号空缺（如“四”之后直接是“六”），或为此依次顺延的编号，由
    DL101报告缺少的部分，这里不再重复。

    Duplicates, the fewest sections that would have to move to restore the format's order, and
    ordinals that match neither the format's nor the section's position. A gap left by a missing
    section is DL101's finding.
    """
    order = section_index()
    firsts: list[Section] = []
    seen: dict[str, int] = {}
    for section in report.sections:
        if section.key not in order:
            continue
        seen[section.key] = seen.get(section.key, 0) + 1
        if seen[section.key] > 1:
            check.fail(f"“{as_written(section)}”重复出现（第{seen[section.key]}次），每个部分只应出现一次",
                       f"Section “{as_written(section)}” appears again (occurrence {seen[section.key]}); each "
                       "section must appear once",
                       at=section, fix_zh="请合并或删除重复的部分", fix_en="Merge or remove the duplicate")
            continue
        firsts.append(section)

    keep = _longest_in_order([order[s.key] for s in firsts])
    actual = "、".join(SECTION_BY_KEY[s.key].number for s in firsts)
    expected = "、".join(SECTION_BY_KEY[k].number for k in sorted((s.key for s in firsts), key=lambda k: order[k]))
    for i, section in enumerate(firsts):
        if i in keep:
            continue
        check.fail(f"“{as_written(section)}”的位置与格式顺序不符：各部分实际顺序为 {actual}，应为 {expected}",
                   f"Section “{as_written(section)}” is out of order: the sections come as {actual}, "
                   f"the format's order is {expected}",
                   at=section, expected=expected, actual=actual,
                   fix_zh=f"请将“{section_title(section.key)}”移到格式规定的位置",
                   fix_en=f"Move “{section_title(section.key)}” to its place in the format's order")

    for position, section in enumerate(firsts, start=1):
        if position - 1 not in keep:
            continue  # already reported as misplaced
        written = ordinal_value(section.number)
        canonical = order[section.key] + 1
        if written is None or written in (canonical, position):
            continue
        number = SECTION_BY_KEY[section.key].number
        check.fail(f"“{section.heading}”的序号写作“{section.number}”，应为“{number}”",
                   f"Section “{section.heading}” is numbered “{section.number}”; it should be “{number}”",
                   at=section, expected=number, actual=section.number,
                   fix_zh=f"请改为“{number}、{section.heading}”", fix_en=f"Number it “{number}”")


def _longest_in_order(values: Sequence[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``values`` (the sections to keep)."""
    best: list[list[int]] = []  # best[i]: the longest chain ending at i, as indexes
    for i, v in enumerate(values):
        chain: list[int] = []
        for j in range(i):
            if values[j] < v and len(best[j]) > len(chain):
                chain = best[j]
        best.append([*chain, i])
    longest: list[int] = max(best, key=len) if best else []
    return set(longest)


# ------------------------------------------------------------------------------------------------
@rule(
    "DL103",
    name="heading-wording",
    severity="info",
    summary_en="A section heading deviates from the format's wording beyond the accepted variants.",
    tags={"sections", "wording"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"五、存在的主要问题及改进情况": "五、存在问题及改进情况"},
                   note="an accepted variant"),
            sample("seed", replace={"四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政复议和行政诉讼情况"},
                   note="an accepted variant"),
        ],
        invalid=[
            sample("seed", replace={"二、主动公开政府信息情况": "二、主动公开政府信息的情况"}, expect=1,
                   note="a word added to the heading"),
        ],
    ),
)
def heading_wording(report: Report, check: Check) -> None:
    """部分标题的措辞与格式不一致（超出常见的可接受写法）。

    标题宜与格式一字不差，便于公众查找和上级汇总比对。可接受的写法：四可写作“因政府信息公开工作被
    申请行政复议、提起行政诉讼情况”（或用“和”），五可写作“政府信息公开工作存在的主要问题及改进
    情况”或“存在问题及改进情况”。全角半角、空格和标点差异不算不一致。

    Headings are compared after normalisation (width, white space, quotes) and trailing punctuation;
    the accepted variants of docs/format.md §2 pass.
    """
    for section in report.sections:
        spec = SECTION_BY_KEY.get(section.key)
        if spec is None or heading_key(section.heading) in accepted_headings(spec):
            continue
        check.fail(f"标题“{as_written(section)}”与格式规定的“{spec.number}、{spec.heading}”不一致",
                   f"Heading “{as_written(section)}” differs from the format's “{spec.number}、{spec.heading}”",
                   at=section, expected=spec.heading, actual=section.heading,
                   fix_zh=f"建议改为“{spec.number}、{spec.heading}”", fix_en=f"Use “{spec.number}、{spec.heading}”")


# ------------------------------------------------------------------------------------------------
@rule(
    "DL104",
    name="empty-section",
    severity="error",
    summary_en="A section heading is present but the section has no content.",
    tags={"sections", "completeness"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample(text=_mini(), note="one short paragraph is content"),
        ],
        invalid=[
            sample(text=_mini(empty=("problems",)), expect=1, note="五 has a heading and nothing else"),
            sample(text=_mini(empty=("overview", "other_matters")), expect=2, note="一 and 六 empty"),
        ],
    ),
)
def empty_section(report: Report, check: Check) -> None:
    """有部分标题，但该部分没有任何内容（既无段落也无表格）。

    只写标题不写内容，等于缺少这一部分。没有可报告的事项时，也应写明（如“本年度未发生因政府信息
    公开工作被申请行政复议、提起行政诉讼的情况”），并照常填写统计表（数字填0）。二至四部分缺少
    表格时由DL201报告，这里不再重复。

    A heading with neither a paragraph nor a table under it. For 二–四 a missing table is DL201's
    finding at the same place, which replaces this one.
    """
    for section in report.sections:
        if not section.is_empty:
            continue
        check.fail(f"“{as_written(section)}”只有标题，没有内容（既无段落也无表格）",
                   f"Section “{as_written(section)}” has a heading but no content (neither text nor a table)",
                   at=section,
                   fix_zh="请补写该部分内容；确无事项时也应写明“本年度无……情况”",
                   fix_en="Write the section; if there is nothing to report, say so explicitly")


# ------------------------------------------------------------------------------------------------
_SIX_PARTS = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和"
              "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。")
_INTRO_START = "本年度报告中所列数据的统计期限"


@rule(
    "DL105",
    name="announced-structure",
    severity="warning",
    summary_en="The report announces its own structure and the actual sections disagree.",
    tags={"sections", "consistency"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={_INTRO_START: _SIX_PARTS + _INTRO_START},
                   note="six parts announced, six parts present"),
            sample("seed", replace={_INTRO_START: "本报告分为六个部分。" + _INTRO_START},
                   note="a count without a list"),
            sample("seed", replace={"加强政务公开培训": "加强政务公开培训，培训分为理论和实操两个部分"},
                   note="'部分' in the body, not about the report's structure"),
        ],
        invalid=[
            sample("seed", replace={_INTRO_START: _SIX_PARTS + _INTRO_START,
                                    "五、存在的主要问题及改进情况\n": ""}, expect=1,
                   note="six parts announced, 五 missing"),
            sample("seed", replace={_INTRO_START: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请"
                                    "情况、政府信息公开行政复议和行政诉讼情况、其他需要报告的事项等五部分组成。"
                                    + _INTRO_START}, expect=1,
                   note="five parts announced (五 left out), six present"),
        ],
    ),
)
def announced_structure(report: Report, check: Check) -> None:
    """报告自述的结构（如“本报告由……六部分组成”）与实际的部分不一致。

    不少报告在开头说明全文由哪几部分组成。说明与正文不符（说六部分而实际缺一部分，或列出的部分与
    实际不同）往往是套用模板、删改内容后没有同步修改造成的，评议时常被指出。本规则读取开头段落和
    “一、总体情况”中含“报告”的结构说明，比较其中的部分数和列出的部分名称。

    Reads a sentence that mentions 报告 and announces N 部分 (由/分为/包括/包含 … N部分), with the
    parts it lists, in the opening paragraphs and section 一; compares the count and the named parts
    with the sections found.
    """
    overview = report.section("overview")
    paragraphs = [*report.intro, *(overview.paragraphs if overview else [])]
    present = [s.key for s in report.sections]
    present_keys = set(present)
    for para in paragraphs:
        for announced in _announcements(para):
            problems_zh: list[str] = []
            problems_en: list[str] = []
            if announced.count is not None and announced.count != len(present_keys):
                problems_zh.append(f"自述为{announced.count}部分，实际有{len(present_keys)}部分")
                problems_en.append(f"it announces {announced.count} parts, the report has {len(present_keys)}")
            absent = [k for k in announced.listed if k not in present_keys]
            if absent:
                names = "、".join(f"“{section_title(k)}”" for k in absent)
                problems_zh.append(f"列出的{names}在正文中没有")
                problems_en.append(f"it lists {names}, which the report lacks")
            if announced.complete:
                unlisted = [k for k in present if k not in announced.listed]
                if unlisted:
                    names = "、".join(f"“{section_title(k)}”" for k in dict.fromkeys(unlisted))
                    problems_zh.append(f"正文中的{names}未列出")
                    problems_en.append(f"it does not list {names}, which the report has")
            if not problems_zh:
                continue
            check.fail(f"报告自述的结构与实际不符：{'；'.join(problems_zh)}（“{quote(announced.sentence, 60)}”）",
                       f"The announced structure disagrees with the report: {'; '.join(problems_en)} "
                       f"(“{quote(announced.sentence, 60)}”)",
                       at=para, actual=announced.sentence,
                       fix_zh="请使结构说明与实际的部分一致（缺少的部分应补写）",
                       fix_en="Make the announcement match the sections (and add any missing section)")


@dataclass(frozen=True)
class _Announcement:
    sentence: str
    count: int | None
    listed: tuple[str, ...]  # section keys named, in order
    complete: bool  # every listed item was recognised as a section


_ANNOUNCE = re.compile(
    r"(?:由|分为|分成|包括|包含)(?P<body>.*?)(?:等|这|共)?(?P<n>[一二两三四五六七八九十0-9]{1,2})?个?部分"
    r"(?:组成|构成|内容)?(?P<tail>[：:].*)?"
)
_ITEM_SPLIT = re.compile(r"[、，,；;：:]")
_ITEM_ORDINAL = re.compile(r"^(?:[（(]?[一二三四五六七八九十0-9]+[）)]?[、.．]?|第[一二三四五六七八九十]部分|以下|如下)")


def _announcements(para: Text) -> list[_Announcement]:
    out: list[_Announcement] = []
    for sentence in (s for s in re.split(r"(?<=[。！!？?])", para.text) if s.strip()):
        key = search_key(sentence)
        if "报告" not in key or "部分" not in key:
            continue
        m = _ANNOUNCE.search(key)
        if m is None or "报告" not in key[: m.start()]:
            continue
        count = cn_number(m.group("n")) if m.group("n") else None
        listing = m.group("body") or ""
        if m.group("tail"):
            listing += "、" + m.group("tail")[1:]
        items = [_ITEM_ORDINAL.sub("", i).strip("“”\"《》。") for i in _ITEM_SPLIT.split(listing)]
        items = [i for i in items if i]
        listed: list[str] = []
        recognised = 0
        for item in items:
            keys = [k for k, words in SECTION_MENTIONS.items() if any(w in item for w in words)]
            if len(keys) == 1:
                recognised += 1
                if keys[0] not in listed:
                    listed.append(keys[0])
        if len(listed) < 2:
            listed = []
        if count is None and not listed:
            continue
        out.append(_Announcement(sentence.strip(), count, tuple(listed),
                                 complete=bool(listed) and recognised == len(items)))
    return out


# ------------------------------------------------------------------------------------------------
@rule(
    "DL106",
    name="overview-aspects",
    severity="warning",
    summary_en="Section 一 does not cover one of the five aspects.",
    tags={"sections", "content"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"（四）强化公开平台建设": "（四）强化渠道建设"},
                   note="the sub-heading changed, but a sentence still names 政府信息公开平台"),
            sample("seed", replace={"（二）规范依申请公开办理": "（二）规范申请办理"},
                   note="the paragraph still speaks of 政府信息公开申请"),
        ],
        invalid=[
            sample("seed", replace={"（四）强化公开平台建设": "（四）强化渠道建设",
                                    "政府信息公开平台栏目设置": "政府网站栏目设置"}, expect=1,
                   note="nothing names the disclosure platforms"),
            sample(text=_mini(overview="本年度我局认真做好主动公开工作。"), expect=4,
                   note="only 主动公开 named"),
        ],
    ),
)
def overview_aspects(sections: dict[str, Section], check: Check) -> None:
    """“一、总体情况”未涵盖五个方面之一（写明缺少哪一方面）。

    按条例第五十条和格式要求，总体情况应概述主动公开、依申请公开、政府信息管理、政府信息公开平台
    建设、监督保障五个方面，规范的报告通常以（一）至（五）五个小标题分述。某一方面只要有小标题或
    句子提到即可（如“依申请”“公开申请”“公开平台”“考核”“培训”），每缺一个方面报告一次。

    An aspect counts as covered when a sub-heading or sentence names it (the keywords of rules/_sections.py). A
    missing or empty 一 is DL101's or DL104's finding, not this one.
    """
    overview = sections.get("overview")
    if overview is None or not overview.paragraphs:
        return
    text = overview.text
    for name, name_en, words in OVERVIEW_ASPECTS:
        if mentions(text, words):
            continue
        check.fail(f"“一、总体情况”未涉及“{name}”方面", f"Section 一 (overview) does not cover {name_en} ({name})",
                   at=overview, expected=name,
                   fix_zh=f"请在总体情况中补充“{name}”方面的情况（可增设小标题）",
                   fix_en=f"Describe {name_en} ({name}) in the overview, e.g. under a sub-heading of its own")


# ------------------------------------------------------------------------------------------------
_FEE_SENTENCE = "（一）依申请公开信息处理费收费情况。2023年，我单位无收取信息处理费的情况。"


@rule(
    "DL107",
    name="processing-fee-statement",
    severity="warning",
    summary_en="Section 六 says nothing about the information processing fee.",
    tags={"sections", "content", "fees"},
    examples=Examples(
        valid=[
            sample("seed", note="我单位无收取信息处理费的情况 is a valid none-charged statement"),
            sample("seed", replace={_FEE_SENTENCE: "（一）本年度收取信息处理费300元。"}, note="an amount"),
            sample("seed", replace={_FEE_SENTENCE: "（一）本年度未收取任何费用。"}, note="none charged, in other words"),
            sample("seed", replace={"六、其他需要报告的事项\n": ""}, note="no section 六: DL101 reports it"),
        ],
        invalid=[
            sample("seed", replace={_FEE_SENTENCE: ""}, expect=1,
                   note="六 silent on the fee (section 一's 所有答复均未收费 does not count)"),
            sample("seed", replace={_FEE_SENTENCE: "（一）依申请公开信息处理费收费情况。"}, expect=1,
                   note="the sub-heading without the statement"),
            sample("seed", replace={_FEE_SENTENCE: "（一）本年度行政事业性收费0万元。"}, expect=1,
                   note="行政事业性收费 is not the 信息处理费"),
        ],
    ),
)
def processing_fee_statement(sections: dict[str, Section], check: Check) -> None:
    """“六、其他需要报告的事项”未说明信息处理费收取情况（既无金额，也未说明未收取）。

    按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），行政机关依申请提供政府信息可以
    收取信息处理费。年度报告的第六部分几乎都会写明本年度收取的信息处理费金额，或写明未收取
    （如“我单位无收取信息处理费的情况”）。表二中的“行政事业性收费”是另一回事，不能代替这一说明。

    Passes when a sentence of 六 names a fee (信息处理费, 处理费, 收费, 费用, 收取; not 行政事业性收费)
    together with an amount in 元 or a negation (未, 无, 没有, 不, 免, 零). A missing or empty 六 is
    DL101's or DL104's finding.
    """
    other = sections.get("other_matters")
    if other is None or not other.paragraphs:
        return
    if fee_statement(other.text):
        return
    check.fail("“六、其他需要报告的事项”未说明本年度信息处理费的收取情况（收取金额，或未收取）",
               "Section 六 says nothing about the information processing fee (an amount, or that none was "
               "charged)",
               at=other,
               fix_zh="请补充，如“本年度未收取信息处理费”或“本年度收取信息处理费××元”",
               fix_en="Add a statement such as “本年度未收取信息处理费” or the amount charged in 元")


# ------------------------------------------------------------------------------------------------
@rule(
    "DL108",
    name="other-matters-items",
    severity="info",
    summary_en="Section 六 omits a commonly expected item.",
    tags={"sections", "content"},
    examples=Examples(
        valid=[
            sample("seed", note="《2023年淄博市政务公开工作方案》落实情况 and 创新实践情况 count"),
        ],
        invalid=[
            sample("seed", replace={"（四）《2023年淄博市政务公开工作方案》落实情况。": "（四）其他工作情况。"},
                   expect=1, note="no word of the key points' implementation"),
            sample(text=_mini(other="本年度未收取信息处理费。"), expect=3, note="only the fee statement"),
        ],
    ),
)
def other_matters_items(sections: dict[str, Section], check: Check) -> None:
    """“六、其他需要报告的事项”缺少通常应报告的事项（工作要点落实、建议提案办理、创新情况）。

    格式说明和各地通知通常要求第六部分报告：落实上级年度政务公开工作要点情况、人大代表建议和政协
    提案办理结果公开情况、政务公开工作创新情况等。这是惯例而非法定要求，因此只作提示。以其他方式
    写明（如“《2023年××市政务公开工作方案》落实情况”“创新实践情况”）同样算作已报告。

    One finding per item none of whose words appears in 六. A missing or empty 六 is DL101's or
    DL104's finding.
    """
    other = sections.get("other_matters")
    if other is None or not other.paragraphs:
        return
    text = other.text
    for name, name_en, words in OTHER_MATTERS_ITEMS:
        if mentions(text, words):
            continue
        check.fail(f"“六、其他需要报告的事项”未报告“{name}”", f"Section 六 does not report the {name_en} ({name})",
                   at=other, expected=name,
                   fix_zh=f"建议补充“{name}”", fix_en=f"Consider adding the {name_en} ({name})")


# ------------------------------------------------------------------------------------------------
_SEED_PROBLEMS = ("目前，我局的信息公开工作仍存在一些薄弱环节，例如，一是政策解读音视频或动漫等形式解读比例偏低；"
                  "二是传播力不佳,回应社会关切较少；三是政务公开专区功能仍需丰富完善。")


@rule(
    "DL109",
    name="problems-and-improvements",
    severity="warning",
    summary_en="Section 五 names no problem or no improvement.",
    tags={"sections", "content"},
    examples=Examples(
        valid=[
            sample("seed", note="薄弱环节 … 偏低 … 不佳 … 对此 … 加强"),
            sample(text=_mini(problems="我局政务公开工作还有差距。下一步，我局将对照要求逐项落实。")),
        ],
        invalid=[
            sample("seed", replace={_SEED_PROBLEMS: "目前，我局的信息公开工作运行平稳。"}, expect=1,
                   note="no problem named, only what was done"),
            sample(text=_mini(problems="我局政务公开工作运行良好，各项工作均按期完成。"), expect=2,
                   note="neither a problem nor an improvement"),
            sample(text=_mini(problems="我局政务公开工作还存在短板。"), expect=1, note="problems without improvements"),
        ],
    ),
)
def problems_and_improvements(sections: dict[str, Section], check: Check) -> None:
    """“五、存在的主要问题及改进情况”没有写出问题，或没有写出改进措施。

    条例第五十条要求报告“存在的主要问题及改进情况”。只写成绩、不写问题，或只列问题、不写如何改进，
    都不符合要求。本规则只看是否有相关表述（问题、不足、薄弱、短板、差距……；改进、整改、加强、
    提升、完善、下一步……），不评价内容本身。标题本身不计。

    Problems: 问题, 不足, 薄弱, 短板, 差距, 偏低, 不佳, 有待, 不够; improvements: 改进, 整改, 加强,
    提升, 完善, 下一步, 对此, 将 — searched in the section's paragraphs, not its heading. One finding
    per missing kind. A missing or empty 五 is DL101's or DL104's finding.
    """
    problems = sections.get("problems")
    if problems is None or not problems.paragraphs:
        return
    text = problems.text
    if not mentions(text, PROBLEM_WORDS):
        check.fail("“五、存在的主要问题及改进情况”没有写出存在的问题",
                   "Section 五 names no problem (问题, 不足, 薄弱, 短板, 差距 …)",
                   at=problems, expected="存在的主要问题",
                   fix_zh="请如实写明本年度政府信息公开工作存在的主要问题",
                   fix_en="State the main problems of this year's disclosure work")
    if not mentions(text, IMPROVEMENT_WORDS):
        check.fail("“五、存在的主要问题及改进情况”没有写出改进情况或改进措施",
                   "Section 五 names no improvement (改进, 整改, 加强, 提升, 下一步 …)",
                   at=problems, expected="改进情况",
                   fix_zh="请写明针对问题已采取或将采取的改进措施",
                   fix_en="State what was done or will be done about the problems")


# ------------------------------------------------------------------------------------------------
_TITLE_KIND = "政府信息公开工作年度报告"
_TITLE = re.compile(
    r"^(?P<agency>.*?)(?P<year>(?:19|20)\d\d|[〇零○O一二三四五六七八九]{4})年度?(?P<kind>.*)$"
)
_AGENCY_STRIP = "《》<>“”\"'：:，,、-—（）() "


@rule(
    "DL110",
    name="title-form",
    severity="info",
    summary_en="The title does not follow the usual form <agency><YYYY>年政府信息公开工作年度报告.",
    tags={"document", "wording"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"服务局2023年政府": "服务局二〇二三年政府"}, note="the year in Chinese numerals"),
            sample("seed", replace={"服务局2023年政府": "服务局2023年度政府"}, note="2023年度"),
            sample("seed", replace={"淄博市行政审批服务局2023年政府信息公开工作年度报告":
                                    "淄博市行政审批服务局\n2023年政府信息公开工作年度报告"},
                   note="the title split over two lines"),
        ],
        invalid=[
            sample("seed", replace={"淄博市行政审批服务局2023年政府": "2023年政府"}, expect=1, note="no agency"),
            sample("seed", replace={"服务局2023年政府": "服务局政府"}, expect=1, note="no year"),
            sample("seed", replace={"政府信息公开工作年度报告\n": "政府信息公开年度报告\n"}, expect=1,
                   note="other wording"),
        ],
    ),
)
def title_form(report: Report, check: Check) -> None:
    """标题不是常用的“<机关名称><YYYY>年政府信息公开工作年度报告”形式（缺年份、缺机关名称或措辞不同）。

    规范的标题写明机关全称和年度，如“淄博市行政审批服务局2023年政府信息公开工作年度报告”，便于公众
    检索、上级汇总和跨年度比对。年份也可写作“二〇二三年”或“2023年度”。

    Year in digits or Chinese numerals, 年 or 年度; the rest must be exactly 政府信息公开工作年度报告
    after normalisation, and some agency name must precede the year.
    """
    if report.title is None:
        check.fail("未找到报告标题（应为“<机关名称><YYYY>年政府信息公开工作年度报告”）",
                   "No title was found (expected “<agency><YYYY>年政府信息公开工作年度报告”)",
                   fix_zh="请在开头写明标题，如“××局2023年政府信息公开工作年度报告”",
                   fix_en="Start with a title such as “××局2023年政府信息公开工作年度报告”")
        return
    title = search_key(report.title.text).strip(_AGENCY_STRIP)
    m = _TITLE.match(title)
    if m is not None:
        has_year, agency, kind = True, m.group("agency").strip(_AGENCY_STRIP), m.group("kind")
    else:
        at = title.find(_TITLE_KIND)
        has_year, agency, kind = False, title[:at].strip(_AGENCY_STRIP) if at > 0 else "", title[max(at, 0):]
    issues_zh: list[str] = []
    issues_en: list[str] = []
    if not has_year:
        issues_zh.append("缺少年份")
        issues_en.append("no year")
    if not agency and kind.endswith(_TITLE_KIND) and kind != _TITLE_KIND:
        agency = kind[: -len(_TITLE_KIND)].strip(_AGENCY_STRIP)  # "2023年××局政府信息公开…"
        issues_zh.append("机关名称应写在年份之前")
        issues_en.append("the agency should precede the year")
    elif not agency and kind == _TITLE_KIND:
        issues_zh.append("缺少机关名称")
        issues_en.append("no agency name")
    elif kind != _TITLE_KIND:
        issues_zh.append("措辞与常用格式不同")
        issues_en.append("other wording")
    if not issues_zh:
        return
    suggestion = f"{agency or (report.agency or '<机关名称>')}{report.year or 'YYYY'}年{_TITLE_KIND}"
    check.fail(f"标题“{report.title.text.strip()}”不是常用格式（{'、'.join(issues_zh)}），"
               f"宜写作“<机关名称><YYYY>年政府信息公开工作年度报告”",
               f"The title “{report.title.text.strip()}” does not follow the usual form ({', '.join(issues_en)}): "
               "“<agency><YYYY>年政府信息公开工作年度报告”",
               at=report.title, expected=suggestion, actual=report.title.text.strip(),
               fix_zh=f"建议改为“{suggestion}”", fix_en=f"Consider “{suggestion}”")
